import { expect, type Locator, type Page } from '@playwright/test';
import { HostDetailsPage } from './host-details-page';

/** The host details window's Devices tab, found by role and name. */
export class DevicesTabPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DevicesTabPage> {
    const details = await HostDetailsPage.open(page);
    await details.window().getByRole('tab', { name: 'Devices' }).click();
    const tab = new DevicesTabPage(page);
    await expect(tab.table()).toBeVisible();
    return tab;
  }

  table(): Locator {
    return this.page.getByRole('grid', { name: 'Host devices' });
  }

  row(name: string): Locator {
    return this.table().getByRole('row', { name, exact: true });
  }

  details(name: string): Locator {
    return this.page.getByRole('region', { name: `Details of ${name}` });
  }

  async select(name: string): Promise<Locator> {
    await this.row(name).click();
    await expect(this.row(name)).toHaveAttribute('aria-selected', 'true');
    return this.details(name);
  }

  button(name: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Device actions' })
      .getByRole('button', { name, exact: true });
  }
}
