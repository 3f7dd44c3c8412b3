import type { VirtdeskApi } from '../../shared/api/contract';
import type { FileTransfers } from './file-transfers';

/** Whether the renderer can currently reach the backend (only the WebSocket transport can lose it). */
export type TransportState = 'up' | 'down';

/**
 * The contract's VirtdeskApi plus an optional transport signal. Only the serve-mode WebSocket
 * client implements it; the UI uses it to show "reconnecting" and to resync after a reconnect.
 */
export type RendererApi = VirtdeskApi & {
  onTransportState?: (listener: (state: TransportState) => void) => () => void;
  /** Uploads and downloads of files (absent in unit tests that do not need them). */
  transfers?: FileTransfers;
};
