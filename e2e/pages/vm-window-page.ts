import { expect, type Locator, type Page } from '@playwright/test';
import type { ManagerPage } from './manager-page';

/** A VM window (Console / Serial console pages), found by role and name like a person would. */
export class VmWindowPage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly vmName: string,
  ) {
    this.root = page.getByRole('region', { name: `Virtual machine ${vmName}` });
  }

  tab(name: 'Console' | 'Serial console' | 'Performance'): Locator {
    return this.root.getByRole('tab', { name, exact: true });
  }

  /**
   * The VM's Performance pane: Details → Performance.
   */
  async openPerformance(): Promise<Locator> {
    await this.root.getByRole('tab', { name: 'Details', exact: true }).click();
    await this.root
      .getByRole('navigation', { name: 'Hardware' })
      .getByRole('button', { name: 'Performance', exact: true })
      .click();
    const pane = this.root.getByRole('region', { name: /^Performance of / });
    await expect(pane).toBeVisible();
    return pane;
  }

  screen(): Locator {
    return this.root.getByRole('img', { name: `Screen of ${this.vmName}` });
  }

  /** Waits until the console is connected and its canvas shows a real picture (≥ 2 colours, some lit). */
  async expectRenderedScreen(timeout = 60_000): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-connected', 'true', { timeout });
    const canvas = this.screen().locator('canvas').first();
    await expect
      .poll(() => canvas.evaluate(sampleCanvas), { timeout, message: 'the console shows a rendered screen' })
      .toEqual({ rendered: true });
  }

  async sendKey(combo: string): Promise<void> {
    await this.root.getByRole('button', { name: 'Send key' }).click();
    await this.page
      .getByRole('menu', { name: 'Keys to send' })
      .getByRole('menuitem', { name: combo, exact: true })
      .click();
  }

  terminal(): Locator {
    return this.root.getByRole('group', { name: `Serial terminal of ${this.vmName}` });
  }

  passwordDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Console password' });
  }
}

/** Runs in the page: is the canvas neither blank nor one uniform colour? */
interface CanvasLike {
  width: number;
  height: number;
  getContext(
    type: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

function sampleCanvas(c: CanvasLike): { rendered: boolean } {
  const ctx = c.getContext('2d');
  if (!ctx || c.width === 0 || c.height === 0) return { rendered: false };
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  const colours = new Set<number>();
  let lit = 0;
  for (let i = 0; i < data.length; i += 4 * 7) {
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    if (data[i]! + data[i + 1]! + data[i + 2]! > 96) lit++;
  }
  return { rendered: colours.size >= 2 && lit > 20 };
}

/** Selects the VM in the manager and opens its window with the toolbar's "Open console". */
export async function openVmWindow(app: ManagerPage, vmName: string): Promise<VmWindowPage> {
  await app.selectVm(vmName);
  await app.toolbarButton('Open console').click();
  const win = new VmWindowPage(app.page, vmName);
  await expect(win.root).toBeVisible();
  return win;
}
