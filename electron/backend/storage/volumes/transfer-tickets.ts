import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a serve-mode transfer URL (`/upload/<id>`, `/download/<id>`) does once its request arrives. */
export interface TransferTicket {
  kind: 'upload' | 'download';
  /** Takes over the request and its response; settles when the response has been sent. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Nobody came for the ticket in time. */
  expire(): void;
}

const TICKET_LIFETIME_MS = 60_000;
export const TICKET_ID = /^[A-Za-z0-9_-]{32}$/;

/**
 * One-time ids for the serve-mode transfer endpoints, issued by `volumes/upload` and
 * `volumes/download`: each is used once and lapses after a minute (the job then fails and cleans up).
 */
export class TransferTickets {
  private readonly tickets = new Map<string, { ticket: TransferTicket; timer: NodeJS.Timeout }>();

  issue(ticket: TransferTicket, lifetimeMs = TICKET_LIFETIME_MS): string {
    const id = randomBytes(24).toString('base64url');
    const timer = setTimeout(() => {
      this.tickets.delete(id);
      ticket.expire();
    }, lifetimeMs);
    this.tickets.set(id, { ticket, timer });
    return id;
  }

  /** The ticket `id` of `kind`, removed so it cannot be used twice; undefined when unknown. */
  take(kind: TransferTicket['kind'], id: string): TransferTicket | undefined {
    const entry = this.tickets.get(id);
    if (!entry || entry.ticket.kind !== kind) return undefined;
    this.tickets.delete(id);
    clearTimeout(entry.timer);
    return entry.ticket;
  }

  /** Forgets a ticket whose job ended before its request came (cancelled while waiting). */
  revoke(id: string): void {
    const entry = this.tickets.get(id);
    if (entry) clearTimeout(entry.timer);
    this.tickets.delete(id);
  }

  dispose(): void {
    for (const { timer } of this.tickets.values()) clearTimeout(timer);
    this.tickets.clear();
  }
}
