/** One ProxyJump hop: `[user@]host[:port]` or `ssh://[user@]host[:port]`. */
export interface JumpHop {
  host: string;
  user?: string;
  port?: number;
}

/** A ProxyJump value: the hops, outermost first, and the text as written. */
export interface JumpSpec {
  hops: JumpHop[];
  text: string;
}

/** Parses a ProxyJump value as OpenSSH does (parse_jump); undefined when a hop is malformed. */
export function parseJumpSpec(value: string): JumpSpec | 'none' | undefined {
  const text = value.replace(/#.*$/, '').trimEnd();
  if (text.toLowerCase() === 'none') return 'none';
  const hops: JumpHop[] = [];
  for (const part of text.split(',')) {
    const hop = parseHop(part);
    if (!hop) return undefined;
    hops.push(hop);
  }
  return { hops, text };
}

function parseHop(spec: string): JumpHop | undefined {
  let rest = spec;
  if (/^ssh:\/\//i.test(rest)) {
    rest = rest.slice(6).replace(/\/$/, '');
    if (rest.includes('/')) return undefined;
  }
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    if (user === '') return undefined;
    rest = rest.slice(at + 1);
  }
  let host: string;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return undefined;
    portText = after ? after.slice(1) : undefined;
  } else {
    const colon = rest.search(/[:/]/);
    if (colon >= 0 && rest[colon] === '/') return undefined;
    host = colon >= 0 ? rest.slice(0, colon) : rest;
    portText = colon >= 0 ? rest.slice(colon + 1) : undefined;
  }
  if (host === '') return undefined;
  let port: number | undefined;
  if (portText) {
    port = /^\d+$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) return undefined;
  }
  return { host, ...(user !== undefined ? { user } : {}), ...(port !== undefined ? { port } : {}) };
}

/** The hop as `ssh -G` prints it: `user@host:port`, numeric or IPv6 hosts in brackets. */
export function formatJumpHop(hop: JumpHop): string {
  const bracket = hop.host.includes(':') || /^[0-9.]+$/.test(hop.host);
  const host = bracket ? `[${hop.host}]` : hop.host;
  return `${hop.user ? `${hop.user}@` : ''}${host}${hop.port ? `:${hop.port}` : ''}`;
}
