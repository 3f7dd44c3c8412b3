// Test-only: a disk-less guest whose memory holds data and whose CPU then idles — what the
// migration benchmark moves. (The installer kernel of busy-guest.ts cannot unpack its initrd in
// 256 MiB and panics, and a panicked kernel spins: under TCG it takes a whole host core for as long
// as it runs, which on a 2-core machine starves whatever else the benchmark measures.) Its
// initramfs is a static busybox (the busybox-static package) and a script that fills FILL MiB of
// RAM with random bytes, says so on the serial console, and sleeps (the kernel halts the vCPU).
import { existsSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { installerKernel, startKernelGuest, type BusyGuest } from './busy-guest';
import { serialLogPath, waitForSerialText, type TestHost } from './test-host';

const BUSYBOX = '/bin/busybox';
const FILLED = 'vd-idle-guest: memory filled';

interface CpioEntry {
  name: string;
  mode: number;
  data?: Buffer;
  rdev?: [number, number];
}

/** A gzip'd initramfs (cpio "newc") of `entries`. */
export function initramfs(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (length: number) => Buffer.alloc((4 - (length % 4)) % 4);
  const all = [...entries, { name: 'TRAILER!!!', mode: 0 }];
  all.forEach((entry, index) => {
    const data = entry.data ?? Buffer.alloc(0);
    const name = Buffer.from(`${entry.name}\0`);
    const fields = [
      index + 1,
      entry.mode,
      0,
      0,
      1,
      0,
      data.length,
      0,
      0,
      ...(entry.rdev ?? [0, 0]),
      name.length,
      0,
    ];
    const header = Buffer.from(`070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`);
    parts.push(header, name, pad(header.length + name.length), data, pad(data.length));
  });
  return gzipSync(Buffer.concat(parts));
}

/** The busybox the guest runs, or undefined where the busybox-static package is missing. */
export function staticBusybox(): string | undefined {
  return existsSync(BUSYBOX) ? BUSYBOX : undefined;
}

/**
 * Defines and starts NAME (MEMORY MiB) booting the installer's kernel with the busybox initramfs;
 * resolves once FILL MiB of its memory hold random bytes and its CPU idles.
 */
export async function startIdleFilledGuest(
  host: Pick<TestHost, 'home' | 'serialLogDir'>,
  name: string,
  memoryMiB: number,
  fillMiB: number,
): Promise<BusyGuest> {
  const media = installerKernel(host);
  const busybox = staticBusybox();
  if (!media || !busybox) throw new Error('no installer kernel or static busybox on the test host');
  const init = [
    '#!/bin/busybox sh',
    'export PATH=/bin',
    '/bin/busybox --install -s /bin',
    'mount -t devtmpfs dev /dev',
    `head -c ${fillMiB * 1024 * 1024} /dev/urandom > /filled`,
    `echo '${FILLED}' > /dev/console`,
    'exec sleep 2147483647',
  ].join('\n');
  const image = path.join(host.home, `${name}.initramfs`);
  writeFileSync(
    image,
    initramfs([
      { name: 'bin', mode: 0o40755 },
      { name: 'dev', mode: 0o40755 },
      { name: 'dev/console', mode: 0o20600, rdev: [5, 1] },
      { name: 'bin/busybox', mode: 0o100755, data: readFileSync(busybox) },
      { name: 'init', mode: 0o100755, data: Buffer.from(`${init}\n`) },
    ]),
  );
  chmodSync(image, 0o644);
  // The log is appended to (a fresh one each start) and writable by the other test user: that
  // user's libvirt, where the guest migrates, neither deletes nor truncates it.
  const log = serialLogPath(name, host);
  rmSync(log, { force: true });
  const guest = await startKernelGuest(name, memoryMiB, media.kernel, image, 'rdinit=/init quiet', log, true);
  await waitForSerialText(name, FILLED, 120_000);
  chmodSync(log, 0o666);
  return {
    name,
    remove: async () => {
      await guest.remove();
      rmSync(image, { force: true });
    },
  };
}
