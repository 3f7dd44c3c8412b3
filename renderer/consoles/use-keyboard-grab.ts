import { useEffect, useRef, useState } from 'react';
import type { ConsolePrefs } from '../../shared/api/prefs';
import { isGrabRelease } from './grab-keys';

/**
 * The guest has the keyboard while its screen has focus. Ctrl+Alt (pressed together; another
 * combination in Preferences) gives it back, like virt-manager; the view shows a hint while grabbed.
 */
export function useKeyboardGrab(
  screen: React.RefObject<HTMLElement | null>,
  release: () => void,
  combo: ConsolePrefs['grabKeys'] = 'Ctrl+Alt',
): boolean {
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
      if (!isGrabRelease(e, combo)) return;
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
  }, [screen, combo]);
  return grabbed;
}
