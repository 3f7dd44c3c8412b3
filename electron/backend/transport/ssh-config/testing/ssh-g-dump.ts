// Test-only: VirtDesk's resolution printed the way `ssh -G` prints it, for the options VirtDesk uses,
// so tests can compare the two line by line with OpenSSH as the oracle.
import { execFileSync } from 'node:child_process';
import { expandPath } from '../expand-tokens';
import { factsOf, type LocalFacts } from '../connection-route';
import { formatJumpHop } from '../jump-spec';
import type { ResolvedConfig } from '../resolve-config';

export const COMPARED_KEYS = [
  'host',
  'user',
  'hostname',
  'port',
  'addressfamily',
  'identitiesonly',
  'stricthostkeychecking',
  'connecttimeout',
  'serveraliveinterval',
  'serveralivecountmax',
  'bindaddress',
  'hostkeyalias',
  'identityagent',
  'identityfile',
  'userknownhostsfile',
  'proxycommand',
  'proxyjump',
] as const;

const DEFAULT_IDENTITY_FILES = [
  'id_rsa',
  'id_ecdsa',
  'id_ecdsa_sk',
  'id_ed25519',
  'id_ed25519_sk',
  'id_xmss',
  'id_dsa',
];
const STRICT_AS_PRINTED = { yes: 'true', off: 'false', ask: 'ask', 'accept-new': 'accept-new' } as const;

/** `key value` lines as `ssh -G` would print them for `resolved` (only COMPARED_KEYS). */
export function dumpLikeSshG(resolved: ResolvedConfig, local: LocalFacts): string[] {
  const o = resolved.options;
  const path = (p: string) => expandPath(p, factsOf(resolved, local), local.env);
  const lines = [
    `host ${resolved.host}`,
    `user ${resolved.user}`,
    `hostname ${resolved.hostName}`,
    `port ${resolved.port}`,
    `addressfamily ${o.addressFamily ?? 'any'}`,
    `identitiesonly ${o.identitiesOnly ? 'yes' : 'no'}`,
    `stricthostkeychecking ${STRICT_AS_PRINTED[o.strictHostKeyChecking ?? 'ask']}`,
    `connecttimeout ${o.connectTimeout ?? 'none'}`,
    `serveraliveinterval ${o.serverAliveInterval ?? 0}`,
    `serveralivecountmax ${o.serverAliveCountMax ?? 3}`,
  ];
  if (o.bindAddress) lines.push(`bindaddress ${o.bindAddress}`);
  if (o.hostKeyAlias) lines.push(`hostkeyalias ${o.hostKeyAlias.toLowerCase()}`);
  if (o.identityAgent) lines.push(`identityagent ${path(o.identityAgent)}`);
  const identities =
    o.identityFiles.length > 0 ? o.identityFiles : DEFAULT_IDENTITY_FILES.map((f) => `~/.ssh/${f}`);
  lines.push(...identities.map((f) => `identityfile ${f}`));
  const known = o.userKnownHostsFiles ?? ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'];
  lines.push(`userknownhostsfile ${known.map(path).join(' ')}`);
  // `none` is dropped for ProxyJump and ProxyCommand before ssh prints them.
  if (o.proxyJump && o.proxyJump !== 'none') {
    const cut = o.proxyJump.text.lastIndexOf(',');
    const extra = cut > 0 ? `${o.proxyJump.text.slice(0, cut)},` : '';
    lines.push(`proxyjump ${extra}${formatJumpHop(o.proxyJump.hops[o.proxyJump.hops.length - 1]!)}`);
  } else if (o.proxyCommand !== undefined && o.proxyCommand.toLowerCase() !== 'none') {
    lines.push(`proxycommand ${o.proxyCommand}`);
  }
  return lines;
}

/** What `ssh -F configFile -G [-l user] [-p port] host` prints, reduced to COMPARED_KEYS. */
export function sshG(configFile: string, host: string, home: string, extra: string[] = []): string[] {
  const out = execFileSync('ssh', ['-F', configFile, '-G', ...extra, host], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keys: readonly string[] = COMPARED_KEYS;
  return out.split('\n').filter((line) => keys.includes(line.split(' ')[0]!));
}
