import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Prefs } from '../../../shared/api/prefs';
import type { HostCapabilities } from '../../../shared/api/wizard';
import { StoresProvider } from '../../common/stores-context';
import { createI18n } from '../../i18n/create-i18n';
import { createStores } from '../../stores/create-stores';
import { FakeApi } from '../../testing/fake-api';
import { initialChoices } from '../wizard-choices';
import { StorageStep } from './storage-step';

// Rendered to markup (no DOM here): the hint under the new disk's size names the format it gets.
function render(storageFormat: 'qcow2' | 'raw', language = 'en'): string {
  const stores = createStores(new FakeApi());
  stores.prefs.getState().apply(Prefs.parse({ newVm: { storageFormat } }));
  // Server rendering reads a store's initial state (useSyncExternalStore's server snapshot).
  const applied = stores.prefs.getState();
  stores.prefs.getInitialState = () => applied;
  const c = { ...initialChoices('h1'), storageKind: 'new' as const, sizeGiB: '20' };
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StoresProvider stores={stores}>
        <StorageStep c={c} set={() => undefined} caps={{} as HostCapabilities} />
      </StoresProvider>
    </I18nextProvider>,
  );
}

describe('storage step', () => {
  it('says which format the new disk gets: the preferences’ new-VM disk format', () => {
    expect(render('raw')).toContain('raw (fastest, no internal snapshots)');
    expect(render('raw')).not.toContain('qcow2');
    expect(render('qcow2')).toContain('qcow2 (allocated as the guest writes, snapshots)');
    expect(render('raw', 'zh-CN')).toContain('raw（最快，不支持内部快照）');
  });
});
