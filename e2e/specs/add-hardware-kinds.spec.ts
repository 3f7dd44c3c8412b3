import { expect, test } from '../fixtures';
import { detailsGuest } from '../host/details-guest';
import { AddHardwarePage } from '../pages/add-hardware-page';

// More kinds through the Add Hardware dialog on a real guest of the test host (shut off): a watchdog,
// an RNG and a second serial port with virt-install's defaults, each read back with virsh dumpxml and
// then removed from its own pane.
const NAME = `vd-dv-hw-${process.pid}`;
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <devices>
    <serial type='pty'><target port='0'/></serial>
  </devices>
</domain>
`;
const guest = detailsGuest(NAME, XML);
test.beforeEach(guest.define);
test.afterEach(guest.remove);

test('adds a watchdog, an RNG and a serial port with virt-install’s defaults, then removes each', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const details = await guest.openDetails(app);
  const add = new AddHardwarePage(details);

  await add.open();
  await add.kind('Watchdog');
  await expect(add.field('Model')).toHaveValue('i6300esb');
  await expect(add.field('Action')).toHaveValue('reset');
  await add.field('Action').selectOption('poweroff');
  await add.finish();
  expect(await guest.inactive()).toMatch(/<watchdog model='i6300esb' action='poweroff'>/);

  await add.open();
  await add.kind('RNG');
  await expect(add.field('Host device')).toHaveValue('/dev/urandom');
  await add.finish();
  expect(await guest.inactive()).toMatch(
    /<rng model='virtio'>\s*<backend model='random'>\/dev\/urandom<\/backend>/,
  );

  await add.open();
  await add.kind('Serial');
  await expect(add.field('Type')).toHaveValue('pty');
  await add.finish();
  expect((await guest.inactive()).match(/<serial type='pty'>/g)).toHaveLength(2);
  await expect(details.hardware.getByRole('button', { name: 'Serial 1' })).toBeVisible();

  for (const item of [/^watchdog /, /^rng /, /^Serial 1$/]) {
    await details.hardware.getByRole('button', { name: item }).click();
    const confirm = await add.remove();
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(details.hardware.getByRole('button', { name: item })).toBeHidden();
  }
  const xml = await guest.inactive();
  expect(xml).not.toContain('<watchdog');
  expect(xml).not.toContain('<rng');
  expect(xml.match(/<serial type='pty'>/g)).toHaveLength(1);
});
