import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { PromptBroker } from '../prompts/prompt-broker';
import { fingerprintSha256, keyTypeOf, knownHostsName, type KnownHosts } from './known-hosts';
import type { SshEndpoint } from './ssh-endpoint';

export interface HostKeyDeps {
  hostId: string;
  /** VirtDesk's own known_hosts (writable); the endpoint's UserKnownHostsFile list is read too. */
  knownHosts: KnownHosts;
  prompts: PromptBroker;
  homeDir: string;
}

/**
 * Checks the server's key before any credential is sent. Known → go on; changed or @revoked →
 * refuse (whatever StrictHostKeyChecking says); unknown → ask (default), refuse (`yes`), or
 * record it without asking (`accept-new`; `no`/`off` are treated the same).
 */
export async function checkHostKey(endpoint: SshEndpoint, key: Buffer, deps: HostKeyDeps): Promise<void> {
  const userFiles = endpoint.knownHostsFiles ?? [join(deps.homeDir, '.ssh', 'known_hosts')];
  const store = deps.knownHosts.withReadOnly(userFiles);
  const name = endpoint.hostKeyAlias ?? knownHostsName(endpoint.host, endpoint.port);
  const verdict = await store.verifyName(name, key);
  const fingerprint = fingerprintSha256(key);
  const where = `${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
  const named = endpoint.hostKeyAlias ? `${where} (known as ${endpoint.hostKeyAlias})` : where;
  switch (verdict.kind) {
    case 'match':
      return;
    case 'changed':
    case 'revoked':
      throw new ApiError(
        'host-key-changed',
        `WARNING: the host key of ${named} has changed (now ${keyTypeOf(key)} ${fingerprint}; ` +
          `${verdict.kind === 'revoked' ? 'this key is marked @revoked' : 'another key is recorded'} in ` +
          `${verdict.file}:${verdict.line}). Someone could be intercepting the connection (man-in-the-middle), ` +
          `or the host was reinstalled. VirtDesk refused to connect and sent no credentials.`,
      );
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
