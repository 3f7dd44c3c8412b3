import { events, type EventName, type EventPayload } from '../../shared/api/contract';

type AnyHandler = (payload: unknown) => void;

/**
 * Fans validated events out to subscribers. Payloads are checked against the contract's schemas
 * first; an event that does not match is dropped (and reported through `onInvalid`).
 */
export class EventHub {
  private readonly handlers = new Map<EventName, Set<AnyHandler>>();

  constructor(private readonly onInvalid: (name: string, reason: string) => void = () => {}) {}

  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    const entry = handler as AnyHandler;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Whether anyone listens for `name` (transports subscribe upstream lazily). */
  hasSubscribers(name: EventName): boolean {
    return (this.handlers.get(name)?.size ?? 0) > 0;
  }

  emit(name: EventName, payload: unknown): void {
    const set = this.handlers.get(name);
    if (!set || set.size === 0) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      this.onInvalid(name, parsed.error.message);
      return;
    }
    for (const handler of [...set]) {
      try {
        handler(parsed.data);
      } catch (error) {
        console.error(`virtdesk: handler for ${name} failed`, error);
      }
    }
  }
}
