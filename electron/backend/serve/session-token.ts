import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The serve-mode secret: printed once in the URL, then carried by an HttpOnly cookie. */
export class SessionToken {
  readonly value = randomBytes(32).toString('base64url');
  constructor(readonly port: number) {}

  get cookieName(): string {
    // Cookies are not port-specific; two VirtDesk servers on one machine must not clash.
    return `virtdesk_${this.port}`;
  }

  matches(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.value);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  fromCookieHeader(header: string | undefined): string | undefined {
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === this.cookieName) return rest.join('=');
    }
    return undefined;
  }

  setCookieHeader(): string {
    return `${this.cookieName}=${this.value}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

/** DNS-rebinding guard: only our own loopback origin may talk to us. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function allowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
