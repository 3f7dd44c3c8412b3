import type { DomainAction, DomainState, DomainSummary } from './domains';
import type { JobKind } from './jobs';

/** What the toolbar and context menu offer; each maps to one or two DomainActions (Autostart toggles). */
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
  | 'delete'
  // issue 14: open their own dialogs (no virsh verb of their own)
  | 'clone'
  | 'save-file'
  | 'migrate';

export interface DomainActionRow {
  /** The toolbar / menu action it belongs to. */
  ui: ActionId;
  /** The virsh verb the backend runs (Delete runs its own sequence: destroy, undefine). */
  verb: string;
  /** Extra virsh arguments after `--domain UUID`. */
  args?: readonly string[];
  /** For the message "<name> <done>". */
  done: string;
  /** Whether it makes sense for a VM in this state. */
  allowed: (domain: DomainSummary) => boolean;
  /** When the UI asks first: always, per the "confirm destructive" preference, or for several VMs. */
  confirm: 'always' | 'preference' | 'several' | 'never';
  /** May apply to several selected VMs at once. */
  bulk: boolean;
  /** Can take minutes: runs as a job on its own channel (progress, Cancel). */
  job?: { kind: JobKind; title: string; phase: string };
}

const active: ReadonlySet<DomainState> = new Set<DomainState>(['running', 'idle', 'paused']);
const running: ReadonlySet<DomainState> = new Set<DomainState>(['running', 'idle']);
const startable: ReadonlySet<DomainState> = new Set<DomainState>(['shut off', 'crashed', 'pmsuspended']);
const isActive = (d: DomainSummary) => active.has(d.state);
const persistent = (d: DomainSummary) => d.persistent !== false;

/** The one table of VM lifecycle actions, read by the renderer's rules and the backend's verbs. */
export const domainActionTable: Readonly<Record<DomainAction, DomainActionRow>> = {
  start: {
    ui: 'run',
    verb: 'start',
    done: 'started',
    allowed: (d) => startable.has(d.state) || (d.hasManagedSave === true && !isActive(d)),
    confirm: 'never',
    bulk: true,
  },
  pause: {
    ui: 'pause',
    verb: 'suspend',
    done: 'paused',
    allowed: (d) => running.has(d.state),
    confirm: 'never',
    bulk: false,
  },
  resume: {
    ui: 'resume',
    verb: 'resume',
    done: 'resumed',
    allowed: (d) => d.state === 'paused',
    confirm: 'never',
    bulk: false,
  },
  shutdown: {
    ui: 'shutdown',
    verb: 'shutdown',
    done: 'asked to shut down',
    allowed: isActive,
    confirm: 'several',
    bulk: true,
  },
  reboot: {
    ui: 'reboot',
    verb: 'reboot',
    done: 'asked to reboot',
    allowed: isActive,
    confirm: 'never',
    bulk: false,
  },
  reset: { ui: 'reset', verb: 'reset', done: 'reset', allowed: isActive, confirm: 'preference', bulk: false },
  destroy: {
    ui: 'destroy',
    verb: 'destroy',
    done: 'forced off',
    allowed: (d) => d.state !== 'shut off',
    confirm: 'preference',
    bulk: true,
  },
  managedsave: {
    ui: 'save',
    verb: 'managedsave',
    done: 'saved',
    allowed: isActive,
    confirm: 'never',
    bulk: false,
    job: { kind: 'domain-save', title: 'Save', phase: 'Saving memory to disk' },
  },
  restore: {
    ui: 'restore',
    verb: 'start',
    done: 'restored',
    allowed: (d) => d.hasManagedSave === true && d.state === 'shut off',
    confirm: 'never',
    bulk: false,
    job: { kind: 'domain-restore', title: 'Restore', phase: 'Restoring memory from disk' },
  },
  'autostart-on': {
    ui: 'autostart',
    verb: 'autostart',
    done: 'set to start with the host',
    allowed: persistent,
    confirm: 'never',
    bulk: false,
  },
  'autostart-off': {
    ui: 'autostart',
    verb: 'autostart',
    args: ['--disable'],
    done: 'no longer starts with the host',
    allowed: persistent,
    confirm: 'never',
    bulk: false,
  },
  undefine: {
    ui: 'delete',
    verb: 'undefine',
    done: 'deleted',
    allowed: (d) => persistent(d) && (d.state === 'shut off' || d.state === 'crashed'),
    confirm: 'always',
    bulk: false,
  },
};

// issue 14: actions that open a dialog of their own instead of running one virsh verb.
export type DialogActionId = Extract<ActionId, 'clone' | 'save-file' | 'migrate'>;
export interface DialogActionRow {
  allowed: (domain: DomainSummary) => boolean;
  bulk: false;
}
export const dialogActionTable: Readonly<Record<DialogActionId, DialogActionRow>> = {
  /** Clone: the source's disks must not change while they are copied (virt-manager's rule). */
  clone: { allowed: (d) => d.state === 'shut off' || d.state === 'paused', bulk: false },
  /** Save to a file the user names (managed save stays the Save action). */
  'save-file': { allowed: isActive, bulk: false },
  /** Migrate to another connected host: live (running, paused) or its definition (shut off). */
  migrate: { allowed: (d) => isActive(d) || (d.state === 'shut off' && persistent(d)), bulk: false },
};
export const isDialogAction = (action: ActionId): action is DialogActionId =>
  Object.prototype.hasOwnProperty.call(dialogActionTable, action);

/** The toolbar's actions, in the toolbar's order. */
export const actionIds: readonly ActionId[] = [
  ...new Set(Object.values(domainActionTable).map((row) => row.ui)),
  ...(Object.keys(dialogActionTable) as DialogActionId[]),
];

/** The contract action for a UI action on this VM (Autostart toggles). */
export function contractAction(action: ActionId, domain: DomainSummary): DomainAction {
  if (action === 'autostart') return domain.autostart ? 'autostart-off' : 'autostart-on';
  const found = (Object.keys(domainActionTable) as DomainAction[]).find(
    (a) => domainActionTable[a].ui === action,
  );
  if (!found) throw new Error(`No contract action for ${action}`);
  return found;
}

/** The UI action a contract action came from (for labels of in-flight work). */
export function actionIdOf(action: DomainAction): ActionId {
  return domainActionTable[action].ui;
}
