import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { AddHardwarePage } from '../pages/add-hardware-page';
import { DetailsPage } from '../pages/details-page';
import { VmWindowPage } from '../pages/vm-window-page';

// Add Hardware on a real guest of the test host: a disk on a new volume and a NIC on an isolated
// network that is defined and never started (no NAT, no DHCP); then the disk removed with its storage.
// Results are read with virsh on the host.
const NAME = `vd-hw-e2e-${process.pid}`;
const NET = `vd-hw-e2e-net-${process.pid}`;
const VOLUME = `${NAME}.qcow2`;
const POOL = 'vd-images';
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <devices>
    <serial type='pty'><target port='0'/></serial>
  </devices>
</domain>
`;

const inactive = async () => (await hostVirsh(['dumpxml', NAME, '--inactive'])).stdout;
async function defineFrom(verb: string, name: string, xml: string) {
  const file = `/tmp/${name}.xml`;
  writeFileSync(file, xml);
  chmodSync(file, 0o644);
  const result = await hostVirsh([verb, file]);
  rmSync(file, { force: true });
  expect(result.code, result.stderr).toBe(0);
}
async function cleanUp() {
  await hostVirsh(['undefine', NAME]);
  await hostVirsh(['net-undefine', NET]);
  await hostVirsh(['vol-delete', '--pool', POOL, VOLUME]);
}

test.beforeEach(async () => {
  await cleanUp();
  await defineFrom('net-define', NET, `<network><name>${NET}</name></network>`);
  await defineFrom('define', NAME, XML);
});
test.afterEach(cleanUp);

test('adds a disk on a new volume and a NIC through Add Hardware, then removes the disk with its storage', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await app.vmRow(NAME).dblclick();
  const details = new DetailsPage(new VmWindowPage(app.page, NAME));
  await details.open();
  const add = new AddHardwarePage(details);

  // A disk: Storage is chosen first, with a new qcow2 volume in a pool.
  await add.open();
  await expect(add.field('Create a new volume')).toBeChecked();
  await add.field('Pool').selectOption(POOL);
  await add.field('Volume name').fill(VOLUME);
  await add.field('Size (GiB)').fill('0.0625');
  await add.finish();
  const path = (await hostVirsh(['vol-path', '--pool', POOL, VOLUME])).stdout.trim();
  expect(path).toMatch(/\.qcow2$/);
  expect(await inactive()).toMatch(
    new RegExp(`<source file='${path}'/>\\s*<target dev='vda' bus='virtio'/>`),
  );
  await expect(details.hardware.getByRole('button', { name: 'Disk vda' })).toBeVisible();

  // A NIC on the isolated network (virtio, as virt-install picks).
  await add.open();
  await add.kind('Network');
  await add.field('Network').selectOption(NET);
  await expect(add.field('Device model')).toHaveValue('virtio');
  await add.finish();
  expect(await inactive()).toMatch(
    new RegExp(
      `<interface type='network'>[\\s\\S]*<source network='${NET}'/>[\\s\\S]*<model type='virtio'/>`,
    ),
  );
  await expect(details.hardware.getByRole('button', { name: /^NIC 52:54:00:/ })).toBeVisible();

  // Remove the disk and its volume: the box is ticked because no other VM uses it.
  await details.item('Disk vda');
  const confirm = await add.remove();
  await expect(confirm.getByRole('checkbox', { name: `Delete the storage volume ${path}` })).toBeChecked();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(details.hardware.getByRole('button', { name: 'Disk vda' })).toBeHidden();
  expect(await inactive()).not.toContain('<disk');
  expect((await hostVirsh(['vol-info', '--pool', POOL, VOLUME])).code).not.toBe(0);
});
