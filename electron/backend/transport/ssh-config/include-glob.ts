import { readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/**
 * The files an `Include` argument names, as OpenSSH finds them (glob(3) with GLOB_TILDE, in a
 * user configuration): a relative path lives in ~/.ssh, `~/` is the home directory, `*`, `?` and
 * `[…]` match within one path component and never a leading dot; the result is sorted.
 */
export async function includeFiles(pattern: string, homeDir: string): Promise<string[]> {
  let path = pattern;
  if (path === '~' || path.startsWith('~/')) path = homeDir + path.slice(1);
  else if (path.startsWith('~'))
    return []; // ~otheruser/: not looked up
  else if (!isAbsolute(path)) path = join(homeDir, '.ssh', path);
  const parts = path.split('/').filter((part, i) => part !== '' || i === 0);
  let found = ['/'];
  for (const part of parts.slice(1)) {
    const next: string[] = [];
    for (const dir of found) {
      if (!hasWildcard(part)) {
        next.push(join(dir, unescape(part)));
        continue;
      }
      const re = segmentRegExp(part);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.sort(byBytes)) {
        if (re.test(name) && !(name.startsWith('.') && !part.startsWith('.'))) next.push(join(dir, name));
      }
    }
    found = next;
  }
  return found.sort(byBytes);
}

function hasWildcard(part: string): boolean {
  return /(^|[^\\])[*?[]/.test(part);
}

function unescape(part: string): string {
  return part.replace(/\\(.)/g, '$1');
}

function segmentRegExp(part: string): RegExp {
  let re = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\' && i + 1 < part.length) re += escapeRe(part[++i]!);
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = part.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      re += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 's');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
