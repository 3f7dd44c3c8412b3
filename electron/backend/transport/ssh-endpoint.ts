/** How VirtDesk treats a host key it has not seen (StrictHostKeyChecking; `no`/`off` → accept-new). */
export type HostKeyPolicy = 'ask' | 'yes' | 'accept-new';

/** One SSH server to connect to, with everything ~/.ssh/config said about it, tokens expanded. */
export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
  identitiesOnly: boolean;
  /** The key file was chosen in the dialog: unreadable is an error (config files are skipped, as ssh does). */
  identityFilesRequired?: boolean;
  /** The agent socket to use; null = none (IdentityAgent none); undefined = SSH_AUTH_SOCK. */
  agent?: string | null;
  /** The user's known_hosts files (read only); VirtDesk's own file is always read and written too. */
  knownHostsFiles?: string[];
  /** The name looked up in known_hosts instead of `[host]:port` (HostKeyAlias). */
  hostKeyAlias?: string;
  hostKeyPolicy?: HostKeyPolicy;
  /** Time allowed until the server has shown its host key (ConnectTimeout); null = no limit. */
  connectTimeoutMs?: number | null;
  /** ServerAliveInterval in ms (0 = off) and ServerAliveCountMax. */
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** AddressFamily inet / inet6. */
  family?: 4 | 6;
  /** BindAddress: the local address to connect from. */
  bindAddress?: string;
  /** Reach this server through a tunnel of another SSH connection (ProxyJump). */
  via?: SshEndpoint;
  /** Reach it through this command's stdin/stdout (ProxyCommand, tokens expanded, `exec ` prefixed). */
  proxyCommand?: string;
}
