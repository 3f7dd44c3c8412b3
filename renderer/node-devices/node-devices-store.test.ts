import { describe, expect, it } from 'vitest';
import type { NodeDevice, NodeDeviceView } from '../../shared/api/node-devices';
import { FakeApi } from '../testing/fake-api';
import { createNodeDevicesStore } from './node-devices-store';

const dev = (name: string, patch: Partial<NodeDevice> = {}): NodeDevice => ({
  name,
  kind: 'pci',
  capabilities: ['pci'],
  ...patch,
});
const view = (d: NodeDevice): NodeDeviceView => ({ ...d, usedBy: [], virtualFunctionNames: [] });
const listing = { complete: true, live: true };

describe('the node devices store', () => {
  it('keeps the reset the list call itself pushed, and still records how the list was read', async () => {
    let answer!: () => void;
    const api = new FakeApi().handle(
      'nodedevices/list',
      () =>
        new Promise((resolve) => {
          answer = () => resolve({ devices: [view(dev('a'))], groups: [], listing });
        }),
    );
    const store = createNodeDevicesStore(api);
    const loading = store.getState().load('h');
    store.getState().applyDelta({ hostId: 'h', reset: true, upsert: [dev('a'), dev('b')], remove: [] });
    answer();
    await loading;
    expect(Object.keys(store.getState().byHost.h!)).toEqual(['a', 'b']);
    expect(store.getState().listing.h).toEqual(listing);
  });

  it('merges the devices an action re-read (the new driver) and clears busy; a refusal rejects', async () => {
    const api = new FakeApi().handle('nodedevices/action', ({ name, action }) => {
      if (action === 'reattach') throw new Error('Permission denied');
      return { message: `${name} detached`, devices: [dev(name, { driver: 'vfio-pci' })] };
    });
    const store = createNodeDevicesStore(api);
    store
      .getState()
      .applyDelta({ hostId: 'h', reset: true, upsert: [dev('a', { driver: 'igb' })], remove: [] });
    await expect(store.getState().act('h', 'a', 'detach')).resolves.toBe('a detached');
    expect(store.getState().byHost.h!.a!.driver).toBe('vfio-pci');
    await expect(store.getState().act('h', 'a', 'reattach')).rejects.toThrow('Permission denied');
    expect(store.getState().busy).toEqual({});
  });

  it('reads a device’s XML for the XML dialog (issue 8)', async () => {
    const api = new FakeApi().handle('nodedevices/xml', ({ name }) => ({
      xml: `<device><name>${name}</name></device>`,
    }));
    expect(await createNodeDevicesStore(api).getState().xml('h', 'pci_0000_00_05_0')).toBe(
      '<device><name>pci_0000_00_05_0</name></device>',
    );
    expect(api.callsOf('nodedevices/xml')).toEqual([{ hostId: 'h', name: 'pci_0000_00_05_0' }]);
  });
});
