import { expect, type Locator } from '@playwright/test';
import type { DetailsPage } from './details-page';

/** The Add Hardware dialog and the Remove confirmation of a VM's Details page. */
export class AddHardwarePage {
  readonly dialog: Locator;

  constructor(readonly details: DetailsPage) {
    this.dialog = details.vm.root.page().getByRole('dialog', { name: /^Add Hardware to / });
  }

  async open(): Promise<void> {
    await this.details.hardware.getByRole('button', { name: 'Add Hardware…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async kind(name: string): Promise<void> {
    await this.dialog
      .getByRole('navigation', { name: 'Kind of hardware' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async finish(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Finish' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.details.panel.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
  }

  /** Remove the selected item; `deleteStorage` ticks or unticks "Delete the storage volume …". */
  async remove(deleteStorage?: boolean): Promise<Locator> {
    await this.details.panel.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = this.details.vm.root.page().getByRole('alertdialog', { name: /^Remove / });
    await expect(confirm).toBeVisible();
    if (deleteStorage !== undefined) {
      const box = confirm.getByRole('checkbox', { name: /^Delete the storage volume / });
      await expect(box).toBeVisible();
      await box.setChecked(deleteStorage);
    }
    return confirm;
  }
}
