import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { NetworkSummary } from '../../../shared/api/networks';
import { hostProcesses, hostVirsh } from '../../../e2e/host/test-host';
import { eventStreamCommand } from '../events/virsh-event-stream';
import { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { addSshHost, createHarness, type Harness } from '../testing/backend-harness';
import { VirshShell } from '../virsh/virsh-shell';

// A network defined outside VirtDesk while the list is being read must still show up: through the
// daemon reader (its events are registered before the list is read) and through virsh's net-event
// (the list is read again once the stream listens). The network is isolated, without <ip> or
// <forward>, and only defined — never started (no bridge, NAT or DHCP on the test machine).
const host = inject('testHost');
const NAME = 'vd-sn-evt';
const dir = mkdtempSync(join(tmpdir(), 'vd-sn-evt-'));
chmodSync(dir, 0o755);
let h: Harness | undefined;

async function defineOutside(): Promise<void> {
  const file = join(dir, 'net.xml');
  writeFileSync(file, `<network><name>${NAME}</name><bridge name='vdsnevt1'/></network>`, { mode: 0o644 });
  const r = await hostVirsh(['net-define', file]);
  expect(r.code, r.stderr).toBe(0);
}

/** Defines the network once virsh answered the list's first command (before VirtDesk has the list). */
function defineWhileTheListIsRead(): { defined: () => boolean } {
  const run = VirshShell.prototype.run;
  let defined = false;
  vi.spyOn(VirshShell.prototype, 'run').mockImplementation(async function (this: VirshShell, argv, timeout) {
    const out = await run.call(this, argv, timeout);
    if (!defined && argv.join(' ') === 'net-list --all --uuid') {
      defined = true;
      await defineOutside();
    }
    return out;
  });
  return { defined: () => defined };
}

const shows = (hostId: string) => (d: { hostId: string; upsert: NetworkSummary[] }) =>
  d.hostId === hostId && d.upsert.some((n) => n.name === NAME);

/**
 * A fresh backend connects to the test host while the network is defined outside during its list
 * read; resolves once the network showed up.
 */
async function connectWhileDefinedOutside(): Promise<{ h: Harness; hostId: string }> {
  const { defined } = defineWhileTheListIsRead();
  const harness = await createHarness();
  h = harness;
  harness.setPromptPolicy((p) =>
    p.kind === 'host-key' && p.fingerprint === host.hostKeySha256 ? { accepted: true } : undefined,
  );
  const hostId = await addSshHost(harness, host, { privateKeyPath: host.privateKeyPath });
  const appears = harness.waitFor('networks/delta', shows(hostId), 60_000);
  expect((await harness.call('hosts/connect', { hostId })).state).toBe('connected');
  await appears;
  expect(defined()).toBe(true);
  return { h: harness, hostId };
}

beforeAll(() => hostVirsh(['net-undefine', NAME]));
afterEach(async () => {
  h?.dispose();
  h = undefined;
  vi.restoreAllMocks();
  await hostVirsh(['net-undefine', NAME]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a network defined outside while the list is being read', () => {
  it('shows up through the daemon reader (no virsh listens)', async () => {
    const { h, hostId } = await connectWhileDefinedOutside();
    expect((await h.call('networks/list', { hostId })).map((n) => n.name)).toContain(NAME);
    expect(await hostProcesses([eventStreamCommand('net-event')])).toEqual([]);
  });

  it('shows up through virsh net-event where the host has no reader (read again once it listens)', async () => {
    vi.spyOn(LibvirtReader, 'open').mockResolvedValue(undefined);
    await connectWhileDefinedOutside();
    const streams = await hostProcesses([eventStreamCommand('net-event')]);
    expect(streams.some((argv) => argv.includes(host.uri))).toBe(true);
  });
});
