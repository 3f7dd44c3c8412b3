// Test-only: small steps shared by the SSH integration tests against the real test host.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../events/event-bus';
import { KnownHosts } from '../transport/known-hosts';
import { SshTransport, type SshDeps } from '../transport/ssh-transport';
import { PromptBroker } from '../prompts/prompt-broker';
import { SecretStore } from '../secrets/secret-store';
import type { Harness } from './backend-harness';

/** The test host's key in the user's own ~/.ssh/known_hosts, so no host-key question comes up. */
export function knowHostKey(h: Harness, host: { knownHostsLine: string }): void {
  writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `${host.knownHostsLine}\n`);
}

/** Writes the harness user's ~/.ssh/config (or another file under ~/.ssh). */
export function writeSshConfig(h: Harness, text: string, file = 'config'): void {
  writeFileSync(join(h.homeDir, '.ssh', file), text, { mode: 0o600 });
}

/** Authenticated SSH connections of the test user, counted on the host. */
export function sshdSessions(host: { user: string }): number {
  // Privilege separation: each connection has a root "sshd: USER [priv]" monitor process.
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.trim() === `sshd: ${host.user} [priv]`).length;
}

/** What SshTransport.connect needs, for a test: VirtDesk's own known_hosts in `dir`, no agent. */
export function sshTestDeps(dir: string, extra: Partial<SshDeps> = {}): SshDeps {
  return {
    hostId: 'h',
    knownHosts: new KnownHosts([{ path: join(dir, 'known_hosts'), writable: true }]),
    prompts: new PromptBroker(new EventBus()),
    secrets: new SecretStore(),
    homeDir: dir,
    agentSocket: undefined,
    ...extra,
  };
}

/**
 * One SSH connection to the real test host by its key, as a test's own (a temp dir holds its
 * known_hosts); `close()` ends it and removes the dir.
 */
export async function connectTestTransport(host: {
  host: string;
  port: number;
  user: string;
  privateKeyPath: string;
  knownHostsLine: string;
}): Promise<{ transport: SshTransport; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'vd-ssh-'));
  writeFileSync(join(dir, 'known_hosts'), `${host.knownHostsLine}\n`);
  try {
    const transport = await SshTransport.connect(
      {
        host: host.host,
        port: host.port,
        user: host.user,
        identityFiles: [host.privateKeyPath],
        identitiesOnly: true,
      },
      sshTestDeps(dir),
    );
    return {
      transport,
      close() {
        transport.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
