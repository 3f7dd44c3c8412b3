import { describe, expect, it } from 'vitest';
import { pruned, rangeBetween, toggled } from './selection';
import { createUiStore } from './ui-store';

const order = ['h/a', 'h/b', 'h/c', 'h/d'];

describe('selection helpers', () => {
  it('ranges in list order whichever way the user goes', () => {
    expect(rangeBetween(order, 'h/b', 'h/d')).toEqual(['h/b', 'h/c', 'h/d']);
    expect(rangeBetween(order, 'h/d', 'h/b')).toEqual(['h/b', 'h/c', 'h/d']);
    expect(rangeBetween(order, null, 'h/c')).toEqual(['h/c']);
    expect(rangeBetween(order, 'gone', 'h/c')).toEqual(['h/c']);
  });

  it('toggles and prunes without touching the input', () => {
    const start = new Set(['h/a']);
    expect([...toggled(start, 'h/b')]).toEqual(['h/a', 'h/b']);
    expect([...toggled(start, 'h/a')]).toEqual([]);
    expect(pruned(start, () => true)).toBe(start);
    expect([...pruned(new Set(['h/a', 'h/x']), (key) => key !== 'h/x')]).toEqual(['h/a']);
  });
});

describe('ui store', () => {
  it('selects, toggles and extends from the anchor', () => {
    const ui = createUiStore();
    ui.getState().selectOnly('h/b');
    ui.getState().selectRange(order, 'h/d');
    expect([...ui.getState().selection]).toEqual(['h/b', 'h/c', 'h/d']);
    ui.getState().selectRange(order, 'h/a');
    expect([...ui.getState().selection]).toEqual(['h/a', 'h/b']);
    ui.getState().toggleSelected('h/d');
    expect([...ui.getState().selection].sort()).toEqual(['h/a', 'h/b', 'h/d']);
  });

  it('flips the sort direction on the same column only', () => {
    const ui = createUiStore();
    ui.getState().sortBy('name');
    expect(ui.getState().sort).toEqual({ column: 'name', direction: 'desc' });
    ui.getState().sortBy('cpu');
    expect(ui.getState().sort).toEqual({ column: 'cpu', direction: 'asc' });
  });

  it('resolves a confirmation with the answer and replaces an older one with false', async () => {
    const ui = createUiStore();
    const request = { titleKey: 't', messageKey: 'm', confirmKey: 'c', params: {} };
    const first = ui.getState().confirm(request);
    const second = ui.getState().confirm(request);
    ui.getState().resolveConfirm(true);
    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
    expect(ui.getState().pendingConfirm).toBeNull();
  });
});
