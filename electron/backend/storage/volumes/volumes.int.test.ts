import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import type { JobView } from '../../../../shared/api/jobs';
import { clearEvents, connectByKey, createHarness, type Harness } from '../../testing/backend-harness';
import { ensureDirPool, killOwnSshConnection, sha256Of, uploadPath, volumeNames } from './testing/test-pool';

// Real sshd + real libvirt session: a dir pool of the test user, volumes created, uploaded,
// downloaded, resized and deleted through the backend, checked with virsh and sha256 on the host.
const host = inject('testHost');
const POOL = 'vd-volumes-it';
const GiB = 1024 ** 3;
let h: Harness;
let hostId: string;
let dir: string;
let big: string;
let bigSha: string;

beforeAll(async () => {
  await ensureDirPool(POOL);
  for (const name of await volumeNames(POOL)) await hostVirsh(['vol-delete', '--pool', POOL, name]);
  dir = mkdtempSync(join(tmpdir(), 'vd-vol-it-'));
  big = join(dir, 'big.bin');
  // 1 GiB + 4 KiB + 3 bytes of random data: no chunk boundary lines up by accident.
  execFileSync('sh', ['-c', `head -c ${GiB + 4099} /dev/urandom > '${big}'`]);
  bigSha = await sha256Of(big);
  h = await createHarness({ retryDelayMs: 200 });
  hostId = await connectByKey(h, host);
}, 300_000);
afterAll(async () => {
  h?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  for (const name of await volumeNames(POOL)) await hostVirsh(['vol-delete', '--pool', POOL, name]);
});

const finished = (jobId: string, timeoutMs = 600_000) =>
  h.waitFor('jobs/finished', (j: JobView) => j.jobId === jobId, timeoutMs);
const progressed = (jobId: string, atLeast: number) =>
  h.waitFor('jobs/progress', (p) => p.jobId === jobId && p.done >= atLeast, 120_000);
const pathOf = async (name: string) =>
  (await h.call('volumes/list', { hostId, pool: POOL })).find((v) => v.name === name)?.path;

describe('volumes on a real host', () => {
  it('creates, resizes and deletes, refusing bad input before anything runs', async () => {
    const name = `disk 'one' $(touch x) ünï.qcow2`;
    const made = await h.call('volumes/create', {
      hostId,
      pool: POOL,
      name,
      format: 'qcow2',
      capacity: '1.5 GiB',
      allocateNow: false,
    });
    expect(made).toMatchObject({ name, format: 'qcow2', capacity: 1.5 * GiB, usedBy: [] });
    for (const capacity of ['-1', 'abc'])
      await expect(
        h.call('volumes/create', {
          hostId,
          pool: POOL,
          name: 'x.img',
          format: 'raw',
          capacity,
          allocateNow: false,
        }),
      ).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining(capacity) });
    await expect(
      h.call('volumes/create', {
        hostId,
        pool: POOL,
        name,
        format: 'raw',
        capacity: '1M',
        allocateNow: false,
      }),
    ).rejects.toThrow(/already has a volume/);
    expect(await volumeNames(POOL)).toHaveLength(1);

    const grown = await h.call('volumes/resize', { hostId, pool: POOL, name, capacity: '2G', shrink: false });
    expect(grown.capacity).toBe(2 * GiB);
    const info = await hostVirsh(['vol-info', '--pool', POOL, name, '--bytes']);
    expect(info.stdout).toMatch(new RegExp(`Capacity:\\s+${2 * GiB} bytes`));
    await expect(
      h.call('volumes/resize', { hostId, pool: POOL, name, capacity: '1G', shrink: false }),
    ).rejects.toThrow(/Shrink/);

    const backed = await h.call('volumes/create', {
      hostId,
      pool: POOL,
      name: 'overlay.qcow2',
      format: 'qcow2',
      capacity: '2G',
      allocateNow: false,
      backingVolume: name,
    });
    expect((await h.call('volumes/xml', { hostId, pool: POOL, name: backed.name })).xml).toContain(
      '<backingStore>',
    );
    await h.call('volumes/delete', { hostId, pool: POOL, name: 'overlay.qcow2' });
    await h.call('volumes/delete', { hostId, pool: POOL, name });
    expect(await volumeNames(POOL)).toEqual([]);
  });

  it('uploads a 1 GiB file byte for byte, then downloads it back', async () => {
    const started = Date.now();
    const { jobId, size } = await uploadPath(h, { hostId, pool: POOL, name: 'big.img' }, big);
    const job = await finished(jobId);
    const seconds = (Date.now() - started) / 1000;
    expect(job).toMatchObject({ state: 'done', done: size, total: size });
    console.log(`upload: ${(size / 2 ** 20 / seconds).toFixed(1)} MiB/s`);
    const path = await pathOf('big.img');
    expect(await sha256Of(path!)).toBe(bigSha);

    const target = join(dir, 'back.bin');
    const down = await h.call('volumes/download', {
      hostId,
      pool: POOL,
      name: 'big.img',
      target: { kind: 'path', path: target },
    });
    expect(await finished(down.jobId!)).toMatchObject({ state: 'done' });
    expect(await sha256Of(target)).toBe(bigSha);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    rmSync(target);
    await h.call('volumes/delete', { hostId, pool: POOL, name: 'big.img' });
  }, 600_000);

  it('cancelled halfway: the job says cancelled and no volume is left', async () => {
    const { jobId, size } = await uploadPath(h, { hostId, pool: POOL, name: 'cancel.img' }, big);
    await progressed(jobId, size / 2);
    await h.call('jobs/cancel', { jobId });
    expect(await finished(jobId)).toMatchObject({ state: 'cancelled' });
    expect(await volumeNames(POOL)).toEqual([]);
  }, 300_000);

  it('a dropped connection fails the job clearly and the partial volume goes on reconnect', async () => {
    clearEvents(h);
    const { jobId } = await uploadPath(h, { hostId, pool: POOL, name: 'dropped.img' }, big);
    await progressed(jobId, 64 * 2 ** 20);
    expect(await killOwnSshConnection(host)).toBeGreaterThan(0);
    const job = await finished(jobId);
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/connection dropped.*deleted/i);
    await h.waitFor('hosts/status', (s) => s.hostId === hostId && s.state === 'connected', 60_000);
    const sweep = await h.waitFor('jobs/finished', (j: JobView) => j.kind === 'volume-delete', 60_000);
    expect(sweep).toMatchObject({ state: 'done' });
    expect(await volumeNames(POOL)).toEqual([]);
  }, 300_000);

  it('a download that fails leaves no partial local file', async () => {
    const target = join(dir, 'missing.bin');
    await expect(
      h.call('volumes/download', {
        hostId,
        pool: POOL,
        name: 'no-such.img',
        target: { kind: 'path', path: target },
      }),
    ).rejects.toThrow(/no-such|not found/i);
    expect(existsSync(target)).toBe(false);
  });
});
