import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';

test('the Add connection dialog offers ~/.ssh/config aliases, shows what one resolves to, and connects', async ({
  app,
  homeDir,
  testHost,
}) => {
  mkdirSync(join(homeDir, '.ssh', 'config.d'));
  writeFileSync(
    join(homeDir, '.ssh', 'config'),
    'Include config.d/*.conf\nHost *\n  ServerAliveInterval 15\n',
  );
  writeFileSync(
    join(homeDir, '.ssh', 'config.d', 'lab.conf'),
    `Host lab-e2e\n  HostName ${testHost.host}\n  Port ${testHost.port}\n  User ${testHost.user}\n` +
      `  IdentityFile ${testHost.privateKeyPath}\n  IdentitiesOnly yes\n`,
  );

  const dialog = await app.openAddConnection();
  // The alias is offered in the Host field's suggestions, with the file and line that define it.
  await expect(dialog.locator('#ssh-aliases option[value="lab-e2e"]')).toHaveAttribute(
    'label',
    '~/.ssh/config.d/lab.conf, line 1',
  );

  await dialog.getByLabel('Host', { exact: true }).fill('lab-e2e');
  await dialog.getByLabel('Libvirt URI').fill(testHost.uri);
  const preview = dialog.getByRole('region', { name: 'What this connects to' });
  await expect(preview).toContainText('Defined in ~/.ssh/config.d/lab.conf, line 1');
  await expect(preview).toContainText(`${testHost.user}@${testHost.host}:${testHost.port}`);
  await expect(preview).toContainText(testHost.privateKeyPath);
  await expect(preview).toContainText('not used (IdentitiesOnly)');

  // Typing the dialog's own user wins over the configuration, as `ssh -l` does.
  await dialog.getByLabel('User', { exact: true }).fill('someone-else');
  await expect(preview).toContainText(`someone-else@${testHost.host}:${testHost.port}`);
  await dialog.getByLabel('User', { exact: true }).fill('');

  await dialog.getByRole('button', { name: 'Connect' }).click();
  await app.hostKeyDialog().getByRole('button', { name: 'Trust' }).click();
  await expect(app.vmRow('vd-tiny')).toBeVisible();
});
