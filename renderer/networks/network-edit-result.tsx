import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { problemOrCheck, useCheckText } from '../i18n/check-text';

/** What the last "Apply…" or "Confirm" said: the diff to confirm, stale, refused, or defined. */
export function NetworkEditResultView({ name }: { name: string }) {
  const { t } = useTranslation();
  const describeCheck = useCheckText(); // issue 15: the identity problems in the window's language
  const { networkEdit } = useStores();
  const result = useStoreState('networkEdit', (s) => s.session?.result);
  if (!result) return null;
  switch (result.outcome) {
    case 'stale':
      return (
        <div role="alert" className="edit-result edit-stale">
          <p>{t('networks.xmlEdit.staleTitle', { name })}</p>
          <details open>
            <summary>{t('networks.xmlEdit.staleChanges')}</summary>
            <pre className="diff">{result.changes}</pre>
          </details>
          <button type="button" onClick={() => void networkEdit.getState().reload()}>
            {t('networks.xmlEdit.reload')}
          </button>
        </div>
      );
    case 'invalid':
      return (
        <div role="alert" className="edit-result edit-invalid">
          <p>{t('networks.xmlEdit.invalidTitle')}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.line !== undefined
                  ? t('networks.xmlEdit.malformedAt', {
                      line: p.line,
                      column: p.column ?? 1,
                      message: p.message,
                    })
                  : problemOrCheck(describeCheck, p)}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'preview':
      return (
        <div
          className="edit-result edit-preview"
          role="region"
          aria-label={t('networks.xmlEdit.diffTitle', { name })}
        >
          <p>{t('networks.xmlEdit.diffTitle', { name })}</p>
          <pre className="diff">{result.diff || t('networks.xmlEdit.noChanges')}</pre>
          <p>{t(`networks.xmlEdit.effect.${result.effect}`)}</p>
        </div>
      );
    case 'applied':
      return (
        <div role="status" className="edit-result edit-applied">
          <p>
            {t('networks.xmlEdit.applied')} {t(`networks.xmlEdit.effect.${result.effect}`)}
          </p>
          {result.message && <p>{t('networks.xmlEdit.liveRefused', { message: result.message })}</p>}
        </div>
      );
  }
}
