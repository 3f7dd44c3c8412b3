import {
  actionIdOf,
  actionIds,
  contractAction,
  dialogActionTable,
  domainActionTable,
  isDialogAction,
  type ActionId,
} from '../../shared/api/domain-action-table';
import type { DomainSummary } from '../../shared/api/domains';
import { ConfirmableActions, type ConfirmableAction, type Prefs } from '../../shared/api/prefs';

// The renderer's view of the one action table (shared/api/domain-action-table.ts).
export { actionIdOf, actionIds, contractAction, isDialogAction, type ActionId };

/** Actions that may apply to several selected VMs at once; the rest need exactly one. */
export const bulkActions: ReadonlySet<ActionId> = new Set(
  Object.values(domainActionTable)
    .filter((row) => row.bulk)
    .map((row) => row.ui),
);

/** Whether `action` makes sense for a VM in its current state. */
export function allows(action: ActionId, domain: DomainSummary): boolean {
  if (isDialogAction(action)) return dialogActionTable[action].allowed(domain); // issue 14
  return domainActionTable[contractAction(action, domain)].allowed(domain);
}

/** The selected VMs an action would apply to (none when a single-VM action has several selected). */
export function actionTargets<T extends DomainSummary>(action: ActionId, selected: readonly T[]): T[] {
  if (!bulkActions.has(action) && selected.length !== 1) return [];
  return selected.filter((domain) => allows(action, domain));
}

/**
 * Whether an action asks first: always where the table says so (Delete); else as the preferences say
 * (issue 15): the action's own switch, or `several` for the table's destructive or bulk-confirmed
 * actions on more than one VM.
 */
export function needsConfirmation(action: ActionId, targetCount: number, confirm: Prefs['confirm']): boolean {
  const rows = Object.values(domainActionTable).filter((row) => row.ui === action);
  if (rows.some((row) => row.confirm === 'always')) return true;
  if (isConfirmable(action) && confirm[action]) return true;
  return confirm.several && targetCount > 1 && rows.some((row) => row.confirm !== 'never');
}

const isConfirmable = (action: ActionId): action is ActionId & ConfirmableAction =>
  (ConfirmableActions as readonly string[]).includes(action);
