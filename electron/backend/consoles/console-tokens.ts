import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const MAX_OUTSTANDING = 64;

interface Outstanding {
  digest: Buffer;
  usesLeft: number;
  /** ms since the epoch; Infinity for a token that does not expire. */
  expires: number;
}

/**
 * The random tokens one console's WebSocket server accepts. Each accepted connection uses one use
 * of one token. Most tokens have one use; the channels of one SPICE session share a token with a
 * few uses and a short life (see `issueShared`). Candidates are compared by SHA-256 digest with
 * timingSafeEqual against every outstanding token, so neither the length nor any prefix of a token
 * leaks through timing.
 */
export class ConsoleTokens {
  private readonly outstanding: Outstanding[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** `count` tokens, each good for one connection. */
  issue(count: number): string[] {
    return Array.from({ length: count }, () => this.add(1, Infinity));
  }

  /**
   * One token good for up to `uses` connections, none later than `ttlMs` from now: spice-html5
   * opens every channel of a session (main, display, inputs, cursor, …) on the same URL.
   */
  issueShared(uses: number, ttlMs: number): string {
    return this.add(uses, this.now() + ttlMs);
  }

  /** True (and one use of the token is gone) if `candidate` is outstanding, unexpired and unused up. */
  consume(candidate: string | null | undefined): boolean {
    const wanted = digest(candidate ?? '');
    let found: Outstanding | undefined;
    for (const entry of this.outstanding) {
      if (timingSafeEqual(entry.digest, wanted) && candidate) found = entry;
    }
    if (!found) return false;
    const index = this.outstanding.indexOf(found);
    if (found.expires <= this.now()) {
      this.outstanding.splice(index, 1);
      return false;
    }
    found.usesLeft -= 1;
    if (found.usesLeft === 0) this.outstanding.splice(index, 1);
    return true;
  }

  clear(): void {
    this.outstanding.splice(0);
  }

  private add(uses: number, expires: number): string {
    const token = randomBytes(24).toString('base64url');
    this.outstanding.push({ digest: digest(token), usesLeft: uses, expires });
    // A client that never uses its tokens cannot grow the list without bound.
    this.outstanding.splice(0, Math.max(0, this.outstanding.length - MAX_OUTSTANDING));
    return token;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
