import { z } from 'zod';
import { hostRef } from './refs';
import { ApiErrorShape } from './errors';

export const Transport = z.enum(['ssh', 'local']);
export type Transport = z.infer<typeof Transport>;

/** Anything `virsh -c` accepts; kept to one printable line so it can never smuggle a second command. */
export const LibvirtUri = z
  .string()
  .min(1, 'Enter a libvirt URI, for example qemu:///system')
  .max(1024)
  .regex(/^[a-z0-9+.-]+:\/\/[^\s]*$/i, 'A libvirt URI looks like qemu:///system or test:///default');

const hostName = z
  .string()
  .max(255)
  .regex(/^[^\s'"`$;&|<>\\]*$/, 'A host name or ~/.ssh/config alias has no spaces or shell characters');
const userName = z
  .string()
  .max(64)
  .regex(/^[^\s'"`$;&|<>\\:@]*$/, 'A user name has no spaces or shell characters');

/** What the user fills in the "Add connection" dialog. */
export const HostInput = z.object({
  name: z.string().max(128).optional(),
  transport: Transport,
  host: hostName.default(''),
  port: z.number().int().min(1).max(65535).optional(),
  user: userName.optional(),
  uri: LibvirtUri,
  privateKeyPath: z.string().max(4096).optional(),
  autoconnect: z.boolean().default(true),
});
export type HostInput = z.input<typeof HostInput>;

/** A saved connection (no secrets: passwords and passphrases live only in memory or the secret store). */
export const HostConfig = HostInput.extend({ id: z.string().min(1).max(64) });
export type HostConfig = z.infer<typeof HostConfig>;

export const HostState = z.enum(['disconnected', 'connecting', 'connected', 'retrying', 'failed']);
export type HostState = z.infer<typeof HostState>;

export const HostStatus = z.object({
  hostId: z.string(),
  state: HostState,
  /** Why the host is not connected (DNS, refused, timeout, auth, host key, virsh missing, URI). */
  error: ApiErrorShape.optional(),
  /** When retrying: the delay before the next attempt, in ms. */
  retryInMs: z.number().optional(),
  /** What VirtDesk did differently from ssh when reading ~/.ssh/config (e.g. a Match exec it did not run). */
  notes: z.array(z.string()).optional(),
  /** Live facts once connected. */
  hypervisor: z.string().optional(),
  hostCpus: z.number().optional(),
});
export type HostStatus = z.infer<typeof HostStatus>;

export const HostView = z.object({ config: HostConfig, status: HostStatus });
export type HostView = z.infer<typeof HostView>;

/** "qemu+ssh://root@host:2222/system"-style label, as virt-manager shows it. */
export function describeConnection(
  config: Pick<HostConfig, 'transport' | 'host' | 'user' | 'port' | 'uri'>,
): string {
  if (config.transport === 'local') return config.uri;
  const who = config.user ? `${config.user}@` : '';
  const port = config.port && config.port !== 22 ? `:${config.port}` : '';
  return `ssh://${who}${config.host}${port} ${config.uri}`;
}

/** Calls of the connections list (spread into the contract). */
export const hostCalls = {
  'hosts/list': { request: z.object({}), response: z.array(HostView) },
  'hosts/add': { request: HostInput, response: HostView },
  'hosts/update': { request: HostConfig, response: HostView },
  'hosts/remove': { request: hostRef, response: z.object({}) },
  'hosts/connect': { request: hostRef, response: HostStatus },
  'hosts/disconnect': { request: hostRef, response: HostStatus },
} as const;

export const hostEvents = {
  'hosts/status': HostStatus,
  'hosts/changed': z.array(HostView),
} as const;
