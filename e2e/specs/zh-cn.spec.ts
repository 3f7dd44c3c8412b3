// issue 15: the main flow in Simplified Chinese, found by Chinese accessible names; the browser's
// locale is zh-CN and nothing is switched by hand, so this also checks that the UI follows the OS.
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostVirsh } from '../host/test-host';
import { expect, test } from '../fixtures';

const VM = 'vd-zh-tiny';
const XML_FILE = `/tmp/${VM}.xml`;

/** A guest of my own like vd-tiny (SeaBIOS, no disk, no NIC), so no other test's guest is touched. */
async function defineOwnGuest(): Promise<void> {
  if ((await hostVirsh(['dominfo', VM])).code === 0) return;
  const tiny = await hostVirsh(['dumpxml', '--inactive', 'vd-tiny']);
  expect(tiny.code, tiny.stderr).toBe(0);
  const xml = tiny.stdout
    .replace(/<name>vd-tiny<\/name>/, `<name>${VM}</name>`)
    .replace(/<uuid>[^<]*<\/uuid>/, '')
    .replaceAll('/serial/vd-tiny.log', `/serial/${VM}.log`);
  await writeFile(XML_FILE, xml, { mode: 0o644 });
  const defined = await hostVirsh(['define', XML_FILE]);
  await unlink(XML_FILE).catch(() => undefined);
  expect(defined.code, defined.stderr).toBe(0);
}

test.use({ locale: 'zh-CN' });

test.beforeAll(defineOwnGuest);
test.afterAll(async () => {
  await hostVirsh(['destroy', VM]);
  await hostVirsh(['undefine', VM]);
});
test.afterEach(async () => {
  await hostVirsh(['destroy', VM]);
});

test('主流程：添加连接、列出虚拟机、运行、打开控制台（zh-CN）', async ({ app, testHost }) => {
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: '添加连接' }).first().click();
  const dialog = page.getByRole('dialog', { name: '添加连接' });
  await dialog.getByLabel('连接类型').selectOption({ label: 'SSH' });
  await dialog.getByLabel('主机', { exact: true }).fill(testHost.host);
  await dialog.getByLabel('用户', { exact: true }).fill(testHost.user);
  await dialog.getByLabel('端口', { exact: true }).fill(String(testHost.port));
  await dialog.getByLabel('libvirt URI').fill(testHost.uri);
  await dialog.getByLabel('私钥').fill(testHost.privateKeyPath);
  await dialog.getByRole('button', { name: '连接' }).click();

  const hostKey = page.getByRole('alertdialog', { name: '未知的主机密钥' });
  await expect(hostKey).toContainText(testHost.hostKeySha256);
  await hostKey.getByRole('button', { name: '信任' }).click();

  // The shared host may hold hundreds of other helpers' guests: filter the list as a person would.
  await page.getByLabel('筛选').fill(VM);
  const list = page.getByRole('treegrid', { name: '虚拟机' });
  const row = list.getByRole('row', { name: VM, exact: true });
  await expect(row).toContainText('已关机');
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');

  const toolbar = page.getByRole('toolbar', { name: '主工具栏' });
  await toolbar.getByRole('button', { name: '运行', exact: true }).click();
  await expect(row).toContainText('运行中');

  await toolbar.getByRole('button', { name: '打开控制台', exact: true }).click();
  const win = page.getByRole('region', { name: `虚拟机 ${VM}` });
  await expect(win.getByRole('tab', { name: '控制台', exact: true })).toBeVisible();
  await expect(win.getByRole('img', { name: `${VM} 的屏幕` })).toHaveAttribute('data-connected', 'true', {
    timeout: 60_000,
  });

  await toolbar.getByRole('button', { name: '强制关机', exact: true }).click();
  await page
    .getByRole('alertdialog', { name: '强制关机？' })
    .getByRole('button', { name: '强制关机' })
    .click();
  await expect(row).toContainText('已关机');
  await expect(win.getByText('客户机未运行')).toBeVisible();
  expect((await hostVirsh(['domstate', VM])).stdout.trim()).toBe('shut off');
});

test('语言可在首选项中切换，无需重启', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '首选项' }).click();
  const prefs = page.getByRole('dialog', { name: '首选项' });
  await prefs.getByLabel('语言').selectOption({ label: 'English' });
  await prefs.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: 'Preferences' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Preferences' }).click();
  await page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Language').selectOption('system');
  await page.getByRole('dialog', { name: 'Preferences' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: '首选项' })).toBeVisible();
});

// Kept apart from the flows above: reads the saved file the way a person would find it.
test('the saved preferences file is plain JSON with the chosen language', async ({ app, dataDir }) => {
  await app.page.getByRole('button', { name: '首选项' }).click();
  const prefs = app.page.getByRole('dialog', { name: '首选项' });
  await prefs.getByLabel('主题').selectOption({ label: '深色' });
  await prefs.getByRole('button', { name: '保存' }).click();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(async () => JSON.parse(await readFile(`${dataDir}/prefs.json`, 'utf8')).theme)
    .toBe('dark');
});

// issue 15, fourth session: a check built in shared/ (network-checks.ts) reads in Chinese. On libvirt's
// test driver (test:///default) through a local connection: nothing here touches the shared host.
test('创建虚拟网络时的校验信息是中文的', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '添加连接' }).first().click();
  const dialog = page.getByRole('dialog', { name: '添加连接' });
  await dialog.getByLabel('连接类型').selectOption({ label: '本地' });
  await dialog.getByLabel('libvirt URI').fill('test:///default');
  await dialog.getByRole('button', { name: '连接' }).click();

  await page.getByRole('button', { name: 'test:///default 的详情', exact: true }).click();
  await page.getByRole('tab', { name: '网络' }).click();
  const networks = page.getByRole('grid', { name: '虚拟网络' });
  await expect(networks.getByRole('row', { name: 'default', exact: true })).toBeVisible();

  await page.getByRole('toolbar', { name: '网络操作' }).getByRole('button', { name: '添加网络' }).click();
  const create = page.getByRole('dialog', { name: '创建虚拟网络' });
  await create.getByLabel('类型').selectOption({ label: '隔离' });
  await create.getByLabel('IPv4 子网（地址/前缀）').fill('192.168.122.50/24');
  await expect(create.getByRole('alert')).toHaveText(
    '192.168.122.50/24 与网络“default”（192.168.122.1/24）的子网重叠',
  );
  await expect(create.getByRole('button', { name: '创建' })).toBeDisabled();
  await create.getByLabel('IPv4 子网（地址/前缀）').fill('10.5.0.0/24');
  await expect(create.getByRole('alert')).toHaveText(
    '10.5.0.0/24 是该子网的网络地址；请使用主机地址，例如紧随其后的第一个地址',
  );
});
