import type { EditResult } from '../../shared/api/domain-edit';
import type { CheckMessage } from '../../shared/checks/check-message';
import { useCheckText } from '../i18n/check-text';
import { useDetailsT, type DetailsKey } from './details-strings';

/** What the last Apply said: stale (with what changed and Reload), refused, a diff preview, or done. */
export function EditResultView({
  result,
  onReload,
}: {
  result: EditResult | undefined;
  onReload: () => void;
}) {
  const t = useDetailsT();
  const describeCheck = useCheckText();
  if (!result) return null;
  switch (result.outcome) {
    case 'stale':
      return (
        <div role="alert" className="edit-result edit-stale">
          <p>{t('staleTitle')}</p>
          <details open>
            <summary>{t('staleChanges')}</summary>
            <pre className="diff">{result.changes}</pre>
          </details>
          <button type="button" onClick={onReload}>
            {t('reload')}
          </button>
        </div>
      );
    case 'invalid':
      return (
        <div role="alert" className="edit-result edit-invalid">
          <p>{t('invalidTitle')}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.line !== undefined
                  ? t('xmlMalformedAt', { line: p.line, message: p.message })
                  : problemText(t, p, describeCheck)}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'preview':
      return (
        <div className="edit-result edit-preview" role="region" aria-label={t('diffTitle')}>
          <p>{t('diffTitle')}</p>
          <pre className="diff">{result.diff || t('noChanges')}</pre>
        </div>
      );
    case 'applied': {
      const later = result.fields.filter((f) => f.applied === 'next-boot');
      return (
        <div role="status" className="edit-result edit-applied">
          {t('applied')}
          {later.length > 0 && ` — ${t('someNextShutdown', { count: later.length })}`}
        </div>
      );
    }
  }
}

export function problemText(
  t: (key: DetailsKey, values?: Record<string, unknown>) => string,
  problem: {
    code: string;
    message: string;
    values?: Record<string, string | number> | undefined;
    check?: CheckMessage | undefined;
  },
  describeCheck?: (message: CheckMessage) => string,
): string {
  if (problem.check && describeCheck) return describeCheck(problem.check);
  const key = problem.code as DetailsKey;
  const known = t(key, problem.values);
  return known && known !== `details.${key}` ? known : problem.message;
}
