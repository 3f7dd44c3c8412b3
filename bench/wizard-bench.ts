/**
 * Issue 11 benchmark, on the real test host, figures only:
 * - the wizard's first step ready after connect (capabilities + the OS list, what the wizard reads
 *   when it opens) vs `osinfo-query os` on the same machine (what virt-manager's OS list costs);
 * - Finish → the guest running (job done), VirtDesk's `wizard/create` vs `virt-install
 *   --noautoconsole` with the same media (the installer ISO, a new 1 GiB disk, usermode NIC, VNC).
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, hostVirtInstall } from '../e2e/host/test-host';
import { removeWizardLeftovers } from '../e2e/host/wizard-cleanup';
import { connectByKey, createHarness } from '../electron/backend/testing/backend-harness';
import { MiB } from '../shared/xml/units';

const run = promisify(execFile);
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

export async function runWizardBench(): Promise<void> {
  const host = await ensureTestHost();
  await removeWizardLeftovers();
  const h = await createHarness();
  try {
    const hostId = await connectByKey(h, host);
    const t0 = performance.now();
    await Promise.all([h.call('hosts/capabilities', { hostId }), h.call('wizard/os-list', { hostId })]);
    const ready = performance.now() - t0;
    const t1 = performance.now();
    await run('osinfo-query', ['os'], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 22 });
    const osinfoQuery = performance.now() - t1;

    const iso = `${host.home}/vd-media/debian12-netboot.iso`;
    const t2 = performance.now();
    const { jobId } = await h.call('wizard/create', {
      hostId,
      plan: {
        uuid: randomUUID(),
        name: 'vd-w-bench',
        osId: 'http://libosinfo.org/linux/2022',
        windows: false,
        arch: 'x86_64',
        machine: 'q35',
        virtType: 'qemu',
        memoryBytes: 512 * MiB,
        vcpus: 1,
        firmware: 'bios',
        secureBoot: false,
        tpm: false,
        media: { kind: 'cdrom', source: { path: iso } },
        storage: { kind: 'new', pool: 'vd-images', capacityBytes: 1024 * MiB, format: 'qcow2' },
        network: { type: 'user' },
        diskBus: 'virtio',
        netModel: 'virtio',
        graphics: 'vnc',
        rng: true,
        start: true,
      },
    });
    const done = await h.waitFor('jobs/finished', (j) => j.jobId === jobId, 120_000);
    const ours = performance.now() - t2;
    const t3 = performance.now();
    const vi = await hostVirtInstall([
      '--name',
      'vd-w-bench-vi',
      '--osinfo',
      'linux2022',
      '--memory',
      '512',
      '--vcpus',
      '1',
      '--cdrom',
      iso,
      '--disk',
      'pool=vd-images,size=1',
      '--network',
      'user',
      '--graphics',
      'vnc',
      '--noautoconsole',
    ]);
    const theirs = performance.now() - t3;
    console.log('\nNew VM wizard (issue 11), test host, TCG');
    console.log(
      `  step 1 ready after connect (capabilities + OS list): ${ms(ready)}   osinfo-query os: ${ms(osinfoQuery)}`,
    );
    console.log(
      `  Finish → running: VirtDesk ${ms(ours)} (${done.state})   virt-install --noautoconsole ${ms(theirs)} (exit ${vi.code})   ratio ${(ours / theirs).toFixed(2)}×`,
    );
  } finally {
    h.dispose();
    await hostVirsh(['destroy', 'vd-w-bench-vi']);
    await hostVirsh(['undefine', 'vd-w-bench-vi', '--remove-all-storage']);
    await removeWizardLeftovers();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWizardBench();
