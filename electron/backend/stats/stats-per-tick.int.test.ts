import { afterAll, beforeAll, expect, inject, it, vi } from 'vitest';
import { VirshShell } from '../virsh/virsh-shell';
import { SshTransport } from '../transport/ssh-transport';
import { connectByKey, createHarness, pollUntil, type Harness } from '../testing/backend-harness';

// Issue 16: N hosts with their stats shown cost N `domstats` per tick and nothing more. Three
// connections to the real test host, each watched twice (the list and a Performance pane); every
// command written to a virsh shell and every new SSH channel is counted while they tick.
const host = inject('testHost');
const HOSTS = 3;
let h: Harness;
const hostIds: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  for (let i = 0; i < HOSTS; i++) hostIds.push(await connectByKey(h, host));
  await h.call('prefs/set', { statsIntervalMs: 500 });
}, 120_000);
afterAll(() => {
  vi.restoreAllMocks();
  h?.dispose();
});

it('costs one domstats per host and tick, on the open shell, and nothing else on a timer', async () => {
  const commands: Array<{ shell: VirshShell; verb: string }> = [];
  const original = VirshShell.prototype.runRaw;
  vi.spyOn(VirshShell.prototype, 'runRaw').mockImplementation(function (this: VirshShell, argv, timeoutMs) {
    commands.push({ shell: this, verb: argv[0] ?? '' });
    return original.call(this, argv, timeoutMs);
  });
  const originalExec = SshTransport.prototype.exec;
  let channels = 0;
  vi.spyOn(SshTransport.prototype, 'exec').mockImplementation(function (this: SshTransport, ...args) {
    channels++;
    return originalExec.apply(this, args);
  });
  h.events.splice(0);

  for (const hostId of hostIds) {
    await h.call('stats/watch', { hostId, watching: true });
    await h.call('stats/watch', { hostId, watching: true });
  }
  for (const hostId of hostIds) {
    // Three ticks of every host.
    for (let tick = 1; tick <= 3; tick++) {
      await h.waitFor(
        'stats/tick',
        () =>
          h.events.filter(
            (e) => e.name === 'stats/tick' && (e.payload as { hostId: string }).hostId === hostId,
          ).length >= tick,
      );
    }
  }
  for (const hostId of hostIds) {
    await h.call('stats/watch', { hostId, watching: false });
    await h.call('stats/watch', { hostId, watching: false });
  }
  // A tick under way when the last watcher left still ends (and is counted); then nothing more.
  const domstats = commands.filter((c) => c.verb === 'domstats');
  const ticksSoFar = () => h.events.filter((e) => e.name === 'stats/tick').length;
  await pollUntil(
    async () => ticksSoFar(),
    (n) => n >= domstats.length,
    30_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 1500));
  vi.restoreAllMocks();

  const ticks = h.events.filter((e) => e.name === 'stats/tick');
  expect(commands.filter((c) => c.verb === 'domstats')).toHaveLength(domstats.length);
  expect(ticks.length).toBeGreaterThanOrEqual(3 * HOSTS);
  expect(domstats.length).toBe(ticks.length);
  // Each host's ticks ran on its own shell, one shell per host.
  expect(new Set(domstats.map((c) => c.shell)).size).toBe(HOSTS);
  // Anything else is a re-read after a libvirt event (the test host is shared with other tests).
  const others = commands.filter((c) => c.verb !== 'domstats').map((c) => c.verb);
  expect(
    others.every((verb) => verb === 'dominfo' || verb === 'dumpxml'),
    others.join(' '),
  ).toBe(true);
  expect(channels).toBe(0);
}, 120_000);
