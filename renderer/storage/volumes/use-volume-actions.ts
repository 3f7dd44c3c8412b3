import type { VolumeView } from '../../../shared/api/volumes';
import { useStores } from '../../common/stores-context';
import { toApiError } from '../../api/api-error-from';

/** Delete, wipe and download of one volume: confirmations first, failures to the activity log. */
export function useVolumeActions(hostId: string, pool: string) {
  const { api, ui, volumes, activity } = useStores();
  const report = (what: string) => (error: unknown) =>
    activity.getState().post('error', 'volumes.failed', { what, message: toApiError(error).message });
  return {
    async remove(volume: VolumeView) {
      const users = volume.usedBy.map((u) => u.name).join(', ');
      const confirmed = await ui.getState().confirm({
        titleKey: 'volumes.confirmDelete.title',
        messageKey: users ? 'volumes.confirmDelete.messageUsed' : 'volumes.confirmDelete.message',
        confirmKey: 'volumes.confirmDelete.confirm',
        params: { name: volume.name, pool, users },
      });
      if (!confirmed) return;
      await volumes
        .getState()
        .remove({ hostId, pool, name: volume.name, confirmUsers: users !== '' })
        .catch(report(`Delete ${volume.name}`));
    },
    async wipe(volume: VolumeView) {
      const confirmed = await ui.getState().confirm({
        titleKey: 'volumes.confirmWipe.title',
        messageKey: 'volumes.confirmWipe.message',
        confirmKey: 'volumes.confirmWipe.confirm',
        params: { name: volume.name },
      });
      if (confirmed)
        await api
          .call('volumes/wipe', { hostId, pool, name: volume.name })
          .catch(report(`Wipe ${volume.name}`));
    },
    download(volume: VolumeView) {
      void volumes
        .getState()
        .download({ hostId, pool, name: volume.name })
        .catch(report(`Download ${volume.name}`));
    },
    clone: (volume: VolumeView, newName: string) =>
      api.call('volumes/clone', { hostId, pool, name: volume.name, newName }).then(() => undefined),
    resize: (volume: VolumeView, capacity: string, shrink: boolean) =>
      volumes.getState().resize({ hostId, pool, name: volume.name, capacity, shrink }),
  };
}
