import { expect, type Locator, type Page } from '@playwright/test';

/** The host details window and its Storage tab, found by role and name. */
export class HostDetailsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<HostDetailsPage> {
    await page
      .getByRole('button', { name: /^Details of / })
      .first()
      .click();
    const details = new HostDetailsPage(page);
    await expect(details.window()).toBeVisible();
    return details;
  }

  window(): Locator {
    return this.page.getByRole('dialog', { name: /Details$/ });
  }

  poolTable(): Locator {
    return this.window().getByRole('grid', { name: 'Storage pools' });
  }

  poolRow(name: string): Locator {
    return this.poolTable().getByRole('row', { name, exact: true });
  }

  poolButton(name: string): Locator {
    return this.window()
      .getByRole('toolbar', { name: 'Pool actions' })
      .getByRole('button', { name, exact: true });
  }

  async addDirPool(name: string, targetPath: string): Promise<void> {
    await this.poolButton('Add Pool…').click();
    const wizard = this.page.getByRole('dialog', { name: 'Add storage pool' });
    await expect(wizard.getByLabel('Pool type')).toHaveValue('dir');
    await wizard.getByLabel('Name', { exact: true }).fill(name);
    await wizard.getByLabel('Target path').fill(targetPath);
    await wizard.getByRole('button', { name: 'Create Pool' }).click();
    await expect(wizard).toBeHidden();
  }

  async selectPool(name: string): Promise<void> {
    await this.poolRow(name).click();
    await expect(this.poolRow(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Delete… with "also delete the pool's storage" ticked, and the second confirmation. */
  async deletePoolWithStorage(name: string): Promise<void> {
    await this.selectPool(name);
    await this.poolButton('Delete…').click();
    const first = this.page.getByRole('alertdialog', { name: `Delete pool “${name}”?` });
    await first.getByRole('checkbox', { name: /Also delete the pool’s storage/ }).check();
    await first.getByRole('button', { name: 'Delete Pool', exact: true }).click();
    const second = this.page.getByRole('alertdialog', { name: 'Delete the storage too?' });
    await expect(second).toContainText(name);
    await second.getByRole('button', { name: 'Delete Pool and Storage' }).click();
    await expect(first).toBeHidden();
  }
}
