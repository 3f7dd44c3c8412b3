import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { RpcProtocolError } from '../libvirt-rpc/rpc-connection';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd + the test user's real libvirt session daemon: the VM list's XML read at connect.
const host = inject('testHost');
const PREFIX = 'vd-rpcd-';
const COUNT = 12;
let h: Harness | undefined;

async function defineGuests(): Promise<void> {
  for (let i = 1; i <= COUNT; i++) {
    const name = `${PREFIX}${i}`;
    const xml = `<domain type='qemu'><name>${name}</name><title>title of ${name}</title><memory unit='MiB'>${64 + i}</memory><vcpu>${1 + (i % 3)}</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`;
    const file = `/tmp/${name}.xml`;
    writeFileSync(file, xml);
    chmodSync(file, 0o644);
    const defined = await hostVirsh(['define', file]);
    rmSync(file);
    if (defined.code !== 0) throw new Error(defined.stderr);
  }
}

async function undefineGuests(): Promise<void> {
  for (let i = 1; i <= COUNT; i++) await hostVirsh(['undefine', `${PREFIX}${i}`]);
}

/** Connects a fresh desktop backend; every VM of ours as the list shows it once "connected" returned. */
async function connectAndList() {
  h = await createHarness();
  const hostId = await connectByKey(h, host);
  const list = await h.call('domains/list', { hostId });
  return list.filter((d) => d.name.startsWith(PREFIX));
}

beforeAll(async () => {
  await undefineGuests();
  await defineGuests();
});
afterEach(() => {
  h?.dispose();
  h = undefined;
  vi.restoreAllMocks();
});
afterAll(undefineGuests);

describe("the VM list's XML read through the daemon reader", () => {
  it('every VM has what only its XML says, read through the daemon reader', async () => {
    const asked = vi.spyOn(LibvirtReader.prototype, 'domainXml');
    const ours = await connectAndList();
    expect(ours).toHaveLength(COUNT);
    for (const d of ours) {
      const i = Number(d.name.slice(PREFIX.length));
      expect(d).toMatchObject({
        detailsLoaded: true,
        title: `title of ${d.name}`,
        memoryKiB: (64 + i) * 1024,
        vcpus: 1 + (i % 3),
      });
    }
    const read = new Set(asked.mock.calls.map(([domain]) => domain.uuid));
    for (const d of ours) expect(read.has(d.uuid)).toBe(true);
  });

  it("when the reader's connection breaks midway, the rest comes through virsh: no VM is left without details", async () => {
    let n = 0;
    const real = LibvirtReader.prototype.domainXml;
    vi.spyOn(LibvirtReader.prototype, 'domainXml').mockImplementation(function (
      this: LibvirtReader,
      ...args
    ) {
      return ++n % 2 === 0
        ? Promise.reject(new RpcProtocolError('The libvirt connection closed'))
        : real.apply(this, args);
    });
    const ours = await connectAndList();
    expect(n).toBeGreaterThan(COUNT / 2);
    expect(ours).toHaveLength(COUNT);
    for (const d of ours) expect(d).toMatchObject({ detailsLoaded: true, title: `title of ${d.name}` });
  });

  it('where the daemon cannot be reached this way, the XML comes through virsh as before', async () => {
    vi.spyOn(LibvirtReader, 'open').mockResolvedValue(undefined);
    const ours = await connectAndList();
    expect(ours).toHaveLength(COUNT);
    for (const d of ours) expect(d).toMatchObject({ detailsLoaded: true, title: `title of ${d.name}` });
  });
});
