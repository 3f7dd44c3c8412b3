import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { createVmWithVolumes, volumesIn, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, pollUntil, type Harness } from '../testing/backend-harness';

// Real sshd + real libvirt session: a VM with two qcow2 volumes (vda, vdb), an empty CD-ROM and a
// user-mode NIC, cloned with vda copied and vdb shared; the clone is booted once (SeaBIOS, no OS).
const host = inject('testHost');
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;
let uuid: string;
let cloneName: string;

const virsh = async (args: string[]) => {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const macsOf = (xml: string) => [...xml.matchAll(/<mac address='([^']+)'/g)].map((m) => m[1]);
const diskPaths = (xml: string) => [...xml.matchAll(/<source file='([^']+)'/g)].map((m) => m[1]);
/** The pool's volume names, sorted (its directory's name contains "clone" too). */
const volumeNames = async () =>
  [...(await volumesIn(fixture.pool)).matchAll(/^ (\S+)\s+\//gm)].map((m) => m[1]).sort();
const uuidOf = (xml: string) => /<uuid>([^<]+)<\/uuid>/.exec(xml)?.[1];

beforeAll(async () => {
  fixture = await createVmWithVolumes(`s-clone-${process.pid}`, ['sys.qcow2', 'data.qcow2']);
  const nic = join(mkdtempSync(join(tmpdir(), 'vd-s-nic-')), 'nic.xml');
  writeFileSync(nic, "<interface type='user'><model type='virtio'/></interface>");
  chmodSync(dirname(nic), 0o755);
  chmodSync(nic, 0o644); // read by the test user's virsh
  await virsh(['attach-device', '--domain', fixture.vm, '--file', nic, '--config']);
  rmSync(dirname(nic), { recursive: true, force: true });
  cloneName = `${fixture.vm}-copy`;
  h = await createHarness();
  hostId = await connectByKey(h, host);
  uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === fixture.vm)!.uuid;
});

afterAll(async () => {
  h?.dispose();
  await hostVirsh(['destroy', cloneName]);
  await hostVirsh(['undefine', cloneName]);
  await fixture?.remove();
});

describe('Clone on the real test host', () => {
  it('offers a free name and each disk’s choice', async () => {
    const plan = await h.call('domains/clone-plan', { hostId, uuid });
    expect(plan.name).toBe(`${fixture.vm}-clone`);
    expect(plan.uefi).toBe(false);
    expect(plan.disks.map((d) => [d.target, d.suggested, d.suggestedVolume])).toEqual([
      ['vda', 'clone', `${fixture.vm}-clone-vda.qcow2`],
      ['vdb', 'clone', `${fixture.vm}-clone-vdb.qcow2`],
      ['sda', 'share', undefined],
    ]);
  });

  it('refuses a name that exists and a running source, before anything is made', async () => {
    await expect(h.call('domains/clone', { hostId, uuid, name: 'vd-tiny', disks: [] })).rejects.toThrow(
      /A VM named “vd-tiny” already exists/,
    );
    await virsh(['start', fixture.vm]);
    await pollUntil(
      async () => (await h.call('domains/list', { hostId })).find((d) => d.uuid === uuid)?.state,
      (state) => state === 'running',
    );
    await expect(h.call('domains/clone', { hostId, uuid, name: cloneName, disks: [] })).rejects.toThrow(
      /Shut down or pause .* first/,
    );
    await virsh(['destroy', fixture.vm]);
    await pollUntil(
      async () => (await h.call('domains/list', { hostId })).find((d) => d.uuid === uuid)?.state,
      (state) => state === 'shut off',
    );
    expect(await volumeNames()).toEqual(['data.qcow2', 'sys.qcow2']);
  });

  it('Cancel removes the volumes copied so far and defines nothing', async () => {
    const started = h.waitFor('jobs/started', (j) => j.kind === 'domain-clone');
    const call = h.call('domains/clone', {
      hostId,
      uuid,
      name: cloneName,
      disks: [
        { target: 'vda', mode: 'clone', newVolume: 'copy-a.qcow2' },
        { target: 'vdb', mode: 'clone', newVolume: 'copy-b.qcow2' },
      ],
    });
    const job = await started;
    await h.call('jobs/cancel', { jobId: job.jobId });
    await expect(call).rejects.toThrow(/cancelled/);
    const finished = await h.waitFor('jobs/finished', (j) => j.jobId === job.jobId);
    expect(finished.state).toBe('cancelled');
    expect((await hostVirsh(['dominfo', cloneName])).code).not.toBe(0);
    expect(await volumeNames()).toEqual(['data.qcow2', 'sys.qcow2']);
  });

  it('clones one disk, shares the other, gives new UUID and MACs, and the clone boots', async () => {
    const result = await h.call('domains/clone', {
      hostId,
      uuid,
      name: cloneName,
      disks: [
        { target: 'vda', mode: 'clone', newVolume: 'copy-sys.qcow2' },
        { target: 'vdb', mode: 'share' },
      ],
    });
    expect(result.message).toBe(`${fixture.vm} cloned to ${cloneName}`);
    const source = await virsh(['dumpxml', fixture.vm]);
    const clone = await virsh(['dumpxml', cloneName]);
    expect(uuidOf(clone)).toBe(result.uuid);
    expect(uuidOf(clone)).not.toBe(uuidOf(source));
    expect(macsOf(clone)).toHaveLength(1);
    expect(macsOf(clone)[0]).not.toBe(macsOf(source)[0]);
    expect(diskPaths(clone)).toEqual([`${fixture.target}/copy-sys.qcow2`, `${fixture.target}/data.qcow2`]);
    expect(await volumeNames()).toEqual(['copy-sys.qcow2', 'data.qcow2', 'sys.qcow2']);
    // The list shows it (pushed by the event stream or the refresh after define).
    await pollUntil(
      async () => (await h.call('domains/list', { hostId })).some((d) => d.name === cloneName),
      (found) => found,
    );
    await virsh(['start', cloneName]);
    expect((await virsh(['domstate', cloneName])).trim()).toBe('running');
    await virsh(['destroy', cloneName]);
  });
});
