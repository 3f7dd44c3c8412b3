/**
 * Not part of `npm run bench`: one Connect round through the UI with the page's CPU profiled (CDP),
 * printing the functions with the most self time. Build the renderer unminified first to read names:
 * `npx vite build --config renderer/vite.config.ts --minify false`. Run: `npx tsx bench/ui/profile-connect.ts`.
 */
import { ensureTestHost, seedMany, unseedMany } from '../../e2e/host/test-host';
import { UI_PREFIX } from '../ui-list-bench';
import { addTestHost, openServeApp } from './serve-app';
import { clickConnect, waitAllLoaded } from './page-probe';

const host = await ensureTestHost();
const names = await seedMany(200, UI_PREFIX);
const app = await openServeApp(host);
const { page } = app;
await addTestHost(page, host, 'vd-sp-host');
await page.getByRole('row', { name: names[0]!, exact: true }).waitFor({ timeout: 120_000 });
const row = page.getByRole('row', { name: 'vd-sp-host', exact: true });
await row.getByRole('button', { name: 'Disconnect', exact: true }).click();
await row.getByText('Disconnected', { exact: true }).waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await clickConnect(page, ['vd-sp-host']);
const result = await waitAllLoaded(page);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const deltas = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
});
console.log(
  'first row',
  result.firstRowFrameAt! - result.clickAt,
  'all',
  result.allLoadedFrameAt! - result.clickAt,
);
console.log('click', result.clickAt.toFixed(1));
for (const e of result.events)
  console.log(
    `  ${e.at.toFixed(1)} ${(e.at - result.clickAt).toFixed(0)} ${e.name} ${e.state ?? ''} ${e.reset ?? ''} ${e.upserts ?? ''}`,
  );
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
const keyOf = (id: number) => {
  const n = byId.get(id)!;
  return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
};
(profile.samples ?? []).forEach((id, i) => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
});
console.log('--- timeline (50 ms buckets from the profile start: busy ms, top functions by self time)');
{
  let t = 0;
  const buckets = new Map<number, Map<string, number>>();
  (profile.samples ?? []).forEach((id, i) => {
    t += (deltas[i] ?? 0) / 1000;
    const k = keyOf(id);
    if (k.startsWith('(idle)')) return;
    const b = Math.floor(t / 50);
    const m = buckets.get(b) ?? new Map<string, number>();
    buckets.set(b, m);
    // name the nearest component (capitalised function in the app bundle) on the stack
    let comp = '';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const c = keyOf(at);
      if (/^[A-Z]\w+ index/.test(c)) {
        comp = c.split(' ')[0]!;
        break;
      }
    }
    const label = `${k.split(' ')[0]}${comp ? '<' + comp : ''}`;
    m.set(label, (m.get(label) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  for (const [b, m] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const busy = [...m.values()].reduce((a, b) => a + b, 0);
    const top = [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    console.log(`${String(b * 50).padStart(5)} ${busy.toFixed(0).padStart(3)}  ${top}`);
  }
}
console.log('--- inclusive');
for (const [k, v] of [...inclusive]
  .filter(([k]) => !/^\((program|idle|root)/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30))
  console.log(v.toFixed(1).padStart(8), k);
console.log('--- self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(v.toFixed(1).padStart(8), k);
await app.close();
await unseedMany(UI_PREFIX);
process.exit(0);
