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
    super('h', (delta) => this.deltas.push(delta), {
      kind: 'domain',
      verb: 'event',
      nameIn: () => undefined,
    });
  }

  /** A bulk read: the list now, its details (as read when the read started) pushed later. */
  bulkRead(): (details: Thing[]) => void {
    const fresh = this.notRefreshedSince();
    this.replaceAll([...this.onHost.values()]);
    return (details) => this.change(details.filter(fresh), [], false);
  }

  /** A bulk read of the whole list (pools, networks): as the host was when it started. */
  listRead(): () => void {
    const fresh = this.notRefreshedSince();
    const readAtStart = [...this.onHost.values()].map((t) => ({ ...t }));
    return () => this.replaceAllFrom(readAtStart, fresh);
  }

  protected load(): Promise<void> {
    return Promise.resolve();
  }
  protected readOne(_host: LiveHost, ref: string): Promise<Thing | undefined> {
    return Promise.resolve([...this.onHost.values()].find((t) => t.uuid === ref || t.name === ref));
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

describe('NamedObjectCollection: a list read does not undo what events re-read meanwhile', () => {
  it('keeps an object created and drops one deleted while the list was read', async () => {
    const things = new Things();
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 1 });
    things.onHost.set('b', { uuid: 'b', name: 'B', version: 1 });
    const finish = things.listRead();
    // Defined outside (its event re-reads it) and B undefined, while the list was being read.
    things.onHost.set('c', { uuid: 'c', name: 'C', version: 1 });
    things.onHost.delete('b');
    await things.refresh(host, 'C');
    await things.refresh(host, 'B');
    finish();
    expect(
      things
        .list()
        .map((t) => t.uuid)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(things.deltas.at(-1)).toMatchObject({ reset: true });
  });

  it('takes the list as read for objects no event touched', async () => {
    const things = new Things();
    things.onHost.set('a', { uuid: 'a', name: 'A', version: 1 });
    await things.refresh(host, 'a');
    const finish = things.listRead();
    finish();
    expect(things.list()).toEqual([{ uuid: 'a', name: 'A', version: 1 }]);
  });
});
