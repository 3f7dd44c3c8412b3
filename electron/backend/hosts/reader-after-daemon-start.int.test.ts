import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { ensureDirPool } from '../storage/volumes/testing/test-pool';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd + the test user's session daemon, stopped before the connect: the daemon reader finds
// no socket (virsh starts the daemon, as `virsh -c qemu:///session` does), so the VM list reads
// through virsh; once virsh answered the host asks again, and the later parts read through it.
const host = inject('testHost');
const POOL = `vd-rds-${process.pid}`;
let h: Harness | undefined;

const daemonRunning = () => {
  try {
    execFileSync('pgrep', ['-u', host.user, '-x', 'libvirtd']);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  await ensureDirPool(POOL, host.home);
  await hostVirsh(['vol-create-as', POOL, 'one.img', '1M']);
});
afterAll(async () => {
  h?.dispose();
  vi.restoreAllMocks();
  await hostVirsh(['vol-delete', '--pool', POOL, 'one.img']);
  await hostVirsh(['pool-destroy', POOL]);
  await hostVirsh(['pool-undefine', POOL]);
});

describe('a session daemon that was not running when the host connected', () => {
  it('gets a reader once virsh started it: the later parts read through the daemon', async () => {
    execFileSync('pkill', ['-u', host.user, '-x', 'libvirtd']);
    for (let i = 0; i < 100 && daemonRunning(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(daemonRunning()).toBe(false);
    const open = vi.spyOn(LibvirtReader, 'open');
    h = await createHarness();
    const hostId = await connectByKey(h, host);
    expect(daemonRunning()).toBe(true);
    expect(await open.mock.results[0]?.value).toBeUndefined();
    const asked = vi.spyOn(LibvirtReader.prototype, 'volumeXml');
    const rows = await h.call('volumes/list', { hostId, pool: POOL });
    const details = await h.call('volumes/details', { hostId, pool: POOL, names: rows.map((r) => r.name) });
    expect(details.map((d) => d.name)).toEqual(['one.img']);
    expect(asked).toHaveBeenCalled();
    expect(await open.mock.results.at(-1)?.value).toBeInstanceOf(LibvirtReader);
  });
});
