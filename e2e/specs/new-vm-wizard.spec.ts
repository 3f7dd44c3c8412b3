// The New VM wizard against the real test host: the Debian 12 netboot installer ISO that
// test-host.sh builds (vd-media-debian12-netboot.iso in vd-images; kernel/initrd in ~/vd-media).
// Guests boot under TCG on shared cores: one slow boot per test, at most two in the suite.
import { hostVirsh } from '../host/test-host';
import { removeWizardLeftovers, wizardDomains, wizardVolumes } from '../host/wizard-cleanup';
import { expect, test } from '../fixtures';
import { VmWindowPage } from '../pages/vm-window-page';
import { startTreeServer } from '../host/install-tree-server';
import { WizardPage } from '../pages/wizard-page';

const ISO = 'vd-media-debian12-netboot.iso';

test.beforeEach(() => removeWizardLeftovers());
test.afterEach(() => removeWizardLeftovers());

test('an ISO in a pool: the installer boots and talks on the serial console', async ({ app, testHost }) => {
  test.setTimeout(300_000);
  await app.connectTestHost(testHost);
  const wizard = new WizardPage(app.page);
  await wizard.open();
  await wizard.method('Local install media: an ISO in a storage pool').check();
  const fields = wizard.root.getByRole('region', { name: 'Local install media: an ISO in a storage pool' });
  await fields.getByLabel('Pool', { exact: true }).selectOption('vd-images');
  await fields.getByLabel('Volume', { exact: true }).selectOption(ISO);
  await wizard.goNext();

  await wizard.expectStep('Operating system');
  // Debian 12's osinfo-db does not know this installer: said so, and a generic Linux is chosen.
  await expect(wizard.root.getByText(/does not recognise it/)).toBeVisible();
  await expect(wizard.root.getByText('Operating system: Generic Linux 2022')).toBeVisible();
  await expect(wizard.root.getByLabel('Operating systems', { exact: true })).toHaveValue(
    'http://libosinfo.org/linux/2022',
  );
  await wizard.goNext();

  await wizard.resources('1024', '1');
  await wizard.goNext();

  await wizard.expectStep('Storage');
  await wizard.root.getByLabel('Pool').selectOption('vd-images');
  await wizard.root.getByLabel('Size (GiB)').fill('1');
  await wizard.goNext();

  await wizard.expectStep('Name and finish');
  await expect(wizard.root.getByLabel('Name')).toHaveValue('linux2022');
  await wizard.root.getByLabel('Name').fill('vd-w-iso');
  await expect(wizard.root.getByLabel('Network', { exact: true })).toHaveValue('user');
  const xml = await wizard.definedXml();
  expect(xml).toContain('<libosinfo:os id="http://libosinfo.org/linux/2022"/>');
  expect(xml).toContain("machine='q35'");
  expect(xml).toContain("<memory unit='KiB'>1048576</memory>");
  const install = await wizard.installXml();
  expect(install).toContain(`volume='${ISO}'`);
  expect(install).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
  await wizard.root.getByRole('button', { name: 'Finish' }).click();

  // The wizard closes and the VM's window opens; its serial console shows the installer booting.
  await expect(wizard.root).toHaveCount(0, { timeout: 60_000 });
  const win = new VmWindowPage(app.page, 'vd-w-iso');
  await expect(win.root).toBeVisible();
  await win.tab('Serial console').click();
  // The installer kernel's log (its first line, "Linux version", may come before the console is
  // attached), or the installer's menu once the log has scrolled away.
  await expect(win.terminal()).toContainText(/Linux version|\[\s*\d+\.\d{6}\] |Debian installer/, {
    timeout: 180_000,
  });
  expect(await wizardVolumes()).toEqual(['vd-w-iso.qcow2']);
  const dumped = await hostVirsh(['dumpxml', 'vd-w-iso', '--inactive']);
  expect(dumped.stdout).toContain("<boot dev='hd'/>");
});

test('UEFI with Secure Boot and a TPM: OVMF talks on serial, the TPM is in the XML', async ({
  app,
  testHost,
}) => {
  test.setTimeout(300_000);
  await app.connectTestHost(testHost);
  const wizard = new WizardPage(app.page);
  await wizard.open();
  await wizard.method('Local install media: an ISO path on the host').check();
  await wizard.root
    .getByRole('textbox', { name: 'ISO path on the host' })
    .fill(`${testHost.home}/vd-media/debian12-netboot.iso`);
  await wizard.throughStorage('none');
  await wizard.root.getByLabel('Name').fill('vd-w-uefi');
  await wizard.root.getByRole('radio', { name: 'UEFI' }).check();
  await wizard.root.getByRole('switch', { name: 'Secure Boot' }).check();
  await wizard.root.getByRole('checkbox', { name: 'Emulated TPM 2.0' }).check();
  const xml = await wizard.definedXml();
  expect(xml).toContain("<os firmware='efi'>");
  expect(xml).toContain("secure='yes'");
  expect(xml).toMatch(/<smm( state='on')?\/>/);
  await wizard.root.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard.root).toHaveCount(0, { timeout: 60_000 });

  const win = new VmWindowPage(app.page, 'vd-w-uefi');
  await win.tab('Serial console').click();
  // The installer ISO is BIOS-only: OVMF reports the failed CD boot and drops to its shell.
  await expect(win.terminal()).toContainText(/BdsDxe|Shell>|UEFI/, { timeout: 180_000 });
  const dumped = (await hostVirsh(['dumpxml', 'vd-w-uefi'])).stdout;
  expect(dumped).toMatch(/<tpm model='tpm-crb'>\s*<backend type='emulator' version='2.0'/);
  expect(dumped).toMatch(/<loader [^>]*secure='yes'[^>]*>[^<]*OVMF_CODE_4M\.ms\.fd</);
});

