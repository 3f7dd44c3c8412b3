import { expect, type Locator, type Page } from '@playwright/test';

/** The New VM wizard, driven by role and label like a person (or a screen reader) would. */
export class WizardPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'New virtual machine' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('toolbar').getByRole('button', { name: 'New VM', exact: true }).click();
    await expect(this.root).toBeVisible();
  }

  method(label: string): Locator {
    return this.root.getByRole('radio', { name: label });
  }

  next(): Locator {
    return this.root.getByRole('button', { name: 'Next', exact: true });
  }

  async goNext(): Promise<void> {
    await expect(this.next()).toBeEnabled();
    await this.next().click();
  }

  async expectStep(name: string): Promise<void> {
    await expect(this.root.getByRole('heading', { name: new RegExp(`: ${name}$`) })).toBeVisible();
  }

  /** Fills memory and vCPUs on step 3. */
  async resources(memoryMiB: string, vcpus: string): Promise<void> {
    await this.expectStep('Memory and CPUs');
    await this.root.getByLabel('Memory (MiB)').fill(memoryMiB);
    await this.root.getByLabel('vCPUs').fill(vcpus);
    await expect(this.root.getByLabel('Memory (MiB)')).toHaveValue(memoryMiB);
    await expect(this.root.getByLabel('vCPUs')).toHaveValue(vcpus);
  }

  /** Steps 1–4 for a method already filled in on step 1: generic Linux, 512 MiB, 1 GiB disk in vd-images. */
  async throughStorage(storage: 'new' | 'none' | 'skip' = 'new'): Promise<void> {
    await this.goNext();
    await this.expectStep('Operating system');
    await this.goNext();
    await this.resources('512', '1');
    await this.goNext();
    if (storage === 'skip') return;
    await this.expectStep('Storage');
    if (storage === 'none') await this.root.getByRole('radio', { name: 'No disk' }).check();
    else {
      await this.root.getByLabel('Pool').selectOption('vd-images');
      await this.root.getByLabel('Size (GiB)').fill('1');
    }
    await this.goNext();
    await this.expectStep('Name and finish');
  }

  /** The domain XML shown in the summary. */
  async definedXml(): Promise<string> {
    await this.root.getByText('XML', { exact: true }).click();
    const pre = this.root.getByLabel('Domain XML that will be defined');
    await expect(pre).toContainText('<domain');
    return (await pre.textContent()) ?? '';
  }

  async installXml(): Promise<string> {
    const pre = this.root.getByLabel('Domain XML of the first boot');
    await expect(pre).toContainText('<domain');
    return (await pre.textContent()) ?? '';
  }
}
