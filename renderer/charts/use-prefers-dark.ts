import { useSyncExternalStore } from 'react';

// The theme in use is the root's data-theme (set from the preferences: light, dark or the system's;
// renderer/app/follow-preferences.ts); charts redraw with the theme's colours when it changes.

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** Whether the window shows the dark theme. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => document.documentElement.dataset['theme'] === 'dark');
}
