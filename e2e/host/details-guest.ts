// One guest of the test host for the Details-page specs (details, tuning, devices): defined before
// each test from the spec's XML (started when asked), removed after, and opened in its VM window.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { DetailsPage } from '../pages/details-page';
import type { ManagerPage } from '../pages/manager-page';
import { VmWindowPage } from '../pages/vm-window-page';
import { hostVirsh } from './test-host';

export interface DetailsGuest {
  /** Before each test: the guest defined anew (and started when `running`). */
  define(): Promise<void>;
  /** After each test: stopped and undefined, its XML file removed. */
  remove(): Promise<void>;
  /** `virsh dumpxml --inactive --security-info` on the host. */
  inactive(): Promise<string>;
  /** Double-clicks the guest's row (waiting for "Running" when it runs) and opens Details. */
  openDetails(app: ManagerPage): Promise<DetailsPage>;
}

export function detailsGuest(name: string, xml: string, options: { running?: boolean } = {}): DetailsGuest {
  const file = `/tmp/${name}.xml`;
  const remove = async () => {
    await hostVirsh(['destroy', name]);
    await hostVirsh(['undefine', name]);
    rmSync(file, { force: true });
  };
  return {
    define: async () => {
      await remove();
      writeFileSync(file, xml);
      chmodSync(file, 0o644);
      const defined = await hostVirsh(['define', file]);
      expect(defined.code, defined.stderr).toBe(0);
      if (options.running) {
        const started = await hostVirsh(['start', name]);
        expect(started.code, started.stderr).toBe(0);
      }
    },
    remove,
    inactive: async () => (await hostVirsh(['dumpxml', name, '--inactive', '--security-info'])).stdout,
    openDetails: async (app) => {
      if (options.running) await expect(app.vmRow(name)).toContainText('Running');
      await app.vmRow(name).dblclick();
      const details = new DetailsPage(new VmWindowPage(app.page, name));
      await details.open();
      return details;
    },
  };
}
