import { createStore } from 'zustand/vanilla';
import type { DomainKey } from './domain-key';
import { pruned, rangeBetween, toggled } from './selection';

export type SortColumn = 'name' | 'state' | 'vcpus' | 'memory' | 'cpu';
export type SortDirection = 'asc' | 'desc';
export type StateFilter = 'all' | 'running' | 'paused' | 'shutoff' | 'other';
export const stateFilters: readonly StateFilter[] = ['all', 'running', 'paused', 'shutoff', 'other'];

/** A question for the confirm dialog; `titleKey` etc. are i18n keys. */
export type ConfirmRequest = {
  titleKey: string;
  messageKey: string;
  confirmKey: string;
  params: Record<string, string | number>;
};

/** One checkbox of a confirmation that also asks what else to do (e.g. which disks to delete). */
export type ConfirmChoice = {
  id: string;
  /** Shown as is (a path). */
  label: string;
  detailKey: string;
  detailParams: Record<string, string | number>;
  /** Parameters of `detailKey` that are sizes in bytes: shown in the window's language by the dialog. */
  detailBytes?: Record<string, number>;
  /** i18n keys of warnings shown beside it (CD-ROM, shared with other VMs, read-only, …). */
  noteKeys: string[];
  noteParams: Record<string, string | number>;
  checked: boolean;
  disabled: boolean;
};

export type ConfirmAnswer = { confirmed: boolean; chosen: string[] };

type PendingConfirm = ConfirmRequest & {
  choices?: { legendKey: string; items: ConfirmChoice[] };
  resolve: (answer: ConfirmAnswer) => void;
};

export type UiState = {
  selection: ReadonlySet<DomainKey>;
  /** Where a Shift-click or Shift+arrow range starts. */
  anchor: DomainKey | null;
  /** The list row that has keyboard focus (a ListRow id). */
  focusedRow: string | null;
  filterText: string;
  stateFilter: StateFilter;
  sort: { column: SortColumn; direction: SortDirection };
  collapsedHosts: Readonly<Record<string, true>>;
  pendingConfirm: PendingConfirm | null;
  selectOnly(key: DomainKey): void;
  toggleSelected(key: DomainKey): void;
  /** Selects anchor..key in `ordered` (the visible VM keys), keeping the anchor. */
  selectRange(ordered: readonly DomainKey[], key: DomainKey): void;
  selectKeys(keys: readonly DomainKey[]): void;
  clearSelection(): void;
  pruneSelection(exists: (key: DomainKey) => boolean): void;
  setFocusedRow(rowId: string | null): void;
  setFilterText(text: string): void;
  setStateFilter(filter: StateFilter): void;
  /** Clicking the sorted column flips the direction; another column sorts ascending. */
  sortBy(column: SortColumn): void;
  toggleCollapsed(hostId: string): void;
  setCollapsed(hostId: string, collapsed: boolean): void;
  /** Opens the confirm dialog; resolves true when the user confirms. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** The confirm dialog with checkboxes; resolves with the checked ids, or null when cancelled. */
  confirmChoosing(
    request: ConfirmRequest & { choices: { legendKey: string; items: ConfirmChoice[] } },
  ): Promise<string[] | null>;
  resolveConfirm(confirmed: boolean, chosen?: string[]): void;
  // issue 14: a VM dialog opened from the VM actions (Clone), shown by the app.
  vmDialog: VmDialog | null;
  openVmDialog(dialog: VmDialog): void;
  closeVmDialog(): void;
};

/** A dialog opened from the VM actions (issue 14: Clone, Save to file) or a host's menu (Restore from file). */
export type VmDialog =
  | { kind: 'clone' | 'save-file' | 'migrate'; hostId: string; uuid: string }
  | { kind: 'restore-file'; hostId: string }
  // Import a VM from XML (issue 13)
  | { kind: 'import-xml'; hostId: string };

export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    selection: new Set(),
    anchor: null,
    focusedRow: null,
    filterText: '',
    stateFilter: 'all',
    sort: { column: 'name', direction: 'asc' },
    collapsedHosts: {},
    pendingConfirm: null,
    vmDialog: null, // issue 14
    openVmDialog: (vmDialog) => set({ vmDialog }),
    closeVmDialog: () => set({ vmDialog: null }),
    selectOnly: (key) => set({ selection: new Set([key]), anchor: key }),
    toggleSelected: (key) => set((state) => ({ selection: toggled(state.selection, key), anchor: key })),
    selectRange: (ordered, key) =>
      set((state) => ({
        selection: new Set(rangeBetween(ordered, state.anchor, key)),
        anchor: state.anchor ?? key,
      })),
    selectKeys: (keys) => set({ selection: new Set(keys), anchor: keys[0] ?? null }),
    clearSelection: () => set({ selection: new Set(), anchor: null }),
    pruneSelection(exists) {
      const state = get();
      const selection = pruned(state.selection, exists);
      if (selection !== state.selection) {
        set({ selection, anchor: state.anchor && exists(state.anchor) ? state.anchor : null });
      }
    },
    setFocusedRow: (focusedRow) => set({ focusedRow }),
    setFilterText: (filterText) => set({ filterText }),
    setStateFilter: (stateFilter) => set({ stateFilter }),
    sortBy: (column) =>
      set((state) => ({
        sort: {
          column,
          direction: state.sort.column === column && state.sort.direction === 'asc' ? 'desc' : 'asc',
        },
      })),
    toggleCollapsed: (hostId) => get().setCollapsed(hostId, !get().collapsedHosts[hostId]),
    setCollapsed: (hostId, collapsed) =>
      set((state) => {
        const collapsedHosts = { ...state.collapsedHosts };
        if (collapsed) collapsedHosts[hostId] = true;
        else delete collapsedHosts[hostId];
        return { collapsedHosts };
      }),
    confirm(request) {
      get().pendingConfirm?.resolve({ confirmed: false, chosen: [] });
      return new Promise<boolean>((resolve) =>
        set({ pendingConfirm: { ...request, resolve: (answer) => resolve(answer.confirmed) } }),
      );
    },
    confirmChoosing(request) {
      get().pendingConfirm?.resolve({ confirmed: false, chosen: [] });
      return new Promise<string[] | null>((resolve) =>
        set({
          pendingConfirm: {
            ...request,
            resolve: (answer) => resolve(answer.confirmed ? answer.chosen : null),
          },
        }),
      );
    },
    resolveConfirm(confirmed, chosen = []) {
      const pending = get().pendingConfirm;
      if (!pending) return;
      set({ pendingConfirm: null });
      pending.resolve({ confirmed, chosen });
    },
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
