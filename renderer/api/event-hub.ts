import { events, type EventName, type EventPayload } from '../../shared/api/contract';
import { isExactDomainDelta } from '../../shared/api/domain-delta-check';

type AnyHandler = (payload: unknown) => void;

/**
 * Quick checks tried before an event's schema: true only for a payload the schema accepts and
 * returns unchanged (anything else goes through the schema). See `domain-delta-check.ts`.
 */
const exactChecks: Partial<Record<EventName, (payload: unknown) => boolean>> = {
  'domains/delta': isExactDomainDelta,
};

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
    let data: unknown = payload;
    if (!exactChecks[name]?.(payload)) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        this.onInvalid(name, parsed.error.message);
        return;
      }
      data = parsed.data;
    }
    for (const handler of [...set]) {
      try {
        handler(data);
      } catch (error) {
        console.error(`virtdesk: handler for ${name} failed`, error);
      }
    }
  }
}
