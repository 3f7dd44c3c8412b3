/**
 * Issue 16, many hosts: N = 10, 30, 60 saved connections to the test host (each a real SSH
 * connection with its own virsh), connected through the UI. Prints the time until every host is
 * listed and until every VM's XML is read, the backend's memory per host (serve's RSS), the processes
 * each host runs on the host side, and the time to filter all the VMs. Figures only.
 *
 * The test sshd keeps OpenSSH's default MaxStartups (10 unauthenticated connections at once, then
 * refusals), so the hosts are clicked in waves of 8 — a person clicking Connect down the list.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureTestHost, seedMany, unseedMany, type TestHost } from '../e2e/host/test-host';
import { clickConnect, timeFilter, waitAllLoaded, waitHostsSettled } from './ui/page-probe';
import { openServeApp } from './ui/serve-app';
import { UI_PREFIX } from './ui-list-bench';

const run = promisify(execFile);
const GUESTS = 200;
const WAVE = 8;

function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m);
  return Number(line?.[1] ?? 0);
}

/** The test user's processes by command name (sshd sessions, virsh, sh/cat of the event watchdogs). */
async function hostProcesses(host: TestHost): Promise<number> {
  const { stdout } = await run('ps', ['-u', host.user, '-o', 'comm=']);
  return stdout.split('\n').filter((c) => /^(sshd|virsh|sh|cat)$/.test(c.trim())).length;
}

async function connectInWaves(page: Page, names: string[]): Promise<void> {
  for (let i = 0; i < names.length; i += WAVE) {
    const wave = names.slice(i, i + WAVE);
    await clickConnect(page, wave, { expectHosts: names.length, restart: i === 0 });
    // Host ids are the names (saved so); rows of later hosts may be scrolled out of the list.
    await waitHostsSettled(page, wave);
  }
}

async function measure(host: TestHost, n: number): Promise<string> {
  const names = Array.from({ length: n }, (_, i) => `vd-sp-h${String(i + 1).padStart(2, '0')}`);
  // Tall enough for every host row; while connecting, a filter matching no VM keeps the host rows
  // in view (a connected host's 200 rows would push the next hosts out of the virtualised list).
  const app = await openServeApp(host, names, { width: 1280, height: 44 * n + 300 });
  try {
    const { page } = app;
    await page.getByRole('row', { name: names[n - 1]!, exact: true }).waitFor();
    await page.locator('.list-filters input[type=search]').fill('vd-sp-none');
    const processesBefore = await hostProcesses(host);
    const rssBefore = rssKiB(app.server.pid!);
    const t0 = Date.now();
    await connectInWaves(page, names);
    const result = await waitAllLoaded(page, 600_000);
    const elapsedAll = Date.now() - t0;
    const listedAt = new Map<string, number>();
    for (const e of result.events)
      if (e.name === 'domains/delta' && e.reset && (e.upserts ?? 0) > 0 && !listedAt.has(e.hostId))
        listedAt.set(e.hostId, e.at);
    const allListed = Math.max(...listedAt.values()) - result.clickAt;
    const allRead = result.allLoadedFrameAt! - result.clickAt;
    const vms = result.events
      .filter((e) => e.name === 'domains/delta' && e.reset)
      .reduce((sum, e) => sum + (e.upserts ?? 0), 0);
    const perHostKiB = (rssKiB(app.server.pid!) - rssBefore) / n;
    const perHostProcesses = ((await hostProcesses(host)) - processesBefore) / n;
    const filterMs: number[] = [];
    for (const text of ['', `${UI_PREFIX}150`, '']) {
      filterMs.push(await timeFilter(page, text));
    }
    const median = [...filterMs].sort((a, b) => a - b)[1]!;
    void elapsedAll;
    return (
      `${String(n).padStart(3)} hosts ${String(vms).padStart(6)} VMs  all listed ${allListed.toFixed(0).padStart(6)} ms` +
      `  every XML ${allRead.toFixed(0).padStart(6)} ms  ${(perHostKiB / 1024).toFixed(2)} MiB/host` +
      `  ${perHostProcesses.toFixed(1)} host processes/host  filter ${median.toFixed(0)} ms`
    );
  } finally {
    await app.close();
  }
}

export async function runManyHostsBench(counts = [10, 30, 60]): Promise<void> {
  const host = await ensureTestHost();
  console.log(
    `\n# Many hosts through the UI: N connections to the test host (${GUESTS} seeded guests + others each)`,
  );
  await seedMany(GUESTS, UI_PREFIX);
  try {
    for (const n of counts) console.log(await measure(host, n));
  } finally {
    await unseedMany(UI_PREFIX);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runManyHostsBench(
    process.argv.slice(2).map(Number).filter(Boolean).length ? process.argv.slice(2).map(Number) : undefined,
  );
  process.exit(0);
}
