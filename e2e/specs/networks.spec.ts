import { expect, test } from '../fixtures';
import { NetworksTabPage } from '../pages/networks-tab-page';

// Network lifecycle runs on libvirt's test driver (test:///default) through a local connection:
// nothing here starts a NAT or DHCP network on this machine.

test('define an isolated network on a test-driver connection, start, stop and delete it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add connection' });
  await dialog.getByLabel('Connection type').selectOption({ label: 'Local' });
  await dialog.getByLabel('Libvirt URI').fill('test:///default');
  await dialog.getByRole('button', { name: 'Connect' }).click();

  const networks = new NetworksTabPage(page);
  await networks.openHostDetails('test:///default');
  await expect(networks.row('default')).toContainText('192.168.122.1/24');

  // Bad input is refused in the form, before anything is sent.
  await networks.button('Add Network').click();
  const create = page.getByRole('dialog', { name: 'Create a virtual network' });
  await create.getByLabel('Kind').selectOption({ label: 'Isolated' });
  await create.getByLabel('IPv4 subnet (address/prefix)').fill('192.168.122.50/24');
  await expect(create.getByRole('alert')).toHaveText(
    '192.168.122.50/24 overlaps the network “default” (192.168.122.1/24)',
  );
  await expect(create.getByRole('button', { name: 'Create' })).toBeDisabled();
  await create.getByRole('button', { name: 'Cancel' }).click();

  await networks.createIsolated('vd-e2e-isolated', '10.99.0.1/24', ['10.99.0.10', '10.99.0.20']);
  const row = networks.row('vd-e2e-isolated');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('10.99.0.10–10.99.0.20');

  await networks.select('vd-e2e-isolated');
  // DHCP changes live on the running network (net-update --live --config).
  await networks.button('Edit DHCP').click();
  const dhcp = page.getByRole('dialog', { name: 'DHCP of “vd-e2e-isolated”' });
  await dhcp.getByLabel('DHCP range start (empty: no range)').fill('10.99.0.30');
  await dhcp.getByLabel('DHCP range end').fill('10.99.0.40');
  await dhcp.getByRole('button', { name: 'Apply' }).click();
  await expect(dhcp).toBeHidden();
  await expect(row).toContainText('10.99.0.30–10.99.0.40');
  await expect(row).toContainText('Active');
  await networks.act('Stop', { confirm: true });
  await expect(row).toContainText('Inactive');
  await networks.act('Start');
  await expect(row).toContainText('Active');
  await networks.act('Delete', { confirm: true });
  await expect(row).toHaveCount(0);
});
