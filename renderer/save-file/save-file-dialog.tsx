import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostFilePath } from '../../shared/api/domain-save-file';
import { Dialog } from '../common/dialog';
import { RadioField } from '../common/radio-field';
import { useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { useJobSubmit } from '../common/use-job-submit';
import { FormFooter } from '../storage/volumes/form-footer';

type Then = 'as-saved' | 'running' | 'paused';

/**
 * Save a VM's memory to a file on the host (`vm` given), or restore one from such a file. Both run
 * as jobs: the dialog closes once its job has started (the path passed the host's checks), and the
 * jobs panel shows progress and Cancel.
 */
export function SaveFileDialog(props: {
  hostId: string;
  hostName: string;
  vm?: { uuid: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { saveFileCalls } = useStores();
  const { hostId, vm } = props;
  const group = useId();
  const [path, setPath] = useState(vm ? `/tmp/${vm.name}.save` : '');
  const [then, setThen] = useState<Then>('as-saved');
  const job = useJobSubmit({
    onStarted: props.onClose,
    doneKey: 'saveFile.done',
    failedKey: 'saveFile.failed',
  });
  const parsed = HostFilePath.safeParse(path);
  const problem = path === '' || parsed.success ? undefined : parsed.error.issues[0]?.message;

  const submit = () => {
    if (!parsed.success) return job.setError(problem ?? t('saveFile.pathHint'));
    // The dialog closes once its job has started (the path passed the host's checks).
    job.run(() =>
      vm
        ? saveFileCalls.save({ hostId, uuid: vm.uuid, path: parsed.data, then })
        : saveFileCalls.restore({ hostId, path: parsed.data, then }),
    );
  };

  const options: Array<{ value: Then; label: string }> = [
    { value: 'as-saved', label: t('saveFile.asSaved') },
    { value: 'running', label: t('saveFile.running') },
    { value: 'paused', label: t('saveFile.paused') },
  ];
  return (
    <Dialog
      title={
        vm ? t('saveFile.saveTitle', { name: vm.name }) : t('saveFile.restoreTitle', { host: props.hostName })
      }
      onCancel={props.onClose}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('saveFile.path')}
          value={path}
          onChange={setPath}
          error={problem}
          hint={vm ? t('saveFile.pathHint') : t('saveFile.restoreHint')}
          autoFocus
        />
        <fieldset>
          <legend>{t('saveFile.then')}</legend>
          {options.map((o) => (
            <RadioField
              key={o.value}
              name={group}
              label={o.label}
              checked={then === o.value}
              onChange={() => setThen(o.value)}
            />
          ))}
        </fieldset>
        <FormFooter
          error={job.error}
          busy={job.busy}
          submitLabel={vm ? t('saveFile.save') : t('saveFile.restore')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
