import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The serve-mode secret. It is printed once in the URL's fragment (`/#token=…`), which browsers
 * never send to any server; the page keeps it in its own origin's sessionStorage and presents it
 * when it opens the API WebSocket (`/api?token=…`). It is never a cookie: browsers do not separate
 * cookies by port, so a cookie would reach every other server on 127.0.0.1.
 */
export class SessionToken {
  readonly value = randomBytes(32).toString('base64url');

  matches(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.value);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
