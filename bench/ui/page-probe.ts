/**
 * A probe installed in the page before the app loads. In the page's own clock it records:
 * - when the first VM row (`role=row`, `aria-level=2`) appears, and the frame after;
 * - every `hosts/status` and `domains/delta` event the WebSocket brings (time, host, size), and when
 *   every VM of the watched hosts has its XML read (`detailsLoaded`), and the frame after.
 * Times are `performance.timeOrigin + performance.now()` (epoch ms), comparable with Node's.
 * The probe itself is plain JavaScript (`page-probe-script.js`): this project's Node TypeScript has
 * no DOM types; the calls below reach it as expressions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface ProbeEvent {
  at: number;
  name: string;
  hostId: string;
  reset?: boolean;
  upserts?: number;
  state?: string;
}

export interface ProbeResult {
  clickAt: number;
  firstRowAt?: number;
  firstRowFrameAt?: number;
  allLoadedAt?: number;
  allLoadedFrameAt?: number;
  events: ProbeEvent[];
}

export async function installPageProbe(page: Page): Promise<void> {
  const script = readFileSync(join(import.meta.dirname, 'page-probe-script.js'), 'utf8');
  await page.addInitScript({ content: script });
}

/**
 * Clicks (in the page, at a recorded time) the Connect buttons of the host rows named `hosts`;
 * `expectHosts` (default: these) is how many hosts must be listed and read for `allLoadedAt`, and
 * `restart: false` adds clicks to a running measurement.
 */
export async function clickConnect(
  page: Page,
  hosts: string[],
  options: { expectHosts?: number; restart?: boolean } = {},
): Promise<void> {
  const expectHosts = options.expectHosts ?? hosts.length;
  const restart = options.restart ?? true;
  await page.evaluate(`window.__vdProbe.click(${JSON.stringify(hosts)}, ${expectHosts}, ${restart})`);
}

export async function probeResult(page: Page): Promise<ProbeResult> {
  return page.evaluate<ProbeResult>('window.__vdProbe.result');
}

/** Waits until every VM of the connected hosts has its XML read and a frame was drawn after. */
export async function waitAllLoaded(page: Page, timeoutMs = 120_000): Promise<ProbeResult> {
  await page.waitForFunction('window.__vdProbe.result.allLoadedFrameAt !== undefined', undefined, {
    timeout: timeoutMs,
    polling: 50,
  });
  return probeResult(page);
}

/** Types `text` into the list's Filter box; ms until the rows changed and the next frame. */
export function timeFilter(page: Page, text: string): Promise<number> {
  return page.evaluate<number>(`window.__vdProbe.filter(${JSON.stringify(text)})`);
}

/** Resolves with the epoch time of the frame after the row of VM `name` shows `text`. */
export function rowShows(page: Page, name: string, text: string): Promise<number> {
  return page.evaluate<number>(`window.__vdProbe.rowText(${JSON.stringify(name)}, ${JSON.stringify(text)})`);
}

/** Resolves when every host of `hostIds` has said connected or failed. */
export async function waitHostsSettled(page: Page, hostIds: string[], timeoutMs = 300_000): Promise<void> {
  await page.waitForFunction(`window.__vdProbe.settled(${JSON.stringify(hostIds)})`, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}
