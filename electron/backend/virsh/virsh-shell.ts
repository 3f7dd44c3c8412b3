import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { deferredProcess } from '../transport/deferred-process';
import type { RemoteProcess, Transport } from '../transport/transport';
import { hostScript, virshLine, words } from './quote';
import { markerCommand, VirshFramer, type VirshReply } from './virsh-framer';

const VIRSH_MISSING_EXIT = 127;

/**
 * One long-lived `virsh` process per host: commands go to its stdin, each followed by an echo
 * marker; replies are split by VirshFramer. Commands are pipelined (written at once, answered in
 * order), which keeps a 200-domain XML read to one round trip's worth of latency.
 *
 * A command's time limit counts from when virsh starts it (when the reply before it is complete),
 * not from when it was queued: a quick command behind a slow one waits for it without timing out.
 */
export class VirshShell {
  private readonly framer = new VirshFramer();
  /** The time limits of written commands, in reply order; only the first one's clock runs. */
  private readonly clocks: Array<{ start(): void; stop(): void }> = [];
  private dead: ApiError | undefined;
  /** A deferred start (see `start`'s `startWhen`): the first command after `uri` starts virsh. */
  private startNow: (() => void) | undefined;
  readonly exited: Promise<ApiError>;

  private constructor(private readonly proc: RemoteProcess) {
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => this.framer.push(chunk));
    proc.stderr.on('data', () => undefined);
    this.exited = proc.exited.then((code) => {
      const error =
        code === VIRSH_MISSING_EXIT
          ? new ApiError('virsh-missing', 'virsh is not installed on the host (install libvirt-clients)')
          : new ApiError(
              'connection-lost',
              `The virsh session ended${code === null ? '' : ` (exit code ${code})`}`,
            );
      this.fail(error);
      return error;
    });
  }

  /** Starts virsh for `uri` over `transport` and checks that libvirt answers. */
  static async open(transport: Transport, uri: string): Promise<VirshShell> {
    const { shell, ready } = await VirshShell.start(transport, uri);
    await ready;
    return shell;
  }

  /**
   * Starts virsh for `uri` and returns at once, before libvirt has answered: commands written now
   * are pipelined behind the `uri` check (no round trip spent waiting for it). `ready` settles with
   * that check: it rejects with `virsh-missing` / `libvirt-unreachable`, and then every command
   * written before it fails too.
   */
  static async start(
    transport: Transport,
    uri: string,
    options: { startWhen?: Promise<unknown> } = {},
  ): Promise<{ shell: VirshShell; ready: Promise<void> }> {
    const virsh = words(['virsh', '-q', '-c', uri]);
    // Without TERM, readline redraws a line wider than 80 columns; no line of ours is this wide.
    const exec = () =>
      transport.exec(
        hostScript`command -v virsh >/dev/null 2>&1 || { echo 'virsh: command not found' >&2; exit ${VIRSH_MISSING_EXIT}; }; COLUMNS=1000000; export COLUMNS; exec ${virsh} 2>&1`,
      );
    // startWhen: virsh starts when it settles, or at the first command written (after `uri`).
    const deferred = options.startWhen ? deferredProcess(exec) : undefined;
    const proc = deferred ? deferred.process : await exec();
    void options.startWhen?.then(deferred?.open, deferred?.open);
    const shell = new VirshShell(proc);
    let startupOutput = '';
    const collect = (chunk: string) => {
      if (startupOutput.length < 4096) startupOutput += chunk;
    };
    proc.stdout.on('data', collect);
    const ready = shell.run(['uri']).then(
      () => {
        proc.stdout.off('data', collect);
      },
      async (error: unknown) => {
        const ended = await Promise.race([shell.exited, delay(2000).then(() => undefined)]);
        if (ended?.code === 'virsh-missing') throw ended;
        const said = startupOutput.replace(/virsh [#>] /g, '').trim();
        throw new ApiError(
          'libvirt-unreachable',
          said || (error instanceof Error ? error.message : String(error)),
        );
      },
    );
    ready.catch(() => undefined); // the caller awaits it; commands written meanwhile fail with it
    shell.startNow = deferred?.open;
    return { shell, ready };
  }

  /** Runs one virsh command (argv, each word quoted) and returns its output; virsh errors reject. */
  run(argv: readonly string[], timeoutMs = 120_000): Promise<string> {
    return this.runRaw(argv, timeoutMs).then((reply) => {
      if (reply.ok) return reply.output;
      throw classifyVirshError(reply.error);
    });
  }

  runRaw(argv: readonly string[], timeoutMs = 120_000): Promise<VirshReply> {
    if (this.dead) return Promise.reject(this.dead);
    this.startNow?.();
    const line = virshLine(argv);
    const nonce = randomBytes(12).toString('hex');
    const marker = markerCommand(`vd${nonce.slice(0, 12)}`, nonce.slice(12));
    return new Promise<VirshReply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const clock = {
        start: () => {
          timer = setTimeout(() => {
            const error = new ApiError(
              'connection-lost',
              `virsh did not answer "${argv[0]}" within ${timeoutMs} ms`,
            );
            this.fail(error);
            this.proc.close();
            reject(error);
          }, timeoutMs);
        },
        stop: () => clearTimeout(timer),
      };
      this.clocks.push(clock);
      if (this.clocks.length === 1) clock.start();
      this.framer.expect(line, marker, (reply) => {
        clock.stop();
        if (this.clocks[0] === clock) {
          this.clocks.shift();
          this.clocks[0]?.start(); // virsh now works on the next command
        }
        if (this.dead && reply.output === '' && !reply.ok) reject(this.dead);
        else resolve(reply);
      });
      this.proc.write(`${line}\n${marker.line}\n`);
    });
  }

  get alive(): boolean {
    return !this.dead;
  }

  close(): void {
    this.fail(new ApiError('not-connected', 'The connection was closed'));
    this.proc.end();
    this.proc.close();
  }

  private fail(error: ApiError): void {
    if (this.dead) return;
    this.dead = error;
    for (const clock of this.clocks.splice(0)) clock.stop();
    for (const resolve of this.framer.takePending()) resolve({ ok: false, output: '', error: error.message });
  }
}

export function classifyVirshError(message: string): ApiError {
  if (/failed to get domain|Domain not found/i.test(message))
    return new ApiError('domain-not-found', message);
  return new ApiError('virsh-error', message);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
