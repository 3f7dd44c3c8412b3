import { hostVirsh } from '../host/test-host';
import { HostDetailsPage } from '../pages/host-details-page';
import { expect, test } from '../fixtures';

test("a host's details show its real versions, memory and readiness, with what to do", async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await expect(app.vmRow('vd-tiny')).toBeVisible();
  const details = await HostDetailsPage.open(app.page);
  await details.window().getByRole('tab', { name: 'Overview' }).click();
  const panel = details.window().getByRole('tabpanel');

  const version = (await hostVirsh(['version', '--daemon'])).stdout;
  const hypervisor = /Running hypervisor: (.+)/.exec(version)![1]!.trim();
  const libvirt = /Running against daemon: (.+)/.exec(version)![1]!.trim();
  await expect(panel.getByRole('definition').filter({ hasText: hypervisor }).first()).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: libvirt }).first()).toBeVisible();

  const readiness = panel.getByRole('list', { name: 'Readiness' });
  await expect(readiness.getByRole('listitem').filter({ hasText: '/dev/kvm' })).toBeVisible();
  await expect(readiness.getByRole('listitem').filter({ hasText: 'IOMMU:' }).first()).toBeVisible();
  await expect(
    readiness.getByRole('listitem').filter({ hasText: 'virt-host-validate' }).first(),
  ).toBeVisible();
});