test('import an existing disk, customize before install: defined, not started', async ({ app, testHost }) => {
  const made = await hostVirsh([
    'vol-create-as',
    'vd-images',
    'vd-w-import.qcow2',
    '16M',
    '--format',
    'qcow2',
  ]);
  expect(made.code).toBe(0);
  await app.connectTestHost(testHost);
  const wizard = new WizardPage(app.page);
  await wizard.open();
  await wizard.method('Import an existing disk image').check();
  const fields = wizard.root.getByRole('region', { name: 'Import an existing disk image' });
  await fields.getByLabel('Pool', { exact: true }).selectOption('vd-images');
  await fields.getByLabel('Volume', { exact: true }).selectOption('vd-w-import.qcow2');
  await wizard.throughStorage('skip');
  await wizard.expectStep('Name and finish');
  await wizard.root.getByLabel('Name').fill('vd-w-import');
  await wizard.root.getByRole('checkbox', { name: /Customize configuration before install/ }).check();
  const xml = await wizard.definedXml();
  expect(xml).toContain("<source pool='vd-images' volume='vd-w-import.qcow2'/>");
  await wizard.root.getByRole('button', { name: 'Define without starting' }).click();
  await expect(wizard.root).toHaveCount(0, { timeout: 60_000 });
  await expect(app.vmRow('vd-w-import')).toBeVisible();
  const info = await hostVirsh(['domstate', 'vd-w-import']);
  expect(info.stdout.trim()).toBe('shut off');
  // Import makes no new volume.
  expect(await wizardVolumes()).toEqual(['vd-w-import.qcow2']);
});

test('PXE and URL methods produce the XML they should; a URL that does not answer is caught', async ({
  app,
  testHost,
}) => {
  const tree = await startTreeServer(`${testHost.home}/vd-media`);
  try {
    await app.connectTestHost(testHost);
    const wizard = new WizardPage(app.page);
    await wizard.open();
    await wizard.method('Network boot (PXE)').check();
    await wizard.throughStorage();
    await wizard.root.getByLabel('Name').fill('vd-w-pxe');
    await wizard.definedXml();
    const pxe = await wizard.installXml();
    expect(pxe).toMatch(/<boot dev='network'\/>\s*<boot dev='hd'\/>/);
    expect(pxe).toContain('<on_reboot>destroy</on_reboot>');

    // Back to step 1: a network install from a tree URL.
    for (let i = 0; i < 4; i++) await wizard.root.getByRole('button', { name: 'Back' }).click();
    await wizard.method('Network install (HTTP, HTTPS or FTP tree)').check();
    const url = wizard.root.getByLabel('Install tree URL');
    await url.fill('http://127.0.0.1:9/nothing-here/');
    await expect(wizard.root.getByRole('alert')).toContainText('does not answer from the host');
    await expect(wizard.next()).toBeDisabled();
    await url.fill(tree.url);
    await wizard.root.getByLabel('Kernel arguments').fill('console=ttyS0 priority=low');
    await wizard.throughStorage();
    await wizard.root.getByLabel('Name').fill('vd-w-url');
    await wizard.definedXml();
    const install = await wizard.installXml();
    expect(install).toContain(`<kernel>${testHost.home}/vd-images/vd-w-url-vmlinuz</kernel>`);
    expect(install).toContain(`<initrd>${testHost.home}/vd-images/vd-w-url-initrd</initrd>`);
    expect(install).toContain('<cmdline>console=ttyS0 priority=low</cmdline>');
  } finally {
    await tree.close();
  }
});

test('Cancel in the middle of Finish removes what the wizard made', async ({ app, testHost }) => {
  const tree = await startTreeServer(`${testHost.home}/vd-media`);
  try {
    await app.connectTestHost(testHost);
    const wizard = new WizardPage(app.page);
    await wizard.open();
    await wizard.method('Network install (HTTP, HTTPS or FTP tree)').check();
    await wizard.root.getByLabel('Install tree URL').fill(tree.slowUrl);
    await wizard.throughStorage();
    await wizard.root.getByLabel('Name').fill('vd-w-cancel');
    await wizard.root.getByRole('button', { name: 'Finish' }).click();
    // The disk exists and the kernel download hangs: cancel now.
    await expect(
      wizard.root.getByRole('status').filter({ hasText: 'Fetching the installer kernel' }),
    ).toBeVisible();
    expect(await wizardVolumes()).toContain('vd-w-cancel.qcow2');
    await wizard.root.getByRole('button', { name: 'Cancel creation' }).click();
    await expect(wizard.root.getByRole('alert')).toContainText('Creating vd-w-cancel was cancelled');
    await expect(wizard.root.getByRole('alert')).toContainText('Removed');
    expect(await wizardVolumes()).toEqual([]);
    expect(await wizardDomains()).toEqual([]);
  } finally {
    await tree.close();
  }
});
