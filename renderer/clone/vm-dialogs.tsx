import { useMemo } from 'react';
import { useStoreState, useStores } from '../common/stores-context';
import { CloneDialog } from './clone-dialog';

/** The dialog a VM action opened (Clone), for the VM it was opened on; nothing when none is open. */
export function VmDialogs() {
  const { ui } = useStores();
  const open = useStoreState('ui', (s) => s.vmDialog);
  const byUuid = useStoreState('domains', (s) => (open ? s.byHost[open.hostId] : undefined));
  const takenNames = useMemo(() => new Set(Object.values(byUuid ?? {}).map((d) => d.name)), [byUuid]);
  const domain = open ? byUuid?.[open.uuid] : undefined;
  if (!open || !domain) return null;
  return (
    <CloneDialog
      hostId={open.hostId}
      domain={domain}
      takenNames={takenNames}
      onClose={() => ui.getState().closeVmDialog()}
    />
  );
}
