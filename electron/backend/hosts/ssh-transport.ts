import ssh2, { type AuthenticationType, type Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { PromptBroker } from '../prompts/prompt-broker';
import { authAttempts, type SecretMemory } from './ssh-auth';
import { classifyConnectError } from './connect-errors';
import { fingerprintSha256, keyTypeOf, type KnownHosts } from './known-hosts';
import type { ExecOptions, RemoteProcess, Transport } from './transport';

export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
  identitiesOnly: boolean;
}

export interface SshDeps {
  hostId: string;
  knownHosts: KnownHosts;
  prompts: PromptBroker;
  secrets: SecretMemory;
  homeDir: string;
  agentSocket: string | undefined;
  readyTimeoutMs?: number;
}

/** One SSH connection (ssh2) that carries every channel to a host. */
export class SshTransport implements Transport {
  readonly kind = 'ssh' as const;
  readonly closed: Promise<Error | undefined>;

  private constructor(
    private readonly client: Client,
    private readonly via: SshTransport | undefined,
  ) {
    this.closed = new Promise((resolve) => {
      let lastError: Error | undefined;
      client.on('error', (error) => (lastError = error));
      client.once('close', () => resolve(lastError ?? new Error('The SSH connection closed')));
    });
  }

  /** Connects through `jumps` (outermost first) to `target`, verifying every host key before any credential. */
  static async connect(target: SshEndpoint, jumps: SshEndpoint[], deps: SshDeps): Promise<SshTransport> {
    let via: SshTransport | undefined;
    try {
      for (const hop of jumps) via = await SshTransport.connectOne(hop, via, deps);
      return await SshTransport.connectOne(target, via, deps);
    } catch (error) {
      via?.close();
      throw error;
    }
  }

  private static async connectOne(
    endpoint: SshEndpoint,
    via: SshTransport | undefined,
    deps: SshDeps,
  ): Promise<SshTransport> {
    const sock = via ? await via.connectTcp(endpoint.host, endpoint.port) : undefined;
    const client = new ssh2.Client();
    let hostKeyProblem: ApiError | undefined;
    let cancelled = false;
    let methodsLeft: AuthenticationType[] | null = null;
    const attempts = authAttempts(
      {
        hostId: deps.hostId,
        host: endpoint.host,
        user: endpoint.user,
        identityFiles: endpoint.identityFiles,
        identitiesOnly: endpoint.identitiesOnly,
        homeDir: deps.homeDir,
        agentSocket: deps.agentSocket,
        prompts: deps.prompts,
        secrets: deps.secrets,
        onCancelled: () => (cancelled = true),
      },
      () => methodsLeft,
    );
    const config: ConnectConfig = {
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.user,
      ...(sock ? { sock } : {}),
      readyTimeout: deps.readyTimeoutMs ?? 20_000,
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      tryKeyboard: true,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        void checkHostKey(endpoint, key, deps).then(
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
      const onError = (error: Error & { level?: string }) => {
        client.removeListener('ready', onReady);
        // ssh2 may report more errors while it tears down; an unheard 'error' would crash the app.
        client.on('error', () => undefined);
        client.end();
        if (hostKeyProblem) return reject(hostKeyProblem);
        if (cancelled && error.level === 'client-authentication') {
          return reject(new ApiError('auth-cancelled', `Authentication to ${endpoint.host} was cancelled`));
        }
        reject(classifyConnectError(error, endpoint.host, endpoint.port, endpoint.user));
      };
      const onReady = () => {
        client.removeListener('error', onError);
        resolve(new SshTransport(client, via));
      };
      client.once('error', onError);
      client.once('ready', onReady);
      client.connect(config);
    });
  }

  exec(command: string, options: ExecOptions = {}): Promise<RemoteProcess> {
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
      this.client.exec(command, opts, (error, channel) => {
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

  close(): void {
    this.client.end();
    this.via?.close();
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
    write: (data) => channel.write(data),
    end: () => channel.end(),
    close: () => channel.close(),
    exited,
    ...(pty ? { resize: (rows: number, cols: number) => channel.setWindow(rows, cols, 0, 0) } : {}),
    pause: () => channel.pause(),
    resume: () => channel.resume(),
  };
}

async function checkHostKey(endpoint: SshEndpoint, key: Buffer, deps: SshDeps): Promise<void> {
  const verdict = await deps.knownHosts.verify(endpoint.host, endpoint.port, key);
  const fingerprint = fingerprintSha256(key);
  const where = `${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
  switch (verdict.kind) {
    case 'match':
      return;
    case 'changed':
    case 'revoked':
      throw new ApiError(
        'host-key-changed',
        `WARNING: the host key of ${where} has changed (now ${keyTypeOf(key)} ${fingerprint}; ` +
          `${verdict.kind === 'revoked' ? 'this key is marked @revoked' : 'another key is recorded'} in ` +
          `${verdict.file}:${verdict.line}). Someone could be intercepting the connection (man-in-the-middle), ` +
          `or the host was reinstalled. VirtDesk refused to connect and sent no credentials.`,
      );
    case 'unknown': {
      const reply = await deps.prompts.ask({
        hostId: deps.hostId,
        kind: 'host-key',
        host: where,
        keyType: keyTypeOf(key),
        fingerprint,
      });
      if (!reply.accepted) {
        throw new ApiError('host-key-rejected', `The host key of ${where} (${fingerprint}) was not trusted`);
      }
      await deps.knownHosts.trust(endpoint.host, endpoint.port, key);
    }
  }
}
