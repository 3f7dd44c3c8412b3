// The New VM wizard's "Cloud image" method through the UI against the real test host. No internet
// here, so no real cloud image: the fixture is a small blank qcow2 made on the host. What a user
// would check is checked — the image read, the VM defined and started with a qcow2 overlay on the
// image and the cloud-init seed (label cidata) attached, its user-data holding the user and SSH key
// given — but no guest runs cloud-init (the blank disk does not boot).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hostVirsh } from '../host/test-host';
import { removeWizardLeftovers, wizardVolumes } from '../host/wizard-cleanup';
import { expect, test } from '../fixtures';
import { VmWindowPage } from '../pages/vm-window-page';
import { WizardPage } from '../pages/wizard-page';
import { realPublicKeys } from '../../shared/cloud-init/testing/public-keys';

const PREFIX = 'vd-wz-cloud';
const BASE = `${PREFIX}-base.qcow2`;
const VM = `${PREFIX}-vm`;
const PASSWORD = 'wz-Secret-42';

test.beforeEach(() => removeWizardLeftovers(PREFIX));
test.afterEach(() => removeWizardLeftovers(PREFIX));

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** The seed's label and files, read with the host's own tools (no mounting). */
function readSeed(isoPath: string): { label: string; files: Record<string, string> } {
  const label = /Volume id: (.*)/.exec(run('isoinfo', ['-d', '-i', isoPath]))![1]!.trim();
  const out = mkdtempSync(join(tmpdir(), 'vd-wz-seed-'));
  try {
    run('xorriso', ['-ecma119_map', 'lowercase', '-osirrox', 'on', '-indev', isoPath, '-extract', '/', out]);
    return {
      label,
      files: Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('a cloud image: overlay on the image and a cidata seed with the user and key, attached and started', async ({
  app,
  testHost,
}) => {
  test.setTimeout(240_000);
  const made = await hostVirsh(['vol-create-as', 'vd-images', BASE, '64M', '--format', 'qcow2']);
  expect(made.code).toBe(0);
  await app.connectTestHost(testHost);
  const wizard = new WizardPage(app.page);
  await wizard.open();
  await wizard.method('Cloud image with cloud-init').check();
  const fields = wizard.root.getByRole('region', { name: 'Cloud image with cloud-init' });
  await fields.getByRole('radio', { name: 'A volume of a storage pool' }).check();
  await fields.getByLabel('Pool', { exact: true }).selectOption('vd-images');
  await fields.getByLabel('Image volume').selectOption(BASE);
  await expect(fields.getByText('qcow2 image, virtual size 64 MiB')).toBeVisible();
  await expect(
    fields.getByText(/The cloud-init seed .* is built on the host with|VirtDesk writes the seed/),
  ).toBeVisible();
  await fields.getByRole('radio', { name: /On top of the image/ }).check();
  await fields.getByLabel('Disk size').fill('128M');
  await fields.getByLabel('User name').fill('alice');
  await fields.getByLabel('Password').fill(PASSWORD);
  await fields.getByLabel('SSH public keys').fill(realPublicKeys.ed25519);
  await expect(fields.getByText(/1 key: /)).toBeVisible();
  await fields.getByLabel('Host name').fill('wz-cloud-1');
  await wizard.goNext();
  await wizard.expectStep('Operating system');
  await wizard.goNext();
  await wizard.resources('512', '1');
  await wizard.goNext();
  // The image brings the disk: no Storage step.
  await wizard.expectStep('Name and finish');
  await wizard.root.getByLabel('Name').fill(VM);
  await wizard.root.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard.root).toHaveCount(0, { timeout: 120_000 });
  await expect(new VmWindowPage(app.page, VM).root).toBeVisible();
  await expect(app.vmRow(VM)).toBeVisible();

  // On the host: running, the overlay as its first disk, the seed as a CD-ROM.
  expect((await hostVirsh(['domstate', VM])).stdout.trim()).toBe('running');
  const blk = (await hostVirsh(['domblklist', VM, '--details'])).stdout;
  const disk = /file\s+disk\s+(\S+)\s+(\S+)/.exec(blk);
  const cdrom = /file\s+cdrom\s+(\S+)\s+(\S+)/.exec(blk);
  expect(disk?.[2]).toMatch(new RegExp(`/${VM}\\.qcow2$`));
  expect(cdrom?.[2]).toMatch(new RegExp(`/${VM}-cidata\\.iso$`));
  expect((await wizardVolumes(PREFIX)).sort()).toEqual([BASE, `${VM}-cidata.iso`, `${VM}.qcow2`].sort());
  const overlay = (await hostVirsh(['vol-dumpxml', '--pool', 'vd-images', `${VM}.qcow2`])).stdout;
  expect(overlay).toMatch(
    new RegExp(`<backingStore>\\s*<path>[^<]*/${BASE}</path>\\s*<format type='qcow2'/>`),
  );
  expect(overlay).toContain("<capacity unit='bytes'>134217728</capacity>");

  const seed = readSeed(cdrom![2]!);
  expect(seed.label).toBe('cidata');
  const userData = seed.files['user-data'] ?? '';
  expect(userData.startsWith('#cloud-config')).toBe(true);
  // As cloud-init reads it (YAML 1.1; long lines may be folded).
  const users = (parse(userData, { version: '1.1' }) as { users: Record<string, unknown>[] }).users;
  const alice = users.find((u) => u['name'] === 'alice');
  expect(alice?.['ssh_authorized_keys']).toEqual([realPublicKeys.ed25519]);
  expect(String(alice?.['passwd'])).toMatch(/^\$6\$/);
  expect(userData).not.toContain(PASSWORD);
  expect(seed.files['meta-data']).toContain('local-hostname: wz-cloud-1');
});
