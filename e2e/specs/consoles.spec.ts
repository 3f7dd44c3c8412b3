import {
  bootGuest as boot,
  hostVirsh,
  killSshSessions,
  serialLogSize,
  waitForSerialText,
} from '../host/test-host';
import { expect, test } from '../fixtures';
import { openVmWindow, VmWindowPage } from '../pages/vm-window-page';

const GUESTS = ['vd-tiny', 'vd-vnc-pass', 'vd-spice', 'vd-spice2', 'vd-serial2'];

test.beforeEach(async () => {
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
});
test.afterEach(async () => {
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
});

test('the VNC console shows the guest screen, and Ctrl+Alt+Del reboots it', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await boot('vd-tiny');
  await expect(app.vmRow('vd-tiny')).toContainText(/running/i);
  const win = await openVmWindow(app, 'vd-tiny');
  await win.expectRenderedScreen();

  const before = await serialLogSize('vd-tiny');
  await win.sendKey('Ctrl+Alt+Del');
  await waitForSerialText('vd-tiny', 'SeaBIOS', 30_000, before);
});

test('the console follows the guest: not running, Run, and back on screen', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await expect(app.vmRow('vd-tiny')).toContainText(/shut off/i);
  const win = await openVmWindow(app, 'vd-tiny');
  await expect(win.root.getByText('Guest is not running')).toBeVisible();
  await win.root.getByRole('button', { name: 'Run', exact: true }).click();
  await win.expectRenderedScreen();
  await hostVirsh(['destroy', 'vd-tiny']);
  await expect(win.root.getByText('Guest is not running')).toBeVisible();
  await hostVirsh(['start', 'vd-tiny']);
  await win.expectRenderedScreen();
});

test('the serial console shows the firmware banner', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await boot('vd-serial2');
  const win = await openVmWindow(app, 'vd-serial2');
  await win.tab('Serial console').click();
  await expect(win.root.getByLabel('Device')).toHaveValue('serial0');
  await expect(win.terminal()).toContainText('Connected to domain', { timeout: 30_000 });
  await hostVirsh(['reset', 'vd-serial2']);
  await expect(win.terminal()).toContainText('SeaBIOS', { timeout: 30_000 });
});

test('the SPICE console shows the guest screen', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await boot('vd-spice');
  const win = await openVmWindow(app, 'vd-spice');
  await expect(win.screen()).toHaveAttribute('data-protocol', 'spice', { timeout: 30_000 });
  await win.expectRenderedScreen();
});

test('the password guest connects with the password from its XML', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await boot('vd-vnc-pass');
  const win = await openVmWindow(app, 'vd-vnc-pass');
  await win.expectRenderedScreen();
  await expect(win.passwordDialog()).toHaveCount(0);
});

/** Changes vd-vnc-pass's password in the running QEMU only: the XML still says the old one. */
async function changePasswordInQemu(password: string): Promise<void> {
  const changed = await hostVirsh([
    'qemu-monitor-command',
    'vd-vnc-pass',
    '--hmp',
    `set_password vnc ${password}`,
  ]);
  expect(changed.code, changed.stderr).toBe(0);
}

test('when the password in the XML is refused, the console asks for it and connects', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await boot('vd-vnc-pass');
  await changePasswordInQemu('vd-changed');
  const win = await openVmWindow(app, 'vd-vnc-pass');
  const dialog = win.passwordDialog();
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('alert')).toContainText('not accepted');
  await dialog.getByLabel('Password', { exact: true }).fill('vd-changed');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await win.expectRenderedScreen();
  await expect(dialog).toHaveCount(0);
});

test('the password dialog waits for the person; closing it says no password was given', async ({
  app,
  testHost,
}) => {
  // A clock the test can move: the connect timeout must not run while a person is asked.
  await app.page.clock.install();
  await app.page.reload();
  await app.connectTestHost(testHost);
  await boot('vd-vnc-pass');
  await changePasswordInQemu('vd-changed');
  const win = await openVmWindow(app, 'vd-vnc-pass');
  await expect(win.passwordDialog()).toBeVisible();
  await app.page.clock.fastForward('01:00');
  await expect(win.passwordDialog()).toBeVisible();
  await expect(win.root.getByRole('alert')).toHaveCount(0);
  await win.passwordDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(win.passwordDialog()).toHaveCount(0);
  const alert = win.root.getByRole('alert');
  await expect(alert).toContainText('no password was given');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(win.passwordDialog()).toBeVisible();
});

test('several consoles are open at once, each in its own tab', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await Promise.all([boot('vd-tiny'), boot('vd-vnc-pass')]);
  const tiny = await openVmWindow(app, 'vd-tiny');
  await tiny.expectRenderedScreen();
  const pass = await openVmWindow(app, 'vd-vnc-pass');
  await pass.expectRenderedScreen();
  await app.page.getByRole('tab', { name: 'vd-tiny', exact: true }).click();
  await expect(tiny.screen()).toHaveAttribute('data-connected', 'true');
});

test('two SPICE consoles at once: a reboot of one leaves both showing their own screen', async ({
  app,
  testHost,
}) => {
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  await app.connectTestHost(testHost);
  await Promise.all([boot('vd-spice'), boot('vd-spice2')]);
  const first = await openVmWindow(app, 'vd-spice');
  await first.expectRenderedScreen();
  const second = await openVmWindow(app, 'vd-spice2');
  await second.expectRenderedScreen();
  // A reset makes the guest's display start over: spice-html5 drops and recreates its surface.
  const before = await serialLogSize('vd-spice2');
  await hostVirsh(['reset', 'vd-spice2']);
  await waitForSerialText('vd-spice2', 'No bootable device', 60_000, before);
  await second.expectRenderedScreen();
  await expect(second.screen().locator('canvas')).toHaveCount(1);
  await app.page.getByRole('tab', { name: 'vd-spice', exact: true }).click();
  await first.expectRenderedScreen();
  await expect(first.screen().locator('canvas')).toHaveCount(1);
  // Without the fix, spice-html5 threw here (it looked up the other console's canvas by id).
  expect(errors).toEqual([]);
});

test('when the SSH connection drops, the console says so and comes back with the host', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await boot('vd-tiny');
  const win = await openVmWindow(app, 'vd-tiny');
  await win.expectRenderedScreen();
  await killSshSessions();
  await expect(win.root.getByText('The connection to the host was lost. Reconnecting…')).toBeVisible();
  await win.expectRenderedScreen();
});

test('a console detaches into its own window', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  await boot('vd-tiny');
  const win = await openVmWindow(app, 'vd-tiny');
  await win.expectRenderedScreen();
  const [popup] = await Promise.all([
    app.page.context().waitForEvent('page'),
    win.root.getByRole('button', { name: 'Open in new window' }).click(),
  ]);
  await expect(win.root).toHaveCount(0);
  await new VmWindowPage(popup, 'vd-tiny').expectRenderedScreen();
});
