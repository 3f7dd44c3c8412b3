import { useState } from 'react';

const key = (hostId: string, uuid: string) => `virtdesk.console.clipboard.${hostId}.${uuid}`;

/** Clipboard sharing, a per-VM switch kept in this browser's storage; off unless turned on. */
export function useClipboardSharing(hostId: string, uuid: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(key(hostId, uuid)) === 'on';
    } catch {
      return false;
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
