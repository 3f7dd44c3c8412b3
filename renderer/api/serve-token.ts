/**
 * Serve mode's API token. `npm run serve` prints `http://127.0.0.1:PORT/#token=…`: the fragment never
 * leaves the browser, so no server (ours or another on 127.0.0.1) ever receives it with a page
 * request. The page moves it into its own origin's sessionStorage (which a detached window opened
 * with window.open inherits), removes it from the address bar, and presents it only when it opens
 * the API WebSocket.
 */
const KEY = 'virtdesk-serve-token';

export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl: (url: string) => void;
}

export function takeServeToken(place: TokenPlace): string | undefined {
  const fromHash = new URLSearchParams(place.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    place.storage.setItem(KEY, fromHash);
    place.replaceUrl(place.location.pathname + place.location.search);
  }
  return place.storage.getItem(KEY) ?? undefined;
}
