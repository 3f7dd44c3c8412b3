import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';

// Import a VM from XML through the dialog, against the real test host: node1 as printed (seed 000)
// is refused with its line and column and nothing is defined; a valid document opened from a file is
// checked (its disk missing on the host said so), imported, and appears in the list.
const NAME = `vd-im-e2e-${process.pid}`;
const NODE1 = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../shared/xml/fixtures/node1-as-printed.xml'),
  'utf8',
);
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/tmp/${NAME}-missing.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
`;

const defined = async () => (await hostVirsh(['list', '--all', '--name'])).stdout;
test.beforeEach(() => hostVirsh(['undefine', NAME]));
test.afterEach(() => hostVirsh(['undefine', NAME]));

test('Import VM from XML: node1 refused at its line and column, a valid file imported into the list', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  const open = app.toolbarButton('Import VM from XML…');
  await expect(open).toBeEnabled();
  await open.click();
  const dialog = app.page.getByRole('dialog', { name: /Import a VM from XML/ });
  const text = dialog.getByLabel('Domain XML (paste it, or open a file)');

  // node1 as printed: where it breaks, and no way to import it.
  const before = await defined();
  await text.fill(NODE1);
  const column = NODE1.indexOf('</interface>') + 1;
  await expect(dialog.getByRole('status').first()).toContainText(
    `Not well-formed at line 1, column ${column}`,
  );
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
  expect(await defined()).toBe(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A valid document opened from a file, from the host's menu this time.
  await app.page.getByRole('row', { name: '127.0.0.1' }).click({ button: 'right' });
  await app.page.getByRole('menuitem', { name: 'Import VM from XML…' }).click();
  await dialog.getByLabel('Open a file:').setInputFiles({
    name: `${NAME}.xml`,
    mimeType: 'text/xml',
    buffer: Buffer.from(XML),
  });
  await expect(text).toHaveValue(XML);
  await dialog.getByRole('button', { name: 'Check', exact: true }).click();
  const summary = dialog.getByRole('region', { name: 'What it will define' });
  await expect(summary).toContainText(NAME);
  await expect(summary).toContainText(`/tmp/${NAME}-missing.qcow2 missing on this host`);
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText(
    `Disk vda: /tmp/${NAME}-missing.qcow2 does not exist on this host`,
  );
  expect(await defined()).not.toContain(NAME);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.vmRow(NAME)).toBeVisible();
  expect(await defined()).toContain(NAME);
});
