import { describe, expect, it } from 'vitest';
import { isGrabRelease } from './grab-keys';

const press = (key: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean }, code = key) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  metaKey: false,
});

describe('the keys that release the keyboard', () => {
  it('are Ctrl+Alt by default, pressed in either order, and not with Shift', () => {
    expect(isGrabRelease(press('Alt', { ctrl: true, alt: true }), 'Ctrl+Alt')).toBe(true);
    expect(isGrabRelease(press('Control', { ctrl: true, alt: true }), 'Ctrl+Alt')).toBe(true);
    expect(isGrabRelease(press('Shift', { ctrl: true, alt: true, shift: true }), 'Ctrl+Alt')).toBe(false);
    expect(isGrabRelease(press('Delete', { ctrl: true, alt: true }), 'Ctrl+Alt')).toBe(false);
  });

  it('follow the preference', () => {
    expect(isGrabRelease(press('Shift', { ctrl: true, alt: true, shift: true }), 'Ctrl+Alt+Shift')).toBe(
      true,
    );
    expect(isGrabRelease(press('Alt', { ctrl: true, alt: true }), 'Ctrl+Alt+Shift')).toBe(false);
    expect(isGrabRelease(press('Shift', { ctrl: true, shift: true }), 'Ctrl+Shift')).toBe(true);
    expect(isGrabRelease(press('Control', { ctrl: true }, 'ControlRight'), 'Right Ctrl')).toBe(true);
    expect(isGrabRelease(press('Control', { ctrl: true }, 'ControlLeft'), 'Right Ctrl')).toBe(false);
  });
});
