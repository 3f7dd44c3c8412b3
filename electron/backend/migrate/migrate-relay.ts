import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { LiveHost } from '../hosts/host-connection';
import { findLibvirtSocket } from '../libvirt-rpc/libvirt-socket';
import type { Transport } from '../transport/transport';
import { runToEnd } from '../virsh/one-off-process';
import { hostScript, script, words, type ShellText } from '../virsh/quote';
import { RelayPipes } from './relay-pipes';

export type LibvirtMode = 'system' | 'session';

/** The relay's socket on the source: in a fresh 0700 directory of the source user's runtime dir. */
const RELAY_DIR_PATTERN = /^\/[A-Za-z0-9_./-]*\/vd-relay\.[A-Za-z0-9]+$/;
/** sun_path holds 108 bytes with its NUL; OpenSSH refuses longer paths. */
const MAX_SOCKET_PATH = 100;

/**
 * A relay of libvirt's connection through the desktop, for a migration whose source cannot reach the
 * destination by itself: the source host listens on a unix socket in a new 0700 directory of its
 * SSH user (an OpenSSH streamlocal forward on the desktop's connection to it), and every connection
 * the source's libvirt makes there is piped, through the desktop, into the destination's libvirt
 * socket over the desktop's connection to the destination. Only that user (and root) can open the
 * socket; once closed, the host stops listening, the directory is removed and any late connection is
 * refused.
 */
export interface Relay {
  /** The destination as the source's libvirt reaches it: `qemu+unix:///<mode>?socket=…`. */
  readonly uri: string;
  /** The socket on the source host. */
  readonly socketPath: string;
  /** Connections relayed so far. */
  connections(): number;
  /** Stops listening, cuts every relayed connection and removes the directory (idempotent). */
  close(): Promise<void>;
}

/** Runs a short script on its own channel; its stdout on success, else an error with what it said. */
export async function hostOutput(transport: Transport, body: ShellText, what: string): Promise<string> {
  const { output, code } = await runToEnd(await transport.exec(hostScript`${body} 2>&1`));
  if (code === 0) return output.trim();
  if (code === null) throw new ApiError('connection-lost', `The connection dropped while ${what}`);
  throw new ApiError('virsh-error', `${what} failed: ${output.trim() || `exit code ${code}`}`);
}

/** The destination's libvirt socket for a `qemu:///<mode>` connection (`findLibvirtSocket`). */
export async function libvirtSocket(transport: Transport, mode: LibvirtMode): Promise<string> {
  const found = await findLibvirtSocket(transport, mode).catch((error: Error) => {
    throw new ApiError('connection-lost', error.message);
  });
  if (!found)
    throw new ApiError('virsh-error', "Looking for the destination's libvirt socket failed: there is none");
  return found;
}

/** `socket=` value for a libvirt URI (its query is percent-decoded). */
const uriPath = (path: string) => encodeURIComponent(path).replace(/%2F/g, '/');

/** The `socket=` a connection URI names (e.g. `qemu:///session?socket=/run/user/1002/libvirt/libvirt-sock`), if any. */
export function uriSocket(uri: string): string | undefined {
  const query = /\?(.*)$/.exec(uri)?.[1];
  const socket = query ? new URLSearchParams(query).get('socket') : null;
  return socket?.startsWith('/') ? socket : undefined;
}

/**
 * `destSocket`: the destination's libvirt socket when its connection names one (`socket=`), else
 * the usual one for `mode` is looked for there.
 */
export async function openRelay(
  source: LiveHost,
  dest: LiveHost,
  mode: LibvirtMode,
  destSocketNamed?: string,
): Promise<Relay> {
  const listen = source.transport.listenUnix?.bind(source.transport);
  if (!listen)
    throw new ApiError(
      'invalid-request',
      'The relay through this desktop needs an SSH connection to the source host.',
    );
  // Both at once (one round trip less before the migration starts).
  const [socketFound, dirMade] = await Promise.allSettled([
    destSocketNamed ?? libvirtSocket(dest.transport, mode),
    hostOutput(
      source.transport,
      script`umask 077; mktemp -d "\${XDG_RUNTIME_DIR:-/tmp}/vd-relay.XXXXXXXX"`,
      'making the relay directory on the source',
    ),
  ]);
  const dir = dirMade.status === 'fulfilled' ? dirMade.value : '';
  const removeDir = () =>
    hostOutput(source.transport, script`rm -rf -- ${words([dir])}`, 'removing the relay directory').catch(
      () => undefined,
    );
  if (socketFound.status === 'rejected' || dirMade.status === 'rejected') {
    if (RELAY_DIR_PATTERN.test(dir)) await removeDir();
    throw socketFound.status === 'rejected' ? socketFound.reason : (dirMade as PromiseRejectedResult).reason;
  }
  const destSocket = socketFound.value;
  if (!RELAY_DIR_PATTERN.test(dir) || dir.length + '/libvirt-sock'.length > MAX_SOCKET_PATH) {
    if (RELAY_DIR_PATTERN.test(dir)) await removeDir();
    throw new ApiError(
      'invalid-request',
      `The source host's runtime directory gives an unusable path: ${dir}`,
    );
  }
  const socketPath = `${dir}/libvirt-sock`;
  const pipes = new RelayPipes();
  let count = 0;
  const onConnection = (inbound: Duplex) => {
    if (!pipes.closed) count++;
    pipes.pipe(inbound, () => dest.transport.connectUnix(destSocket));
  };
  let listener;
  try {
    listener = await listen(socketPath, onConnection);
  } catch (error) {
    await removeDir();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    uri: `qemu+unix:///${mode}?socket=${uriPath(socketPath)}`,
    socketPath,
    connections: () => count,
    close: () =>
      (closing ??= (async () => {
        pipes.cutAll();
        // Both at once: once the directory is gone nobody can reach the socket, whether or not sshd
        // has stopped listening on it yet.
        await Promise.all([listener.close(), removeDir()]);
      })()),
  };
}

/**
 * Whether the source host's own libvirt client reaches `uri` (what peer-to-peer needs): a bounded
 * `virsh -c URI uri` run there as the SSH user, stdin closed so no prompt can wait. The reason when not.
 */
export async function sourceReaches(
  source: LiveHost,
  uri: string,
  timeoutSeconds = 15,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const virsh = words(['virsh', '-q', '-c', uri, 'uri']);
  const { output, code } = await runToEnd(
    await source.transport.exec(hostScript`exec timeout -k 2 ${timeoutSeconds} ${virsh} </dev/null 2>&1`),
  );
  if (code === 0) return { ok: true };
  const said = output
    .split('\n')
    .map((l) => l.replace(/^error: /, '').trim())
    .filter(Boolean)
    .join(' ');
  return {
    ok: false,
    reason:
      code === 124 || code === 137 ? `no answer within ${timeoutSeconds} s` : said || `exit code ${code}`,
  };
}
