import ssh2, { type AuthenticationType, type Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { PromptBroker } from '../prompts/prompt-broker';
import { authAttempts, type SecretMemory } from './ssh-auth';
import { classifyConnectError } from './connect-errors';
import { fingerprintSha256, keyTypeOf, type HostKeyVerdict, type KnownHosts } from './known-hosts';
import { NetworkDeadline } from './network-deadline';
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
  /** How long the network may stay silent during connect and handshake (never counts a person's time). */
  readyTimeoutMs?: number;
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
    let onError: (error: Error & { level?: string }) => void = () => undefined;
    const deadline = new NetworkDeadline(deps.readyTimeoutMs ?? 20_000, () => {
      const error: Error & { level?: string } = new Error('Timed out while waiting for handshake');
      error.level = 'client-timeout';
      onError(error);
    });
    const prompts = { ask: deps.prompts.ask.bind(deps.prompts) };
    const personPrompts: typeof prompts = {
      ask: (question) => deadline.whilePersonAnswers(() => prompts.ask(question)),
    };
    const attempts = authAttempts(
      {
        hostId: deps.hostId,
        host: endpoint.host,
        user: endpoint.user,
        identityFiles: endpoint.identityFiles,
        identitiesOnly: endpoint.identitiesOnly,
        homeDir: deps.homeDir,
        agentSocket: deps.agentSocket,
        prompts: personPrompts,
        secrets: deps.secrets,
        onCancelled: () => (cancelled = true),
      },
      () => methodsLeft,
    );
    const knownTypes = await deps.knownHosts.knownKeyTypes(endpoint.host, endpoint.port);
    const config: ConnectConfig = {
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.user,
      ...(sock ? { sock } : {}),
      readyTimeout: 0, // ssh2's own timer would run while a person reads a fingerprint: see `deadline`
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      tryKeyboard: true,
      algorithms: { serverHostKey: hostKeyAlgorithmOrder(knownTypes) as never },
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        void checkHostKey(endpoint, key, deps.knownHosts, personPrompts, deps.hostId).then(
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
      onError = (error: Error & { level?: string }) => {
        if (settled) return;
        settled = true;
        deadline.stop();
        client.removeListener('ready', onReady);
        // ssh2 may report more errors while it tears down; an unheard 'error' would crash the app.
        client.on('error', () => undefined);
        if (error.level === 'client-timeout') client.destroy();
        else client.end();
        if (hostKeyProblem) return reject(hostKeyProblem);
        if (cancelled && error.level === 'client-authentication') {
          return reject(new ApiError('auth-cancelled', `Authentication to ${endpoint.host} was cancelled`));
        }
        reject(classifyConnectError(error, endpoint.host, endpoint.port, endpoint.user));
      };
      const onReady = () => {
        if (settled) return;
        settled = true;
        deadline.stop();
        client.removeListener('error', onError);
        resolve(new SshTransport(client, via));
      };
      client.once('error', onError);
      client.once('ready', onReady);
      deadline.start();
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

async function checkHostKey(
  endpoint: SshEndpoint,
  key: Buffer,
  knownHosts: KnownHosts,
  prompts: Pick<PromptBroker, 'ask'>,
  hostId: string,
): Promise<void> {
  const verdict = await knownHosts.verify(endpoint.host, endpoint.port, key);
  const fingerprint = fingerprintSha256(key);
  const where = `${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
  switch (verdict.kind) {
    case 'match':
      return;
    case 'changed':
    case 'revoked':
      throw new ApiError('host-key-changed', changedKeyMessage(where, keyTypeOf(key), fingerprint, verdict));
    case 'unknown': {
      const reply = await prompts.ask({
        hostId,
        kind: 'host-key',
        host: where,
        keyType: keyTypeOf(key),
        fingerprint,
      });
      if (!reply.accepted) {
        throw new ApiError('host-key-rejected', `The host key of ${where} (${fingerprint}) was not trusted`);
      }
      await knownHosts.trust(endpoint.host, endpoint.port, key);
    }
  }
}

/** OpenSSH's "REMOTE HOST IDENTIFICATION HAS CHANGED", with what to do about it. */
function changedKeyMessage(
  where: string,
  keyType: string,
  fingerprint: string,
  verdict: Extract<HostKeyVerdict, { kind: 'changed' | 'revoked' }>,
): string {
  const head = `WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for ${where}: it presented ${keyType} ${fingerprint}`;
  const mitm =
    'Someone could be intercepting the connection (man-in-the-middle), or the host was reinstalled. ' +
    'VirtDesk refused to connect and sent no credentials.';
  if (verdict.kind === 'revoked') {
    return `${head}, a key marked @revoked in ${verdict.file}:${verdict.line}. ${mitm} A revoked key is never accepted.`;
  }
  const recorded =
    verdict.knownType === keyType
      ? `another ${verdict.knownType} key is recorded`
      : `the recorded key is of another type (${verdict.knownType})`;
  return (
    `${head}, but ${recorded} in ${verdict.file}:${verdict.line}. ${mitm} ` +
    `If you have checked with the host's administrator that its key really changed, remove the old key ` +
    `with: ssh-keygen -R '${verdict.name}' -f '${verdict.file}' — then connect again and compare the new fingerprint.`
  );
}
