import { useMemo } from 'react';
import { useStoreState, useStores } from '../common/stores-context';
import { hostDisplayName } from '../stores/display-names';
import { SaveFileDialog } from '../save-file/save-file-dialog';
import { MigrateDialog } from '../migrate/migrate-dialog';
import { CloneDialog } from './clone-dialog';
// Import a VM from XML (issue 13)
import { ImportXmlDialog } from '../domains/import/import-xml-dialog';

/** The dialog a VM action (Clone, Save to file, Migrate) or a host's menu (Restore from file) opened, if any. */
export function VmDialogs() {
  const { ui } = useStores();
  const open = useStoreState('ui', (s) => s.vmDialog);
  const byUuid = useStoreState('domains', (s) => (open ? s.byHost[open.hostId] : undefined));
  const host = useStoreState('hosts', (s) => (open ? s.byId[open.hostId] : undefined));
  const takenNames = useMemo(() => new Set(Object.values(byUuid ?? {}).map((d) => d.name)), [byUuid]);
  const hosts = useStoreState('hosts', (s) => s.byId);
  const destinations = useMemo(
    () => Object.values(hosts).filter((h) => h.config.id !== open?.hostId && h.status.state === 'connected'),
    [hosts, open?.hostId],
  );
  if (!open || !host) return null;
  const close = () => ui.getState().closeVmDialog();
  if (open.kind === 'restore-file')
    return <SaveFileDialog hostId={open.hostId} hostName={hostDisplayName(host.config)} onClose={close} />;
  // Import a VM from XML (issue 13)
  if (open.kind === 'import-xml')
    return <ImportXmlDialog hostId={open.hostId} hostName={hostDisplayName(host.config)} onClose={close} />;
  const domain = byUuid?.[open.uuid];
  if (!domain) return null;
  if (open.kind === 'save-file')
    return (
      <SaveFileDialog
        hostId={open.hostId}
        hostName={hostDisplayName(host.config)}
        vm={{ uuid: domain.uuid, name: domain.name }}
        onClose={close}
      />
    );
  if (open.kind === 'migrate')
    return (
      <MigrateDialog
        hostId={open.hostId}
        hostName={hostDisplayName(host.config)}
        domain={domain}
        destinations={destinations}
        onClose={close}
      />
    );
  return <CloneDialog hostId={open.hostId} domain={domain} takenNames={takenNames} onClose={close} />;
}
