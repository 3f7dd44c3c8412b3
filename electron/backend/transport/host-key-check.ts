import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { PromptBroker } from '../prompts/prompt-broker';
import {
  fingerprintSha256,
  keyTypeOf,
  knownHostsName,
  type HostKeyVerdict,
  type KnownHosts,
} from './known-hosts';
import type { SshEndpoint } from './ssh-endpoint';

export interface HostKeyDeps {
  hostId: string;
  /** VirtDesk's own known_hosts (writable); the endpoint's UserKnownHostsFile list is read too. */
  knownHosts: KnownHosts;
  prompts: Pick<PromptBroker, 'ask'>;
  homeDir: string;
}

/** The known_hosts files one endpoint is checked against: VirtDesk's own and its UserKnownHostsFile list. */
export function hostKeyStore(
  endpoint: SshEndpoint,
  deps: Pick<HostKeyDeps, 'knownHosts' | 'homeDir'>,
): KnownHosts {
  return deps.knownHosts.withReadOnly(
    endpoint.knownHostsFiles ?? [join(deps.homeDir, '.ssh', 'known_hosts')],
  );
}

/** The name looked up in known_hosts: the HostKeyAlias, else `host` or `[host]:port`. */
export function hostKeyName(endpoint: SshEndpoint): string {
  return endpoint.hostKeyAlias ?? knownHostsName(endpoint.host, endpoint.port);
}

/**
 * Checks the server's key before any credential is sent. Known → go on; changed or @revoked →
 * refuse (whatever StrictHostKeyChecking says); unknown → ask (default), refuse (`yes`), or
 * record it without asking (`accept-new`; `no`/`off` are treated the same).
 */
export async function checkHostKey(
  endpoint: SshEndpoint,
  key: Buffer,
  store: KnownHosts,
  deps: Pick<HostKeyDeps, 'hostId' | 'prompts'>,
): Promise<void> {
  const name = hostKeyName(endpoint);
  const verdict = await store.verifyName(name, key);
  const fingerprint = fingerprintSha256(key);
  const where = `${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
  const named = endpoint.hostKeyAlias ? `${where} (known as ${endpoint.hostKeyAlias})` : where;
  switch (verdict.kind) {
    case 'match':
      return;
    case 'changed':
    case 'revoked':
      throw new ApiError('host-key-changed', changedKeyMessage(named, keyTypeOf(key), fingerprint, verdict));
    case 'unknown': {
      const policy = endpoint.hostKeyPolicy ?? 'ask';
      if (policy === 'yes') {
        throw new ApiError(
          'host-key-unknown',
          `The host key of ${named} (${keyTypeOf(key)} ${fingerprint}) is not in known_hosts, and ` +
            `StrictHostKeyChecking is yes in your SSH configuration: VirtDesk refused to connect without asking.`,
        );
      }
      if (policy === 'ask') {
        const reply = await deps.prompts.ask({
          hostId: deps.hostId,
          kind: 'host-key',
          host: named,
          keyType: keyTypeOf(key),
          fingerprint,
        });
        if (!reply.accepted) {
          throw new ApiError(
            'host-key-rejected',
            `The host key of ${named} (${fingerprint}) was not trusted`,
          );
        }
      }
      await store.trustName(name, key);
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
