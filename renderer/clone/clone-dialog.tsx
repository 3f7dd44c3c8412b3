import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CloneName,
  defaultCloneVolume,
  type CloneDiskMode,
  type CloneDiskPlan,
} from '../../shared/api/domain-clone';
import type { DomainSummary } from '../../shared/api/domains';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { useJobSubmit } from '../common/use-job-submit';
import { FormFooter } from '../storage/volumes/form-footer';
import { useClonePlan } from './use-clone-plan';

type DiskChoice = { mode: CloneDiskMode; volume?: string };

/**
 * Clone a shut-off or paused VM: the clone's name (free by default) and, per disk, a copy in a new
 * volume of the same pool, the same disk shared, or nothing. The clone runs as a job: once it has
 * started the dialog closes, and the jobs panel shows its progress and Cancel.
 */
export function CloneDialog(props: {
  hostId: string;
  domain: DomainSummary;
  takenNames: ReadonlySet<string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { cloneCalls } = useStores();
  const { hostId, domain } = props;
  const plan = useClonePlan(hostId, domain.uuid);
  const [name, setName] = useState<string>();
  const [choices, setChoices] = useState<Record<string, DiskChoice>>({});
  const job = useJobSubmit({
    onStarted: props.onClose,
    doneKey: 'clone.done',
    failedKey: 'clone.failed',
    failedParams: { name: domain.name },
  });
  const cloneName = name ?? (plan.state === 'ready' ? plan.name : '');

  const nameProblem = (() => {
    const parsed = CloneName.safeParse(cloneName);
    if (!parsed.success) return parsed.error.issues[0]?.message;
    if (props.takenNames.has(parsed.data)) return t('clone.nameTaken');
    return undefined;
  })();
  const disks = plan.state === 'ready' ? plan.disks : [];
  const chosen = (disk: CloneDiskPlan): Required<DiskChoice> => {
    const choice = choices[disk.target];
    const fallback = disk.volume
      ? defaultCloneVolume(cloneName.trim(), {
          vmName: domain.name,
          volume: disk.volume,
          target: disk.target,
        })
      : '';
    return { mode: choice?.mode ?? disk.suggested, volume: choice?.volume ?? fallback };
  };
  const volumeProblems = (() => {
    const problems: Record<string, string> = {};
    const seen = new Set<string>();
    for (const disk of disks) {
      const { mode, volume } = chosen(disk);
      if (mode !== 'clone') continue;
      if (volume.trim() === '') problems[disk.target] = t('clone.volumeRequired');
      else if (seen.has(`${disk.pool}/${volume.trim()}`)) problems[disk.target] = t('clone.volumeTwice');
      seen.add(`${disk.pool}/${volume.trim()}`);
    }
    return problems;
  })();

  const submit = () => {
    if (nameProblem || Object.keys(volumeProblems).length > 0) return;
    const request = {
      hostId,
      uuid: domain.uuid,
      name: cloneName.trim(),
      disks: disks.map((disk) => {
        const { mode, volume } = chosen(disk);
        return { target: disk.target, mode, ...(mode === 'clone' ? { newVolume: volume.trim() } : {}) };
      }),
    };
    // The dialog closes as soon as the clone's job has started (its checks passed); a refusal stays in it.
    job.run(() => cloneCalls.clone(request, domain.name));
  };

  return (
    <Dialog title={t('clone.title', { name: domain.name })} onCancel={props.onClose} className="clone-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {plan.state === 'loading' && <p className="loading">{t('clone.loading')}</p>}
        {plan.state === 'failed' && (
          <p role="alert" className="field-error">
            {t('clone.loadFailed', { message: plan.message })}
          </p>
        )}
        {plan.state === 'ready' && (
          <>
            <TextField
              label={t('clone.name')}
              value={cloneName}
              onChange={setName}
              error={nameProblem}
              autoFocus
            />
            <p className="field-hint">{t('clone.macs')}</p>
            {plan.uefi && <p className="field-hint">{t('clone.uefi')}</p>}
            {disks.map((disk) => (
              <DiskRow
                key={disk.target}
                disk={disk}
                choice={chosen(disk)}
                problem={volumeProblems[disk.target]}
                onChange={(choice) =>
                  setChoices((all) => ({ ...all, [disk.target]: { ...chosen(disk), ...choice } }))
                }
              />
            ))}
          </>
        )}
        <FormFooter
          error={job.error}
          busy={job.busy || plan.state !== 'ready'}
          submitLabel={t('clone.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}

function DiskRow(props: {
  disk: CloneDiskPlan;
  choice: Required<DiskChoice>;
  problem: string | undefined;
  onChange: (choice: Partial<DiskChoice>) => void;
}) {
  const { t } = useTranslation();
  const { disk, choice } = props;
  const selectId = useId();
  const legend = !disk.path
    ? t('clone.noMedia', { target: disk.target })
    : disk.pool
      ? t('clone.diskInPool', { target: disk.target, path: disk.path, pool: disk.pool })
      : t('clone.disk', { target: disk.target, path: disk.path });
  return (
    <fieldset className="clone-disk">
      <legend>{legend}</legend>
      <label htmlFor={selectId}>{t('clone.mode')}</label>
      <select
        id={selectId}
        value={choice.mode}
        onChange={(e) => props.onChange({ mode: e.target.value as CloneDiskMode })}
      >
        {(['clone', 'share', 'none'] as const).map((mode) => (
          <option key={mode} value={mode} disabled={mode === 'clone' && disk.notCloneable !== undefined}>
            {t(`clone.modes.${mode}`)}
          </option>
        ))}
      </select>
      {disk.notCloneable && (
        <p className="field-hint">{t('clone.notCloneable', { reason: disk.notCloneable })}</p>
      )}
      {choice.mode === 'clone' && disk.pool && (
        <TextField
          label={t('clone.newVolume', { pool: disk.pool })}
          value={choice.volume}
          onChange={(volume) => props.onChange({ volume })}
          error={props.problem}
        />
      )}
      {choice.mode === 'share' && !disk.readonly && disk.device === 'disk' && (
        <p className="field-hint">{t('clone.sharedWarning')}</p>
      )}
    </fieldset>
  );
}
