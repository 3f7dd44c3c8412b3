import { expect, type Locator, type Page } from '@playwright/test';

/** The host details window's Networks tab, found by role and name. */
export class NetworksTabPage {
  constructor(readonly page: Page) {}

  /** Opens the host details window from the host row ("Details of NAME") and its Networks tab. */
  async openHostDetails(hostName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Details of ${hostName}`, exact: true }).click();
    await this.page.getByRole('tab', { name: 'Networks' }).click();
    await expect(this.table().or(this.page.getByText('No virtual networks on this host.'))).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('grid', { name: 'Virtual networks' });
  }

  row(name: string): Locator {
    return this.table().getByRole('row', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Network actions' })
      .getByRole('button', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.row(name).click();
    await expect(this.row(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Create → Isolated, with an IPv4 subnet and a DHCP range; started at once, no autostart. */
  async createIsolated(name: string, subnet: string, dhcp: [string, string]): Promise<void> {
    await this.button('Add Network').click();
    const dialog = this.page.getByRole('dialog', { name: 'Create a virtual network' });
    await dialog.getByLabel('Kind').selectOption({ label: 'Isolated' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('IPv4 subnet (address/prefix)').fill(subnet);
    await dialog.getByLabel('IPv4 DHCP start').fill(dhcp[0]);
    await dialog.getByLabel('IPv4 DHCP end').fill(dhcp[1]);
    await dialog.getByLabel('Start it with the host').uncheck();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Clicks an action; Stop and Delete are confirmed in their dialog. */
  async act(action: string, { confirm = false } = {}): Promise<void> {
    await this.button(action).click();
    if (confirm)
      await this.page.getByRole('alertdialog').getByRole('button', { name: action, exact: true }).click();
  }
}
