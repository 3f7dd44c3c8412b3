// Add Hardware and Remove: the calls the dialogs make (components never hold the API). An applied
// answer reloads the Details page and leaves the outcome there for EditResultView.
import type { VirtdeskApi } from '../../../shared/api/contract';
import type { EditResult } from '../../../shared/api/domain-edit';
import type { NewDiskVolume, NewHardware } from '../../../shared/api/domain-hardware';
import type { DomainDisk, VolumeDeletion } from '../../../shared/api/domain-storage';
import { toApiError } from '../../api/api-error-from';
import { detailsKey, type DetailsStore } from '../details-store';

export interface HardwareCalls {
  add(
    hostId: string,
    uuid: string,
    devices: NewHardware[],
    options?: { newVolume?: NewDiskVolume; preview?: boolean },
  ): Promise<EditResult | { error: string }>;
  remove(
    hostId: string,
    uuid: string,
    key: string,
    deleteStorage: boolean,
  ): Promise<{ result: EditResult; volumes: VolumeDeletion[] } | { error: string }>;
  /** The VM's disks as Delete-with-storage reads them (pool, volume, other VMs using it). */
  disks(hostId: string, uuid: string): Promise<DomainDisk[] | { error: string }>;
}

export function createHardwareCalls(api: VirtdeskApi, details: DetailsStore): HardwareCalls {
  const baseOf = (hostId: string, uuid: string) =>
    details.getState().byVm[detailsKey(hostId, uuid)]?.base?.xml;
  const settle = async (hostId: string, uuid: string, result: EditResult) => {
    if (result.outcome !== 'applied') return;
    await details.getState().load(hostId, uuid);
    const key = detailsKey(hostId, uuid);
    details.setState((s) => {
      const entry = s.byVm[key];
      return entry ? { byVm: { ...s.byVm, [key]: { ...entry, result } } } : s;
    });
  };
  const guarded = async <T>(run: () => Promise<T>): Promise<T | { error: string }> => {
    try {
      return await run();
    } catch (error) {
      return { error: toApiError(error).message };
    }
  };
  return {
    add: (hostId, uuid, devices, options = {}) =>
      guarded(async () => {
        const baseXml = baseOf(hostId, uuid);
        if (baseXml === undefined) throw new Error('The VM’s configuration is not loaded yet');
        const result = await api.call('domains/add-device', {
          hostId,
          uuid,
          baseXml,
          devices,
          preview: options.preview ?? false,
          ...(options.newVolume ? { newVolume: options.newVolume } : {}),
        });
        await settle(hostId, uuid, result);
        return result;
      }),
    remove: (hostId, uuid, key, deleteStorage) =>
      guarded(async () => {
        const baseXml = baseOf(hostId, uuid);
        if (baseXml === undefined) throw new Error('The VM’s configuration is not loaded yet');
        const answer = await api.call('domains/remove-device', { hostId, uuid, baseXml, key, deleteStorage });
        await settle(hostId, uuid, answer.result);
        return answer;
      }),
    disks: (hostId, uuid) => guarded(() => api.call('domains/disks', { hostId, uuid })),
  };
}
