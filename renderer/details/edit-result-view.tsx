import type { EditResult } from '../../shared/api/domain-edit';
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
                  : problemText(t, p)}
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
      // Why a change could not be made on the running guest (a known reason in plain words).
      const reasons = [
        ...new Set(
          later
            .filter((f) => f.message)
            .map((f) => problemText(t, { code: f.code ?? '', message: f.message!, values: f.values })),
        ),
      ];
      return (
        <div role="status" className="edit-result edit-applied">
          {t('applied')}
          {later.length > 0 && ` — ${t('someNextShutdown', { count: later.length })}`}
          {reasons.length > 0 && (
            <ul className="live-reasons">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      );
    }
  }
}

export function problemText(
  t: (key: DetailsKey, values?: Record<string, unknown>) => string,
  problem: { code: string; message: string; values?: Record<string, string | number> | undefined },
): string {
  const key = problem.code as DetailsKey;
  const known = t(key, problem.values);
  return known && known !== `details.${key}` ? known : problem.message;
}
