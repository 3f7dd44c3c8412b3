/**
 * Issues 10 and 12 benchmark: what the performance graphs cost.
 * 1. Memory of the per-VM history for 200 VMs × 1 hour at the default 2 s tick (1,800 ticks), as the
 *    renderer's stats store keeps it (typed-array rings), beside the same history kept as one plain
 *    object per sample (the obvious alternative), measured in the same run; and the store's time per
 *    tick at full history.
 * 2. One host-graph tick on the real test host: `nodecpustats` + `nodememstats` pipelined on the
 *    host's open virsh shell (what VirtDesk does, timed through the contract) beside one combined
 *    remote command per tick (`virsh 'nodecpustats; nodememstats'`: a new channel on an already open,
 *    multiplexed OpenSSH connection and one virsh process).
 * Figures only; nothing passes or fails.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { DomainStats } from '../shared/api/domains';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTestHost, type TestHost } from '../e2e/host/test-host';
import { clearEvents, connectByKey, createHarness } from '../electron/backend/testing/backend-harness';
import { sshWrapper } from './list-bench';
import { createStatsStore, statsHistorySamples } from '../renderer/stores/stats-store';

const run = promisify(execFile);
const VMS = 200;
const TICK_MS = 2000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function sampleOf(vmIndex: number, tick: number): DomainStats {
  return {
    uuid: `00000000-0000-4000-8000-${String(vmIndex).padStart(12, '0')}`,
    cpuPercent: (vmIndex * 7 + tick) % 100,
    memoryKiB: 1_048_576 + tick,
    memoryMaxKiB: 2_097_152,
    diskReadBps: tick * 512,
    diskWriteBps: tick * 256,
    netRxBps: tick * 100,
    netTxBps: tick * 50,
  };
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1).padStart(7)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function historyMemory(): void {
  const before = heapUsed();
  const store = createStatsStore();
  const tickTimes: number[] = [];
  for (let tick = 0; tick < statsHistorySamples; tick++) {
    const stats = Array.from({ length: VMS }, (_, i) => sampleOf(i, tick));
    const t0 = performance.now();
    store.getState().applyTick({ hostId: 'h', at: tick * TICK_MS, stats });
    tickTimes.push(performance.now() - t0);
  }
  const ours = heapUsed() - before;
  const rings = Object.values(store.getState().byKey).reduce((sum, s) => sum + s.history.byteSize(), 0);
  const t0 = performance.now();
  const one = Object.values(store.getState().byKey)[0]!.history;
  for (const field of one.fields) one.series(field);
  one.timeline();
  const chartCopy = performance.now() - t0;

  const before2 = heapUsed();
  const plain: Record<string, Array<Omit<DomainStats, 'uuid'> & { at: number }>> = {};
  for (let tick = 0; tick < statsHistorySamples; tick++) {
    for (let i = 0; i < VMS; i++) {
      const { uuid, ...rest } = sampleOf(i, tick);
      (plain[uuid] ??= []).push({ at: tick * TICK_MS, ...rest });
    }
  }
  const baseline = heapUsed() - before2;
  console.log(
    `\nStats history, ${VMS} VMs × ${statsHistorySamples} ticks (1 hour at ${TICK_MS / 1000} s), renderer store`,
  );
  console.log(
    `  typed-array rings (VirtDesk):        ${mib(ours)} heap  (${mib(rings)} in the rings, ${(rings / VMS / 1024).toFixed(1)} KiB per VM)`,
  );
  console.log(
    `  one plain object per sample (base):  ${mib(baseline)} heap  (${(baseline / ours).toFixed(1)}× VirtDesk's)`,
  );
  console.log(
    `  store update per tick of ${VMS} VMs at full history: median ${median(tickTimes).toFixed(2)} ms`,
  );
  console.log(`  one VM's hour copied out for its four graphs: ${chartCopy.toFixed(2)} ms`);
  if (Object.keys(plain).length !== VMS) throw new Error('baseline lost VMs');
}

/** One multiplexed OpenSSH connection to the test host: each later `ssh` is a new channel on it. */
async function sshMaster(
  host: TestHost,
): Promise<{ exec: (command: string) => Promise<string>; close: () => Promise<unknown> }> {
  const wrapper = sshWrapper(host);
  const control = join(mkdtempSync(join(tmpdir(), 'vd-c-bench-')), 'control');
  const base = ['-p', String(host.port), '-i', host.privateKeyPath, '-o', `ControlPath=${control}`];
  const target = `${host.user}@${host.host}`;
  await run(wrapper, [...base, '-o', 'ControlMaster=yes', '-o', 'ControlPersist=60', '-fN', target]);
  return {
    exec: async (command) =>
      (await run(wrapper, [...base, '-o', 'ControlMaster=no', target, command])).stdout,
    close: () => run(wrapper, [...base, '-O', 'exit', target]).catch(() => undefined),
  };
}

async function hostTick(): Promise<void> {
  const host = await ensureTestHost();
  const h = await createHarness();
  const rounds = 20;
  const ours: number[] = [];
  const combined: number[] = [];
  try {
    const hostId = await connectByKey(h, host);
    for (let i = 0; i < rounds; i++) {
      // Through the contract: from asking for the host's numbers to having them (the first tick is
      // immediate), so this includes the event's way back; the tick itself is less.
      const since = Date.now();
      const t0 = performance.now();
      await h.call('stats/watch-host', { hostId, watching: true });
      await h.waitFor('stats/host-tick', (t) => t.hostId === hostId && t.at >= since);
      ours.push(performance.now() - t0);
      await h.call('stats/watch-host', { hostId, watching: false });
      clearEvents(h);
    }
  } finally {
    h.dispose();
  }
  const ssh = await sshMaster(host);
  const command = `virsh -q -c ${host.uri} 'nodecpustats; nodememstats'`;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const output = await ssh.exec(command);
    combined.push(performance.now() - t0);
    if (!/total\s*:/.test(output) || !/user\s*:/.test(output)) throw new Error(`unexpected: ${output}`);
  }
  await ssh.close();
  console.log(`\nHost graph tick on the test host (median of ${rounds})`);
  console.log(
    `  nodecpustats + nodememstats pipelined on the open virsh shell (VirtDesk, watch → tick event): ${median(ours).toFixed(1).padStart(6)} ms`,
  );
  console.log(
    `  one combined remote command per tick (new channel on a multiplexed ssh + one virsh):        ${median(combined).toFixed(1).padStart(6)} ms`,
  );
}

export async function runStatsHistoryBench(): Promise<void> {
  historyMemory();
  await hostTick();
}
