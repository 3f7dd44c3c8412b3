import type { HostConfig } from '../../../shared/api/hosts';
import { LocalTransport } from './local-transport';
import { routeFor } from './ssh-config/route-for';
import { SshTransport, type SshDeps } from './ssh-transport';
import type { Transport } from './transport';

/**
 * Opens the transport a connection asks for; SSH settings come from the dialog, then ~/.ssh/config.
 * `notes` receives, before connecting, what VirtDesk did differently from ssh while reading the
 * configuration (a Match exec it did not run), so they can be shown even if the connection fails.
 */
export async function openTransport(
  config: HostConfig,
  deps: SshDeps,
  notes: string[] = [],
): Promise<Transport> {
  if (config.transport === 'local') return new LocalTransport();
  const route = await routeFor(config, deps);
  notes.push(...route.notes);
  return SshTransport.connect(route.endpoint, deps);
}
