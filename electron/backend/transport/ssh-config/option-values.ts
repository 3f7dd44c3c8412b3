import { parseJumpSpec, type JumpSpec } from './jump-spec';

export type StrictHostKeyChecking = 'yes' | 'accept-new' | 'off' | 'ask';
export type AddressFamily = 'any' | 'inet' | 'inet6';

/** The options VirtDesk takes from ssh_config, as read (first value wins; no tokens expanded yet). */
export interface CollectedOptions {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  identitiesOnly?: boolean;
  /** Raw command line, `none` included. */
  proxyCommand?: string;
  /** `none` or hops; a ProxyJump that came first makes later ProxyCommand lines void, and vice versa. */
  proxyJump?: JumpSpec | 'none';
  identityAgent?: string;
  userKnownHostsFiles?: string[];
  hostKeyAlias?: string;
  strictHostKeyChecking?: StrictHostKeyChecking;
  /** Seconds; null = `none`. */
  connectTimeout?: number | null;
  serverAliveInterval?: number;
  serverAliveCountMax?: number;
  addressFamily?: AddressFamily;
  bindAddress?: string;
  canonicalizeHostname?: boolean;
}

const FLAGS: Record<string, boolean> = { yes: true, true: true, no: false, false: false };
const STRICT: Record<string, StrictHostKeyChecking> = {
  yes: 'yes',
  true: 'yes',
  no: 'off',
  false: 'off',
  off: 'off',
  ask: 'ask',
  'accept-new': 'accept-new',
};
const FAMILIES: Record<string, AddressFamily> = { any: 'any', inet: 'inet', inet6: 'inet6' };
/** Keywords that take words (ProxyCommand and ProxyJump take the raw rest of the line). */
const WORD_KEYWORDS = new Set([
  'hostname',
  'user',
  'hostkeyalias',
  'bindaddress',
  'identityagent',
  'port',
  'identityfile',
  'userknownhostsfile',
  'identitiesonly',
  'canonicalizehostname',
  'stricthostkeychecking',
  'addressfamily',
  'connecttimeout',
  'serveraliveinterval',
  'serveralivecountmax',
]);

/**
 * Applies one directive of an active block to `options` (first value wins, IdentityFile adds up).
 * Returns an error message when OpenSSH would refuse the line.
 */
export function applyOption(
  options: CollectedOptions,
  keyword: string,
  args: string[],
  rest: string,
): string | undefined {
  const first = args[0] ?? '';
  if (first === '' && WORD_KEYWORDS.has(keyword)) return 'missing argument';
  const once = <K extends keyof CollectedOptions>(key: K, value: CollectedOptions[K]): undefined => {
    if (options[key] === undefined) options[key] = value;
    return undefined;
  };
  switch (keyword) {
    case 'hostname':
      return once('hostName', first);
    case 'user':
      return once('user', first);
    case 'hostkeyalias':
      return once('hostKeyAlias', first);
    case 'bindaddress':
      return once('bindAddress', first);
    case 'identityagent':
      return once('identityAgent', first);
    case 'port': {
      const port = /^\d+$/.test(first) ? Number(first) : NaN;
      if (!(port >= 1 && port <= 65535)) return `bad port '${first}'`;
      return once('port', port);
    }
    case 'identityfile':
      if (!options.identityFiles.includes(first)) options.identityFiles.push(first);
      return;
    case 'userknownhostsfile':
      if (args.some((a) => a.toLowerCase() === 'none') && args.length > 1) {
        return '"none" argument must appear alone';
      }
      return once('userKnownHostsFiles', args);
    case 'identitiesonly':
    case 'canonicalizehostname':
      return applyChoice(
        options,
        keyword === 'identitiesonly' ? 'identitiesOnly' : 'canonicalizeHostname',
        {
          ...FLAGS,
          ...(keyword === 'canonicalizehostname' ? { always: true } : {}),
        },
        first,
      );
    case 'stricthostkeychecking':
      return applyChoice(options, 'strictHostKeyChecking', STRICT, first);
    case 'addressfamily':
      return applyChoice(options, 'addressFamily', FAMILIES, first);
    case 'connecttimeout':
    case 'serveraliveinterval': {
      const seconds = first === 'none' && keyword === 'connecttimeout' ? null : parseTime(first);
      if (seconds === undefined) return 'invalid time value';
      return keyword === 'connecttimeout'
        ? once('connectTimeout', seconds)
        : once('serverAliveInterval', seconds ?? 0);
    }
    case 'serveralivecountmax': {
      if (!/^\d+$/.test(first)) return `bad number '${first}'`;
      return once('serverAliveCountMax', Number(first));
    }
    case 'proxycommand': {
      // A ProxyJump read earlier wins over any ProxyCommand.
      if (options.proxyJump === undefined) once('proxyCommand', rest.replace(/^[ \t\r\n=]+/, ''));
      return;
    }
    case 'proxyjump': {
      const text = rest.replace(/^[ \t\r\n=]+/, '');
      const spec = parseJumpSpec(text);
      if (!spec) return `invalid ProxyJump "${text}"`;
      if (options.proxyCommand === undefined && options.proxyJump === undefined) {
        options.proxyJump = spec;
        if (spec !== 'none') options.proxyCommand = 'none';
      }
      return;
    }
  }
  return;
}

function applyChoice<
  K extends 'identitiesOnly' | 'canonicalizeHostname' | 'strictHostKeyChecking' | 'addressFamily',
>(
  options: CollectedOptions,
  key: K,
  choices: Record<string, CollectedOptions[K]>,
  value: string,
): string | undefined {
  const lower = value.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(choices, lower)) return `unsupported option "${value}"`;
  if (options[key] === undefined) options[key] = choices[lower];
  return;
}

/** OpenSSH's convtime(): `90`, `90s`, `1m30s`, `2h`, … in seconds; undefined when malformed. */
export function parseTime(text: string): number | undefined {
  if (text === '') return undefined;
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  const re = /(\d+)([smhdw]?)/giy;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]!.toLowerCase()]!;
    at = re.lastIndex;
  }
  return at === text.length && total <= 2 ** 31 - 1 ? total : undefined;
}
