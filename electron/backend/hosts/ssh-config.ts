import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { globMatches } from './known-hosts';

/** What VirtDesk takes from ~/.ssh/config for one host alias (OpenSSH semantics: first value wins). */
export interface ResolvedSshHost {
  hostName: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  identitiesOnly: boolean;
  /** ProxyJump hops, outermost first (`user@host:port`), already parsed. */
  proxyJump: JumpHop[];
}

export interface JumpHop {
  host: string;
  user?: string;
  port?: number;
}

interface Block {
  patterns: string[];
  options: Array<[string, string]>;
}

export function parseSshConfig(text: string): Block[] {
  const blocks: Block[] = [{ patterns: ['*'], options: [] }];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = unquote(m[2]!.trim());
    if (key === 'host') blocks.push({ patterns: value.split(/\s+/), options: [] });
    else if (key === 'match')
      blocks.push({ patterns: [], options: [] }); // Match blocks are not evaluated
    else blocks[blocks.length - 1]!.options.push([key, value]);
  }
  return blocks;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function blockApplies(patterns: string[], alias: string): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (globMatches(p.slice(1), alias)) return false;
    } else if (globMatches(p, alias)) matched = true;
  }
  return matched;
}

export function parseJump(spec: string): JumpHop[] {
  if (!spec || spec.toLowerCase() === 'none') return [];
  return spec.split(',').map((hop) => {
    const withoutScheme = hop.replace(/^ssh:\/\//, '');
    const at = withoutScheme.lastIndexOf('@');
    const user = at >= 0 ? withoutScheme.slice(0, at) : undefined;
    const hostPort = at >= 0 ? withoutScheme.slice(at + 1) : withoutScheme;
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostPort);
    const host = m?.[1] ?? hostPort;
    const port = m?.[2] ? Number(m[2]) : undefined;
    return { host, ...(user ? { user } : {}), ...(port ? { port } : {}) };
  });
}

/** Resolves `alias` the way `ssh alias` would, from already-parsed config blocks. */
export function resolveSshHost(
  blocks: Block[],
  alias: string,
  homeDir: string,
  localUser: string,
): ResolvedSshHost {
  const first = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const block of blocks) {
    if (!blockApplies(block.patterns, alias)) continue;
    for (const [key, value] of block.options) {
      if (key === 'identityfile') identityFiles.push(value);
      else if (!first.has(key)) first.set(key, value);
    }
  }
  const hostName = (first.get('hostname') ?? alias).replace(/%h/g, alias);
  const user = first.get('user');
  const port = first.has('port') ? Number(first.get('port')) : undefined;
  const expand = (path: string) =>
    path
      .replace(/^~(?=\/|$)/, homeDir)
      .replace(/%d/g, homeDir)
      .replace(/%h/g, hostName)
      .replace(/%r/g, user ?? localUser)
      .replace(/%u/g, localUser)
      .replace(/%%/g, '%');
  return {
    hostName,
    ...(user ? { user } : {}),
    ...(port && Number.isInteger(port) ? { port } : {}),
    identityFiles: identityFiles.map(expand),
    identitiesOnly: first.get('identitiesonly')?.toLowerCase() === 'yes',
    proxyJump: parseJump(first.get('proxyjump') ?? ''),
  };
}

export async function loadSshConfig(homeDir: string): Promise<Block[]> {
  try {
    return parseSshConfig(await readFile(join(homeDir, '.ssh', 'config'), 'utf8'));
  } catch {
    return parseSshConfig('');
  }
}
