import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, volumesIn, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';

let fixture: VmWithVolumes;

test.beforeEach(async () => {
  fixture = await createVmWithVolumes('e2e-del', ['system.qcow2', 'data.qcow2']);
});
test.afterEach(async () => {
  await fixture.remove();
});

test('Delete asks which disks go with the VM and deletes only those', async ({ app, testHost }) => {
  const { vm, pool, target } = fixture;
  await app.connectTestHost(testHost);
  await app.selectVm(vm);
  await app.toolbarButton('Delete').click();

  const dialog = app.page.getByRole('alertdialog', { name: 'Delete virtual machine?' });
  const storage = dialog.getByRole('group', { name: 'Also delete this storage' });
  const system = storage.getByRole('checkbox', { name: `${target}/system.qcow2` });
  const data = storage.getByRole('checkbox', { name: `${target}/data.qcow2` });
  // Its own volumes in a pool are checked, with their size and pool.
  await expect(system).toBeChecked();
  await expect(data).toBeChecked();
  await expect(storage).toContainText(`vda · 1 MiB · pool ${pool}`);
  // Keep the data disk.
  await data.uncheck();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

  await expect(app.vmRow(vm)).toHaveCount(0);
  expect((await hostVirsh(['dominfo', vm])).code).not.toBe(0);
  const left = await volumesIn(pool);
  expect(left).toContain('data.qcow2');
  expect(left).not.toContain('system.qcow2');
});
