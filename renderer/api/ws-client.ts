import {
  WireServerMessage,
  isEventName,
  type CallName,
  type CallRequest,
  type CallResponse,
  type WireClientMessage,
} from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { apiErrorFromShape, type DescribeCheck } from './api-error-from';
import { EventHub } from './event-hub';
import type { RendererApi, TransportState } from './renderer-api';

/** The part of the browser WebSocket the client uses (tests pass a fake). */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
};

export type WsClientOptions = {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Give up on a socket that has not opened after this long (0: never). */
  connectTimeoutMs?: number;
  /** Where malformed messages are reported (default: console.warn). */
  warn?: (message: string, detail?: string) => void;
  /** A shared check's refusal in the window's language (issue 15). */
  describeCheck?: DescribeCheck;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: ApiError) => void };

const OPEN = 1;

const ServerMessage = WireServerMessage;
const lostMessage = 'The connection to the VirtDesk backend was lost';

export const defaultBackoffMs = (attempt: number): number =>
  Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));

/** VirtdeskApi over the serve-mode WebSocket: request ids, a pending map, reconnect with backoff. */
export function createWsClient(options: WsClientOptions): RendererApi {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const warn = options.warn ?? ((message: string, detail?: string) => console.warn(message, detail ?? ''));
  const hub = new EventHub((name, reason) => warn(`virtdesk: invalid ${name} event`, reason));
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  const transportListeners = new Set<(state: TransportState) => void>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let failedAttempts = 0;

  function setTransportState(state: TransportState): void {
    for (const listener of [...transportListeners]) listener(state);
  }

  function failAll(): void {
    queued.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const entry of waiting) entry.reject(new ApiError('connection-lost', lostMessage));
  }

  function handleMessage(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      warn('virtdesk: unparsable message from backend');
      return;
    }
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) {
      warn('virtdesk: invalid message from backend', parsed.error.message);
      return;
    }
    const message = parsed.data;
    if (message.type === 'event') {
      if (isEventName(message.name)) hub.emit(message.name, message.payload);
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.response);
    else entry.reject(apiErrorFromShape(message.error, options.describeCheck));
  }

  function open(): void {
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      failedAttempts = 0;
      for (const data of queued.splice(0)) current.send(data);
      setTransportState('up');
    };
    current.onmessage = (event) => {
      if (socket === current) handleMessage(event.data);
    };
    current.onerror = () => {};
    if (connectTimeoutMs > 0) {
      setTimer(() => {
        if (socket === current && current.readyState !== OPEN) current.close();
      }, connectTimeoutMs);
    }
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failAll();
      setTransportState('down');
      failedAttempts += 1;
      setTimer(open, backoffMs(failedAttempts));
    };
  }

  open();

  return {
    call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
      return new Promise<CallResponse<K>>((resolve, reject) => {
        if (!socket) {
          reject(new ApiError('connection-lost', lostMessage));
          return;
        }
        const id = nextId++;
        const message: WireClientMessage = { type: 'call', id, name, request };
        const data = JSON.stringify(message);
        pending.set(id, { resolve: (value) => resolve(value as CallResponse<K>), reject });
        if (socket.readyState === OPEN) socket.send(data);
        else queued.push(data);
      });
    },
    on: (name, handler) => hub.on(name, handler),
    onTransportState(listener) {
      transportListeners.add(listener);
      return () => {
        transportListeners.delete(listener);
      };
    },
  };
}
