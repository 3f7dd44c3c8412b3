import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { FakeApi } from '../../testing/fake-api';
import { createPoolCalls } from './pool-calls';

// The storage dialogs' calls (issue 8: the dialogs hold no API); each is the contract call it names.
describe('the storage tab pool calls', () => {
  it('pass each dialog’s request through and answer with the backend’s reply', async () => {
    const api = new FakeApi()
      .handle('pools/capabilities', () => ({
        known: true,
        types: [{ type: 'dir', supported: true, sourceFormats: [] }],
      }))
      .handle('pools/find-sources', () => [{ host: 'nas', dir: '/export', devices: [] }])
      .handle('pools/define', () => ({ message: 'Pool “p” defined' }))
      .handle('pools/action', () => ({ message: 'started' }))
      .handle('pools/delete', () => ({ message: 'deleted' }))
      .handle('pools/xml', () => ({ xml: '<pool/>' }));
    const calls = createPoolCalls(api);
    expect((await calls.capabilities('h')).types[0]?.type).toBe('dir');
    expect(await calls.findSources({ hostId: 'h', type: 'netfs', host: 'nas' })).toEqual([
      { host: 'nas', dir: '/export', devices: [] },
    ]);
    const spec = { type: 'dir' as const, name: 'p', targetPath: '/srv/p' };
    expect((await calls.define({ hostId: 'h', spec, build: true })).message).toBe('Pool “p” defined');
    expect((await calls.act({ hostId: 'h', uuid: 'u', action: 'start' })).message).toBe('started');
    expect((await calls.remove({ hostId: 'h', uuid: 'u', deleteStorage: true })).message).toBe('deleted');
    expect(await calls.xml('h', 'u')).toBe('<pool/>');
    expect(api.calls.map((c) => c.name)).toEqual([
      'pools/capabilities',
      'pools/find-sources',
      'pools/define',
      'pools/action',
      'pools/delete',
      'pools/xml',
    ]);
    expect(api.callsOf('pools/delete')).toEqual([{ hostId: 'h', uuid: 'u', deleteStorage: true }]);
  });

  it('reject with libvirt’s message for the dialog to show', async () => {
    const api = new FakeApi().handle('pools/xml', () => {
      throw new ApiError('virsh-error', 'error: Storage pool not found');
    });
    await expect(createPoolCalls(api).xml('h', 'u')).rejects.toThrow('Storage pool not found');
  });
});
