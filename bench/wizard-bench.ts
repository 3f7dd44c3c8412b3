/**
 * Issue 11 benchmark, on the real test host, figures only:
 * - the wizard's first step ready after connect: from the host's "connected" status to the
 *   capabilities and the OS list read (what the wizard needs for steps 1 and 2), while the manager
 *   reads the VM list as it does on connect; VirtDesk as built (the reads start when the host shows
 *   as connected) beside the same backend without that prefetch, and `osinfo-query os` (what
 *   virt-manager's OS list costs on the same machine);
 * - Finish → the first console frame: `wizard/create` (new disk, define, start) then the console's
 *   first whole VNC frame, beside `virt-install --noautoconsole` with the same media and choices
 *   followed by the same console client on its VM (the installer ISO, a new 1 GiB disk, usermode
 *   NIC, VNC).
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, hostVirtInstall, type TestHost } from '../e2e/host/test-host';
import { removeWizardLeftovers } from '../e2e/host/wizard-cleanup';
import { TEST_ORIGIN } from '../electron/backend/consoles/testing/console-probes';
import { connectByKey, createHarness, type Harness } from '../electron/backend/testing/backend-harness';
import { samplePlan } from '../shared/wizard/testing/sample-plan';
import { MiB } from '../shared/xml/units';
import { firstFrame } from './rfb-first-frame';

const run = promisify(execFile);
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROUNDS = 5;
const NAME = 'vd-wz-bench';

/** Median over ROUNDS reconnects: "connected" → capabilities and OS list in hand. */
async function stepOneReady(host: TestHost, prefetch: boolean): Promise<{ ready: number; connect: number }> {
  const h = await createHarness({ wizardPrefetch: prefetch });
  try {
    const hostId = await connectByKey(h, host);
    const times: number[] = [];
    const connects: number[] = [];
    let connectedAt = 0;
    h.backend.bus.subscribe((name, payload) => {
      if (name === 'hosts/status' && (payload as { state: string }).state === 'connected')
        connectedAt = performance.now();
    });
    for (let i = 0; i < ROUNDS; i++) {
      await h.call('hosts/disconnect', { hostId });
      const started = performance.now();
      const status = await h.call('hosts/connect', { hostId });
      if (status.state !== 'connected') throw new Error('the test host did not connect');
      // From the moment the host showed as connected (the renderer hears it then).
      const t0 = connectedAt;
      connects.push(connectedAt - started);
      const list = h.call('domains/list', { hostId });
      await Promise.all([h.call('hosts/capabilities', { hostId }), h.call('wizard/os-list', { hostId })]);
      times.push(performance.now() - t0);
      await list;
    }
    return { ready: median(times), connect: median(connects) };
  } finally {
    h.dispose();
  }
}

async function finishToFirstFrame(h: Harness, hostId: string, iso: string): Promise<number> {
  const uuid = randomUUID();
  const t0 = performance.now();
  const { jobId } = await h.call('wizard/create', {
    hostId,
    plan: samplePlan({
      uuid,
      name: NAME,
      memoryBytes: 512 * MiB,
      media: { kind: 'cdrom', source: { path: iso } },
      storage: { kind: 'new', pool: 'vd-images', capacityBytes: 1024 * MiB, format: 'qcow2' },
    }),
  });
  const done = await h.waitFor('jobs/finished', (j) => j.jobId === jobId, 120_000);
  if (done.state !== 'done') throw new Error(`wizard/create: ${done.state} ${done.message ?? ''}`);
  const created = performance.now() - t0;
  return created + (await firstFrame(h, hostId, uuid));
}

async function virtInstallToFirstFrame(h: Harness, hostId: string, iso: string): Promise<number> {
  const name = `${NAME}-vi`;
  const t0 = performance.now();
  const vi = await hostVirtInstall([
    ...['--name', name, '--osinfo', 'linux2022', '--memory', '512', '--vcpus', '1'],
    ...['--cdrom', iso, '--disk', 'pool=vd-images,size=1', '--network', 'user', '--graphics', 'vnc'],
    '--noautoconsole',
  ]);
  if (vi.code !== 0) throw new Error(`virt-install: ${vi.stderr}`);
  const installed = performance.now() - t0;
  // Not timed: which UUID virt-install gave the VM (a client of virt-install knows it already).
  const uuid = (await hostVirsh(['domuuid', name])).stdout.trim();
  return installed + (await firstFrame(h, hostId, uuid));
}

async function removeBenchVms(): Promise<void> {
  for (const name of [NAME, `${NAME}-vi`]) {
    await hostVirsh(['destroy', name]);
    await hostVirsh(['undefine', name, '--remove-all-storage']);
  }
}

export async function runWizardBench(): Promise<void> {
  const host = await ensureTestHost();
  await removeWizardLeftovers(NAME);
  await removeBenchVms();
  const ready = await stepOneReady(host, true);
  const cold = await stepOneReady(host, false);
  const t1 = performance.now();
  await run('osinfo-query', ['os'], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 22 });
  const osinfoQuery = performance.now() - t1;

  const h = await createHarness();
  h.backend.allowConsoleOrigins([TEST_ORIGIN]);
  try {
    const hostId = await connectByKey(h, host);
    const iso = `${host.home}/vd-media/debian12-netboot.iso`;
    const ours = await finishToFirstFrame(h, hostId, iso);
    const theirs = await virtInstallToFirstFrame(h, hostId, iso);
    console.log('\nNew VM wizard (issue 11), test host, TCG');
    console.log(
      `  step 1 ready after "connected" (capabilities + OS list, median of ${ROUNDS}): ${ms(ready.ready)}   ` +
        `without the prefetch: ${ms(cold.ready)}   osinfo-query os alone: ${ms(osinfoQuery)}`,
    );
    console.log(
      `  connect → "connected" (median of ${ROUNDS}): with the prefetch ${ms(ready.connect)}   without ${ms(cold.connect)}`,
    );
    console.log(
      `  Finish → first console frame: VirtDesk ${ms(ours)}   virt-install --noautoconsole + same console ${ms(theirs)}   ratio ${(ours / theirs).toFixed(2)}×`,
    );
  } finally {
    h.dispose();
    await removeBenchVms();
    await removeWizardLeftovers(NAME);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWizardBench();
