import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SnapshotName, type SnapshotCreate, type SnapshotSupport } from '../../shared/api/snapshots';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { RadioField as Radio } from '../common/radio-field';
import { TextField } from '../common/text-field';
import { FormFooter } from '../storage/volumes/form-footer';
import { defaultSnapshotName } from './snapshot-tree';

type Choice = Pick<SnapshotCreate, 'memory' | 'location' | 'quiesce'>;

/** What the dialog offers first: memory for a running VM, internal unless the VM cannot have it. */
function initialChoice(active: boolean, support: SnapshotSupport): Choice {
  return { memory: active, location: support.internalBlocked ? 'external' : 'internal', quiesce: false };
}

/**
 * Take a snapshot: name (from the time), description, disks and memory or disks only, internal or
 * external, quiesce where a guest agent answers. A snapshot with memory runs as a job: the dialog
 * hands it over (`onStarted`) and closes, so the jobs panel's Cancel is reachable.
 */
export function CreateSnapshotDialog(props: {
  vmName: string;
  active: boolean;
  support: SnapshotSupport;
  taken: ReadonlySet<string>;
  onCreate: (request: Omit<SnapshotCreate, 'hostId' | 'uuid'>) => Promise<unknown>;
  onStarted: (name: string, done: Promise<unknown>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { active, support } = props;
  const initialName = useMemo(() => defaultSnapshotName(new Date(), props.taken), [props.taken]);
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [choice, setChoice] = useState<Choice>(() => initialChoice(active, support));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();
  const nameProblem = (() => {
    if (name.trim() === '') return t('snapshots.dialog.nameRequired');
    if (!SnapshotName.safeParse(name).success) return t('snapshots.dialog.nameBad');
    if (props.taken.has(name.trim())) return t('snapshots.dialog.nameTaken');
    return undefined;
  })();
  const quiesceOffered = support.agent && choice.location === 'external' && !choice.memory;
  const internalBlocked = support.internalBlocked;
  const group = useId();

  const submit = async () => {
    if (nameProblem) return setError(nameProblem);
    const request = { name: name.trim(), description, ...choice, quiesce: quiesceOffered && choice.quiesce };
    const done = props.onCreate(request);
    if (request.memory) {
      props.onStarted(request.name, done);
      props.onClose();
      return;
    }
    setBusy(true);
    try {
      await done;
      props.onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('snapshots.dialog.title', { name: props.vmName })} onCancel={props.onClose}>
      <form
        className="snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('snapshots.dialog.name')}
          value={name}
          onChange={setName}
          error={nameProblem}
          autoFocus
        />
        <div className="field">
          <label htmlFor={descriptionId}>{t('snapshots.dialog.description')}</label>
          <textarea
            id={descriptionId}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('snapshots.dialog.contents')}</legend>
          {active ? (
            <>
              <Radio
                name={`${group}-contents`}
                label={t('snapshots.dialog.memory')}
                checked={choice.memory}
                onChange={() => setChoice({ ...choice, memory: true })}
              />
              <Radio
                name={`${group}-contents`}
                label={t('snapshots.dialog.diskOnly')}
                checked={!choice.memory}
                onChange={() => setChoice({ ...choice, memory: false, location: 'external' })}
              />
            </>
          ) : (
            <p className="field-hint">{t('snapshots.dialog.offNoMemory')}</p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('snapshots.dialog.location')}</legend>
          <Radio
            name={`${group}-location`}
            label={t('snapshots.dialog.internal')}
            checked={choice.location === 'internal'}
            disabled={internalBlocked !== undefined || (active && !choice.memory)}
            onChange={() => setChoice({ ...choice, location: 'internal' })}
          />
          {internalBlocked && <p className="field-hint snapshot-reason">{internalBlocked}</p>}
          <Radio
            name={`${group}-location`}
            label={t('snapshots.dialog.external')}
            checked={choice.location === 'external'}
            onChange={() => setChoice({ ...choice, location: 'external' })}
          />
          {choice.location === 'external' && !support.externalRevert && (
            <p className="field-hint">{t('snapshots.dialog.externalNoRevert')}</p>
          )}
        </fieldset>
        {quiesceOffered && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={choice.quiesce}
              onChange={(e) => setChoice({ ...choice, quiesce: e.target.checked })}
            />
            {t('snapshots.dialog.quiesce')}
          </label>
        )}
        <FormFooter
          error={error}
          busy={busy}
          submitLabel={t('snapshots.dialog.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
