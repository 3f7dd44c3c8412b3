import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { HostCapabilities } from '../../../shared/api/wizard';
import { vmNameProblem } from '../../../shared/wizard/vm-defaults';
import { StoresProvider } from '../../common/stores-context';
import { createI18n } from '../../i18n/create-i18n';
import { createStores } from '../../stores/create-stores';
import { FakeApi } from '../../testing/fake-api';
import { initialChoices } from '../wizard-choices';
import { FinishStep } from './finish-step';

const caps = {
  session: true,
  firmware: { bios: true, efi: true, secureBoot: false, loaders: [] },
  devices: { tpmBackends: [] },
} as unknown as HostCapabilities;

// Rendered to markup (no DOM here): the name step with a name another VM of the host has.
function render(name: string, language: string): string {
  const c = { ...initialChoices('h1'), name };
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StoresProvider stores={createStores(new FakeApi())}>
        <FinishStep
          c={c}
          set={() => undefined}
          caps={caps}
          plan={undefined}
          nameProblem={vmNameProblem(name, new Set(['web', 'db']))}
        />
      </StoresProvider>
    </I18nextProvider>,
  );
}

describe('the wizard’s name step (issue 15)', () => {
  it('says why a name is refused in the window’s language', () => {
    expect(render('web', 'en')).toContain('A VM named “web” already exists on this host');
    expect(render('web', 'zh-CN')).toContain('此宿主机上已有名为“web”的虚拟机');
    expect(render('a/b', 'zh-CN')).toContain('虚拟机名称不能包含“/”');
    expect(render('fresh', 'zh-CN')).not.toContain('虚拟机名称');
  });
});
