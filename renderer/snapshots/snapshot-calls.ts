import type { CallRequest, VirtdeskApi } from '../../shared/api/contract';

type Ref = { hostId: string; uuid: string };

/** The Snapshots page's calls, built with the stores (components never hold the API). */
export function createSnapshotCalls(api: VirtdeskApi) {
  return {
    list: (ref: Ref) => api.call('snapshots/list', ref),
    /** Settles when the snapshot exists (a memory snapshot runs as a job first). */
    create: (ref: Ref, request: Omit<CallRequest<'snapshots/create'>, 'hostId' | 'uuid'>) =>
      api.call('snapshots/create', { ...ref, ...request }),
    revert: (ref: Ref, name: string, then: CallRequest<'snapshots/revert'>['then']) =>
      api.call('snapshots/revert', { ...ref, name, then }),
    remove: (ref: Ref, name: string, children: boolean) =>
      api.call('snapshots/delete', { ...ref, name, children }),
    describe: (ref: Ref, name: string, description: string) =>
      api.call('snapshots/describe', { ...ref, name, description }),
    /** Any change to this VM's snapshots made through VirtDesk, from any window. */
    onChanged: (ref: Ref, listener: () => void) =>
      api.on('snapshots/changed', (event) => {
        if (event.hostId === ref.hostId && event.uuid === ref.uuid) listener();
      }),
  };
}

export type SnapshotCalls = ReturnType<typeof createSnapshotCalls>;
