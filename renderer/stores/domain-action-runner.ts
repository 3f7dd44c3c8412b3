import type { VirtdeskApi } from '../../shared/api/contract';
import type { DomainSummary } from '../../shared/api/domains';
import { toApiError } from '../api/api-error-from';
import { actionTargets, contractAction, needsConfirmation, type ActionId } from '../domains/action-rules';
import { displayName } from '../domains/visible-rows';
import type { ActivityStore } from './activity-store';
import { domainKey } from './domain-key';
import type { DomainsStore } from './domains-store';
import type { PrefsStore } from './prefs-store';
import type { UiStore } from './ui-store';

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

  async function runOne(action: ActionId, target: ActionTarget): Promise<void> {
    const key = domainKey(target.hostId, target.uuid);
    const name = displayName(target);
    const wire = contractAction(action, target);
    domains.getState().setBusy(key, wire);
    const notice = activity.getState().post('progress', 'activity.actionStarted', { action, name });
    try {
      const result = await api.call('domains/action', {
        hostId: target.hostId,
        uuid: target.uuid,
        action: wire,
      });
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

  return {
    async perform(action, selected) {
      const busy = domains.getState().busy;
      const targets = actionTargets(action, selected).filter(
        (target) => !busy[domainKey(target.hostId, target.uuid)],
      );
      if (targets.length === 0) return;
      if (needsConfirmation(action, targets.length, prefs.getState().prefs.confirmDestructive)) {
        const many = targets.length > 1;
        const confirmed = await ui.getState().confirm({
          titleKey: `confirm.${action}.title`,
          messageKey: many ? `confirm.${action}.messageMany` : `confirm.${action}.message`,
          confirmKey: `actions.${action}`,
          params: { name: displayName(targets[0]!), count: targets.length },
        });
        if (!confirmed) return;
      }
      await Promise.all(targets.map((target) => runOne(action, target)));
    },
  };
}
