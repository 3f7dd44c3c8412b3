import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { HostDetailsPage } from '../pages/host-details-page';

const POOL = 'vd-e2e-pool';

async function removePool() {
  await hostVirsh(['pool-destroy', POOL]);
  await hostVirsh(['pool-delete', POOL]);
  await hostVirsh(['pool-undefine', POOL]);
}
test.beforeEach(removePool);
test.afterEach(removePool);

test('create a dir pool in the wizard, see it active with its capacity, stop, start and delete it', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await expect(app.vmRow('vd-tiny')).toBeVisible();
  const details = await HostDetailsPage.open(app.page);
  await expect(details.window().getByRole('tab', { name: 'Storage' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(details.poolRow('vd-images')).toContainText('Active');

  const target = `${testHost.home}/vd-e2e/${POOL}`;
  await details.addDirPool(POOL, target);
  const row = details.poolRow(POOL);
  await expect(row).toContainText('Active');
  await expect(row).toContainText(target);
  await expect(row).toContainText(/GiB free/);
  await expect(row.getByRole('meter', { name: `Usage of ${POOL}` })).toBeVisible();
  expect((await hostVirsh(['pool-info', POOL])).stdout).toMatch(/State:\s+running[\s\S]*Autostart:\s+yes/);

  await details.selectPool(POOL);
  await details.poolButton('Stop').click();
  await expect(row).toContainText('Inactive');
  expect((await hostVirsh(['pool-info', POOL])).stdout).toMatch(/State:\s+inactive/);
  await details.poolButton('Start').click();
  await expect(row).toContainText('Active');

  // Changed outside VirtDesk: pool-event brings it in.
  await hostVirsh(['pool-destroy', POOL]);
  await expect(row).toContainText('Inactive');

  await details.deletePoolWithStorage(POOL);
  await expect(row).toBeHidden();
  expect((await hostVirsh(['pool-info', POOL])).code).not.toBe(0);
  await expect(app.page.getByRole('alert')).toHaveCount(0);
});

test('the wizard refuses a relative target path and a name with spaces before anything runs', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await HostDetailsPage.open(app.page);
  await details.poolButton('Add Pool…').click();
  const wizard = app.page.getByRole('dialog', { name: 'Add storage pool' });
  await wizard.getByLabel('Name', { exact: true }).fill('my pool');
  await wizard.getByLabel('Target path').fill('relative/dir');
  await wizard.getByRole('button', { name: 'Create Pool' }).click();
  await expect(wizard.getByRole('alert')).toContainText('cannot be a pool name');
  await wizard.getByLabel('Name', { exact: true }).fill(POOL);
  await expect(wizard.getByRole('alert')).toContainText('absolute path');
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  expect((await hostVirsh(['pool-info', POOL])).code).not.toBe(0);
});
