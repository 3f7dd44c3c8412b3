import type { VirtdeskApi } from '../../shared/api/contract';

/** Whether the renderer can currently reach the backend (only the WebSocket transport can lose it). */
export type TransportState = 'up' | 'down';

/**
 * The contract's VirtdeskApi plus an optional transport signal. Only the serve-mode WebSocket
 * client implements it; the UI uses it to show "reconnecting" and to resync after a reconnect.
 */
export type RendererApi = VirtdeskApi & {
  onTransportState?: (listener: (state: TransportState) => void) => () => void;
};
