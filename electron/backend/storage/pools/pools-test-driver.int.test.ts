import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/backend-harness';

// The demo connection (libvirt's test driver, local): its state lives inside the host's one virsh
// shell, so the pool XML must reach that process (putXmlOn), not a second virsh.
let h: Harness;
let hostId: string;

beforeAll(async () => {
  h = await createHarness();
  const view = await h.call('hosts/add', { transport: 'local', uri: 'test:///default', autoconnect: false });
  hostId = view.config.id;
  expect((await h.call('hosts/connect', { hostId })).state).toBe('connected');
});
afterAll(() => h?.dispose());

describe('pools on the demo connection (test:///default)', () => {
  it('lists the test driver’s pool; capabilities are unknown there, so every type is offered', async () => {
    expect((await h.call('pools/list', { hostId })).map((p) => p.name)).toContain('default-pool');
    const caps = await h.call('pools/capabilities', { hostId });
    expect(caps.known).toBe(false);
    expect(caps.types.map((t) => t.type)).toContain('iscsi');
  });

  it('finds sources the way the wizard asks for them', async () => {
    const vgs = await h.call('pools/find-sources', { hostId, type: 'logical' });
    expect(vgs.map((s) => s.name)).toEqual(['testvg1', 'testvg2']);
    expect(vgs[0]!.devices).toEqual(['/dev/sda20']);
    const nfs = await h.call('pools/find-sources', { hostId, type: 'netfs', host: 'nas.example' });
    expect(nfs[0]).toMatchObject({ host: 'nas.example', format: 'nfs' });
  });

  it('defines, builds, starts, stops and deletes a pool, leaving no temp file', async () => {
    const started = Date.now();
    const defined = await h.call('pools/define', {
      hostId,
      spec: { type: 'dir', name: 'vd-demo-pool', targetPath: '/vd-demo-pool' },
      build: true,
      start: true,
      autostart: true,
    });
    expect(defined.summary).toMatchObject({ name: 'vd-demo-pool', state: 'running', autostart: true });
    const uuid = defined.summary!.uuid;
    expect((await h.call('pools/action', { hostId, uuid, action: 'stop' })).summary?.state).toBe('inactive');
    await h.call('pools/delete', { hostId, uuid, deleteStorage: false });
    expect((await h.call('pools/list', { hostId })).some((p) => p.uuid === uuid)).toBe(false);
    // Ours only (other tests on this machine may hold their own temp files right now).
    const ours = readdirSync(tmpdir()).filter((f) => {
      try {
        const file = join(tmpdir(), f);
        return (
          f.startsWith('tmp.') &&
          statSync(file).mtimeMs >= started &&
          readFileSync(file, 'utf8').includes('<name>vd-demo-pool</name>')
        );
      } catch {
        return false; // removed meanwhile, or a directory
      }
    });
    expect(ours).toEqual([]);
  });
});
