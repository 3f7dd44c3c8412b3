import ssh2, { type AuthenticationType, type Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { isIP } from 'node:net';
import type { Duplex, Readable, Writable } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import { authAttempts } from './ssh-auth';
import type { SecretStore } from '../secrets/secret-store';
import { classifyConnectError } from './connect-errors';
import { checkHostKey, hostKeyName, hostKeyStore, type HostKeyDeps } from './host-key-check';
import { NetworkDeadline } from './network-deadline';
import { proxyFailure, startProxyCommand, type ProxyProcess } from './proxy-command';
import type { SshEndpoint } from './ssh-endpoint';
import type { PromptBroker } from '../prompts/prompt-broker';
import type { ExecOptions, RemoteListener, RemoteProcess, RemoteTcpListener, Transport } from './transport';
import { RemoteCommand } from '../virsh/quote';

export type { SshEndpoint } from './ssh-endpoint';

export interface SshDeps extends Omit<HostKeyDeps, 'prompts'> {
  prompts: PromptBroker;
  secrets: SecretStore;
  /** SSH_AUTH_SOCK as VirtDesk started with it (an endpoint's IdentityAgent may say otherwise). */
  agentSocket: string | undefined;
  /**
   * How long the network may stay silent during connect and handshake (never counts a person's
   * time), unless the endpoint's ConnectTimeout says otherwise.
   */
  readyTimeoutMs?: number;
  /** Environment for ProxyCommand and ${VAR} in the configuration (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** ssh2's host key algorithms (with Ed25519), in its own order of preference. */
const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Known key types first (OpenSSH does the same): a server with several host keys shows the known one. */
export function hostKeyAlgorithmOrder(knownTypes: readonly string[]): string[] {
  const keyTypeOfAlgorithm = (a: string) => (a.startsWith('rsa-sha2-') ? 'ssh-rsa' : a);
  const known = HOST_KEY_ALGORITHMS.filter((a) => knownTypes.includes(keyTypeOfAlgorithm(a)));
  return [...known, ...HOST_KEY_ALGORITHMS.filter((a) => !known.includes(a))];
}

/** One SSH connection (ssh2) that carries every channel to a host. */
export class SshTransport implements Transport {
  readonly kind = 'ssh' as const;
  readonly closed: Promise<Error | undefined>;
  /** The unix sockets this connection listens on (listenUnix): their path → who takes connections. */
  private readonly unixListeners = new Map<string, (stream: Duplex) => void>();
  /** The TCP ports this connection listens on (listenTcp): `address:port` → who decides on connections. */
  private readonly tcpListeners = new Map<string, Parameters<NonNullable<Transport['listenTcp']>>[1]>();

  private constructor(
    private readonly client: Client,
    private readonly via: SshTransport | undefined,
    private readonly proxy: ProxyProcess | undefined,
  ) {
    this.closed = new Promise((resolve) => {
      let lastError: Error | undefined;
      client.on('error', (error) => (lastError = error));
      client.once('close', () => {
        proxy?.kill();
        resolve(lastError ?? new Error('The SSH connection closed'));
      });
    });
  }

  /**
   * Connects to `target`: through its ProxyJump hops (each an SSH connection tunnelling the next),
   * through its ProxyCommand, or directly. Every host key is verified before any credential.
   */
  static async connect(target: SshEndpoint, deps: SshDeps): Promise<SshTransport> {
    let via: SshTransport | undefined;
    let proxy: ProxyProcess | undefined;
    try {
      let sock: Duplex | undefined;
      if (target.via) {
        via = await SshTransport.connect(target.via, deps);
        sock = await via.connectTcp(target.host, target.port);
      } else if (target.proxyCommand) {
        proxy = startProxyCommand(target.proxyCommand, deps.env ?? process.env);
        sock = proxy.stream;
      }
      return await SshTransport.connectOne(target, { sock, via, proxy }, deps);
    } catch (error) {
      via?.close();
      proxy?.kill();
      throw error;
    }
  }

  private static async connectOne(
    endpoint: SshEndpoint,
    path: { sock: Duplex | undefined; via: SshTransport | undefined; proxy: ProxyProcess | undefined },
    deps: SshDeps,
  ): Promise<SshTransport> {
    const { sock, via, proxy } = path;
    const literal = isIP(endpoint.host);
    if (!sock && endpoint.family && literal && literal !== endpoint.family) {
      // As ssh: an address of the other family cannot be reached at all.
      throw new ApiError(
        'connect-dns',
        `Cannot connect to ${endpoint.host}: AddressFamily ${endpoint.family === 6 ? 'inet6' : 'inet'} ` +
          `in your SSH configuration excludes IPv${literal} addresses`,
      );
    }
    const client = new ssh2.Client();
    let hostKeyProblem: ApiError | undefined;
    let cancelled = false;
    let answered = false;
    let methodsLeft: AuthenticationType[] | null = null;
    let onError: (error: Error & { level?: string }) => void = () => undefined;
    // ConnectTimeout (seconds; none = no limit) replaces VirtDesk's default network deadline.
    const deadlineMs =
      endpoint.connectTimeoutMs === undefined
        ? (deps.readyTimeoutMs ?? 20_000)
        : (endpoint.connectTimeoutMs ?? 0);
    const deadline = new NetworkDeadline(deadlineMs, () => {
      const error: Error & { level?: string } = new Error(
        `Timed out after ${Math.round(deadlineMs / 1000)} s waiting for the SSH server`,
      );
      error.level = 'client-timeout';
      onError(error);
    });
    const personPrompts: Pick<SshDeps['prompts'], 'ask'> = {
      ask: (question) => deadline.whilePersonAnswers(() => deps.prompts.ask(question)),
    };
    const agent = endpoint.agent === undefined ? deps.agentSocket : (endpoint.agent ?? undefined);
    const attempts = authAttempts(
      {
        hostId: deps.hostId,
        host: endpoint.host,
        user: endpoint.user,
        identityFiles: endpoint.identityFiles,
        identitiesOnly: endpoint.identitiesOnly,
        identityFilesRequired: endpoint.identityFilesRequired ?? true,
        homeDir: deps.homeDir,
        agentSocket: agent,
        prompts: personPrompts,
        secrets: deps.secrets,
        onCancelled: () => (cancelled = true),
      },
      () => methodsLeft,
    );
    const store = hostKeyStore(endpoint, deps);
    const knownTypes = await store.knownKeyTypesOf(hostKeyName(endpoint));
    const config: ConnectConfig = {
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.user,
      ...(sock ? { sock } : {}),
      ...(endpoint.family === 4 ? { forceIPv4: true } : endpoint.family === 6 ? { forceIPv6: true } : {}),
      ...(endpoint.bindAddress ? { localAddress: endpoint.bindAddress } : {}),
      readyTimeout: 0, // ssh2's own timer would run while a person reads a fingerprint: see `deadline`
      keepaliveInterval: endpoint.keepaliveIntervalMs ?? 10_000,
      keepaliveCountMax: endpoint.keepaliveCountMax ?? 3,
      tryKeyboard: true,
      algorithms: { serverHostKey: hostKeyAlgorithmOrder(knownTypes) as never },
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        answered = true;
        void checkHostKey(endpoint, key, store, { hostId: deps.hostId, prompts: personPrompts }).then(
          () => verify(true),
          (error: ApiError) => {
            hostKeyProblem = error;
            verify(false);
          },
        );
      },
      authHandler: (left, _partial, nextMethod) => {
        methodsLeft = left;
        // ssh2 accepts `false` for "no more methods", which its typings omit.
        const next = nextMethod as (method: unknown) => void;
        attempts.next().then(
          (step) => next(step.done ? false : step.value),
          () => next(false),
        );
      },
    };
    return new Promise<SshTransport>((resolve, reject) => {
      let settled = false;
      const fail = (problem: ApiError) => reject(problem);
      onError = (error: Error & { level?: string }) => {
        if (settled) return;
        settled = true;
        deadline.stop();
        client.removeListener('ready', onReady);
        // ssh2 may report more errors while it tears down; an unheard 'error' would crash the app.
        client.on('error', () => undefined);
        if (error.level === 'client-timeout') client.destroy();
        else client.end();
        if (hostKeyProblem) return fail(hostKeyProblem);
        if (cancelled && error.level === 'client-authentication') {
          return fail(new ApiError('auth-cancelled', `Authentication to ${endpoint.host} was cancelled`));
        }
        const problem =
          error.level === 'client-timeout'
            ? new ApiError('connect-timeout', `${error.message} at ${endpoint.host}:${endpoint.port}`)
            : classifyConnectError(error, endpoint.host, endpoint.port, endpoint.user);
        if (proxy && !answered) {
          // The command's own words say more than "connection lost" (bounded wait for its exit).
          void proxyFailure(proxy, endpoint).then((failure) => fail(failure ?? problem));
          return;
        }
        fail(problem);
      };
      const onReady = () => {
        if (settled) return;
        settled = true;
        deadline.stop();
        client.removeListener('error', onError);
        resolve(new SshTransport(client, via, proxy));
      };
      client.once('error', onError);
      client.once('ready', onReady);
      deadline.start();
      client.connect(config);
      // No Nagle: SSH is request/answer, and a small packet written while the last one is not yet
      // acknowledged waited for the host's delayed ACK — 40 ms at login (after NEWKEYS) and at
      // random channel opens. (No effect where the path is a jump host's channel or a command.)
      client.setNoDelay(true);
    });
  }

  exec(command: RemoteCommand, options: ExecOptions = {}): Promise<RemoteProcess> {
    const line = RemoteCommand.lineOf(command);
    return new Promise((resolve, reject) => {
      const opts = options.pty
        ? {
            pty: {
              rows: options.pty.rows,
              cols: options.pty.cols,
              term: options.pty.term ?? 'xterm-256color',
            },
          }
        : {};
      this.client.exec(line, opts, (error, channel) => {
        if (error)
          return reject(new ApiError('connection-lost', `Cannot open an SSH channel: ${error.message}`));
        resolve(channelProcess(channel, Boolean(options.pty)));
      });
    });
  }

  connectTcp(host: string, port: number): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      this.client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
        if (error)
          return reject(
            new ApiError('connect-refused', `The host cannot reach ${host}:${port}: ${error.message}`),
          );
        resolve(channel);
      });
    });
  }

  connectUnix(path: string): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      this.client.openssh_forwardOutStreamLocal(path, (error, channel) => {
        if (error)
          return reject(new ApiError('connect-refused', `The host cannot open ${path}: ${error.message}`));
        resolve(channel);
      });
    });
  }

  listenUnix(path: string, onConnection: (stream: Duplex) => void): Promise<RemoteListener> {
    if (this.unixListeners.has(path)) throw new Error(`Already listening on ${path}`);
    if (this.unixListeners.size === 0 && this.client.listenerCount('unix connection') === 0) {
      // One dispatcher for every forward of this connection: a path nobody listens on (any more) is refused.
      this.client.on('unix connection', (info, accept, reject) => {
        const take = this.unixListeners.get(info.socketPath);
        if (take) take(accept());
        else reject();
      });
    }
    this.unixListeners.set(path, onConnection);
    return new Promise((resolve, reject) => {
      this.client.openssh_forwardInStreamLocal(path, (error) => {
        if (error) {
          this.unixListeners.delete(path);
          return reject(
            new ApiError('connect-refused', `The host refused to listen on ${path}: ${error.message}`),
          );
        }
        resolve({
          close: () => {
            this.unixListeners.delete(path);
            const unbound = new Promise<void>((done) => {
              try {
                this.client.openssh_unforwardInStreamLocal(path, () => done());
              } catch {
                done(); // the connection is already gone, and the host's listener with it
              }
            });
            return Promise.race([unbound, this.closed.then(() => undefined)]);
          },
        });
      });
    });
  }

  listenTcp(
    address: string,
    onConnection: Parameters<NonNullable<Transport['listenTcp']>>[1],
  ): Promise<RemoteTcpListener> {
    if (this.client.listenerCount('tcp connection') === 0) {
      // One dispatcher for every TCP forward of this connection: a port nobody listens on (any more),
      // or a connection its listener does not want, is refused.
      this.client.on('tcp connection', (info, accept, reject) => {
        const decide = this.tcpListeners.get(`${info.destIP}:${info.destPort}`);
        const take = decide?.({ address: info.srcIP, port: info.srcPort });
        if (take) take(accept());
        else reject();
      });
    }
    return new Promise((resolve, reject) => {
      this.client.forwardIn(address, 0, (error, port) => {
        if (error)
          return reject(
            new ApiError('connect-refused', `The host refused to listen on ${address}: ${error.message}`),
          );
        const key = `${address}:${port}`;
        this.tcpListeners.set(key, onConnection);
        resolve({
          port,
          close: () => {
            this.tcpListeners.delete(key);
            const unbound = new Promise<void>((done) => {
              try {
                this.client.unforwardIn(address, port, () => done());
              } catch {
                done(); // the connection is already gone, and the host's listener with it
              }
            });
            return Promise.race([unbound, this.closed.then(() => undefined)]);
          },
        });
      });
    });
  }

  gatherWritesWhileReading(from: Readable): void {
    // ssh2 writes each SSH packet to its socket as it is made (a relayed 64 KiB read becomes two or
    // three writes of 32 KiB); corked until the end of the tick, Node hands them over in one writev.
    // `_sock` is ssh2's own (not in its types): the TCP socket, or the ProxyJump channel / ProxyCommand
    // stream the connection runs over — any Writable.
    const sock = (this.client as unknown as { _sock?: Writable })._sock;
    if (!sock) return;
    let corked = false;
    from.on('data', () => {
      if (corked) return;
      corked = true;
      sock.cork();
      process.nextTick(() => {
        corked = false;
        sock.uncork();
      });
    });
  }

  close(): void {
    this.client.end();
    this.via?.close();
    this.proxy?.kill();
  }
}

function channelProcess(channel: ClientChannel, pty: boolean): RemoteProcess {
  const exited = new Promise<number | null>((resolve) => {
    let code: number | null = null;
    channel.once('exit', (c: number | null) => (code = typeof c === 'number' ? c : null));
    channel.once('close', () => resolve(code));
  });
  channel.on('error', () => undefined);
  return {
    stdout: channel,
    stderr: channel.stderr,
    stdin: channel,
    write: (data) => channel.write(data),
    end: () => channel.end(),
    close: () => channel.close(),
    exited,
    ...(pty ? { resize: (rows: number, cols: number) => channel.setWindow(rows, cols, 0, 0) } : {}),
    pause: () => channel.pause(),
    resume: () => channel.resume(),
  };
}
