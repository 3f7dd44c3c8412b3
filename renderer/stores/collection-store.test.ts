import { describe, expect, it } from 'vitest';
import { createCollectionStore } from './collection-store';

type Item = { id: string; v: number };

describe('the collection store pattern', () => {
  it('applies deltas, and a list that raced them is merged under them', async () => {
    let answer!: (items: Item[]) => void;
    const store = createCollectionStore<Item>(
      () => new Promise((resolve) => (answer = resolve)),
      (i) => i.id,
    );
    const loading = store.getState().load('h');
    store.getState().applyDelta({ hostId: 'h', reset: false, upsert: [{ id: 'b', v: 2 }], remove: ['a'] });
    answer([
      { id: 'a', v: 1 },
      { id: 'c', v: 3 },
    ]);
    await loading;
    expect(store.getState().byHost['h']).toEqual({ b: { id: 'b', v: 2 }, c: { id: 'c', v: 3 } });
    expect(store.getState().listedHosts['h']).toBe(true);
    store.getState().applyDelta({ hostId: 'h', reset: true, upsert: [], remove: [] });
    expect(store.getState().byHost['h']).toEqual({});
    store.getState().forgetHost('h');
    expect(store.getState().listedHosts['h']).toBeUndefined();
  });
});
