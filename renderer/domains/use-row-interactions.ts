import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStores } from '../common/stores-context';
import { findDomain } from '../stores/domains-store';
import type { ActionTarget } from '../stores/domain-action-runner';
import { parseDomainKey } from '../stores/domain-key';
import { actionForKey } from './action-shortcuts';
import { rowDomId } from './row-dom-id';
import { hostRowId, type ListRow } from './visible-rows';

export type OpenMenu =
  | { kind: 'domain'; position: { x: number; y: number }; returnTo: string }
  | { kind: 'host'; hostId: string; position: { x: number; y: number }; returnTo: string };

type Scroller = {
  scrollToIndex: (index: number, options?: { align?: 'auto' | 'start' | 'end' | 'center' }) => void;
};

/** Focuses a row once it is rendered (after a scroll the virtualizer renders it a frame later). */
function focusRowElement(rowId: string, attempts = 6): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(rowDomId(rowId));
    if (element) element.focus({ preventScroll: true });
    else if (attempts > 0) focusRowElement(rowId, attempts - 1);
  });
}

/** Mouse and keyboard behaviour of the VM list: selection, focus, expand/collapse, menus, Delete. */
export function useRowInteractions(rows: readonly ListRow[], scroller: Scroller) {
  const { ui, hosts, domains, actions, consoles } = useStores();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const domainKeys = useMemo(() => rows.flatMap((row) => (row.kind === 'domain' ? [row.key] : [])), [rows]);
  // The row handlers read the newest rows through a ref, so they stay the same functions while the
  // list changes and memoised rows are not all drawn again on every delta.
  const latest = useRef({ rows, indexById, domainKeys });
  latest.current = { rows, indexById, domainKeys };
  const rowById = useCallback(
    (rowId: string): ListRow | undefined => latest.current.rows[latest.current.indexById.get(rowId) ?? -1],
    [],
  );

  const selectedTargets = useCallback((): ActionTarget[] => {
    const state = domains.getState();
    return [...ui.getState().selection].flatMap((key) => {
      const summary = findDomain(state, key);
      return summary ? [{ ...summary, hostId: parseDomainKey(key).hostId }] : [];
    });
  }, [domains, ui]);

  const applySelection = useCallback(
    (row: ListRow, modifiers: { toggle: boolean; extend: boolean }) => {
      if (row.kind !== 'domain') return;
      const state = ui.getState();
      if (modifiers.extend) state.selectRange(latest.current.domainKeys, row.key);
      else if (modifiers.toggle) state.toggleSelected(row.key);
      else state.selectOnly(row.key);
    },
    [ui],
  );

  const toggleHost = useCallback(
    (hostId: string) => {
      if (hosts.getState().byId[hostId]?.status.state === 'connected') ui.getState().toggleCollapsed(hostId);
      else void hosts.getState().connect(hostId);
    },
    [hosts, ui],
  );

  const openMenuFor = useCallback(
    (row: ListRow, position: { x: number; y: number }) => {
      if (row.kind === 'host') setMenu({ kind: 'host', hostId: row.hostId, position, returnTo: row.id });
      else {
        if (!ui.getState().selection.has(row.key)) ui.getState().selectOnly(row.key);
        setMenu({ kind: 'domain', position, returnTo: row.id });
      }
    },
    [ui],
  );

  const onRowClick = useCallback(
    (rowId: string, event: MouseEvent) => {
      const row = rowById(rowId);
      if (!row) return;
      ui.getState().setFocusedRow(rowId);
      applySelection(row, { toggle: event.ctrlKey || event.metaKey, extend: event.shiftKey });
    },
    [rowById, ui, applySelection],
  );

  const onRowDoubleClick = useCallback(
    (rowId: string) => {
      const row = rowById(rowId);
      if (row?.kind === 'host') toggleHost(row.hostId);
      // A VM: open its window on the console, as virt-manager does.
      else if (row) consoles.getState().show(row.hostId, row.uuid);
    },
    [rowById, toggleHost, consoles],
  );

  const onRowContextMenu = useCallback(
    (rowId: string, event: MouseEvent) => {
      const row = rowById(rowId);
      if (!row) return;
      event.preventDefault();
      ui.getState().setFocusedRow(rowId);
      openMenuFor(row, { x: event.clientX, y: event.clientY });
    },
    [rowById, ui, openMenuFor],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (target.getAttribute('role') !== 'row' || rows.length === 0) return;
      const shortcut = actionForKey(event);
      if (shortcut) {
        event.preventDefault();
        void actions.perform(shortcut, selectedTargets());
        return;
      }
      const current = indexById.get(target.dataset.rowId ?? '') ?? 0;
      const row = rows[current]!;
      const toggle = event.ctrlKey || event.metaKey;
      const moveTo = (index: number) => {
        const next = rows[Math.max(0, Math.min(rows.length - 1, index))]!;
        ui.getState().setFocusedRow(next.id);
        scroller.scrollToIndex(indexById.get(next.id) ?? 0, { align: 'auto' });
        focusRowElement(next.id);
        applySelection(next, { toggle, extend: event.shiftKey });
      };
      const page = Math.max(
        1,
        Math.floor((target.parentElement?.parentElement?.clientHeight ?? 340) / 34) - 1,
      );
      switch (event.key) {
        case 'ArrowDown':
          moveTo(current + 1);
          break;
        case 'ArrowUp':
          moveTo(current - 1);
          break;
        case 'PageDown':
          moveTo(current + page);
          break;
        case 'PageUp':
          moveTo(current - page);
          break;
        case 'Home':
          moveTo(0);
          break;
        case 'End':
          moveTo(rows.length - 1);
          break;
        case ' ':
        case 'Enter':
          if (row.kind === 'host') toggleHost(row.hostId);
          else applySelection(row, { toggle: toggle && event.key === ' ', extend: event.shiftKey });
          break;
        case 'ArrowRight':
          if (row.kind === 'host' && hosts.getState().byId[row.hostId]?.status.state === 'connected') {
            ui.getState().setCollapsed(row.hostId, false);
          }
          break;
        case 'ArrowLeft':
          if (row.kind === 'host') ui.getState().setCollapsed(row.hostId, true);
          else moveTo(indexById.get(hostRowId(row.hostId)) ?? current);
          break;
        case 'ContextMenu':
        case 'F10':
          if (event.key === 'F10' && !event.shiftKey) return;
          {
            const rect = target.getBoundingClientRect();
            openMenuFor(row, { x: rect.left + 48, y: rect.bottom });
          }
          break;
        case 'a':
        case 'A':
          if (!toggle) return;
          ui.getState().selectKeys(domainKeys);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [
      rows,
      indexById,
      ui,
      hosts,
      actions,
      scroller,
      applySelection,
      toggleHost,
      openMenuFor,
      selectedTargets,
      domainKeys,
    ],
  );

  const closeMenu = useCallback(() => {
    // Synchronously, so that a dialog the chosen item opens returns focus to the row.
    const row = menu && document.getElementById(rowDomId(menu.returnTo));
    if (row) row.focus({ preventScroll: true });
    else if (menu) focusRowElement(menu.returnTo, 1);
    setMenu(null);
  }, [menu]);

  return { menu, closeMenu, onRowClick, onRowDoubleClick, onRowContextMenu, onKeyDown, toggleHost };
}
