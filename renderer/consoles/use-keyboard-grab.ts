import { useEffect, useRef, useState } from 'react';

/**
 * The guest has the keyboard while its screen has focus. Ctrl+Alt (pressed together) gives it
 * back, like virt-manager; the view shows a hint while the keyboard is grabbed.
 */
export function useKeyboardGrab(screen: React.RefObject<HTMLElement | null>, release: () => void): boolean {
  const [grabbed, setGrabbed] = useState(false);
  const releaseRef = useRef(release);
  releaseRef.current = release;
  useEffect(() => {
    const el = screen.current;
    if (!el) return;
    const onFocusIn = () => setGrabbed(true);
    const onFocusOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setGrabbed(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const pair = (e.key === 'Alt' && e.ctrlKey) || (e.key === 'Control' && e.altKey);
      if (!pair) return;
      e.stopPropagation();
      e.preventDefault();
      releaseRef.current();
      (document.activeElement as HTMLElement | null)?.blur();
      setGrabbed(false);
    };
    el.addEventListener('focusin', onFocusIn);
    el.addEventListener('focusout', onFocusOut);
    el.addEventListener('keydown', onKeyDown, true);
    return () => {
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', onFocusOut);
      el.removeEventListener('keydown', onKeyDown, true);
    };
  }, [screen]);
  return grabbed;
}
