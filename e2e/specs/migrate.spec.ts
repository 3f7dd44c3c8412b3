import { hostVirsh, peerVirsh } from '../host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';

// Two connections (the test user and the second test user, each with its own libvirt session
// daemon); a running disk-less VM migrated live from the first to the second through the dialog.
let fixture: VmWithVolumes;

test.beforeEach(async () => {
  fixture = await createVmWithVolumes('mg-e2e', []);
  await hostVirsh(['start', fixture.vm]);
});
test.afterEach(async () => {
  await peerVirsh(['destroy', fixture.vm]);
  await peerVirsh(['undefine', fixture.vm]);
  await hostVirsh(['destroy', fixture.vm]);
  await fixture.remove();
});

test('Migrate moves a running VM live to another connected host, and the lists follow', async ({
  app,
  testHost,
}) => {
  test.skip(!testHost.peer, 'the test host ran unprivileged: no second test user to migrate to');
  const peer = testHost.peer!;
  const { vm } = fixture;
  await app.connectTestHost(testHost);
  await expect(app.vmRow(vm)).toBeVisible();
  // Other helpers' guests fill the (virtual) list: show just this VM, under each host.
  await app.page.getByLabel('Filter').fill(vm);
  // The same sshd (its key is known by now): only the user differs.
  await app.addSshConnection({ ...testHost, user: peer.user, privateKey: testHost.privateKeyPath });
  await expect(app.page.getByRole('row', { name: '127.0.0.1' })).toHaveCount(2);
  await expect(app.page.getByRole('row', { name: '127.0.0.1' }).nth(1)).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  await app.selectVm(vm);
  await app.toolbarButton('Migrate…').click();
  const dialog = app.page.getByRole('dialog', { name: `Migrate ${vm}` });
  await expect(dialog.getByLabel('Destination host')).toContainText(`ssh://${peer.user}@127.0.0.1`);
  await expect(dialog.getByLabel('Keep it running (live)')).toBeChecked();
  await expect(dialog).toContainText(
    /checks whether 127\.0\.0\.1 reaches ssh:\/\/vdtest2@127\.0\.0\.1:\d+ qemu:\/\/\/session over SSH by itself/,
  );
  // The advanced part: relay through this desktop, QEMU's own stream relayed too (not tunnelled).
  await dialog.getByText('Advanced').click();
  await dialog.getByLabel('Way to the destination').selectOption({ label: 'Relayed through this desktop' });
  await expect(dialog).toContainText('no keys are needed on the source');
  await expect(dialog).toContainText('other users of the source could connect to it');
  const tunnel = dialog.getByLabel('Tunnel the data through libvirt’s connection');
  await tunnel.check();
  await expect(dialog).toContainText('no port is opened on the source');
  await tunnel.uncheck();
  await dialog.getByLabel('Remove the definition from 127.0.0.1').check();
  await dialog.getByRole('button', { name: 'Migrate', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => (await peerVirsh(['domstate', vm])).stdout.trim(), { timeout: 60_000 })
    .toBe('running');
  // The source removes its definition once its QEMU has exited (libvirt's Confirm, 1–2 s after the
  // destination runs the guest here).
  await expect.poll(async () => (await hostVirsh(['dominfo', vm])).code, { timeout: 30_000 }).not.toBe(0);
  // One row left, under the second host (the first host's list lost it).
  await expect(app.vmRow(vm)).toHaveCount(1);
  await expect(
    app.page
      .getByText(/migrated to 127\.0\.0\.1 \(live; relayed through this desktop.*QEMU's own stream relayed/)
      .first(),
  ).toBeVisible();
});
