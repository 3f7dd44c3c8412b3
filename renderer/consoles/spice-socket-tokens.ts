/**
 * spice-html5 opens one WebSocket per SPICE channel, all to the URL of its main connection. The
 * console bridge accepts each token once, so WebSockets to a registered bridge get the next unused
 * token of that console instead. Installed once; other WebSockets pass through untouched.
 */
const pools = new Map<string, { tokens: string[]; refill: () => void }>();
let installed = false;

export function registerSpiceTokens(
  url: string,
  tokens: string[],
  moreTokens: (n: number) => Promise<string[]>,
): () => void {
  const key = new URL(url).host;
  const pool = {
    tokens: [...tokens],
    refill: () => {
      if (pool.tokens.length > 4) return;
      void moreTokens(8).then(
        (more) => pool.tokens.push(...more),
        () => undefined,
      );
    },
  };
  pools.set(key, pool);
  install();
  return () => {
    if (pools.get(key) === pool) pools.delete(key);
  };
}

function install(): void {
  if (installed) return;
  installed = true;
  const Native = window.WebSocket;
  class TokenWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(withNextToken(String(url)), protocols);
    }
  }
  window.WebSocket = TokenWebSocket;
}

function withNextToken(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const pool = pools.get(parsed.host);
  if (!pool || parsed.protocol !== 'ws:') return url;
  const token = pool.tokens.shift();
  pool.refill();
  if (token) parsed.searchParams.set('token', token);
  return parsed.toString();
}
