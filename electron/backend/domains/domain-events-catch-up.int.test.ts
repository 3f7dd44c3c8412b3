import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { DomainSummary } from '../../../shared/api/domains';
import { hostVirsh } from '../../../e2e/host/test-host';
import { VirshEventStream } from '../events/virsh-event-stream';
import { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { addSshHost, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd + libvirt session + a real QEMU guest (no disk, no NIC): a VM started outside VirtDesk
// right after the first list was read must still show as running — through virsh's event stream
// (the list catches up once it listens) and through the daemon reader (events registered first).
const host = inject('testHost');
const NAME = 'vd-evc-1';
let h: Harness | undefined;

beforeAll(async () => {
  await hostVirsh(['destroy', NAME]);
  await hostVirsh(['undefine', NAME]);
  const file = `/tmp/${NAME}.xml`;
  writeFileSync(
    file,
    `<domain type='qemu'><name>${NAME}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`,
  );
  chmodSync(file, 0o644);
  const defined = await hostVirsh(['define', file]);
  rmSync(file);
  if (defined.code !== 0) throw new Error(defined.stderr);
});
afterEach(async () => {
  h?.dispose();
  vi.restoreAllMocks();
  await hostVirsh(['destroy', NAME]);
});
afterAll(() => hostVirsh(['undefine', NAME]));

/** A fresh backend with the test host saved (its key known); `shows(state)` matches NAME's row in that state. */
async function addTestHost() {
  const harness = await createHarness();
  h = harness;
  harness.setPromptPolicy((p) =>
    p.kind === 'host-key' && p.fingerprint === host.hostKeySha256 ? { accepted: true } : undefined,
  );
  const hostId = await addSshHost(harness, host, { privateKeyPath: host.privateKeyPath });
  const shows = (state: string) => (d: { hostId: string; upsert: DomainSummary[] }) =>
    d.hostId === hostId && d.upsert.some((s) => s.name === NAME && s.state === state);
  return { h: harness, hostId, shows };
}

describe('the VM list catches up with what changed before its event stream listened', () => {
  it('a VM started outside just after the list was read shows running once the stream listens (no daemon reader)', async () => {
    vi.spyOn(LibvirtReader, 'open').mockResolvedValue(undefined);
    // Hold the event stream back until the VM was started (the window a slow virsh leaves).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const start = VirshEventStream.start.bind(VirshEventStream);
    vi.spyOn(VirshEventStream, 'start').mockImplementation(async (...args) => {
      await gate;
      return start(...args);
    });
    const { h, hostId, shows } = await addTestHost();
    const listed = h.waitFor('domains/delta', shows('shut off'), 60_000);
    const connecting = h.call('hosts/connect', { hostId });
    await listed;
    expect((await hostVirsh(['start', NAME])).code).toBe(0);
    const running = h.waitFor('domains/delta', shows('running'), 60_000);
    release();
    await running;
    expect((await connecting).state).toBe('connected');
    const row = (await h.call('domains/list', { hostId })).find((d) => d.name === NAME);
    expect(row?.state).toBe('running');
  });
});

describe("through the daemon reader, the VMs' events are registered before the list is read", () => {
  it('a VM started outside while the list is being read shows running', async () => {
    // The VM starts after the daemon made the list (it says "shut off") and before we have it.
    const domains = LibvirtReader.prototype.domains;
    let started = false;
    vi.spyOn(LibvirtReader.prototype, 'domains').mockImplementation(async function (
      this: LibvirtReader,
      filter,
    ) {
      const list = await domains.call(this, filter);
      if (!started) {
        started = true;
        expect((await hostVirsh(['start', NAME])).code).toBe(0);
      }
      return list;
    });
    const virshStreams = vi.spyOn(VirshEventStream, 'start');
    const { h, hostId, shows } = await addTestHost();
    const listedStopped = h.waitFor('domains/delta', shows('shut off'), 60_000);
    const running = h.waitFor('domains/delta', shows('running'), 60_000);
    expect((await h.call('hosts/connect', { hostId })).state).toBe('connected');
    await listedStopped;
    await running;
    expect(started).toBe(true);
    // No virsh ran for the VMs' events: they came through the reader.
    expect(virshStreams.mock.calls.map((c) => c[2])).not.toContain('event');
  });
});
