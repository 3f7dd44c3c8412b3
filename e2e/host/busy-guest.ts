// Test-only: a disk-less guest whose memory holds real data soon after it starts (it boots the
// Debian installer's kernel and initrd from ~/vd-media, which `test-host.sh up` puts there), so a
// migration has tens of MiB to copy: zero pages cost libvirt almost nothing, and a SeaBIOS-only
// guest migrates in a second or two. Readable by the second test user too (its QEMU opens them).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostVirsh, peerVirsh, serialLogPath, waitForSerialText, type TestHost } from './test-host';

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
  return startKernelGuest(name, memoryMiB, media.kernel, media.initrd, 'priority=critical');
}

/**
 * Defines and starts NAME booting the installer kernel with DATA MiB of random bytes as its initrd
 * (a file in the test user's home, removed with the guest): the kernel cannot unpack it and frees it
 * unzeroed, so the guest's memory holds that much incompressible data — a save to a file then takes
 * seconds (~445 MB in 4–7 s here for 400 MiB), long enough to cancel. Resolves once the kernel said
 * "Freeing initrd memory" on its serial console (before that the firmware is still loading it).
 */
export async function startMemoryFilledGuest(
  host: Pick<TestHost, 'home' | 'serialLogDir'>,
  name: string,
  dataMiB: number,
): Promise<BusyGuest> {
  const media = installerKernel(host);
  if (!media) throw new Error('no installer kernel on the test host (~/vd-media)');
  const data = path.join(host.home, `${name}.img`);
  writeFileSync(data, randomBytes(dataMiB * 1024 * 1024));
  chmodSync(data, 0o644);
  const log = serialLogPath(name, host);
  const guest = await startKernelGuest(name, dataMiB + 256, media.kernel, data, 'panic=0', log);
  // The firmware has loaded all of it once the kernel gives the (unusable) initrd back.
  await waitForSerialText(name, 'Freeing initrd memory', 120_000);
  return {
    name,
    remove: async () => {
      await guest.remove();
      rmSync(data, { force: true });
    },
  };
}

export async function startKernelGuest(
  name: string,
  memoryMiB: number,
  kernel: string,
  initrd: string,
  cmdline: string,
  serialLog?: string,
  /** Append to the log instead of replacing it: the other test user's libvirt may not delete it (a migration). */
  appendLog = false,
): Promise<BusyGuest> {
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
      `<os><type arch='x86_64' machine='pc'>hvm</type><kernel>${kernel}</kernel>` +
      `<initrd>${initrd}</initrd><cmdline>console=ttyS0 ${cmdline}</cmdline></os>` +
      `<devices><serial type='pty'>${serialLog ? `<log file='${serialLog}' append='${appendLog ? 'on' : 'off'}'/>` : ''}` +
      `<target port='0'/></serial></devices></domain>`,
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
