import type { DomainAction, DomainState, DomainSummary } from '../../shared/api/domains';

/** What the toolbar and context menu offer; each maps to one DomainAction. */
export type ActionId =
  | 'run'
  | 'pause'
  | 'resume'
  | 'shutdown'
  | 'reboot'
  | 'reset'
  | 'destroy'
  | 'save'
  | 'restore'
  | 'autostart'
  | 'delete';

export const actionIds: readonly ActionId[] = [
  'run',
  'pause',
  'resume',
  'shutdown',
  'reboot',
  'reset',
  'destroy',
  'save',
  'restore',
  'autostart',
  'delete',
];

/** Actions that may apply to several selected VMs at once; the rest need exactly one. */
export const bulkActions: ReadonlySet<ActionId> = new Set<ActionId>(['run', 'shutdown', 'destroy']);

const active: ReadonlySet<DomainState> = new Set<DomainState>(['running', 'idle', 'paused']);
const running: ReadonlySet<DomainState> = new Set<DomainState>(['running', 'idle']);
const startable: ReadonlySet<DomainState> = new Set<DomainState>(['shut off', 'crashed', 'pmsuspended']);

/** Whether `action` makes sense for a VM in its current state. */
export function allows(action: ActionId, domain: DomainSummary): boolean {
  switch (action) {
    case 'run':
      return startable.has(domain.state) || (domain.hasManagedSave === true && !active.has(domain.state));
    case 'pause':
      return running.has(domain.state);
    case 'resume':
      return domain.state === 'paused';
    case 'shutdown':
    case 'reboot':
    case 'reset':
    case 'save':
      return active.has(domain.state);
    case 'destroy':
      return domain.state !== 'shut off';
    case 'restore':
      return domain.hasManagedSave === true && domain.state === 'shut off';
    case 'autostart':
      return domain.persistent !== false;
    case 'delete':
      return domain.persistent !== false && (domain.state === 'shut off' || domain.state === 'crashed');
  }
}

/** The selected VMs an action would apply to (none when a single-VM action has several selected). */
export function actionTargets<T extends DomainSummary>(action: ActionId, selected: readonly T[]): T[] {
  if (!bulkActions.has(action) && selected.length !== 1) return [];
  return selected.filter((domain) => allows(action, domain));
}

/** The contract action for a UI action on this VM (Autostart toggles). */
export function contractAction(action: ActionId, domain: DomainSummary): DomainAction {
  switch (action) {
    case 'run':
      return 'start';
    case 'save':
      return 'managedsave';
    case 'delete':
      return 'undefine';
    case 'autostart':
      return domain.autostart ? 'autostart-off' : 'autostart-on';
    default:
      return action;
  }
}

/** The UI action a contract action came from (for labels of in-flight work). */
export function actionIdOf(action: DomainAction): ActionId {
  switch (action) {
    case 'start':
      return 'run';
    case 'managedsave':
      return 'save';
    case 'undefine':
      return 'delete';
    case 'autostart-on':
    case 'autostart-off':
      return 'autostart';
    default:
      return action;
  }
}
