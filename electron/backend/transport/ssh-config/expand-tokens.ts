import { createHash } from 'node:crypto';
import { ApiError } from '../../../../shared/api/errors';

/** What OpenSSH's %-tokens stand for in one connection. */
export interface ConnectionFacts {
  /** %h: the remote host name (after HostName). */
  host: string;
  /** %n: the name as typed. */
  originalHost: string;
  /** %p */
  port: number;
  /** %r: the remote user. */
  user: string;
  /** %u */
  localUser: string;
  /** %d and `~` */
  homeDir: string;
  /** %k: HostKeyAlias, else the name as typed. */
  keyAlias: string;
  /** %l: this machine's host name (%L: up to the first dot). */
  localHost: string;
  /** %i */
  uid: number;
}

export type Tokens = Readonly<Record<string, string>>;

/** Tokens of IdentityFile, UserKnownHostsFile, IdentityAgent (ssh_config(5) TOKENS). */
export function pathTokens(f: ConnectionFacts): Tokens {
  return {
    C: createHash('sha1').update(`${f.localHost}${f.host}${f.port}${f.user}`).digest('hex'),
    L: f.localHost.split('.')[0]!,
    i: String(f.uid),
    k: f.keyAlias,
    l: f.localHost,
    n: f.originalHost,
    p: String(f.port),
    d: f.homeDir,
    h: f.host,
    r: f.user,
    u: f.localUser,
  };
}

/** Tokens of ProxyCommand. */
export function proxyCommandTokens(f: ConnectionFacts): Tokens {
  return { h: f.host, k: f.keyAlias, n: f.originalHost, p: String(f.port), r: f.user };
}

/**
 * OpenSSH's percent_expand(), and with `env` its percent_dollar_expand(), in one pass: `%%` is `%`,
 * `${NAME}` an environment variable; an unknown token or unset variable is an error, as in ssh.
 */
export function expandPercent(text: string, tokens: Tokens, env?: NodeJS.ProcessEnv): string {
  return text.replace(/%(.?)|\$\{([^}]*)(\}?)/g, (match, token?: string, name?: string, close?: string) => {
    if (token === undefined) {
      if (!env) return match;
      const value = close && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name!) ? env[name!] : undefined;
      if (value === undefined) {
        throw new ApiError('ssh-config-invalid', `Environment variable in "${text}" is not set or malformed`);
      }
      return value;
    }
    if (token === '%') return '%';
    if (!Object.prototype.hasOwnProperty.call(tokens, token)) {
      throw new ApiError('ssh-config-invalid', `Unknown token %${token} in "${text}"`);
    }
    return tokens[token]!;
  });
}

/** `~` and `~/…` are the home directory (another user's `~name` is not looked up). */
export function expandTilde(path: string, homeDir: string): string {
  if (path === '~' || path.startsWith('~/')) return homeDir + path.slice(1);
  if (path.startsWith('~')) {
    throw new ApiError('ssh-config-invalid', `"${path}": VirtDesk expands only ~ and ~/`);
  }
  return path;
}

/** A path option (IdentityFile, UserKnownHostsFile, IdentityAgent): `~`, then %-tokens and `${VAR}`. */
export function expandPath(path: string, facts: ConnectionFacts, env: NodeJS.ProcessEnv): string {
  return expandPercent(expandTilde(path, facts.homeDir), pathTokens(facts), env);
}
