import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { check, checkEnglish } from '../../shared/checks/check-message';
import { StoresProvider } from '../common/stores-context';
import { createI18n } from '../i18n/create-i18n';
import { createStores } from '../stores/create-stores';
import { FakeApi } from '../testing/fake-api';
import { NetworkEditResultView } from './network-edit-result';

// Rendered to markup (no DOM here): the XML edit refused because its <name> changed.
function render(language: string): string {
  const stores = createStores(new FakeApi());
  const problem = check('network.renamed', { name: 'default' });
  stores.networkEdit.setState({
    session: {
      result: {
        outcome: 'invalid',
        problems: [{ field: 'xml', code: 'network-renamed', message: checkEnglish(problem), check: problem }],
      },
    },
  } as never);
  // Server rendering reads a zustand store's initial state: make it the state just set.
  Object.assign(stores.networkEdit, { getInitialState: stores.networkEdit.getState });
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StoresProvider stores={stores}>
        <NetworkEditResultView name="default" />
      </StoresProvider>
    </I18nextProvider>,
  );
}

describe('a network XML edit refused for its identity (issue 15)', () => {
  it('says so in the window’s language', () => {
    expect(render('en')).toContain('must stay “default”: libvirt cannot rename a network');
    expect(render('zh-CN')).toContain('&lt;name&gt; 必须保持为“default”：libvirt 不能重命名网络');
  });
});
