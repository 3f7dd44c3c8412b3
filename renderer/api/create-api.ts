import type { DesktopBridge } from '../../shared/api/bridge';
import type { DescribeCheck } from './api-error-from';
import { createBridgeClient } from './bridge-client';
import type { RendererApi } from './renderer-api';
import { takeServeToken } from './serve-token';
import { createWsClient } from './ws-client';
import { desktopTransfers, pageTransfers } from './file-transfers';

declare global {
  interface Window {
    virtdesk?: DesktopBridge;
  }
}

/** The serve-mode endpoint on the page's own origin, with the token that authorises it. */
export function serveSocketUrl(
  location: Pick<Location, 'protocol' | 'host'>,
  token: string | undefined,
): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api${query}`;
}

/** Picks the transport: Electron's preload bridge when present, else the serve-mode WebSocket. */
export function createApi(describeCheck?: DescribeCheck): RendererApi {
  if (window.virtdesk)
    return {
      ...createBridgeClient(window.virtdesk, undefined, describeCheck),
      transfers: desktopTransfers(window.virtdesk.files),
    };
  const token = takeServeToken({
    location: window.location,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  return Object.assign(
    createWsClient({
      url: serveSocketUrl(window.location, token),
      ...(describeCheck ? { describeCheck } : {}),
    }),
    {
      transfers: pageTransfers(token),
    },
  );
}
