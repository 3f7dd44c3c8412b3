import type { DesktopBridge } from '../../shared/api/bridge';
import { createBridgeClient } from './bridge-client';
import type { RendererApi } from './renderer-api';
import { createWsClient } from './ws-client';

declare global {
  interface Window {
    virtdesk?: DesktopBridge;
  }
}

/** The serve-mode endpoint on the page's own origin (the session cookie authenticates it). */
export function serveSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`;
}

/** Picks the transport: Electron's preload bridge when present, else the serve-mode WebSocket. */
export function createApi(): RendererApi {
  if (window.virtdesk) return createBridgeClient(window.virtdesk);
  return createWsClient({ url: serveSocketUrl(window.location) });
}
