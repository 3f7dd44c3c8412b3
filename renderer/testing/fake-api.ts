import type {
  CallName,
  CallRequest,
  CallResponse,
  EventName,
  EventPayload,
  VirtdeskApi,
} from '../../shared/api/contract';
import type { TransportState } from '../api/renderer-api';

type Handler = (request: never) => unknown;
type AnyListener = (payload: unknown) => void;

/**
 * A scriptable VirtdeskApi for unit tests: `handle()` answers calls, `emit()` pushes events,
 * `calls` records every request. Never shipped: nothing in the app imports it.
 */
export class FakeApi implements VirtdeskApi {
  readonly calls: { name: CallName; request: unknown }[] = [];
  private readonly handlers = new Map<CallName, Handler>();
  private readonly listeners = new Map<EventName, Set<AnyListener>>();
  private readonly transportListeners = new Set<(state: TransportState) => void>();

  handle<K extends CallName>(
    name: K,
    handler: (request: CallRequest<K>) => CallResponse<K> | Promise<CallResponse<K>>,
  ): this {
    this.handlers.set(name, handler as Handler);
    return this;
  }

  async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
    this.calls.push({ name, request });
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`FakeApi: no handler for ${name}`);
    return (await handler(request as never)) as CallResponse<K>;
  }

  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(handler as AnyListener);
    return () => set.delete(handler as AnyListener);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  listenerCount(name: EventName): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  onTransportState(listener: (state: TransportState) => void): () => void {
    this.transportListeners.add(listener);
    return () => this.transportListeners.delete(listener);
  }

  setTransport(state: TransportState): void {
    for (const listener of this.transportListeners) listener(state);
  }

  callsOf(name: CallName): unknown[] {
    return this.calls.filter((entry) => entry.name === name).map((entry) => entry.request);
  }
}
