import { useState } from 'react';

const key = (hostId: string, uuid: string) => `virtdesk.console.clipboard.${hostId}.${uuid}`;

/** Clipboard sharing, a per-VM switch kept in this browser's storage; until switched, the preference. */
export function useClipboardSharing(
  hostId: string,
  uuid: string,
  preferred = false,
): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      const stored = window.localStorage.getItem(key(hostId, uuid));
      return stored === null ? preferred : stored === 'on';
    } catch {
      return preferred;
    }
  });
  return [
    on,
    (next) => {
      setOn(next);
      try {
        window.localStorage.setItem(key(hostId, uuid), next ? 'on' : 'off');
      } catch {
        // Storage unavailable: the switch lasts for this view only.
      }
    },
  ];
}
