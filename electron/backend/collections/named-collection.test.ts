import { describe, expect, it } from 'vitest';
import type { LiveHost } from '../hosts/host-connection';
import type { CollectionDelta } from './object-collection';
import { NamedObjectCollection } from './named-collection';

interface Thing {
  uuid: string;
  name: string;
  version: number;
}

/** A collection over an in-memory "host": what an event re-read finds is `onHost`. */
class Things extends NamedObjectCollection<Thing> {
  readonly onHost = new Map<string, Thing>();
  readonly deltas: Array<CollectionDelta<Thing>> = [];

  constructor() {
    super('h', (delta) => this.deltas.push(delta), { verb: 'event', nameIn: () => undefined });
  }

  /** A bulk read: the list now, its details (as read when the read started) pushed later. */
  bulkRead(): (details: Thing[]) => void {
    const fresh = this.notRefreshedSince();
    this.replaceAll([...this.onHost.values()]);
    return (details) => this.change(details.filter(fresh), [], false);
  }

  protected load(): Promise<void> {
    return Promise.resolve();
  }
  protected readOne(_host: LiveHost, ref: string): Promise<Thing | undefined> {
    return Promise.resolve(this.onHost.get(ref));
  }
  protected reloadAll(): Promise<void> {
    return Promise.resolve();
  }
}

const host = { current: () => true } as unknown as LiveHost;

describe('NamedObjectCollection: a bulk read does not undo a newer re-read', () => {
  it("an event's re-read during a bulk read wins over the bulk read's older document", async () => {
    const things = new Things();
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 1 });
    things.onHost.set('b', { uuid: 'b', name: 'B', version: 1 });
    const push = things.bulkRead();
    const readAtStart = [...things.onHost.values()].map((t) => ({ ...t }));
    // While the bulk read runs, A changes and its event re-reads it.
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 2 });
    await things.refresh(host, 'a');
    push(readAtStart);
    expect(things.get('a')?.version).toBe(2);
    expect(things.get('b')?.version).toBe(1);
    expect(things.deltas.at(-1)?.upsert.map((t) => t.uuid)).toEqual(['b']);
  });

  it('a re-read before the bulk read started does not hide the bulk read', async () => {
    const things = new Things();
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 1 });
    await things.refresh(host, 'a');
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 3 });
    const push = things.bulkRead();
    push([{ uuid: 'a', name: 'A', version: 3 }]);
    expect(things.get('a')?.version).toBe(3);
  });
});
