import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { DetailsPage } from '../pages/details-page';
import { VmWindowPage } from '../pages/vm-window-page';

// Issue 12, third session: the disk's volume picker, the NIC's network picker, the boot order by
// drag and drop, and the firmware choice, each from the Details page; results checked with virsh.
const NAME = `vd-dt-pick-${process.pid}`;
const FILE = `/tmp/${NAME}.xml`;
const NET = `vd-dt-net-${process.pid}`;
const NET_FILE = `/tmp/${NET}.xml`;
const VOLUME = `${NAME}.qcow2`;
const MAC = '52:54:00:d7:00:01';
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu placement='static'>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='/tmp/${NAME}.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='user'><mac address='${MAC}'/><model type='virtio'/></interface>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='vd-dt-pw'/>
  </devices>
</domain>
`;
// Isolated (no forward, no IP, no DHCP) and never started: only listed by the picker.
const NETWORK = `<network><name>${NET}</name><bridge name='vddt${process.pid % 10000}'/></network>`;

const inactive = async () => (await hostVirsh(['dumpxml', NAME, '--inactive', '--security-info'])).stdout;

test.beforeEach(async () => {
  await hostVirsh(['undefine', NAME]);
  writeFileSync(FILE, XML);
  chmodSync(FILE, 0o644);
  writeFileSync(NET_FILE, NETWORK);
  chmodSync(NET_FILE, 0o644);
  expect((await hostVirsh(['define', FILE])).code).toBe(0);
  await hostVirsh(['net-undefine', NET]);
  expect((await hostVirsh(['net-define', NET_FILE])).code).toBe(0);
  await hostVirsh(['vol-delete', '--pool', 'vd-images', VOLUME]);
  expect((await hostVirsh(['vol-create-as', 'vd-images', VOLUME, '1M', '--format', 'qcow2'])).code).toBe(0);
});
test.afterEach(async () => {
  await hostVirsh(['undefine', NAME, '--nvram']);
  await hostVirsh(['undefine', NAME]);
  await hostVirsh(['net-undefine', NET]);
  await hostVirsh(['vol-delete', '--pool', 'vd-images', VOLUME]);
  rmSync(FILE, { force: true });
  rmSync(NET_FILE, { force: true });
});

async function openDetails(app: import('../pages/manager-page').ManagerPage): Promise<DetailsPage> {
  await app.vmRow(NAME).dblclick();
  const details = new DetailsPage(new VmWindowPage(app.page, NAME));
  await details.open();
  return details;
}

test('a disk gets a volume from a pool, a NIC a virtual network, both from pickers', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('Disk vda');
  await details.panel.getByRole('radio', { name: 'Volume from a pool' }).check();
  await details.panel.getByLabel('Pool', { exact: true }).selectOption('vd-images');
  await details.panel.getByLabel('Volume', { exact: true }).selectOption(VOLUME);
  await details.apply();
  expect(await inactive()).toContain(`<source file='/home/vdtest/vd-images/${VOLUME}'/>`);

  await details.item(`NIC ${MAC}`);
  await details.panel.getByLabel('Network source', { exact: true }).selectOption(`network:${NET}`);
  await details.apply();
  const xml = await inactive();
  expect(xml).toMatch(new RegExp(`<interface type='network'>[\\s\\S]*<source network='${NET}'/>`));
  expect(xml).toContain("passwd='vd-dt-pw'");
});

test('boot order by drag and drop, and UEFI chosen in Boot options', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('Boot options');
  const order = details.panel.getByRole('list', { name: 'Boot devices' });
  await expect(order.getByRole('listitem').first()).toContainText('Disk vda');
  await order.getByRole('listitem').filter({ hasText: MAC }).dragTo(order.getByRole('listitem').first());
  await expect(order.getByRole('listitem').first()).toContainText(MAC);
  await details.panel.getByRole('checkbox', { name: `Boot from NIC ${MAC}` }).check();
  await details.panel.getByLabel('Firmware', { exact: true }).selectOption('UEFI');
  await expect(details.panel.getByText(/An installed guest usually does not boot/)).toBeVisible();
  await details.apply();
  const xml = await inactive();
  expect(xml).toMatch(/<os firmware='efi'>/);
  expect(xml).not.toContain('<boot dev=');
  expect(xml).toMatch(new RegExp(`<mac address='${MAC}'/>[\\s\\S]*<boot order='1'/>`));
  expect(xml).toMatch(/<target dev='vda' bus='virtio'\/>\s*<boot order='2'\/>/);
  expect(xml).toContain("passwd='vd-dt-pw'");
});
