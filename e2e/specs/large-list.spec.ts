import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';

const COUNT = 1000;

/** A libvirt test-driver host with 1,000 VMs, all in one file (`test:///<abs path>`). */
function bigHost(dir: string): string {
  const domains = Array.from({ length: COUNT }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return `<domain type='test'><name>big-${n}</name><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;
  });
  const path = join(dir, 'big-host.xml');
  writeFileSync(path, `<node>${domains.join('')}</node>`);
  return path;
}

test('a host with 1,000 VMs: every one is reachable, only what is visible is drawn', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add connection' });
  await dialog.getByLabel('Connection type').selectOption({ label: 'Local' });
  await dialog.getByLabel('Libvirt URI').fill(`test://${bigHost(dataDir)}`);
  await dialog.getByRole('button', { name: 'Connect' }).click();

  await expect(app.vmRow('big-0001')).toBeVisible();
  await expect(page.getByText(`${COUNT} VMs`)).toBeVisible();
  // Virtualised: far fewer rows in the DOM than VMs.
  expect(await app.vmList().getByRole('row').count()).toBeLessThan(100);

  // The filter reaches the last one at once.
  await page.getByLabel('Filter').fill('big-1000');
  await expect(app.vmRow('big-1000')).toBeVisible();
  await expect(app.vmRow('big-0001')).toHaveCount(0);

  // Sorting by name, descending, brings it to the top too.
  await page.getByLabel('Filter').fill('');
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(app.vmRow('big-1000')).toBeVisible();
});
