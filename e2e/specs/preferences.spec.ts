// issue 15: preferences survive a restart of `npm run serve`'s backend; a damaged file is reported
// and replaced by the defaults without losing the connections file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openServe, test } from '../fixtures';

test('preferences survive a restart of the backend', async ({ dataDir, homeDir }) => {
  const first = await openServe(dataDir, homeDir);
  try {
    const page = first.page;
    await page.getByRole('button', { name: 'Preferences' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByLabel('Language').selectOption({ label: '简体中文' });
    await dialog.getByLabel('Theme').selectOption({ label: 'Dark' });
    await dialog.getByLabel('Statistics interval (seconds)').fill('5');
    await dialog.getByRole('checkbox', { name: 'Disk I/O' }).uncheck();
    await dialog.getByLabel('Disk format').selectOption('raw');
    await dialog.getByLabel('Release the keyboard with').selectOption('Ctrl+Alt+Shift');
    await dialog.getByRole('checkbox', { name: 'Reboot' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Applied at once, without a reload.
    await expect(page.getByRole('button', { name: '首选项' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  } finally {
    await first.close();
  }

  const second = await openServe(dataDir, homeDir);
  try {
    const page = second.page;
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: '首选项' }).click();
    const dialog = page.getByRole('dialog', { name: '首选项' });
    await expect(dialog.getByLabel('统计间隔（秒）')).toHaveValue('5');
    await expect(dialog.getByRole('checkbox', { name: '磁盘 I/O' })).not.toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'CPU 使用率' })).toBeChecked();
    await expect(dialog.getByLabel('磁盘格式')).toHaveValue('raw');
    await expect(dialog.getByLabel('释放键盘的组合键')).toHaveValue('Ctrl+Alt+Shift');
    await expect(dialog.getByRole('checkbox', { name: '重启' })).toBeChecked();
    await expect(dialog.getByLabel('主题')).toHaveValue('dark');
  } finally {
    await second.close();
  }
});

test('a damaged preferences file is reported and replaced by the defaults; the connections stay', async ({
  homeDir,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vd-zh-e2e-'));
  const first = await openServe(dataDir, homeDir);
  try {
    await first.page.getByRole('button', { name: /demo/i }).click();
    await expect(first.page.getByRole('row', { name: 'test', exact: true })).toBeVisible();
    await first.page.getByRole('button', { name: 'Preferences' }).click();
    const dialog = first.page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByLabel('Statistics interval (seconds)').fill('7');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
  } finally {
    await first.close();
  }
  const connections = readFileSync(join(dataDir, 'connections.json'), 'utf8');
  writeFileSync(join(dataDir, 'prefs.json'), '{"statsIntervalMs": 7000, "theme": "purple", ');

  const second = await openServe(dataDir, homeDir);
  try {
    const page = second.page;
    const alert = page.getByRole('alert').filter({ hasText: 'The preferences file could not be read' });
    await expect(alert).toContainText(/kept as .*prefs\.json\.unreadable-\d+/);
    await expect(alert).toContainText('Your connections are not affected');
    await expect(page.getByRole('row', { name: 'test', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Preferences' }).click();
    await expect(
      page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Statistics interval (seconds)'),
    ).toHaveValue('2');
  } finally {
    await second.close();
  }
  expect(readFileSync(join(dataDir, 'connections.json'), 'utf8')).toBe(connections);
  expect(readdirSync(dataDir).filter((f) => f.startsWith('prefs.json.unreadable-'))).toHaveLength(1);
});
