import type { GrabKeys } from '../../shared/api/prefs';

type GrabCombo = (typeof GrabKeys)[number];

const modifierKeys = new Set(['Control', 'Alt', 'Shift', 'Meta']);

/**
 * Whether this key press completes the combination that gives the keyboard back (preferences,
 * issue 15): the combination's modifiers held together, and no other (Ctrl+Alt is not Ctrl+Alt+Shift).
 */
export function isGrabRelease(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>,
  combo: GrabCombo,
): boolean {
  if (combo === 'Right Ctrl') return e.code === 'ControlRight';
  if (!modifierKeys.has(e.key)) return false;
  const wants = { ctrl: true, alt: combo !== 'Ctrl+Shift', shift: combo !== 'Ctrl+Alt' };
  return e.ctrlKey === wants.ctrl && e.altKey === wants.alt && e.shiftKey === wants.shift && !e.metaKey;
}
