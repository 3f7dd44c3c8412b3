import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, trapTab } from './focusable';

export const appRootId = 'app-shell';
let openDialogs = 0;

/** While any dialog is open, the app behind it is inert (no clicks, no focus, hidden from AT). */
function useInertApp(): void {
  useEffect(() => {
    openDialogs += 1;
    document.getElementById(appRootId)?.setAttribute('inert', '');
    return () => {
      openDialogs -= 1;
      if (openDialogs === 0) document.getElementById(appRootId)?.removeAttribute('inert');
    };
  }, []);
}

export type DialogProps = {
  title: string;
  /** Escape and the backdrop's close button call this. */
  onCancel: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** CSS selector (inside the dialog) of the element to focus first; else the first field or button. */
  initialFocus?: string;
  className?: string;
  describedBy?: string;
};

/** A modal dialog: labelled by its title, focus moved in and trapped, Escape cancels, focus restored. */
export function Dialog({
  title,
  onCancel,
  children,
  role = 'dialog',
  initialFocus,
  className,
  describedBy,
}: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useInertApp();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = panel.current;
    if (root) {
      const target =
        (initialFocus && root.querySelector<HTMLElement>(initialFocus)) || focusableIn(root)[0] || root;
      target.focus();
    }
    return () => {
      // The opener may be gone (a menu item); then fall back to the list's current row.
      const target = previous?.isConnected
        ? previous
        : document.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
      target?.focus({ preventScroll: true });
    };
    // Focus once on open; later renders must not steal focus back.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      cancel.current();
      return;
    }
    if (panel.current) trapTab(event, panel.current);
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={`dialog ${className ?? ''}`}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
