import type { ReadinessCheck } from '../../../../shared/api/host-overview';
import { runToEnd } from '../../virsh/one-off-process';
import { hostScript } from '../../virsh/quote';
import type { Transport } from '../../transport/transport';

/**
 * What the seed documents check by hand before tuning a host, read-only, in one script on its own
 * channel (fixed text: nothing from the user is in it). Each section starts with an `@@name` line.
 */
const SCRIPT = hostScript`echo @@cpuflags; grep -c -w -E 'vmx|svm' /proc/cpuinfo 2>/dev/null; true
echo @@kvm; if [ -e /dev/kvm ]; then if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then echo usable; else echo noaccess; fi; else echo missing; fi
echo @@iommu; ls /sys/kernel/iommu_groups 2>/dev/null | wc -l
echo @@cmdline; cat /proc/cmdline 2>/dev/null; true
echo @@hugepages; for f in /sys/kernel/mm/hugepages/hugepages-*/nr_hugepages; do [ -r "$f" ] && echo "$f $(cat "$f")"; done; true
echo @@ksm; cat /sys/kernel/mm/ksm/run 2>/dev/null || echo unknown
echo @@validate; if command -v virt-host-validate >/dev/null 2>&1; then virt-host-validate qemu 2>&1; else echo not-installed; fi; true`;

export async function readReadiness(transport: Transport): Promise<ReadinessCheck[]> {
  const { output } = await runToEnd(await transport.exec(SCRIPT));
  return readinessFrom(sections(output));
}

function sections(output: string): Map<string, string> {
  const found = new Map<string, string>();
  let name = '';
  for (const line of output.split('\n')) {
    const header = /^@@(\w+)$/.exec(line.trim());
    if (header) name = header[1]!;
    else if (name) found.set(name, `${found.get(name) ?? ''}${line}\n`);
  }
  return found;
}

/** The checks, from the script's sections (exported for tests with recorded output). */
export function readinessFrom(s: Map<string, string>): ReadinessCheck[] {
  const get = (name: string) => (s.get(name) ?? '').trim();
  const checks: ReadinessCheck[] = [];
  const flags = Number.parseInt(get('cpuflags'), 10);
  checks.push(
    flags > 0
      ? { id: 'cpu-virt', status: 'pass', title: 'CPU virtualisation extensions', detail: 'vmx/svm present' }
      : {
          id: 'cpu-virt',
          status: 'fail',
          title: 'CPU virtualisation extensions',
          detail: 'No vmx or svm flag in /proc/cpuinfo: guests run under TCG emulation, many times slower.',
          advice:
            'Enable Intel VT-x or AMD-V in the firmware setup; on a virtual machine, enable nested virtualisation.',
        },
  );
  const kvm = get('kvm');
  checks.push(
    kvm === 'usable'
      ? { id: 'dev-kvm', status: 'pass', title: '/dev/kvm', detail: 'usable by the connecting user' }
      : {
          id: 'dev-kvm',
          status: 'fail',
          title: '/dev/kvm',
          detail:
            kvm === 'noaccess'
              ? 'It exists, but the connecting user cannot open it.'
              : 'It does not exist: the kvm module is not loaded.',
          advice:
            kvm === 'noaccess'
              ? 'Add the user to the kvm group (usermod -aG kvm USER) and log in again.'
              : 'Load kvm_intel or kvm_amd (modprobe), after enabling virtualisation in the firmware.',
        },
  );
  const groups = Number.parseInt(get('iommu'), 10) || 0;
  const cmdline = get('cmdline');
  const iommuOnCmdline = /\b(intel_iommu=on|amd_iommu=on|iommu=pt)\b/.test(cmdline);
  checks.push(
    groups > 0
      ? { id: 'iommu', status: 'pass', title: 'IOMMU', detail: `${groups} IOMMU groups` }
      : {
          id: 'iommu',
          status: 'warn',
          title: 'IOMMU',
          detail: iommuOnCmdline
            ? 'Enabled on the kernel command line, but the kernel made no IOMMU groups.'
            : 'No IOMMU groups: PCI passthrough and SR-IOV are not possible.',
          advice: iommuOnCmdline
            ? 'Enable VT-d / AMD-Vi in the firmware setup.'
            : 'Add intel_iommu=on iommu=pt (Intel) or amd_iommu=on (AMD) to the kernel command line and reboot.',
        },
  );
  const reserved = get('hugepages')
    .split('\n')
    .map((line) => /hugepages-(\d+)kB\/nr_hugepages (\d+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) > 0)
    .map((m) => `${m[2]} × ${m[1]} KiB`);
  checks.push(
    reserved.length > 0
      ? { id: 'hugepages', status: 'pass', title: 'Hugepages', detail: `Reserved: ${reserved.join(', ')}` }
      : {
          id: 'hugepages',
          status: 'warn',
          title: 'Hugepages',
          detail: 'None reserved.',
          advice:
            'Guests with hugepage memory backing need them: reserve with vm.nr_hugepages, or hugepages= on the kernel command line.',
        },
  );
  const ksm = get('ksm');
  checks.push({
    id: 'ksm',
    status: ksm === '1' || ksm === '0' ? 'pass' : 'unknown',
    title: 'Kernel same-page merging (KSM)',
    detail:
      ksm === '1' ? 'Running: identical guest pages are merged.' : ksm === '0' ? 'Off.' : 'Not available.',
  });
  checks.push(...hostValidate(get('validate')));
  return checks;
}

/** `virt-host-validate` lines: "  QEMU: Checking for X      : PASS" or ": WARN (why)". */
export function hostValidate(output: string): ReadinessCheck[] {
  if (output === 'not-installed' || output === '') return [];
  const checks: ReadinessCheck[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*(\w+): Checking (?:for |if )?(.+?)\s*:\s*(PASS|WARN|FAIL)(?: \((.*)\))?\s*$/.exec(line);
    if (!m) continue;
    const status = m[3] === 'PASS' ? 'pass' : m[3] === 'WARN' ? 'warn' : 'fail';
    // Its explanation is also what to do ("Load the 'vhost_net' module to …").
    checks.push({
      id: `virt-host-validate:${m[2]}`,
      status,
      title: `virt-host-validate: ${m[2]}`,
      detail: m[4] ?? m[3]!,
      ...(status !== 'pass' && m[4] ? { advice: m[4] } : {}),
    });
  }
  return checks;
}
