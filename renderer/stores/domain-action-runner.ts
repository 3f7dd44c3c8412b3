import type { VirtdeskApi } from '../../shared/api/contract';
import type { DomainDisk } from '../../shared/api/domain-storage';
import type { DomainAction, DomainSummary } from '../../shared/api/domains';
import { toApiError } from '../api/api-error-from';
import {
  actionTargets,
  contractAction,
  isDialogAction,
  needsConfirmation,
  type ActionId,
} from './action-rules';
import { displayName } from './display-names';
import type { ActivityStore } from './activity-store';
import { domainKey } from './domain-key';
import type { DomainsStore } from './domains-store';
import type { PrefsStore } from './prefs-store';
import type { ConfirmChoice, UiStore } from './ui-store';

export type ActionTarget = DomainSummary & { hostId: string };

// Confirmation rules come from the one action table.
export { needsConfirmation };

export type DomainActionRunner = {
  /** Confirms if needed, then runs the action on every VM it applies to, in parallel; never throws. */
  perform(action: ActionId, selected: readonly ActionTarget[]): Promise<void>;
};

export function createDomainActionRunner(deps: {
  api: VirtdeskApi;
  domains: DomainsStore;
  activity: ActivityStore;
  prefs: PrefsStore;
  ui: UiStore;
}): DomainActionRunner {
  const { api, domains, activity, prefs, ui } = deps;

  /** Runs one VM's action with its busy mark and its notice in the activity list. */
  async function runOne(
    action: ActionId,
    target: ActionTarget,
    call: (wire: DomainAction) => Promise<{ summary?: DomainSummary; message: string }>,
  ): Promise<void> {
    const key = domainKey(target.hostId, target.uuid);
    const name = displayName(target);
    const wire = contractAction(action, target);
    domains.getState().setBusy(key, wire);
    const notice = activity.getState().post('progress', 'activity.actionStarted', { action, name });
    try {
      const result = await call(wire);
      if (result.summary && action !== 'delete') domains.getState().upsert(target.hostId, result.summary);
      activity
        .getState()
        .finish(notice, 'success', result.message ? 'activity.actionDone' : 'activity.actionDoneQuiet', {
          action,
          name,
          message: result.message,
        });
    } catch (error) {
      activity.getState().finish(notice, 'error', 'activity.actionFailed', {
        action,
        name,
        message: toApiError(error).message,
      });
    } finally {
      domains.getState().setBusy(key, null);
    }
  }

  const contractCall = (target: ActionTarget) => (wire: DomainAction) =>
    api.call('domains/action', { hostId: target.hostId, uuid: target.uuid, action: wire });

  /** Delete asks which of the VM's disks go with it (virt-manager's checklist), then reports each. */
  async function deleteWithStorage(target: ActionTarget): Promise<void> {
    const ref = { hostId: target.hostId, uuid: target.uuid };
    let disks: DomainDisk[];
    try {
      disks = await api.call('domains/disks', ref);
    } catch (error) {
      activity.getState().post('error', 'activity.actionFailed', {
        action: 'delete',
        name: displayName(target),
        message: toApiError(error).message,
      });
      return;
    }
    const choices = disks.filter((disk) => disk.path).map(diskChoice);
    const chosen = await ui.getState().confirmChoosing({
      titleKey: 'confirm.delete.title',
      messageKey: choices.length > 0 ? 'confirm.delete.messageWithStorage' : 'confirm.delete.message',
      confirmKey: 'actions.delete',
      params: { name: displayName(target) },
      choices: { legendKey: 'confirm.delete.storageLegend', items: choices },
    });
    if (!chosen) return;
    await runOne('delete', target, async () => {
      const result = await api.call('domains/delete', { ...ref, deleteVolumes: chosen });
      return { message: [result.message, ...result.volumes.map((v) => v.message)].join('; ') };
    });
  }

  return {
    async perform(action, selected) {
      const busy = domains.getState().busy;
      const targets = actionTargets(action, selected).filter(
        (target) => !busy[domainKey(target.hostId, target.uuid)],
      );
      if (targets.length === 0) return;
      if (isDialogAction(action)) {
        // issue 14: these ask their questions in their own dialogs.
        const { hostId, uuid } = targets[0]!;
        ui.getState().openVmDialog({ kind: action, hostId, uuid });
        return;
      }
      if (action === 'delete') {
        await Promise.all(targets.map(deleteWithStorage));
        return;
      }
      if (needsConfirmation(action, targets.length, prefs.getState().prefs.confirm)) {
        const many = targets.length > 1;
        const confirmed = await ui.getState().confirm({
          titleKey: `confirm.${action}.title`,
          messageKey: many ? `confirm.${action}.messageMany` : `confirm.${action}.message`,
          confirmKey: `actions.${action}`,
          params: { name: displayName(targets[0]!), count: targets.length },
        });
        if (!confirmed) return;
      }
      await Promise.all(targets.map((target) => runOne(action, target, contractCall(target))));
    },
  };
}

/** One disk of the Delete checklist: checked as virt-manager would; CD-ROMs, shared and outside-pool disks marked. */
export function diskChoice(disk: DomainDisk): ConfirmChoice {
  const noteKeys = [
    ...(disk.device === 'cdrom' ? ['confirm.delete.noteCdrom'] : []),
    ...(disk.readonly && disk.device !== 'cdrom' ? ['confirm.delete.noteReadonly'] : []),
    ...(disk.sharedWith.length > 0 ? ['confirm.delete.noteShared'] : []),
    ...(disk.notDeletable ? ['confirm.delete.noteNotDeletable'] : []),
  ];
  return {
    id: disk.path!,
    label: disk.path!,
    detailKey: disk.pool ? 'confirm.delete.diskInPool' : 'confirm.delete.disk',
    detailParams: { target: disk.target, pool: disk.pool ?? '', size: '?' },
    ...(disk.capacity !== undefined ? { detailBytes: { size: disk.capacity } } : {}),
    noteKeys,
    noteParams: { vms: disk.sharedWith.join(', '), reason: disk.notDeletable ?? '' },
    checked: disk.suggested,
    disabled: disk.notDeletable !== undefined,
  };
}
