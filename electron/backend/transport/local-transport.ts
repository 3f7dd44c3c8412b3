import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { spawnLocalPty } from './local-pty';
import type { ExecOptions, RemoteProcess, Transport } from './transport';
import { RemoteCommand } from '../virsh/quote';

/** Runs commands on this machine, no SSH: the "local" connection type. */
export class LocalTransport implements Transport {
  readonly kind = 'local' as const;
  private resolveClosed!: (error: Error | undefined) => void;
  readonly closed = new Promise<Error | undefined>((resolve) => (this.resolveClosed = resolve));
  private readonly children = new Set<RemoteProcess>();

  /** `env`: the environment commands run in (default: this process's). */
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async exec(command: RemoteCommand, options: ExecOptions = {}): Promise<RemoteProcess> {
    const line = RemoteCommand.lineOf(command);
    const pty = options.pty ? spawnLocalPty(command, options.pty) : undefined;
    const child = pty?.child ?? spawn('sh', ['-c', line], { stdio: ['pipe', 'pipe', 'pipe'], env: this.env });
    const exited = new Promise<number | null>((resolve) => {
      child.once('close', (code) => resolve(code));
      child.once('error', () => resolve(127));
    });
    child.stdin.on('error', () => undefined);
    const proc: RemoteProcess = {
      stdout: child.stdout,
      stderr: child.stderr,
      stdin: child.stdin,
      write: (data) => child.stdin.write(data),
      end: () => child.stdin.end(),
      close: () => {
        if (child.exitCode === null) child.kill('SIGTERM');
      },
      exited,
      ...(pty ? { resize: (rows: number, cols: number) => pty.resize(rows, cols) } : {}),
      pause: () => child.stdout.pause(),
      resume: () => child.stdout.resume(),
    };
    this.children.add(proc);
    void exited.then(() => this.children.delete(proc));
    return proc;
  }

  connectTcp(host: string, port: number): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => resolve(socket));
      socket.once('error', reject);
    });
  }

  connectUnix(path: string): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const socket = connect({ path }, () => resolve(socket));
      socket.once('error', reject);
    });
  }

  close(): void {
    for (const child of this.children) child.close();
    this.resolveClosed(undefined);
  }
}
