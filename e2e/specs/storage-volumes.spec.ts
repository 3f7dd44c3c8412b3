import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { VolumesPage } from '../pages/volumes-page';
import { ensureDirPool, volumeNames } from '../../electron/backend/storage/volumes/testing/test-pool';

const POOL = 'vd-e2e-volumes';
const MiB = 2 ** 20;

async function clearPool() {
  for (const name of await volumeNames(POOL)) await hostVirsh(['vol-delete', '--pool', POOL, name]);
}
test.beforeEach(async ({ testHost }) => {
  await ensureDirPool(POOL, `/home/${testHost.user}`);
  await clearPool();
});
test.afterEach(clearPool);

test('create a volume, upload an ISO-sized file through the page with a moving progress bar, delete both', async ({
  app,
  testHost,
}, testInfo) => {
  const iso = testInfo.outputPath('installer.iso');
  execFileSync('sh', ['-c', `head -c ${96 * MiB} /dev/urandom > "$1"`, 'sh', iso]);
  await app.connectTestHost(testHost);
  const volumes = await VolumesPage.open(app.page, POOL);

  await volumes.create(`e2e disk 'one'.qcow2`, '64M');
  await expect(volumes.row(`e2e disk 'one'.qcow2`)).toContainText('64 MiB');

  await volumes.upload(iso, 'installer.iso');
  const job = volumes.job(`Upload installer.iso to ${POOL}`);
  const bar = job.getByRole('progressbar', { name: `Progress of Upload installer.iso to ${POOL}` });
  await expect(bar).toHaveAttribute('aria-valuenow', /^([1-9]|[1-9]\d)$/);
  await expect(job).toContainText('Done', { timeout: 120_000 });
  await expect(job).toContainText('Uploaded 96 MiB into installer.iso');
  await expect(volumes.row('installer.iso')).toContainText('96 MiB');
  const path = `/home/${testHost.user}/${POOL}/installer.iso`;
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  expect(sha(readFileSync(path))).toBe(sha(readFileSync(iso)));

  await volumes.delete('installer.iso');
  await volumes.delete(`e2e disk 'one'.qcow2`);
  await expect(volumes.row(`e2e disk 'one'.qcow2`)).toBeHidden();
  await expect(volumes.row('installer.iso')).toBeHidden();
  expect(await volumeNames(POOL)).toEqual([]);
});
