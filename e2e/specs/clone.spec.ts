import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, volumesIn, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';

// A shut-off VM with two qcow2 volumes and an empty CD-ROM in its own pool, cloned from the manager.
let fixture: VmWithVolumes;
let clone: string;

test.beforeEach(async () => {
  fixture = await createVmWithVolumes('s-e2ec', ['sys.qcow2', 'data.qcow2']);
  clone = `${fixture.vm}-clone`;
});
test.afterEach(async () => {
  await hostVirsh(['undefine', clone]);
  await fixture.remove();
});

test('Clone copies one disk, shares the other, and the clone appears in the list', async ({
  app,
  testHost,
}) => {
  const { vm, pool, target } = fixture;
  await app.connectTestHost(testHost);
  await app.selectVm(vm);
  await app.toolbarButton('Clone…').click();

  const dialog = app.page.getByRole('dialog', { name: `Clone ${vm}` });
  // A free name, and the volumes named after it.
  await expect(dialog.getByLabel('Name of the clone')).toHaveValue(clone);
  const data = dialog.getByRole('group', { name: `vdb · ${target}/data.qcow2 · pool ${pool}` });
  await data.getByLabel('What the clone gets').selectOption({ label: 'The same disk (shared)' });
  await expect(data).toContainText('run only one of them at a time');
  const sys = dialog.getByRole('group', { name: `vda · ${target}/sys.qcow2 · pool ${pool}` });
  await expect(sys.getByLabel(`New volume in pool ${pool}`)).toHaveValue(`${clone}-vda.qcow2`);
  await sys.getByLabel(`New volume in pool ${pool}`).fill('sys-copy.qcow2');
  await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(app.vmRow(clone)).toBeVisible();
  const xml = (await hostVirsh(['dumpxml', clone])).stdout;
  expect([...xml.matchAll(/<source file='([^']+)'/g)].map((m) => m[1])).toEqual([
    `${target}/sys-copy.qcow2`,
    `${target}/data.qcow2`,
  ]);
  expect(await volumesIn(pool)).toContain('sys-copy.qcow2');
});
