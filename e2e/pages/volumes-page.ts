import { expect, type Locator, type Page } from '@playwright/test';

/** A pool's volumes pane in the host details window's Storage tab, found by role and name. */
export class VolumesPage {
  constructor(
    readonly page: Page,
    readonly pool: string,
  ) {}

  /** Opens the host's details window, its Storage tab, and selects `pool`. */
  static async open(page: Page, pool: string): Promise<VolumesPage> {
    await page
      .getByRole('button', { name: /^Details of / })
      .first()
      .click();
    const details = page.getByRole('dialog', { name: /Details$/ });
    await details.getByRole('tab', { name: 'Storage' }).click();
    await details
      .getByRole('grid', { name: 'Storage pools' })
      .getByRole('row', { name: pool, exact: true })
      .click();
    const volumes = new VolumesPage(page, pool);
    await expect(volumes.pane()).toBeVisible();
    return volumes;
  }

  pane(): Locator {
    return this.page.getByRole('region', { name: `Volumes of ${this.pool}` });
  }

  row(name: string): Locator {
    return this.pane()
      .getByRole('grid', { name: `Volumes of ${this.pool}` })
      .getByRole('row', { name: new RegExp(`^${escape(name)}`) });
  }

  button(name: string): Locator {
    return this.pane()
      .getByRole('toolbar', { name: 'Volume actions' })
      .getByRole('button', { name, exact: true });
  }

  job(title: string): Locator {
    return this.pane().getByRole('region', { name: 'Jobs' }).getByRole('listitem', { name: title });
  }

  async create(name: string, capacity: string): Promise<void> {
    await this.button('Create volume…').click();
    const dialog = this.page.getByRole('dialog', { name: `Create a volume in ${this.pool}` });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Capacity', { exact: true }).fill(capacity);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async upload(file: string, name: string): Promise<void> {
    await this.pane().getByLabel('Upload file…').setInputFiles(file);
    const dialog = this.page.getByRole('dialog', { name: /^Upload / });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async delete(name: string): Promise<void> {
    await this.row(name).click();
    await this.button('Delete').click();
    const confirm = this.page.getByRole('alertdialog', { name: 'Delete volume?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
