import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';
import { detailsGuest } from '../host/details-guest';

// Performance tuning from the Details page on a running guest of the test host (qemu:///session:
// two host CPUs, one NUMA node, no cgroups); results are checked with virsh on the host.
const NAME = `vd-tn-e2e-${process.pid}`;
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu placement='static'>2</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <serial type='pty'><target port='0'/></serial>
  </devices>
</domain>
`;

const virsh = async (...args: string[]) => (await hostVirsh(args)).stdout;
const guest = detailsGuest(NAME, XML, { running: true });
test.beforeEach(guest.define);
test.afterEach(guest.remove);
const openDetails = guest.openDetails;

test('pins two vCPUs of a running guest from the host CPU map; a CPU the host lacks is refused', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('CPU tuning');
  const map = details.panel.getByRole('region', { name: 'Host CPUs by NUMA node' });
  await expect(map.getByRole('group', { name: 'NUMA node 0' })).toContainText('CPU 0');
  await expect(map.getByRole('group', { name: 'NUMA node 0' })).toContainText('CPU 1');
  const add = details.panel.getByRole('button', { name: 'Add to vCPU pinning' });
  await add.click();
  await add.click();
  const cell = (column: string, row: number) => details.field(`vCPU pinning: ${column}, row ${row}`);
  await cell('vCPU', 1).fill('0');
  await cell('Host CPUs', 1).fill('5');
  await cell('vCPU', 2).fill('1');
  await cell('Host CPUs', 2).fill('0');
  await details.panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(details.panel).toContainText('vCPU 0: host CPU 5 does not exist (this host has CPUs 0, 1)');
  expect(await virsh('dumpxml', '--inactive', NAME)).not.toContain('<vcpupin');
  await cell('Host CPUs', 1).fill('1');
  await details.apply();
  // Pinned now (live) and in the definition.
  expect(await virsh('vcpupin', NAME, '--live')).toMatch(/^\s*0\s+1\s*$[\s\S]*^\s*1\s+0\s*$/m);
  const xml = await virsh('dumpxml', '--inactive', NAME);
  expect(xml).toContain("<vcpupin vcpu='0' cpuset='1'/>");
  expect(xml).toContain("<vcpupin vcpu='1' cpuset='0'/>");
  // The map shows where each vCPU runs.
  const hostCpu = (name: string) =>
    map.getByRole('listitem').filter({ has: app.page.getByText(name, { exact: true }) });
  await expect(hostCpu('CPU 1')).toContainText('vCPU 0');
  await expect(hostCpu('CPU 0')).toContainText('vCPU 1');
});

test('a memtune limit on a running guest: a session connection cannot, and the pane says why', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await openDetails(app);
  await details.item('Memory tuning');
  const hard = details.field('Hard limit');
  await hard.fill('512 XB');
  // Said as it is typed; Apply stays off until the size is one.
  await expect(details.panel.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  await expect(details.panel).toContainText('Not a size unit libvirt knows (use KiB, MiB, GiB, …)');
  await hard.fill('512 MiB');
  await details.field('Soft limit').fill('1 GiB');
  await details.panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(details.panel).toContainText(
    'Memory tuning is not available on a session connection (qemu:///session): the VM would not start',
  );
  await expect(details.panel).toContainText('The soft limit is above the hard limit');
  await details.field('Soft limit').fill('');
  await details.panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(details.panel).toContainText(
    'Memory tuning is not available on a session connection (qemu:///session): the VM would not start',
  );
  expect(await virsh('dumpxml', '--inactive', NAME)).not.toContain('<memtune');
});
