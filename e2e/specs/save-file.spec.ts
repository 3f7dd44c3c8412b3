import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../host/vm-with-volumes';
import { expect, test } from '../fixtures';

// A running disk-less VM saved to a file through "Save to file…", then restored paused through the
// host's "Restore from file…"; a path that exists is refused in the dialog.
let fixture: VmWithVolumes;
let folder: string;

test.beforeEach(async ({ testHost }) => {
  fixture = await createVmWithVolumes('mg-e2es', []);
  folder = mkdtempSync(join(tmpdir(), 'vd-mg-save-'));
  const id = (flag: string) => Number(execFileSync('id', [flag, testHost.user], { encoding: 'utf8' }).trim());
  chownSync(folder, id('-u'), id('-g'));
  await hostVirsh(['start', fixture.vm]);
});
test.afterEach(async () => {
  await hostVirsh(['destroy', fixture.vm]);
  await fixture.remove();
  rmSync(folder, { recursive: true, force: true });
});

test('Save to file and Restore from file, through their dialogs', async ({ app, testHost }) => {
  const { vm } = fixture;
  const file = join(folder, `${vm}.save`);
  await app.connectTestHost(testHost);
  await app.selectVm(vm);

  await app.toolbarButton('Save to file…').click();
  const save = app.page.getByRole('dialog', { name: `Save ${vm} to a file` });
  await expect(save.getByLabel('File on the host')).toHaveValue(`/tmp/${vm}.save`);
  await save.getByLabel('File on the host').fill(folder);
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(save.getByRole('alert')).toContainText('exists on the host; choose a new file name');
  await save.getByLabel('File on the host').fill(file);
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(save).toBeHidden();
  // Said in the jobs panel and in the activity line: either is what the person reads.
  await expect(app.page.getByText(`${vm} saved to ${file}`).first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await hostVirsh(['domstate', vm])).stdout.trim()).toBe('shut off');
  expect(existsSync(file)).toBe(true);

  await app.page.getByRole('row', { name: '127.0.0.1' }).click({ button: 'right' });
  await app.page.getByRole('menuitem', { name: 'Restore from file…' }).click();
  const restore = app.page.getByRole('dialog', { name: 'Restore a VM from a file on 127.0.0.1' });
  await restore.getByLabel('File on the host').fill(file);
  await restore.getByLabel('Paused').check();
  await restore.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(restore).toBeHidden();
  await expect
    .poll(async () => (await hostVirsh(['domstate', vm])).stdout.trim(), { timeout: 60_000 })
    .toBe('paused');
  await expect(app.vmRow(vm)).toContainText('Paused');
});
