import { expect, type Locator, type Page } from '@playwright/test';

export interface SshConnection {
  host: string;
  port: number;
  user: string;
  uri: string;
  privateKey?: string;
}

/** The manager window, found the way a person (or a screen reader) finds things: by role and name. */
export class ManagerPage {
  constructor(readonly page: Page) {}

  vmList(): Locator {
    return this.page.getByRole('treegrid', { name: 'Virtual machines' });
  }

  vmRow(name: string): Locator {
    return this.page.getByRole('row', { name, exact: true });
  }

  /** Opens the Add connection dialog. */
  async openAddConnection(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add connection' }).first().click();
    return this.page.getByRole('dialog', { name: 'Add connection' });
  }

  async addSshConnection(c: SshConnection): Promise<void> {
    const dialog = await this.openAddConnection();
    await dialog.getByLabel('Connection type').selectOption({ label: 'SSH' });
    await dialog.getByLabel('Host', { exact: true }).fill(c.host);
    await dialog.getByLabel('User', { exact: true }).fill(c.user);
    await dialog.getByLabel('Port', { exact: true }).fill(String(c.port));
    await dialog.getByLabel('Libvirt URI').fill(c.uri);
    if (c.privateKey) await dialog.getByLabel('Private key').fill(c.privateKey);
    await dialog.getByRole('button', { name: 'Connect' }).click();
  }

  /** Adds the test host with its key and trusts its host key, as a first-time user would. */
  async connectTestHost(host: {
    host: string;
    port: number;
    user: string;
    uri: string;
    privateKeyPath: string;
  }) {
    await this.addSshConnection({ ...host, privateKey: host.privateKeyPath });
    await this.hostKeyDialog().getByRole('button', { name: 'Trust' }).click();
  }

  hostKeyDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Unknown host key' });
  }

  async selectVm(name: string): Promise<void> {
    await this.vmRow(name).click();
    await expect(this.vmRow(name)).toHaveAttribute('aria-selected', 'true');
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  /** Clicks a toolbar action; destructive ones are confirmed in their dialog. */
  async act(action: string, { confirm = false } = {}): Promise<void> {
    await this.toolbarButton(action).click();
    if (confirm) {
      const dialog = this.page.getByRole('alertdialog').or(this.page.getByRole('dialog')).last();
      await dialog.getByRole('button', { name: action, exact: true }).click();
    }
  }
}
