// "Customize configuration before install" (issue 11) against the real test host: Finish defines
// the VM without starting it and opens its window on Details, with Begin / Cancel installation.
import { hostVirsh } from '../host/test-host';
import { removeWizardLeftovers, wizardDomains, wizardVolumes } from '../host/wizard-cleanup';
import { expect, openServe, test } from '../fixtures';
import { ManagerPage } from '../pages/manager-page';
import { DetailsPage } from '../pages/details-page';
import { VmWindowPage } from '../pages/vm-window-page';
import { WizardPage } from '../pages/wizard-page';
import type { TestHost } from '../host/test-host';

const PREFIX = 'vd-wz4-cust';

test.beforeEach(() => removeWizardLeftovers(PREFIX));
test.afterEach(() => removeWizardLeftovers(PREFIX));

/** The installer ISO by path, a new 1 GiB disk, "Customize" ticked, Define without starting. */
async function defineCustomized(app: ManagerPage, testHost: TestHost, name: string): Promise<VmWindowPage> {
  await app.connectTestHost(testHost);
  const wizard = new WizardPage(app.page);
  await wizard.open();
  await wizard.method('Local install media: an ISO path on the host').check();
  await wizard.root
    .getByRole('textbox', { name: 'ISO path on the host' })
    .fill(`${testHost.home}/vd-media/debian12-netboot.iso`);
  await wizard.throughStorage();
  await wizard.root.getByLabel('Name').fill(name);
  await wizard.root.getByRole('checkbox', { name: /Customize configuration before install/ }).check();
  await wizard.root.getByRole('button', { name: 'Define without starting' }).click();
  await expect(wizard.root).toHaveCount(0, { timeout: 60_000 });

  // The VM window, on Details, says what is left to do.
  const win = new VmWindowPage(app.page, name);
  // The window's page tabs (each Details item has its own Details/XML tabs too).
  const pages = win.root.getByRole('tablist', { name: 'Pages' });
  await expect(pages.getByRole('tab', { name: 'Details', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const bar = win.root.getByRole('region', { name: `Installation of ${name}` });
  await expect(bar.getByRole('button', { name: 'Begin installation' })).toBeVisible();
  expect((await hostVirsh(['domstate', name])).stdout.trim()).toBe('shut off');
  expect(await wizardVolumes(PREFIX)).toEqual([`${name}.qcow2`]);
  return win;
}

test('customize, change the memory, Begin installation: installs with the change, the disk boots after', async ({
  app,
  testHost,
}) => {
  test.setTimeout(240_000);
  const name = `${PREFIX}-begin`;
  const win = await defineCustomized(app, testHost, name);
  const details = new DetailsPage(win);
  await details.item('Memory');
  await details.field('Maximum memory (MiB)').fill('640');
  await details.field('Current memory (MiB)').fill('640');
  await details.apply();

  await win.root.getByRole('button', { name: 'Begin installation' }).click();
  // Begin switches to the console; the bar is gone; the guest runs the installer's boot.
  await expect(win.tab('Console')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(win.root.getByRole('button', { name: 'Begin installation' })).toHaveCount(0);
  await expect.poll(async () => (await hostVirsh(['domstate', name])).stdout.trim()).toBe('running');
  const live = (await hostVirsh(['dumpxml', name])).stdout;
  expect(live).toContain("<memory unit='KiB'>655360</memory>");
  expect(live).toMatch(/debian12-netboot\.iso/);
  expect(live).toMatch(/<boot dev='cdrom'\/>/);
  // What stays defined: the person's memory, the disk first, the media ejected, a reboot restarts.
  const defined = (await hostVirsh(['dumpxml', '--inactive', name])).stdout;
  expect(defined).toContain("<memory unit='KiB'>655360</memory>");
  expect(defined).toContain("<boot dev='hd'/>");
  expect(defined).not.toContain("<boot dev='cdrom'/>");
  expect(defined).not.toContain('debian12-netboot.iso');
  expect(defined).toContain('<on_reboot>restart</on_reboot>');
});

test('customize, then Cancel installation: the VM and its new disk are removed', async ({
  app,
  testHost,
}) => {
  test.setTimeout(180_000);
  const name = `${PREFIX}-cancel`;
  const win = await defineCustomized(app, testHost, name);
  const bar = win.root.getByRole('region', { name: `Installation of ${name}` });
  await bar.getByRole('button', { name: 'Cancel installation' }).click();
  // Asked first; "Keep it" keeps everything.
  await bar.getByRole('button', { name: 'Keep it' }).click();
  expect(await wizardDomains(PREFIX)).toEqual([name]);
  await bar.getByRole('button', { name: 'Cancel installation' }).click();
  await bar.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(win.root).toHaveCount(0, { timeout: 60_000 });
  await expect(app.vmRow(name)).toHaveCount(0);
  expect(await wizardDomains(PREFIX)).toEqual([]);
  expect(await wizardVolumes(PREFIX)).toEqual([]);
});

test('after a restart of VirtDesk the VM still waits for its installation; Cancel removes what the wizard made', async ({
  dataDir,
  homeDir,
  testHost,
}) => {
  test.setTimeout(240_000);
  const name = `${PREFIX}-restart`;
  const first = await openServe(dataDir, homeDir);
  try {
    await defineCustomized(new ManagerPage(first.page), testHost, name);
  } finally {
    await first.close();
  }
  // A new backend on the same data dir: nothing of the install is in its memory; the VM's
  // definition says it waits (and what Cancel would remove).
  const second = await openServe(dataDir, homeDir);
  try {
    const app = new ManagerPage(second.page);
    await app.vmRow(name).dblclick({ timeout: 60_000 });
    const win = new VmWindowPage(app.page, name);
    const bar = win.root.getByRole('region', { name: `Installation of ${name}` });
    await expect(bar.getByRole('button', { name: 'Begin installation' })).toBeVisible();
    await bar.getByRole('button', { name: 'Cancel installation' }).click();
    await expect(bar.getByText(`Volumes it removes: ${name}.qcow2 (vd-images).`)).toBeVisible();
    await bar.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(win.root).toHaveCount(0, { timeout: 60_000 });
    await expect(app.vmRow(name)).toHaveCount(0);
  } finally {
    await second.close();
  }
  expect(await wizardDomains(PREFIX)).toEqual([]);
  expect(await wizardVolumes(PREFIX)).toEqual([]);
});
