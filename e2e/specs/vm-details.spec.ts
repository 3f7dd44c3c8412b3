import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { detailsGuest } from '../host/details-guest';

// A real guest on the test host, edited from the Details page; results are checked with virsh.
const NAME = `vd-e-details-${process.pid}`;
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <currentMemory unit='MiB'>64</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <serial type='pty'><target port='0'/></serial>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='vd-e-pw2'/>
    <video><model type='vga'/></video>
  </devices>
</domain>
`;

const guest = detailsGuest(NAME, XML);
const inactive = guest.inactive;
const openDetails = guest.openDetails;
const MARKER = 'Changes take effect after the next guest shutdown';

test.beforeEach(guest.define);
test.afterEach(guest.remove);

test('changes memory and CPUs of a shut-off VM; the list shows them', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('CPUs');
  await details.field('Maximum vCPUs').fill('3');
  await details.apply();
  await details.item('Memory');
  await details.field('Maximum memory (MiB)').fill('96');
  await details.field('Current memory (MiB)').fill('96');
  await details.apply();
  const xml = await inactive();
  expect(xml).toMatch(/<vcpu placement='static'>3<\/vcpu>/);
  expect(xml).toMatch(/<memory unit='KiB'>98304<\/memory>/);
  expect(xml).toContain("passwd='vd-e-pw2'");
  await expect(app.vmRow(NAME).getByRole('gridcell').nth(2)).toHaveText('3');
  await expect(app.vmRow(NAME)).toContainText('96');
});

test('a running VM’s change waits for the next shutdown, and the marker goes with a restart', async ({
  app,
  testHost,
}) => {
  expect((await hostVirsh(['start', NAME])).code).toBe(0);
  await app.connectTestHost(testHost);
  await expect(app.vmRow(NAME)).toContainText('Running');
  const details = await openDetails(app);
  await details.item('Memory');
  await details.field('Maximum memory (MiB)').fill('128');
  await details.apply();
  await expect(details.panel.getByText('Takes effect after the next guest shutdown').first()).toBeVisible();
  await expect(app.vmRow(NAME)).toContainText(MARKER);
  await hostVirsh(['destroy', NAME]);
  expect((await hostVirsh(['start', NAME])).code).toBe(0);
  await expect(app.vmRow(NAME)).toContainText('Running');
  await expect(app.vmRow(NAME)).not.toContainText(MARKER);
});

test('XML with an error is refused, and nothing is defined', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  const before = await inactive();
  const editor = await details.xmlTab();
  await editor.click();
  await app.page.keyboard.press('Control+a');
  await app.page.keyboard.insertText(before.replace("<vcpu placement='static'>1</vcpu>", '<vcpu>one</vcpu>'));
  await details.panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(details.panel.getByRole('alert')).toContainText('Not applied');
  // Not well-formed: the line is named and Apply is off.
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.insertText('<broken');
  await expect(details.panel.getByRole('status').filter({ hasText: /Line \d+/ })).toBeVisible();
  await expect(details.panel.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  expect((await inactive()).trim()).toBe(before.trim());
});

test('boot order with buttons keeps the display password (cockpit’s regression, through the page)', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('Boot options');
  const order = details.panel.getByRole('list', { name: 'Boot devices' });
  await expect(order.getByRole('listitem').first()).toContainText('Hard disk');
  await details.panel.getByRole('checkbox', { name: 'Boot from CD-ROM' }).check();
  await details.panel.getByRole('button', { name: 'Move CD-ROM up' }).click();
  await expect(order.getByRole('listitem').first()).toContainText('CD-ROM');
  await details.apply();
  const xml = await inactive();
  expect(xml).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
  expect(xml).toContain("passwd='vd-e-pw2'");
  await details.item('Display VNC');
  await expect(details.field('Password')).toHaveValue('');
  await expect(
    details.panel.getByText('The password stays as it is unless you type a new one'),
  ).toBeVisible();
});
