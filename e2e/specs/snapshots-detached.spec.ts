import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';
import { openVmWindow, VmWindowPage } from '../pages/vm-window-page';

// The detached VM window has the same pages as the docked one, Snapshots included (issue 14).
let fixture: VmWithVolumes;

test.beforeEach(async () => {
  fixture = await createVmWithVolumes('mg-e2ed', ['root.qcow2']);
  await hostVirsh(['snapshot-create-as', fixture.vm, 'vd-mg-before']);
});
test.afterEach(async () => {
  await hostVirsh(['undefine', fixture.vm, '--snapshots-metadata']);
  await fixture.remove();
});

test('the Snapshots page in a detached VM window shows the tree and takes a snapshot', async ({
  app,
  testHost,
}) => {
  const { vm } = fixture;
  await app.connectTestHost(testHost);
  const docked = await openVmWindow(app, vm);
  await docked.root.getByRole('tab', { name: 'Snapshots', exact: true }).click();
  const [popup] = await Promise.all([
    app.page.context().waitForEvent('page'),
    docked.root.getByRole('button', { name: 'Open in new window' }).click(),
  ]);
  const win = new VmWindowPage(popup, vm);
  const page = win.root.getByRole('region', { name: `Snapshots of ${vm}` });
  await expect(page.getByRole('treeitem', { name: /vd-mg-before/ })).toBeVisible();
  await page.getByRole('button', { name: 'Take snapshot…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Take a snapshot of ${vm}` });
  await dialog.getByLabel('Name').fill('vd-mg-detached');
  await dialog.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('treeitem', { name: /vd-mg-detached/ })).toBeVisible();
  expect((await hostVirsh(['snapshot-list', vm, '--name'])).stdout).toContain('vd-mg-detached');
});
