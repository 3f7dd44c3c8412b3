import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotCreate } from '../../shared/api/snapshots';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';
import { CreateSnapshotDialog } from './create-snapshot-dialog';
import { DeleteSnapshotDialog } from './delete-snapshot-dialog';
import { RevertSnapshotDialog } from './revert-snapshot-dialog';
import { SnapshotDetails } from './snapshot-details';
import { snapshotTreeRows } from './snapshot-tree';
import { SnapshotTreeView } from './snapshot-tree-view';
import { useSnapshots } from './use-snapshots';
import './snapshots.css';

type Open = 'create' | 'revert' | 'delete' | null;
const ACTIVE = new Set(['running', 'idle', 'paused']);

/**
 * The VM window's Snapshots page: the tree of a VM's snapshots with the current one marked, the
 * selected one's details (description editable), and Take / Revert / Delete. A page of the VM
 * window's page registry: it needs only the host and the VM's name.
 */
export function SnapshotsPage({ hostId, domainName }: { hostId: string; domainName: string }) {
  const { t } = useTranslation();
  const { snapshotCalls, activity } = useStores();
  const domain = useStoreState('domains', (s) =>
    Object.values(s.byHost[hostId] ?? {}).find((d) => d.name === domainName),
  );
  const uuid = domain?.uuid;
  const { read, reload } = useSnapshots(hostId, uuid, domain?.state);
  const [selected, setSelected] = useState<string>();
  const [open, setOpen] = useState<Open>(null);
  const [working, setWorking] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const rows = useMemo(() => (read.state === 'ready' ? snapshotTreeRows(read.snapshots) : []), [read]);
  const taken = useMemo(() => new Set(rows.map((r) => r.snapshot.name)), [rows]);
  const row = rows.find((r) => r.snapshot.name === selected) ?? rows.find((r) => r.snapshot.current);
  const snapshot = row?.snapshot;

  if (!domain || !uuid) return <p className="snapshots-page">{t('snapshots.noVm')}</p>;
  const ref = { hostId, uuid };
  const active = ACTIVE.has(domain.state);
  const externalShown = rows.some(
    (r) => r.snapshot.location !== 'internal' && r.snapshot.location !== 'none',
  );
  const revertBlocked =
    read.state === 'ready' &&
    snapshot &&
    (snapshot.location === 'external' || snapshot.location === 'mixed') &&
    !read.support.externalRevert
      ? t('snapshots.noExternalRevert')
      : undefined;

  const create = (request: Omit<SnapshotCreate, 'hostId' | 'uuid'>) => {
    setFailure(undefined);
    return snapshotCalls.create(ref, request).then((answer) => {
      setSelected(request.name);
      return answer;
    });
  };
  const started = (name: string, done: Promise<unknown>) => {
    setWorking((w) => [...w, name]);
    done.then(
      () => activity.getState().post('success', 'snapshots.created', { name }),
      (error: unknown) => {
        const message = toApiError(error).message;
        setFailure(t('snapshots.createFailed', { name, message }));
        activity.getState().post('error', 'snapshots.createFailed', { name, message });
      },
    );
    void done.catch(() => undefined).finally(() => setWorking((w) => w.filter((n) => n !== name)));
  };

  return (
    <section className="snapshots-page" aria-label={t('snapshots.page', { name: domain.name })}>
      <div role="toolbar" aria-label={t('snapshots.toolbar')} className="snapshot-toolbar">
        <button type="button" disabled={read.state !== 'ready'} onClick={() => setOpen('create')}>
          {t('snapshots.create')}
        </button>
        <button type="button" disabled={!snapshot} onClick={() => setOpen('revert')}>
          {t('snapshots.revert')}
        </button>
        <button type="button" disabled={!snapshot} onClick={() => setOpen('delete')}>
          {t('snapshots.delete')}
        </button>
        <button type="button" onClick={reload}>
          {t('snapshots.refresh')}
        </button>
      </div>
      {working.map((name) => (
        <p key={name} role="status" className="snapshot-working">
          {t('snapshots.working', { name })}
        </p>
      ))}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {read.state === 'ready' && externalShown && !read.support.externalRevert && (
        <p className="field-hint">{t('snapshots.noExternalRevert')}</p>
      )}
      {read.state === 'loading' && <p className="loading">{t('snapshots.loading')}</p>}
      {read.state === 'failed' && (
        <p role="alert" className="field-error">
          {t('snapshots.loadFailed', { message: read.message })}
        </p>
      )}
      {read.state === 'ready' && rows.length === 0 && <p>{t('snapshots.none')}</p>}
      {rows.length > 0 && (
        <div className="snapshot-panes">
          <SnapshotTreeView rows={rows} selected={snapshot?.name} onSelect={setSelected} />
          {snapshot ? (
            <SnapshotDetails
              snapshot={snapshot}
              onDescribe={(description) => snapshotCalls.describe(ref, snapshot.name, description)}
            />
          ) : (
            <p>{t('snapshots.details.selectHint')}</p>
          )}
        </div>
      )}
      {open === 'create' && read.state === 'ready' && (
        <CreateSnapshotDialog
          vmName={domain.name}
          active={active}
          support={read.support}
          taken={taken}
          onCreate={create}
          onStarted={started}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'revert' && snapshot && (
        <RevertSnapshotDialog
          vmName={domain.name}
          snapshot={snapshot}
          blocked={revertBlocked}
          onRevert={(then) => snapshotCalls.revert(ref, snapshot.name, then)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'delete' && snapshot && row && (
        <DeleteSnapshotDialog
          snapshot={snapshot}
          descendants={row.descendants}
          onDelete={(children) => snapshotCalls.remove(ref, snapshot.name, children)}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
