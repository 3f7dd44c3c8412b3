import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import type { JobView } from '../../../../shared/api/jobs';
import { connectByKey, createHarness, type Harness } from '../../testing/backend-harness';
import { ensureDirPool, sha256Of, uploadPath, volumeNames } from './testing/test-pool';
import { uploadRoute } from './volume-stream-job';

// Real sshd + real libvirt session, pool vd-st4-routes in the test user's home: an upload writes a
// volume file the SSH user may write straight into it (`cat >`), else through `vol-upload`; both
// land byte for byte, and after the direct write libvirt knows what the file holds (a qcow2).
const host = inject('testHost');
const POOL = 'vd-st4-routes';
let h: Harness;
let hostId: string;
let dir: string;

const finished = (jobId: string) => h.waitFor('jobs/finished', (j: JobView) => j.jobId === jobId, 300_000);

async function clearPool(): Promise<void> {
  for (const name of await volumeNames(POOL)) await hostVirsh(['vol-delete', '--pool', POOL, name]);
}

beforeAll(async () => {
  await ensureDirPool(POOL, host.home);
  await clearPool();
  dir = mkdtempSync(join(tmpdir(), 'vd-st4-routes-'));
  h = await createHarness();
  hostId = await connectByKey(h, host);
}, 120_000);

afterAll(async () => {
  h?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await clearPool();
});

async function uploadAndCompare(file: string, name: string) {
  const { jobId, size } = await uploadPath(h, { hostId, pool: POOL, name }, file);
  expect(await finished(jobId)).toMatchObject({ state: 'done', done: size, total: size });
  const [volume] = await h.call('volumes/details', { hostId, pool: POOL, names: [name] });
  expect(await sha256Of(volume!.path)).toBe(await sha256Of(file));
  return volume!;
}

describe('the two upload routes', () => {
  it('writes a file it may write directly, and libvirt then sees the qcow2 inside', async () => {
    const image = join(dir, 'image.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', image, '64M']);
    const volume = await uploadAndCompare(image, 'direct.qcow2');
    expect(volume).toMatchObject({ format: 'qcow2', capacity: 64 * 2 ** 20 });
  });

  it('goes through vol-upload where it does not write the file itself', async () => {
    const data = join(dir, 'data.bin');
    // 48 MiB + 5 bytes of random data: no chunk boundary lines up by accident.
    execFileSync('sh', ['-c', `head -c ${48 * 2 ** 20 + 5} /dev/urandom > '${data}'`]);
    uploadRoute.directWhereWritable = false;
    try {
      await uploadAndCompare(data, 'through-libvirt.img');
    } finally {
      uploadRoute.directWhereWritable = true;
    }
  });
});
