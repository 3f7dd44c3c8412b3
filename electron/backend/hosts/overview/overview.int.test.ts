import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { connectByKey, createHarness, type Harness } from '../../testing/backend-harness';

// The real test host (sshd on 127.0.0.1, libvirt qemu:///session): its overview and readiness
// checks, compared with what the machine itself says.
const host = inject('testHost');
let h: Harness;
let hostId: string;

beforeAll(async () => {
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(() => h?.dispose());

describe('host overview', () => {
  it('shows the real versions, CPU topology, memory and NUMA cells', async () => {
    const overview = await h.call('hosts/overview', { hostId });
    const version = (await hostVirsh(['version', '--daemon'])).stdout;
    expect(version).toContain(`Running against daemon: ${overview.libvirtVersion}`);
    expect(version).toContain(`Running hypervisor: ${overview.hypervisor}`);
    expect(overview.hypervisor).toMatch(/^QEMU \d+\.\d+/);
    const cpus = Number(execFileSync('nproc', ['--all'], { encoding: 'utf8' }).trim());
    expect(overview.cpus).toBe(cpus);
    expect(overview.numaCells.flatMap((c) => c.cpus)).toHaveLength(cpus);
    const nodeinfo = (await hostVirsh(['nodeinfo'])).stdout;
    expect(nodeinfo).toMatch(new RegExp(`Memory size:\\s+${overview.memoryKiB} KiB`));
    expect(overview.freeMemoryKiB).toBeGreaterThan(0);
    expect(overview.numaCells[0]!.pages.map((p) => p.sizeKiB)).toContain(4);
  });

  it('checks readiness as the seeds do, with what to do about each problem', async () => {
    const checks = await h.call('hosts/readiness', { hostId });
    const byId = new Map(checks.map((c) => [c.id, c]));
    const hasVirtFlags = /\b(vmx|svm)\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
    expect(byId.get('cpu-virt')?.status).toBe(hasVirtFlags ? 'pass' : 'fail');
    const groups = readdirSync('/sys/kernel/iommu_groups').length;
    expect(byId.get('iommu')?.status).toBe(groups > 0 ? 'pass' : 'warn');
    for (const id of ['dev-kvm', 'hugepages', 'ksm']) expect(byId.has(id)).toBe(true);
    for (const check of checks) if (check.status === 'fail') expect(check.advice, check.id).toBeTruthy();
    // virt-host-validate ran on the host and its lines became checks.
    expect(checks.some((c) => c.id.startsWith('virt-host-validate:'))).toBe(true);
  });
});
