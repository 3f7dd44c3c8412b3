import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import type { ActionTarget } from '../stores/domain-action-runner';
import { domainKey } from '../stores/domain-key';
import { actionIds, actionTargets, type ActionId } from '../stores/action-rules';

export type ActionItem = {
  id: ActionId;
  label: string;
  enabled: boolean;
  /** Autostart only: whether it is on (for a single selected VM). */
  checked?: boolean;
  /** An action is in flight on one of its targets. */
  busy: boolean;
  run: () => void;
};

/** Every VM action with its label and whether it applies to `selected` right now. */
export function useActionItems(selected: readonly ActionTarget[]): ActionItem[] {
  const { t } = useTranslation();
  const { actions } = useStores();
  const busy = useStoreState('domains', (state) => state.busy);
  const labels = useMemo(() => new Map(actionIds.map((id) => [id, t(`actions.${id}`)])), [t]);
  return useMemo(
    () =>
      actionIds.map((id): ActionItem => {
        const targets = actionTargets(id, selected);
        const idle = targets.filter((target) => !busy[domainKey(target.hostId, target.uuid)]);
        const item: ActionItem = {
          id,
          label: labels.get(id) ?? id,
          enabled: idle.length > 0,
          busy: idle.length < targets.length,
          run: () => void actions.perform(id, selected),
        };
        if (id === 'autostart') item.checked = selected.length === 1 && selected[0]!.autostart === true;
        return item;
      }),
    [labels, actions, selected, busy],
  );
}
