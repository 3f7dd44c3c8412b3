import { describe, expect, it } from 'vitest';
import { actionForKey } from './action-shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('actionForKey', () => {
  it('maps shortcuts to actions, Cmd like Ctrl', () => {
    expect(actionForKey(key('Delete'))).toBe('delete');
    expect(actionForKey(key('R', { ctrlKey: true, shiftKey: true }))).toBe('run');
    expect(actionForKey(key('o', { metaKey: true, shiftKey: true }))).toBe('destroy');
  });

  it('ignores other keys and modifier combinations', () => {
    expect(actionForKey(key('r', { ctrlKey: true }))).toBeUndefined();
    expect(actionForKey(key('Delete', { shiftKey: true }))).toBeUndefined();
    expect(actionForKey(key('ArrowDown'))).toBeUndefined();
  });
});
