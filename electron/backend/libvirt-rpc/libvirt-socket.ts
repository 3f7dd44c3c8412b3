import type { Transport } from '../transport/transport';
import { runToEnd } from '../virsh/one-off-process';
import { hostScript, words } from '../virsh/quote';

/**
 * A libvirt daemon's unix socket for `qemu:///<mode>` as the SSH user sees it (one that user may
 * write to): the session daemon's lives in the user's runtime dir; the modular daemon's (virtqemud)
 * first, then libvirtd's; with `readOnly`, the system daemon's read-only sockets are tried first.
 * Undefined when there is none; a dropped connection rejects.
 */
export async function findLibvirtSocket(
  transport: Transport,
  mode: 'system' | 'session',
  options: { readOnly?: boolean } = {},
): Promise<string | undefined> {
  const names = [
    ...(options.readOnly && mode === 'system' ? ['virtqemud-sock-ro', 'libvirt-sock-ro'] : []),
    'virtqemud-sock',
    'libvirt-sock',
  ];
  const proc = await transport.exec(
    hostScript`if [ ${words([mode])} = session ]; then d="\${XDG_RUNTIME_DIR:-\${XDG_CACHE_HOME:-$HOME/.cache}}/libvirt"; else d=/run/libvirt; fi
for n in ${words(names)}; do s="$d/$n"; if [ -S "$s" ] && [ -w "$s" ]; then printf '%s\\n' "$s"; exit 0; fi; done; exit 3`,
  );
  const { output, code } = await runToEnd(proc);
  if (code === null) throw new Error('The connection dropped while looking for the libvirt socket');
  return code === 0 && output.trim() !== '' ? output.trim() : undefined;
}
