import { describe, expect, it } from 'vitest';
import type { VolumeView } from '../../shared/api/volumes';
import { FakeApi } from '../testing/fake-api';
import { createVolumesStore, poolKey } from './volumes-store';

const row = (name: string, patch: Partial<VolumeView> = {}): VolumeView => ({
  name,
  path: `/p/${name}`,
  detail: 'names',
  usedBy: [],
  ...patch,
});

describe('the volumes store', () => {
  it('fills the table from the names and lays the XML of the rows in view over them', async () => {
    const api = new FakeApi()
      .handle('volumes/list', () => [row('a'), row('b')])
      .handle('volumes/details', ({ names }) =>
        names.map((n) => row(n, { detail: 'xml', format: 'qcow2', capacity: 1024 })),
      );
    const store = createVolumesStore(api);
    const key = poolKey('h', 'p');
    await store.getState().load('h', 'p');
    expect(store.getState().byPool[key]?.volumes.map((v) => v.detail)).toEqual(['names', 'names']);
    store.getState().ensureDetails('h', 'p', ['a']);
    store.getState().ensureDetails('h', 'p', ['a']); // asked once per load
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().byPool[key]?.volumes).toMatchObject([
      { name: 'a', detail: 'xml', format: 'qcow2', capacity: 1024 },
      { name: 'b', detail: 'names' },
    ]);
    expect(api.callsOf('volumes/details')).toEqual([{ hostId: 'h', pool: 'p', names: ['a'] }]);
  });

  it('drops what an older load read (a resized volume shows its new size)', async () => {
    let capacity = 1;
    let answerOld!: (rows: VolumeView[]) => void;
    const api = new FakeApi()
      .handle('volumes/list', () => [row('a', { capacity })])
      .handle('volumes/details', () => new Promise<VolumeView[]>((resolve) => (answerOld = resolve)));
    const store = createVolumesStore(api);
    await store.getState().load('h', 'p');
    store.getState().ensureDetails('h', 'p', ['a']);
    capacity = 2;
    await store.getState().load('h', 'p');
    answerOld([row('a', { detail: 'xml', capacity: 1 })]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().byPool[poolKey('h', 'p')]?.volumes[0]).toMatchObject({ capacity: 2 });
  });

  it('reads a volume’s XML for the XML dialog (issue 8)', async () => {
    const api = new FakeApi().handle('volumes/xml', ({ name }) => ({
      xml: `<volume><name>${name}</name></volume>`,
    }));
    const target = { hostId: 'h', pool: 'p', name: 'disk.qcow2' };
    expect(await createVolumesStore(api).getState().xml(target)).toBe(
      '<volume><name>disk.qcow2</name></volume>',
    );
    expect(api.callsOf('volumes/xml')).toEqual([target]);
  });
});
