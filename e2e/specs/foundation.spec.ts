import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';

test.beforeEach(async () => {
  await hostVirsh(['destroy', 'vd-tiny']);
});
test.afterEach(async () => {
  await hostVirsh(['destroy', 'vd-tiny']);
});

test('add an SSH connection, trust the host key, run the tiny guest and force it off', async ({
  app,
  testHost,
}) => {
  const { page } = app;
  await app.addSshConnection({
    host: testHost.host,
    port: testHost.port,
    user: testHost.user,
    uri: testHost.uri,
    privateKey: testHost.privateKeyPath,
  });

  // The unknown host key is shown with its SHA256 fingerprint before anything else is sent.
  const hostKey = app.hostKeyDialog();
  await expect(hostKey).toContainText(testHost.hostKeySha256);
  await hostKey.getByRole('button', { name: 'Trust' }).click();

  const row = app.vmRow('vd-tiny');
  await expect(row).toBeVisible();
  await expect(row).toContainText(/shut off/i);

  await app.selectVm('vd-tiny');
  await app.act('Run');
  await expect(row).toContainText(/running/i);
  expect((await hostVirsh(['domstate', 'vd-tiny'])).stdout.trim()).toBe('running');

  await app.act('Force Off', { confirm: true });
  await expect(row).toContainText(/shut off/i);
  expect((await hostVirsh(['domstate', 'vd-tiny'])).stdout.trim()).toBe('shut off');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a VM started outside VirtDesk turns running in the list by itself', async ({ app, testHost }) => {
  await app.connectTestHost(testHost);
  const row = app.vmRow('vd-tiny');
  await expect(row).toContainText(/shut off/i);
  await hostVirsh(['start', 'vd-tiny']);
  await expect(row).toContainText(/running/i);
});

test('first start offers the demo connection, which lists the test driver VM', async ({ app }) => {
  await app.page.getByRole('button', { name: /demo/i }).click();
  await expect(app.vmRow('test')).toBeVisible();
  await expect(app.vmRow('test')).toContainText(/running/i);
});
