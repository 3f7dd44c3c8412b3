import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotView } from '../../shared/api/snapshots';
import { ConfirmActionDialog } from '../common/confirm-dialog';
import { RadioField } from '../common/radio-field';
import { useFormatTime } from './use-format-time';

type Then = 'as-taken' | 'running' | 'paused';

/** Confirm a revert and choose the VM's state afterwards; says so when the host cannot revert it. */
export function RevertSnapshotDialog(props: {
  vmName: string;
  snapshot: SnapshotView;
  /** Why this host cannot revert to it (external snapshots before libvirt 9.9), if so. */
  blocked?: string | undefined;
  onRevert: (then: Then) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const group = useId();
  const [then, setThen] = useState<Then>('as-taken');
  const { snapshot } = props;
  const options: Array<{ value: Then; label: string }> = [
    {
      value: 'as-taken',
      label: t('snapshots.revertDialog.asTaken', { state: t(`snapshots.states.${snapshot.state}`) }),
    },
    { value: 'running', label: t('snapshots.revertDialog.running') },
    { value: 'paused', label: t('snapshots.revertDialog.paused') },
  ];
  return (
    <ConfirmActionDialog
      title={t('snapshots.revertDialog.title', { name: props.vmName })}
      message={t('snapshots.revertDialog.message', {
        name: props.vmName,
        snapshot: snapshot.name,
        time: time(snapshot.createdAt),
      })}
      confirmLabel={t('snapshots.revertDialog.submit')}
      blocked={props.blocked}
      onConfirm={() => props.onRevert(then)}
      onClose={props.onClose}
    >
      <fieldset>
        <legend>{t('snapshots.revertDialog.then')}</legend>
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
    </ConfirmActionDialog>
  );
}
