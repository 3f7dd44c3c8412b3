import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '../../shared/api/snapshots';
import { toApiError } from '../api/api-error-from';
import { FormError } from '../common/form-error';
import { useFormatTime } from './use-format-time';

/** The selected snapshot's facts, and its description, editable (saved with `snapshots/describe`). */
export function SnapshotDetails(props: {
  snapshot: SnapshotView;
  onDescribe: (description: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const { snapshot } = props;
  const descriptionId = useId();
  const [text, setText] = useState(snapshot.description);
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setStatus({}), [snapshot.name]);
  useEffect(() => setText(snapshot.description), [snapshot.name, snapshot.description]);

  const save = async () => {
    setBusy(true);
    try {
      await props.onDescribe(text);
      setStatus({ saved: true });
    } catch (e) {
      setStatus({ error: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  const facts: Array<[string, string]> = [
    [t('snapshots.details.name'), snapshot.name],
    [t('snapshots.details.created'), time(snapshot.createdAt)],
    [t('snapshots.details.state'), t(`snapshots.states.${snapshot.state}`)],
    [t('snapshots.details.location'), t(`snapshots.locations.${snapshot.location}`)],
    [
      t('snapshots.details.memory'),
      t(snapshot.memory ? 'snapshots.details.memoryYes' : 'snapshots.details.memoryNo'),
    ],
    [t('snapshots.details.parent'), snapshot.parent ?? t('snapshots.details.parentNone')],
    ...(snapshot.files.length > 0
      ? [[t('snapshots.details.files'), snapshot.files.join('\n')] as [string, string]]
      : []),
  ];
  return (
    <section className="snapshot-details" aria-label={t('snapshots.details.heading')}>
      <dl>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={descriptionId}>{t('snapshots.details.description')}</label>
        <textarea
          id={descriptionId}
          rows={3}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setStatus({});
          }}
        />
        <div className="dialog-buttons">
          {status.saved && <span role="status">{t('snapshots.details.saved')}</span>}
          <button type="submit" disabled={busy || text === snapshot.description}>
            {t('snapshots.details.save')}
          </button>
        </div>
        <FormError message={status.error} />
      </form>
    </section>
  );
}
