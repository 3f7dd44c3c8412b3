import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';
import { openVmWindow } from '../pages/vm-window-page';

// A shut-off VM with one qcow2 disk in its own pool: snapshots of its disk (no boot needed).
let fixture: VmWithVolumes;

test.beforeEach(async () => {
  fixture = await createVmWithVolumes('s-e2e', ['root.qcow2']);
});
test.afterEach(async () => {
  await hostVirsh(['undefine', fixture.vm, '--snapshots-metadata']);
  await fixture.remove();
});

test('take snapshots, see them in the tree, edit a description, revert and delete a subtree', async ({
  app,
  testHost,
}) => {
  const { vm } = fixture;
  await app.connectTestHost(testHost);
  const win = await openVmWindow(app, vm);
  await win.root.getByRole('tab', { name: 'Snapshots', exact: true }).click();
  const page = win.root.getByRole('region', { name: `Snapshots of ${vm}` });
  await expect(page).toContainText('No snapshots yet.');

  const take = async (name: string, description: string) => {
    await page.getByRole('button', { name: 'Take snapshot…' }).click();
    const dialog = app.page.getByRole('dialog', { name: `Take a snapshot of ${vm}` });
    // The name is made from the time; the VM is off, so the disks only.
    await expect(dialog.getByLabel('Name')).toHaveValue(/^snapshot-\d{8}-\d{6}/);
    await expect(dialog).toContainText('The VM is shut off: a snapshot holds its disks only.');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await expect(dialog).toBeHidden();
  };
  await take('first', 'before the upgrade');
  await take('second', '');

  const tree = page.getByRole('tree', { name: 'Snapshots' });
  const first = tree.getByRole('treeitem', { name: /^first/ });
  const second = tree.getByRole('treeitem', { name: /^second/ });
  await expect(second).toHaveAttribute('aria-level', '2');
  await expect(second).toContainText('current');
  await expect(first).not.toContainText('current');

  // The details of the selected one, description edited in place.
  await first.click();
  const details = page.getByRole('region', { name: 'Snapshot details' });
  await expect(details.getByLabel('Description')).toHaveValue('before the upgrade');
  await details.getByLabel('Description').fill('before the big upgrade');
  await details.getByRole('button', { name: 'Save description' }).click();
  await expect(details.getByRole('status')).toHaveText('Description saved');
  await expect
    .poll(async () => (await hostVirsh(['snapshot-dumpxml', vm, 'first'])).stdout)
    .toContain('<description>before the big upgrade</description>');

  await page.getByRole('button', { name: 'Revert…' }).click();
  const revert = app.page.getByRole('alertdialog', { name: `Revert ${vm}?` });
  await expect(revert).toContainText('returns to snapshot “first”');
  await revert.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(revert).toBeHidden();
  await expect(first).toContainText('current');
  expect((await hostVirsh(['snapshot-current', vm, '--name'])).stdout.trim()).toBe('first');

  await page.getByRole('button', { name: 'Delete…' }).click();
  const del = app.page.getByRole('alertdialog', { name: 'Delete snapshot “first”?' });
  await del.getByRole('checkbox', { name: 'Also delete its 1 child snapshot' }).check();
  await del.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toContainText('No snapshots yet.');
  expect((await hostVirsh(['snapshot-list', vm, '--name'])).stdout.trim()).toBe('');
});
