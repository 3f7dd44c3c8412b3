// Network install from a tree URL: the tree's kernel and initrd are fetched on the host into a
// directory pool (curl or wget on the host: the guest's installer fetches from the same place).
import { ApiError } from '../../../shared/api/errors';
import type { NewVmPlan } from '../../../shared/api/wizard';
import { documentRoot } from '../../../shared/xml/document';
import { findChild, getAttr, getText } from '../../../shared/xml/node-ops';
import { parseXml } from '../../../shared/xml/parse';
import type { LiveHost } from '../hosts/host-connection';
import { hostScript, script, words } from '../virsh/quote';

/**
 * Where kernels and initrds live in install trees (virt-install's urldetect knows these and more):
 * Fedora/RHEL-style `images/pxeboot`, Debian and Ubuntu netboot trees, openSUSE's `boot/<arch>/loader`.
 */
export function treeCandidates(arch: string): Array<{ kernel: string; initrd: string }> {
  const deb = arch === 'x86_64' ? 'amd64' : arch === 'aarch64' ? 'arm64' : arch;
  return [
    { kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img' },
    {
      kernel: `main/installer-${deb}/current/images/netboot/debian-installer/${deb}/linux`,
      initrd: `main/installer-${deb}/current/images/netboot/debian-installer/${deb}/initrd.gz`,
    },
    {
      kernel: `current/images/netboot/debian-installer/${deb}/linux`,
      initrd: `current/images/netboot/debian-installer/${deb}/initrd.gz`,
    },
    { kernel: `debian-installer/${deb}/linux`, initrd: `debian-installer/${deb}/initrd.gz` },
    { kernel: `install/vmlinuz`, initrd: `install/initrd.gz` },
    { kernel: `boot/${arch}/loader/linux`, initrd: `boot/${arch}/loader/initrd` },
  ];
}

/** A directory pool's target path. */
export async function dirPoolPath(host: LiveHost, pool: string): Promise<string> {
  const root = documentRoot(parseXml(await host.shell.run(['pool-dumpxml', pool]), 'pool XML'));
  const target = findChild(root, 'target');
  const path = target && findChild(target, 'path');
  if (getAttr(root, 'type') !== 'dir' || !path)
    throw new ApiError(
      'invalid-request',
      `A network install needs a directory pool for its kernel; ${pool} is not one`,
    );
  return getText(path).trim();
}

/** The pool the fetched kernel goes to: the disk's pool, else the install media's, else "default". */
export function kernelPool(plan: NewVmPlan): string {
  if (plan.storage.kind === 'new' || plan.storage.kind === 'volume') return plan.storage.pool;
  return 'default';
}

export function fetchedNames(plan: NewVmPlan): { kernel: string; initrd: string } {
  return { kernel: `${plan.name}-vmlinuz`, initrd: `${plan.name}-initrd` };
}

/**
 * Finds the tree's kernel and initrd and downloads them into `dir` as `names`. Returns the paths.
 * The tree layouts are tried in order; the first whose kernel answers is used.
 */
export async function fetchTreeKernel(
  host: LiveHost,
  url: string,
  arch: string,
  dir: string,
  names: { kernel: string; initrd: string },
  signal: AbortSignal,
): Promise<{ kernel: string; initrd: string }> {
  const base = url.endsWith('/') ? url : `${url}/`;
  const kernelPath = `${dir}/${names.kernel}`;
  const initrdPath = `${dir}/${names.initrd}`;
  const tries = treeCandidates(arch).map(
    (c) =>
      script`if get ${words([base + c.kernel, kernelPath])}; then get ${words([base + c.initrd, initrdPath])} && echo @@ok && exit 0; fi
`,
  );
  const body = script`get() { if command -v curl >/dev/null 2>&1; then curl -fsSL --max-time 600 -o "$2" "$1"; else wget -q -T 60 -O "$2" "$1"; fi; }
${tries}rm -f ${words([kernelPath, initrdPath])}
echo @@none`;
  // The download runs in the background; a watchdog on stdin stops it (and curl) when VirtDesk
  // closes stdin, which it does on Cancel (sshd sends no signal when a channel closes).
  const command = hostScript`exec 3<&0; ( ${body} ) </dev/null & pid=$!; ( cat <&3 >/dev/null; pkill -P $pid 2>/dev/null; kill $pid 2>/dev/null ) >/dev/null 2>&1 & wait $pid`;
  const proc = await host.transport.exec(command);
  let output = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => (output += chunk));
  proc.stderr.resume();
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const stop = () => {
    proc.end();
    setTimeout(() => proc.close(), 2000).unref();
  };
  signal.addEventListener('abort', stop);
  try {
    await Promise.race([proc.exited, aborted]);
    if (signal.aborted) throw new ApiError('cancelled', 'Cancelled while fetching the installer kernel');
    proc.end();
    if (!output.includes('@@ok'))
      throw new ApiError(
        'invalid-request',
        `No installer kernel found under ${url} (tried ${treeCandidates(arch)
          .map((c) => c.kernel)
          .join(', ')})`,
      );
    return { kernel: kernelPath, initrd: initrdPath };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
