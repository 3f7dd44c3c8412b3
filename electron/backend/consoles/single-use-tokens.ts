import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const MAX_OUTSTANDING = 64;

/**
 * Random single-use tokens for one console's WebSocket server. Each accepted connection consumes
 * one. Candidates are compared by SHA-256 digest with timingSafeEqual against every outstanding
 * token, so neither the length nor any prefix of a token leaks through timing.
 */
export class SingleUseTokens {
  private readonly outstanding: Buffer[] = [];

  issue(count: number): string[] {
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const token = randomBytes(24).toString('base64url');
      this.outstanding.push(digest(token));
      tokens.push(token);
    }
    // A client that never uses its tokens cannot grow the list without bound.
    this.outstanding.splice(0, Math.max(0, this.outstanding.length - MAX_OUTSTANDING));
    return tokens;
  }

  /** True (and the token is gone) if `candidate` was outstanding. */
  consume(candidate: string | null | undefined): boolean {
    const wanted = digest(candidate ?? '');
    let found = -1;
    for (let i = 0; i < this.outstanding.length; i++) {
      if (timingSafeEqual(this.outstanding[i]!, wanted) && candidate) found = i;
    }
    if (found < 0) return false;
    this.outstanding.splice(found, 1);
    return true;
  }

  clear(): void {
    this.outstanding.splice(0);
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
