import { createServer, type Socket } from 'node:net';
import { bootGuest, hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
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

/** The guest whose display these tests take away; no other test uses it. */
const FAILING = 'vd-vnc-fail';

async function qmp(guest: string, command: object): Promise<Record<string, unknown>> {
  const r = await hostVirsh(['qemu-monitor-command', guest, JSON.stringify(command)]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { return: Record<string, unknown> }).return;
}

const vncPort = async (guest: string) => Number((await qmp(guest, { execute: 'query-vnc' }))['service']);

/** Moves QEMU's VNC listener at run time ([]: none); the live XML keeps naming the old port. */
const listenVnc = (guest: string, port?: number) =>
  qmp(guest, {
    execute: 'display-update',
    arguments: {
      type: 'vnc',
      addresses: port ? [{ type: 'inet', host: '127.0.0.1', port: String(port) }] : [],
    },
  });

/** What a hung QEMU looks like from the host: its port takes connections and never says a word. */
async function listenSilently(port: number) {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    connections: () => sockets.length,
    close: () => {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

test.describe('a console that cannot connect', () => {
  test.beforeEach(async ({ app, testHost }) => {
    await hostVirsh(['destroy', FAILING]);
    await app.connectTestHost(testHost);
    await bootGuest(FAILING);
  });
  test.afterEach(async () => {
    await hostVirsh(['destroy', FAILING]);
  });

  test('says at once that the display is gone, and connects after Try again once it is back', async ({
    app,
  }) => {
    const port = await vncPort(FAILING);
    await listenVnc(FAILING);
    const win = await openVmWindow(app, FAILING);
    const alert = win.root.getByRole('alert');
    // Well before the connect timeout (20 s): the refusal itself is reported.
    await expect(alert).toContainText('the guest’s display cannot be reached', { timeout: 10_000 });
    await expect(alert).toContainText(`127.0.0.1:${port}`);
    await listenVnc(FAILING, port);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await win.expectRenderedScreen();
  });

  test('says so when the display does not answer, within the connect timeout', async ({ app }) => {
    const port = await vncPort(FAILING);
    await listenVnc(FAILING);
    const silent = await listenSilently(port);
    try {
      const win = await openVmWindow(app, FAILING);
      await expect(win.root.getByText('Connecting to the console…')).toBeVisible();
      await expect(win.root.getByRole('alert')).toContainText(
        'the guest’s display did not answer within 20 s.',
        { timeout: 30_000 },
      );
      await expect(win.root.getByText('Connecting to the console…')).toHaveCount(0);
      expect(silent.connections()).toBe(1);
    } finally {
      silent.close();
    }
  });
});
