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
  it('fills the table from the names, then reads every row’s XML behind it', async () => {
    const api = new FakeApi()
      .handle('volumes/list', () => [row('a'), row('b')])
      .handle('volumes/details', ({ names }) =>
        names.map((n) => row(n, { detail: 'xml', format: 'qcow2', capacity: 1024 })),
      );
    const store = createVolumesStore(api);
    const key = poolKey('h', 'p');
    await store.getState().load('h', 'p');
    expect(store.getState().byPool[key]?.volumes.map((v) => v.detail)).toEqual(['names', 'names']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().byPool[key]?.volumes).toMatchObject([
      { name: 'a', detail: 'xml', format: 'qcow2', capacity: 1024 },
      { name: 'b', detail: 'xml', format: 'qcow2', capacity: 1024 },
    ]);
    store.getState().ensureDetails('h', 'p', ['a']); // read already in this load: not asked again
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.callsOf('volumes/details')).toEqual([
      { hostId: 'h', pool: 'p', names: ['a', 'b'], users: false },
    ]);
  });

  it('reads a big pool two calls at a time, the rows in view before the rest', async () => {
    const names = Array.from({ length: 1200 }, (_, i) => `v${i}`);
    const answers: Array<() => void> = [];
    const api = new FakeApi()
      .handle('volumes/list', () => names.map((n) => row(n)))
      .handle(
        'volumes/details',
        (req) =>
          new Promise<VolumeView[]>((resolve) =>
            answers.push(() => resolve(req.names.map((n) => row(n, { detail: 'xml' })))),
          ),
      );
    const store = createVolumesStore(api);
    await store.getState().load('h', 'p');
    const asked = () => api.callsOf('volumes/details').map((c) => (c as { names: string[] }).names);
    expect(asked().map((n) => n.length)).toEqual([500, 500]);
    store.getState().ensureDetails('h', 'p', ['v1100', 'v1101', 'v3']); // v3 is being read already
    answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked()[2]).toEqual(['v1100', 'v1101']);
    while (answers.length > 0) {
      answers.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(asked().flat().sort()).toEqual([...names].sort());
    expect(store.getState().byPool[poolKey('h', 'p')]?.volumes.every((v) => v.detail === 'xml')).toBe(true);
  });

  it('drops what an older load read (a resized volume shows its new size)', async () => {
    let capacity = 1;
    let answerOld: ((rows: VolumeView[]) => void) | undefined;
    const api = new FakeApi()
      .handle('volumes/list', () => [row('a', { capacity })])
      .handle('volumes/details', ({ names }) =>
        answerOld
          ? names.map((n) => row(n, { detail: 'xml', capacity }))
          : new Promise<VolumeView[]>((resolve) => (answerOld = resolve)),
      );
    const store = createVolumesStore(api);
    await store.getState().load('h', 'p');
    capacity = 2;
    await store.getState().load('h', 'p');
    answerOld!([row('a', { detail: 'xml', capacity: 1 })]);
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
