import { z } from 'zod';
import { HostInput } from './hosts';

/** A name defined by a `Host` line of ~/.ssh/config (or a file it includes), and where. */
export const SshAlias = z.object({
  alias: z.string(),
  /** The file, with the home directory shown as `~`. */
  file: z.string(),
  line: z.number().int(),
});
export type SshAlias = z.infer<typeof SshAlias>;

/** One step on the way to the host, outermost first. */
export const SshRouteStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('jump'), host: z.string(), port: z.number(), user: z.string() }),
  z.object({ kind: z.literal('command'), command: z.string() }),
]);
export type SshRouteStep = z.infer<typeof SshRouteStep>;

/** What an SSH connection resolves to through ~/.ssh/config, before connecting. */
export const SshResolution = z.object({
  hostName: z.string(),
  port: z.number(),
  user: z.string(),
  via: z.array(SshRouteStep),
  identityFiles: z.array(z.string()),
  identitiesOnly: z.boolean(),
  /** The agent socket used; null = none. */
  agent: z.string().nullable(),
  knownHostsFiles: z.array(z.string()),
  hostKeyAlias: z.string().optional(),
  /** What happens to a host key not seen before: ask, refuse (`yes`), or trust it (`accept-new`). */
  hostKeyPolicy: z.enum(['ask', 'yes', 'accept-new']),
  /** Where the alias is defined, when it is one. */
  definedAt: SshAlias.optional(),
  /** What VirtDesk does differently from ssh here (a Match exec it will not run). */
  notes: z.array(z.string()),
});
export type SshResolution = z.infer<typeof SshResolution>;

export const sshConfigCalls = {
  'ssh-config/aliases': { request: z.object({}), response: z.array(SshAlias) },
  'ssh-config/resolve': {
    request: HostInput.pick({ host: true, user: true, port: true, privateKeyPath: true }),
    response: SshResolution,
  },
} as const;
