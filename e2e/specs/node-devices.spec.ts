import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDriverHostXml } from '../../electron/backend/node-devices/testing/node-device-fixtures';
import { expect, test } from '../fixtures';
import { DevicesTabPage } from '../pages/devices-tab-page';

// IOMMU groups need a host with the IOMMU on; the test machine has none. The group and SR-IOV part
// therefore runs on libvirt's test driver with a host file holding the node device fixtures (libvirt's
// format) and a VM using some of them; the real session host shows its real devices and how libvirt
// refuses a detach there.

test("a device's IOMMU group with every member, its SR-IOV partners and users; detach names the group", async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  const file = join(dataDir, 'iommu-host.xml');
  writeFileSync(file, testDriverHostXml());
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add connection' });
  await dialog.getByLabel('Connection type').selectOption({ label: 'Local' });
  await dialog.getByLabel('Libvirt URI').fill(`test://${file}`);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(app.vmRow('vd-b-passthrough')).toBeVisible();

  const devices = await DevicesTabPage.open(page);
  // The test driver refuses nodedev-list: said plainly, with libvirt's words.
  await expect(
    page.getByRole('status').filter({ hasText: 'libvirt refused to list node devices' }),
  ).toContainText('unsupported flags (0x80000000)');
  await expect(devices.row('pci_0000_01_00_0')).toContainText(
    'GP104 [GeForce GTX 1080] — NVIDIA Corporation',
  );

  const gpu = await devices.select('pci_0000_01_00_0');
  const group = gpu.getByRole('table', { name: 'IOMMU group 1' });
  await expect(group.getByRole('row', { name: 'pci_0000_01_00_0' })).toContainText('this device');
  await expect(group.getByRole('row', { name: 'pci_0000_01_00_1' })).toContainText(
    'GP104 High Definition Audio Controller',
  );
  await expect(group.getByRole('row', { name: 'pci_0000_01_00_1' })).toContainText('vd-b-passthrough');

  // Detach asks first, naming the other member of the group and the VM using it.
  await devices.button('Detach from Host…').click();
  const confirm = page.getByRole('alertdialog', { name: 'Detach pci_0000_01_00_0 from its host driver?' });
  await expect(confirm.getByRole('list', { name: 'IOMMU group 1' })).toContainText(
    'pci_0000_01_00_1 (0000:01:00.1)',
  );
  await expect(confirm).toContainText('VMs using this group: vd-b-passthrough');
  await confirm.getByRole('button', { name: 'Detach', exact: true }).click();
  const refusal = confirm.getByRole('alert');
  await expect(refusal).toContainText('libvirt refused: “Failed to detach device pci_0000_01_00_0');
  await expect(refusal).toContainText(
    'this function is not supported by the connection driver: virNodeDeviceDettach”',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // SR-IOV: from a VF to its physical function, which lists its VFs.
  await page.getByLabel('Kind').selectOption({ label: 'PCI (6)' });
  const vf = await devices.select('pci_0000_02_10_2');
  await expect(vf).toContainText('vd-b-passthrough');
  await vf.getByRole('region', { name: 'SR-IOV' }).getByRole('button', { name: 'pci_0000_02_00_0' }).click();
  const pf = devices.details('pci_0000_02_00_0');
  await expect(pf.getByRole('region', { name: 'SR-IOV' })).toContainText(
    'Virtual functions (2 of at most 7)',
  );
  await expect(pf.getByRole('table', { name: 'IOMMU group 14' }).getByRole('row')).toHaveCount(3);

  // Filtering by kind.
  await page.getByLabel('Kind').selectOption({ label: 'USB (1)' });
  await expect(devices.row('usb_1_4')).toContainText('Unifying Receiver');
  await expect(devices.row('pci_0000_01_00_0')).toHaveCount(0);
});

test("the real host's devices, and libvirt's refusal to detach one in session mode, quoted", async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await expect(app.vmRow('vd-tiny')).toBeVisible();
  const devices = await DevicesTabPage.open(app.page);
  await expect(devices.row('computer')).toBeVisible();
  const nic = await devices.select('pci_0000_00_03_0');
  await expect(nic).toContainText('Virtio 1.0 network device');
  await expect(nic).toContainText('No IOMMU group');
  await devices.button('Detach from Host…').click();
  const confirm = app.page.getByRole('alertdialog', {
    name: 'Detach pci_0000_00_03_0 from its host driver?',
  });
  await expect(confirm).toContainText('libvirt reports no IOMMU group for it');
  await confirm.getByRole('button', { name: 'Detach', exact: true }).click();
  await expect(confirm.getByRole('alert')).toContainText(
    'VFIO device assignment is currently not supported on this system',
  );
});
