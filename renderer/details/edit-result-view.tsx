import { useTranslation } from 'react-i18next';
import type { EditResult, FieldOutcome } from '../../shared/api/domain-edit';
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
      // Why a change could not be made on the running guest (a known reason in plain words).
      const reasons = [
        ...new Set(
          later
            .filter((f) => f.message && !isWholeDevice(f.field)) // devices say theirs in DeviceOutcomes
            .map((f) => problemText(t, { code: f.code ?? '', message: f.message!, values: f.values })),
        ),
      ];
      return (
        <div role="status" className="edit-result edit-applied">
          {t('applied')}
          {later.length > 0 && ` — ${t('someNextShutdown', { count: later.length })}`}
          <DeviceOutcomes fields={result.fields} />
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

/** A whole device added or removed (`device:KEY`), not one of its fields (`device:KEY.sourceFile`). */
const isWholeDevice = (field: string) => field.startsWith('device:') && !/\.[a-zA-Z]\w*$/.test(field);

/**
 * Add Hardware / Remove on a running VM (issue 13): each device attached or detached now, or only
 * after the next guest shutdown (with libvirt's words why).
 */
export function DeviceOutcomes({ fields }: { fields: readonly FieldOutcome[] }) {
  const { t } = useTranslation();
  const devices = fields.filter((f) => isWholeDevice(f.field));
  if (devices.length === 0 || devices.every((f) => f.applied === 'saved')) return null;
  return (
    <ul className="device-outcomes" aria-label={t('hardware.live.outcomes')}>
      {devices.map((f) => (
        <li key={f.field} data-applied={f.applied}>
          {t(`hardware.live.outcome.${f.applied}`, { device: f.field.slice('device:'.length) })}
          {f.message ? ` (${f.message})` : ''}
        </li>
      ))}
    </ul>
  );
}
