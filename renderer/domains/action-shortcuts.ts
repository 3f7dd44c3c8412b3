import type { ActionId } from '../stores/action-rules';

/** Keyboard shortcuts for VM actions while the list has focus (ARIA `aria-keyshortcuts` syntax). */
export const actionShortcuts: Partial<Record<ActionId, string>> = {
  run: 'Control+Shift+R',
  pause: 'Control+Shift+P',
  resume: 'Control+Shift+U',
  shutdown: 'Control+Shift+S',
  reboot: 'Control+Shift+B',
  destroy: 'Control+Shift+O',
  delete: 'Delete',
};

type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** The action a key press asks for, if any (Cmd counts as Ctrl on macOS). */
export function actionForKey(event: KeyLike): ActionId | undefined {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Control');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  parts.push(event.key.length === 1 ? event.key.toUpperCase() : event.key);
  const pressed = parts.join('+');
  for (const [action, shortcut] of Object.entries(actionShortcuts)) {
    if (shortcut === pressed) return action as ActionId;
  }
  return undefined;
}
