import { userInfo } from 'node:os';
import type { HostConfig } from '../../../shared/api/hosts';
import { LocalTransport } from './local-transport';
import { loadSshConfig, resolveSshHost } from './ssh-config';
import { SshTransport, type SshDeps, type SshEndpoint } from './ssh-transport';
import type { Transport } from './transport';

/** Opens the transport a connection asks for; SSH settings come from the dialog, then ~/.ssh/config. */
export async function openTransport(config: HostConfig, deps: SshDeps): Promise<Transport> {
  if (config.transport === 'local') return new LocalTransport();
  const localUser = safeLocalUser();
  const blocks = await loadSshConfig(deps.homeDir);
  const resolved = resolveSshHost(blocks, config.host, deps.homeDir, localUser);
  const identityFiles = config.privateKeyPath ? [config.privateKeyPath] : resolved.identityFiles;
  const target: SshEndpoint = {
    host: resolved.hostName,
    port: config.port ?? resolved.port ?? 22,
    user: config.user || resolved.user || localUser,
    identityFiles,
    identitiesOnly: resolved.identitiesOnly || Boolean(config.privateKeyPath),
  };
  const jumps = resolved.proxyJump.map((hop) => {
    const hopConfig = resolveSshHost(blocks, hop.host, deps.homeDir, localUser);
    return {
      host: hopConfig.hostName,
      port: hop.port ?? hopConfig.port ?? 22,
      user: hop.user ?? hopConfig.user ?? localUser,
      identityFiles: hopConfig.identityFiles,
      identitiesOnly: hopConfig.identitiesOnly,
    };
  });
  return SshTransport.connect(target, jumps, deps);
}

function safeLocalUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? 'root';
  }
}
