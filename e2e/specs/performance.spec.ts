import { hostVirsh } from '../host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../host/vm-with-volumes';
import { HostDetailsPage } from '../pages/host-details-page';
import { openVmWindow } from '../pages/vm-window-page';
import type { Locator } from '@playwright/test';
import { parseNodeStats } from '../../electron/backend/stats/host-stats-sampler';
import { expect, test } from '../fixtures';

// Performance graphs on the real test host: the host's own CPU and memory (host details → Overview)
// and a running VM's Performance pane. Each tick is awaited through what it changes on screen (the
// summary under a graph names the newest sample's time), never by sleeping. Objects here: vd-c-*.

/** The summary line of a graph's one series, e.g. "CPU: 12 % at 10:41:05 (average …)". */
function summaryLine(figure: Locator, series: string): Locator {
  return figure.getByRole('listitem').filter({ hasText: new RegExp(`^${series}: `) });
}

/** Waits until the line shows a newer sample than `before` (the next tick), and returns its text. */
async function nextTick(line: Locator, before: string): Promise<string> {
  await expect(line).not.toHaveText(before);
  return (await line.textContent()) ?? '';
}

test('the host details Overview graphs the host’s CPU and memory from real ticks', async ({
  app,
  testHost,
}) => {
  await app.connectTestHost(testHost);
  await expect(app.vmRow('vd-tiny')).toBeVisible();
  const details = await HostDetailsPage.open(app.page);
  await details.window().getByRole('tab', { name: 'Overview' }).click();

  const cpu = details.window().getByRole('figure', { name: 'Host CPU usage' });
  const cpuLine = summaryLine(cpu, 'CPU');
  await expect(cpuLine).toHaveText(/^CPU: \d+(\.\d)? % at \d{1,2}:\d\d:\d\d/);
  const first = (await cpuLine.textContent()) ?? '';
  const second = await nextTick(cpuLine, first);
  expect(second).toMatch(/^CPU: \d+(\.\d)? % at /);
  // The graph itself has the points (uPlot draws them on a canvas).
  await expect(cpu.locator('.chart-plot canvas')).toBeVisible();
  await expect
    .poll(async () => Number(await cpu.locator('.chart-plot').getAttribute('data-points')))
    .toBeGreaterThanOrEqual(2);

  // Memory in use as the host counts it (total − free − buffers − cached), within what can change
  // between the two readings on a shared machine.
  const memoryLine = summaryLine(
    details.window().getByRole('figure', { name: 'Host memory usage' }),
    'In use',
  );
  // MiB below 1 GiB in use, GiB above (a small test machine can be either).
  await expect(memoryLine).toHaveText(/^In use: [\d.,]+ [MG]iB at /);
  const [, amount, unit] = /^In use: ([\d.,]+) ([MG]iB)/.exec((await memoryLine.textContent()) ?? '')!;
  const shownGiB = Number(amount!.replace(/,/g, '')) / (unit === 'MiB' ? 1024 : 1);
  const stats = parseNodeStats((await hostVirsh(['nodememstats'])).stdout);
  const usedGiB =
    (stats.get('total')! - stats.get('free')! - stats.get('buffers')! - stats.get('cached')!) / 1024 ** 2;
  expect(Math.abs(shownGiB - usedGiB)).toBeLessThan(Math.max(0.5, usedGiB * 0.2));
});

test.describe('a VM’s Performance pane', () => {
  let vm: VmWithVolumes | undefined;
  test.afterEach(async () => {
    if (!vm) return;
    await hostVirsh(['destroy', vm.vm]);
    await vm.remove();
  });

  test('shows a running VM’s CPU, memory and disk graphs with values from each tick', async ({
    app,
    testHost,
  }) => {
    vm = await createVmWithVolumes('c-e2e', ['vd-c-e2e.qcow2']);
    const started = await hostVirsh(['start', vm.vm]);
    expect(started.code, started.stderr).toBe(0);
    await app.connectTestHost(testHost);
    await expect(app.vmRow(vm.vm)).toContainText('Running');
    const win = await openVmWindow(app, vm.vm);
    const pane = await win.openPerformance();

    const cpuLine = summaryLine(pane.getByRole('figure', { name: 'CPU usage' }), 'CPU');
    await expect(cpuLine).toHaveText(/^CPU: \d+(\.\d)? % at \d{1,2}:\d\d:\d\d/);
    const first = (await cpuLine.textContent()) ?? '';
    expect(await nextTick(cpuLine, first)).toMatch(/^CPU: \d+(\.\d)? % at /);

    // 32 MiB guest: QEMU's resident memory is shown, in MiB.
    await expect(summaryLine(pane.getByRole('figure', { name: 'Memory usage' }), 'In use')).toHaveText(
      /^In use: [\d.]+ MiB at /,
    );
    const disk = pane.getByRole('figure', { name: 'Disk I/O' });
    await expect(summaryLine(disk, 'Read')).toHaveText(/^Read: [\d.]+ (B|KiB|MiB)\/s at /);
    await expect(summaryLine(disk, 'Write')).toHaveText(/^Write: [\d.]+ (B|KiB|MiB)\/s at /);
    // The VM has no network interface: the pane says there is nothing to count.
    await expect(pane.getByText('This VM reports no counters')).toBeVisible();
  });
});
