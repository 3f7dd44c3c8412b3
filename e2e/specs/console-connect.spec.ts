import { bootGuest, hostVirsh } from '../host/test-host';
import { test } from '../fixtures';
import { openVmWindow } from '../pages/vm-window-page';

const GUESTS = ['vd-spice', 'vd-tiny', 'vd-spice2'];

test.beforeEach(async () => {
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
});
test.afterEach(async () => {
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
});

test('SPICE, then VNC, then SPICE again: each console shows its screen, side by side', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await Promise.all(GUESTS.map((g) => bootGuest(g)));
  const windows = [];
  for (const name of GUESTS) {
    const win = await openVmWindow(app, name);
    await win.expectRenderedScreen();
    windows.push(win);
  }
  // Back to the earlier tabs: the later consoles did not disturb them.
  for (const win of windows) {
    await app.page.getByRole('tab', { name: win.vmName, exact: true }).click();
    await win.expectRenderedScreen();
  }
});
