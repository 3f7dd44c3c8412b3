import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../shared/domain-edit/edit-checks';
import { parseDomainXml } from '../../shared/xml/objects';
import { fixture } from '../../shared/xml/testing/validate';
import { createI18n } from '../i18n/create-i18n';
import { EditResultView } from './edit-result-view';

// Rendered to markup (no DOM here): what Apply says when an edit gives 3 sockets × 2 cores.
function render(language: string): string {
  const doc = parseDomainXml(fixture('csr1kv-1.xml'));
  const keyOf = keysBefore(doc);
  applyChanges(doc, [{ target: 'domain', view: 'cpu', patch: { sockets: 3, cores: 2, threads: 1 } }]);
  const problems = checkDomain(doc, {}, keyOf);
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <EditResultView result={{ outcome: 'invalid', problems }} onReload={() => undefined} />
    </I18nextProvider>,
  );
}

describe('an edit refused by checkDomain (issue 15)', () => {
  it('names the topology’s numbers in the window’s language', () => {
    expect(render('en')).toMatch(/The topology gives 6 vCPUs, not \d+/);
    expect(render('zh-CN')).toMatch(/拓扑给出 6 个 vCPU，而不是 \d+ 个/);
  });
});
