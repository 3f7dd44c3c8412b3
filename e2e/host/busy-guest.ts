// Test-only: a disk-less guest whose memory holds real data soon after it starts (it boots the
// Debian installer's kernel and initrd from ~/vd-media, which `test-host.sh up` puts there), so a
// migration has tens of MiB to copy: zero pages cost libvirt almost nothing, and a SeaBIOS-only
// guest migrates in a second or two. Readable by the second test user too (its QEMU opens them).
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostVirsh, peerVirsh, type TestHost } from './test-host';

export interface BusyGuest {
  name: string;
  /** Destroys and undefines it on both test users' daemons. */
  remove(): Promise<void>;
}

/** The installer kernel, or undefined when the test host has no install media (packages missing). */
export function installerKernel(
  host: Pick<TestHost, 'home'>,
): { kernel: string; initrd: string } | undefined {
  const kernel = path.join(host.home, 'vd-media', 'linux');
  const initrd = path.join(host.home, 'vd-media', 'initrd.gz');
  return existsSync(kernel) && existsSync(initrd) ? { kernel, initrd } : undefined;
}

/** Defines and starts NAME (memory in MiB) booting the installer kernel; resolves once started. */
export async function startBusyGuest(
  host: Pick<TestHost, 'home'>,
  name: string,
  memoryMiB: number,
): Promise<BusyGuest> {
  const media = installerKernel(host);
  if (!media) throw new Error('no installer kernel on the test host (~/vd-media)');
  const remove = async () => {
    for (const virsh of [hostVirsh, peerVirsh]) {
      await virsh(['destroy', name]);
      await virsh(['undefine', name]);
    }
  };
  await remove();
  const file = `/tmp/${name}.xml`;
  writeFileSync(
    file,
    `<domain type='qemu'><name>${name}</name><memory unit='MiB'>${memoryMiB}</memory><vcpu>1</vcpu>` +
      `<os><type arch='x86_64' machine='pc'>hvm</type><kernel>${media.kernel}</kernel>` +
      `<initrd>${media.initrd}</initrd><cmdline>console=ttyS0 priority=critical</cmdline></os>` +
      `<devices><serial type='pty'><target port='0'/></serial></devices></domain>`,
  );
  chmodSync(file, 0o644);
  try {
    for (const args of [
      ['define', file],
      ['start', name],
    ]) {
      const r = await hostVirsh(args);
      if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
    }
  } finally {
    rmSync(file, { force: true });
  }
  return { name, remove };
}
