import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { hostVirsh } from '../../../e2e/host/test-host';
import {
  emptyCloudImageChoice,
  type CloudImageChoice,
  type CloudImagePlan,
} from '../../../shared/api/cloud-init';
import type { JobView } from '../../../shared/api/jobs';
import { realPublicKeys, privateKeyBlock } from '../../../shared/cloud-init/testing/public-keys';
import { cloudImageDisks } from '../../../shared/cloud-init/cloud-image-disks';
import { buildNewDomain } from '../../../shared/xml/build/new-domain';
import { serializeDomainXml } from '../../../shared/xml/objects';
import { sha512Crypt } from './sha512-crypt';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { ensureDirPool, volumeNames } from '../storage/volumes/testing/test-pool';

// Real sshd + libvirt session of the test user: a real qcow2 "cloud image" (qemu-img made, as a pool
// volume and as a file outside every pool), the disk made on it as an overlay or a copy, the NoCloud
// seed built by each tool on the host and by VirtDesk's own writer; checked on the host with
// qemu-img, virsh, isoinfo and osirrox. Every volume is named vd-k-* and removed.
const host = inject('testHost');
const POOL = 'vd-k-cloud';
const BASE = 'vd-k-base.qcow2';
const MiB = 2 ** 20;
const OUTSIDE = '/tmp/vd-k-outside';
const VM = 'vd-k-vm';
let h: Harness;
let hostId: string;
let work: string;

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const virsh = async (args: string[]) => {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const pathOf = async (name: string) =>
  /<path>(.*)<\/path>/.exec(await virsh(['vol-dumpxml', '--pool', POOL, name]))![1]!;
const ours = async () => (await volumeNames(POOL)).filter((n) => n !== BASE).sort();
async function clearOurs(): Promise<void> {
  for (const name of await ours()) await hostVirsh(['vol-delete', '--pool', POOL, name]);
}
const finished = (jobId: string) => h.waitFor('jobs/finished', (j: JobView) => j.jobId === jobId, 300_000);

const choice = (patch: Partial<CloudImageChoice> = {}): CloudImageChoice => ({
  ...emptyCloudImageChoice,
  base: { kind: 'volume', pool: POOL, name: BASE },
  userName: 'alice',
  password: 'correct horse ünï',
  sshKeys: `${realPublicKeys.ed25519}\n${realPublicKeys.ecdsab256}\n`,
  hostname: 'web-1',
  ...patch,
});
const plan = (tag: string, patch: Partial<CloudImagePlan> = {}, c = choice()): CloudImagePlan => ({
  pool: POOL,
  diskName: `vd-k-${tag}.qcow2`,
  seedName: `vd-k-${tag}-cidata.iso`,
  choice: c,
  ...patch,
});

/** The seed's label and files as the host's own tools read them (no mounting). */
function readSeed(isoPath: string): { label: string; files: Record<string, string> } {
  const label = /Volume id: (.*)/.exec(run('isoinfo', ['-d', '-i', isoPath]))![1]!.trim();
  const out = mkdtempSync(join(work, 'seed-'));
  run('xorriso', ['-ecma119_map', 'lowercase', '-osirrox', 'on', '-indev', isoPath, '-extract', '/', out]);
  const files = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  return { label, files };
}

beforeAll(async () => {
  await ensureDirPool(POOL, '/tmp');
  await clearOurs();
  if (!(await volumeNames(POOL)).includes(BASE))
    await virsh(['vol-create-as', POOL, BASE, '64M', '--format', 'qcow2']);
  rmSync(OUTSIDE, { recursive: true, force: true });
  mkdirSync(OUTSIDE, { recursive: true });
  chmodSync(OUTSIDE, 0o755);
  run('qemu-img', ['create', '-q', '-f', 'qcow2', `${OUTSIDE}/base.qcow2`, '32M']);
  writeFileSync(`${OUTSIDE}/base.raw`, Buffer.alloc(3 * MiB));
  writeFileSync(`${OUTSIDE}/notes.txt`, '');
  for (const f of ['base.qcow2', 'base.raw', 'notes.txt']) chmodSync(`${OUTSIDE}/${f}`, 0o644);
  work = mkdtempSync(join(tmpdir(), 'vd-k-cloud-it-'));
  h = await createHarness({ retryDelayMs: 200 });
  hostId = await connectByKey(h, host);
}, 300_000);
afterAll(async () => {
  h?.dispose();
  await hostVirsh(['destroy', VM]);
  await hostVirsh(['undefine', VM]);
  await clearOurs();
  await hostVirsh(['vol-delete', '--pool', POOL, BASE]);
  for (const verb of ['pool-destroy', 'pool-delete', 'pool-undefine']) await hostVirsh([verb, POOL]);
  rmSync(OUTSIDE, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('cloud image on a real host', () => {
  it('finds the seed tool and reads cloud images from a pool or a path', async () => {
    expect(await h.call('cloud-image/seed-tool', { hostId })).toEqual({ tool: 'cloud-localds' });
    const inPool = await h.call('cloud-image/inspect-base', {
      hostId,
      base: { kind: 'volume', pool: POOL, name: BASE },
    });
    expect(inPool).toMatchObject({ format: 'qcow2', capacity: 64 * MiB, volume: { pool: POOL, name: BASE } });
    const byPath = await h.call('cloud-image/inspect-base', {
      hostId,
      base: { kind: 'path', path: inPool.path },
    });
    expect(byPath.volume).toEqual({ pool: POOL, name: BASE });
    expect(
      await h.call('cloud-image/inspect-base', {
        hostId,
        base: { kind: 'path', path: `${OUTSIDE}/base.qcow2` },
      }),
    ).toEqual({ path: `${OUTSIDE}/base.qcow2`, format: 'qcow2', capacity: 32 * MiB });
    expect(
      await h.call('cloud-image/inspect-base', {
        hostId,
        base: { kind: 'path', path: `${OUTSIDE}/base.raw` },
      }),
    ).toMatchObject({ format: 'raw', capacity: 3 * MiB });
    await expect(
      h.call('cloud-image/inspect-base', { hostId, base: { kind: 'path', path: `${OUTSIDE}/missing.img` } }),
    ).rejects.toThrow(/not a file this connection's user can read/);
    await expect(
      h.call('cloud-image/inspect-base', { hostId, base: { kind: 'path', path: `${OUTSIDE}/notes.txt` } }),
    ).rejects.toThrow(/empty/);
  });

  for (const builder of ['cloud-localds', 'xorriso', 'genisoimage', 'own'] as const) {
    it(`overlay on the image, grown, with a seed built by ${builder}`, async () => {
      const p = plan(
        builder,
        { seedBuilder: builder },
        choice({ size: '128M', networkConfig: 'version: 2\n' }),
      );
      const { jobId } = await h.call('cloud-image/prepare', { hostId, plan: p });
      const job = await finished(jobId);
      expect(job).toMatchObject({ state: 'done', message: expect.stringContaining('are ready') });

      const diskPath = await pathOf(p.diskName);
      const chain = JSON.parse(
        run('qemu-img', ['info', '--backing-chain', '--output=json', diskPath]),
      ) as Array<Record<string, unknown>>;
      expect(chain).toHaveLength(2);
      expect(chain[0]).toMatchObject({
        format: 'qcow2',
        'virtual-size': 128 * MiB,
        'backing-filename': await pathOf(BASE),
      });
      expect(chain[1]).toMatchObject({ format: 'qcow2', 'virtual-size': 64 * MiB });
      expect(await virsh(['vol-dumpxml', '--pool', POOL, p.diskName])).toMatch(
        /<backingStore>[\s\S]*<format type='qcow2'\/>/,
      );

      const seed = readSeed(await pathOf(p.seedName));
      expect(seed.label).toBe('cidata');
      expect(Object.keys(seed.files).sort()).toEqual(['meta-data', 'network-config', 'user-data']);
      const userData = seed.files['user-data']!;
      expect(userData.startsWith('#cloud-config\n')).toBe(true);
      expect(userData).not.toContain('correct horse');
      const user = (parse(userData) as { users: Array<Record<string, unknown>> }).users[0]!;
      expect(user).toMatchObject({ name: 'alice', lock_passwd: false });
      const hash = String(user.passwd);
      expect(sha512Crypt('correct horse ünï', hash.split('$')[2]!)).toBe(hash);
      expect(user.ssh_authorized_keys).toEqual([realPublicKeys.ed25519, realPublicKeys.ecdsab256]);
      expect(parse(seed.files['meta-data']!)).toMatchObject({
        'local-hostname': 'web-1',
        'instance-id': expect.stringMatching(/^iid-/),
      });
      expect(seed.files['network-config']).toBe('version: 2\n');
      await clearOurs();
    });
  }

  it('a full copy of the image, resized, with merged raw user-data', async () => {
    const p = plan(
      'copy',
      {},
      choice({ mode: 'copy', size: '96M', userData: '#cloud-config\npackages: [htop]\n' }),
    );
    const job = await finished((await h.call('cloud-image/prepare', { hostId, plan: p })).jobId);
    expect(job.state).toBe('done');
    const info = JSON.parse(run('qemu-img', ['info', '--output=json', await pathOf(p.diskName)])) as Record<
      string,
      unknown
    >;
    expect(info).toMatchObject({ format: 'qcow2', 'virtual-size': 96 * MiB });
    expect(info['backing-filename']).toBeUndefined();
    expect(await virsh(['vol-info', '--pool', POOL, p.diskName, '--bytes'])).toMatch(
      new RegExp(`Capacity:\\s+${96 * MiB} bytes`),
    );
    const userData = parse(readSeed(await pathOf(p.seedName)).files['user-data']!) as Record<string, unknown>;
    expect(userData.packages).toEqual(['htop']);
    await clearOurs();
  });

  it('a VM with the prepared disk and the seed as CD-ROM starts: QEMU opens the overlay, its image and the seed', async () => {
    const p = plan('vm', { seedBuilder: 'own' });
    expect((await finished((await h.call('cloud-image/prepare', { hostId, plan: p })).jobId)).state).toBe(
      'done',
    );
    const disks = cloudImageDisks({
      disk: { path: await pathOf(p.diskName) },
      seed: { path: await pathOf(p.seedName) },
    });
    const xml = serializeDomainXml(
      buildNewDomain({
        name: VM,
        hypervisor: 'qemu',
        memoryBytes: 64 * MiB,
        vcpus: 1,
        disks,
        graphics: 'none',
        sound: false,
      }),
    );
    const file = join(work, 'vm.xml');
    writeFileSync(file, xml);
    chmodSync(work, 0o755);
    chmodSync(file, 0o644);
    await virsh(['define', file]);
    try {
      await virsh(['start', VM]);
      const blk = await virsh(['domblklist', VM, '--details']);
      expect(blk).toMatch(new RegExp(`file\\s+disk\\s+vda\\s+${await pathOf(p.diskName)}`));
      expect(blk).toMatch(new RegExp(`file\\s+cdrom\\s+sda\\s+${await pathOf(p.seedName)}`));
      expect(await virsh(['domstate', VM])).toMatch(/running/);
    } finally {
      await hostVirsh(['destroy', VM]);
      await hostVirsh(['undefine', VM]);
    }
    await clearOurs();
  });

  it('bad input is refused before anything is created', async () => {
    const refused = async (p: CloudImagePlan, reason: RegExp) =>
      expect(h.call('cloud-image/prepare', { hostId, plan: p })).rejects.toThrow(reason);
    await refused(plan('bad', {}, choice({ sshKeys: privateKeyBlock })), /private key/);
    await refused(
      plan('bad', {}, choice({ sshKeys: realPublicKeys.ed25519.slice(0, 50) })),
      /cut short|base64/,
    );
    await refused(plan('bad', {}, choice({ hostname: 'web_1' })), /host name/);
    await refused(plan('bad', {}, choice({ size: '10M' })), /can only grow/);
    await refused(plan('bad', {}, choice({ userData: 'packages: [a]' })), /#cloud-config/);
    await refused(
      plan('bad', {}, choice({ mode: 'copy', base: { kind: 'path', path: `${OUTSIDE}/base.qcow2` } })),
      /not in a storage pool/,
    );
    await refused(plan('bad', { seedName: BASE }), /already has a volume/);
    expect(await ours()).toEqual([]);
  });

  it('Cancel removes the disk it had made', async () => {
    const { jobId } = await h.call('cloud-image/prepare', {
      hostId,
      plan: plan('cancel', { seedBuilder: 'own' }),
    });
    await h.call('jobs/cancel', { jobId });
    const job = await finished(jobId);
    expect(job.state).toBe('cancelled');
    expect(await ours()).toEqual([]);
  });

  it('a failure midway (the copy cannot grow that far) removes the copy and says so', async () => {
    const p = plan('fail', {}, choice({ mode: 'copy', size: '7 PiB' }));
    const job = await finished((await h.call('cloud-image/prepare', { hostId, plan: p })).jobId);
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/Removed vd-k-fail\.qcow2/);
    expect(await ours()).toEqual([]);
  });
});
