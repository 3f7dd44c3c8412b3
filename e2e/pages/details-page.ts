import { expect, type Locator } from '@playwright/test';
import type { VmWindowPage } from './vm-window-page';

/** The Details page of a VM window: the hardware list and the selected item's form or XML. */
export class DetailsPage {
  readonly hardware: Locator;
  readonly panel: Locator;

  constructor(readonly vm: VmWindowPage) {
    this.hardware = vm.root.getByRole('navigation', { name: 'Hardware' });
    this.panel = vm.root.locator('.hardware-panel');
  }

  async open(): Promise<void> {
    await this.vm.root.getByRole('tab', { name: 'Details', exact: true }).click();
    await expect(this.hardware.getByRole('button', { name: 'Overview' })).toBeVisible();
  }

  async item(name: string): Promise<void> {
    await this.hardware.getByRole('button', { name, exact: true }).click();
    await expect(this.panel.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  async apply(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(this.panel.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
  }

  async xmlTab(): Promise<Locator> {
    await this.panel.getByRole('tab', { name: 'XML' }).click();
    return this.panel.getByRole('textbox');
  }
}
