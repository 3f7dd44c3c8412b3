import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { HostDetailsPage } from '../pages/host-details-page';
import { NetworksTabPage } from '../pages/networks-tab-page';

// A network's XML edited with a diff before apply (issue 10), on the real session host: an
// isolated network without <ip> (no DHCP) and without <forward> (no NAT), defined and never started.
const NAME = 'vd-sn-xml-e2e';
const dir = mkdtempSync(join(tmpdir(), 'vd-sn-e2e-'));
chmodSync(dir, 0o755);
const inactive = async () => (await hostVirsh(['net-dumpxml', '--inactive', NAME])).stdout;
async function defineOnHost(xml: string) {
  const file = join(dir, 'net.xml');
  writeFileSync(file, xml, { mode: 0o644 });
  expect((await hostVirsh(['net-define', file])).code).toBe(0);
}
test.beforeEach(async () => {
  await hostVirsh(['net-undefine', NAME]);
  await defineOnHost(`<network>\n  <name>${NAME}</name>\n  <bridge name='vdsnxml2'/>\n</network>\n`);
});
test.afterEach(() => hostVirsh(['net-undefine', NAME]));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('edit a network’s XML: see the diff, apply it, read it back; a change on the host is not overwritten', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await HostDetailsPage.open(app.page);
  await app.page.getByRole('tab', { name: 'Networks' }).click();
  const networks = new NetworksTabPage(app.page);
  await networks.select(NAME);
  await networks.button('XML').click();
  const dialog = app.page.getByRole('dialog', { name: `XML of “${NAME}”` });
  const editor = dialog.getByRole('textbox', { name: `XML of “${NAME}”` });
  await expect(editor).toContainText(`<name>${NAME}</name>`);
  await expect(dialog.getByRole('button', { name: 'Apply…' })).toBeDisabled();

  const before = await inactive();
  const replaceText = async (text: string) => {
    await editor.click();
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.insertText(text);
  };
  // Not well-formed: the line and column are named and Apply is off.
  await replaceText(before.replace('<bridge', '<bridge <'));
  await expect(dialog.getByRole('status').filter({ hasText: /Line 4, column \d+/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Apply…' })).toBeDisabled();

  await replaceText(before.replace('</network>', "  <domain name='vd-sn.test'/>\n</network>"));
  await expect(dialog.getByRole('status').filter({ hasText: 'Well-formed' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply…' }).click();
  const diff = dialog.getByRole('region', { name: `Changes to the definition of “${NAME}”` });
  await expect(diff).toContainText("+  <domain name='vd-sn.test'/>");
  await expect(diff).toContainText('The network is not running: the new definition is used when it starts.');
  expect(await inactive()).toBe(before); // the diff defined nothing
  await dialog.getByRole('button', { name: 'Confirm and define' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Defined.' })).toBeVisible();
  expect(await inactive()).toContain("<domain name='vd-sn.test'/>");
  // Read back: the editor now holds the definition libvirt keeps.
  await expect(editor).toContainText("<domain name='vd-sn.test'/>");

  // Someone changes the network on the host; our next edit is refused with that change shown.
  const current = await inactive();
  await defineOnHost(current.replace("<domain name='vd-sn.test'/>", "<domain name='elsewhere.test'/>"));
  await replaceText(current.replace('</network>', "  <mtu size='9000'/>\n</network>"));
  await dialog.getByRole('button', { name: 'Apply…' }).click();
  const stale = dialog.getByRole('alert');
  await expect(stale).toContainText(`The definition of “${NAME}” changed on the host since it was opened`);
  await expect(stale).toContainText("+  <domain name='elsewhere.test'/>");
  expect(await inactive()).not.toContain('mtu');
  await stale.getByRole('button', { name: 'Load the host’s definition' }).click();
  await expect(editor).toContainText("<domain name='elsewhere.test'/>");
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
