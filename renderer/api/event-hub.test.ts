import { describe, expect, it } from 'vitest';
import { summary } from '../testing/fixtures';
import { EventHub } from './event-hub';

function hubWith() {
  const invalid: string[] = [];
  const hub = new EventHub((name) => invalid.push(name));
  const seen: unknown[] = [];
  hub.on('domains/delta', (delta) => seen.push(delta));
  return { hub, invalid, seen };
}

describe('EventHub', () => {
  it('hands a plain VM list on as it came (the quick check), and reshapes the rest with the schema', () => {
    const { hub, seen } = hubWith();
    const list = { hostId: 'h1', reset: true, upsert: [summary('a'), summary('b')], remove: [] };
    hub.emit('domains/delta', list);
    expect(seen[0]).toBe(list);
    hub.emit('domains/delta', { hostId: 'h1', upsert: [{ ...summary('c'), extra: 1 }], remove: [] });
    expect(seen[1]).toEqual({ hostId: 'h1', reset: false, upsert: [summary('c')], remove: [] });
  });

  it('drops what the contract refuses and says so', () => {
    const { hub, invalid, seen } = hubWith();
    hub.emit('domains/delta', {
      hostId: 'h1',
      reset: true,
      upsert: [{ ...summary('a'), state: 'melted' }],
      remove: [],
    });
    hub.emit('domains/delta', {
      hostId: 'h1',
      reset: true,
      upsert: [{ ...summary('a'), vcpus: -1 }],
      remove: [],
    });
    hub.emit('domains/delta', { hostId: 7, reset: true, upsert: [], remove: [] });
    expect(seen).toEqual([]);
    expect(invalid).toEqual(['domains/delta', 'domains/delta', 'domains/delta']);
  });
});
