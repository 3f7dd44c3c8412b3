import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export type MenuItem = {
  id: string;
  label: string;
  disabled?: boolean;
  /** Present for a check item (role menuitemcheckbox). */
  checked?: boolean;
  /** `aria-keyshortcuts` syntax, shown at the right (not part of the accessible name). */
  shortcut?: string | undefined;
  onSelect: () => void;
};

export type MenuProps = {
  label: string;
  items: readonly MenuItem[];
  position: { x: number; y: number };
  onClose: () => void;
};

function enabledItems(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
}

/** A context menu: role="menu", arrow keys move, Enter/Space activate, Escape/Tab/outside click close. */
export function Menu({ label, items, position, onClose }: MenuProps) {
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const menu = root.current;
    if (!menu) return;
    (enabledItems(menu)[0] ?? menu).focus();
    const rect = menu.getBoundingClientRect();
    if (rect.right > window.innerWidth)
      menu.style.left = `${Math.max(0, window.innerWidth - rect.width - 4)}px`;
    if (rect.bottom > window.innerHeight)
      menu.style.top = `${Math.max(0, window.innerHeight - rect.height - 4)}px`;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.contains(event.target as Node)) close.current();
    };
    const onBlurWindow = () => close.current();
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onBlurWindow);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onBlurWindow);
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const menu = root.current;
    if (!menu) return;
    const buttons = enabledItems(menu);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index < 0 ? buttons.length - 1 : index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(buttons.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        close.current();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div
      ref={root}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      className="menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          aria-keyshortcuts={item.shortcut}
          disabled={item.disabled}
          tabIndex={-1}
          className="menu-item"
          onClick={() => {
            close.current();
            item.onSelect();
          }}
        >
          <span className="menu-check" aria-hidden="true">
            {item.checked ? '✓' : ''}
          </span>
          <span className="menu-label">{item.label}</span>
          {item.shortcut && (
            <span className="menu-shortcut" aria-hidden="true">
              {item.shortcut.replace('Control', 'Ctrl')}
            </span>
          )}
        </button>
      ))}
    </div>,
    document.body,
  );
}
