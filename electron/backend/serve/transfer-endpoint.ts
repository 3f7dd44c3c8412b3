import type { IncomingMessage, ServerResponse } from 'node:http';
import { TICKET_ID, type TransferTickets } from '../storage/volumes/transfer-tickets';
import type { SessionToken } from './session-token';

export interface TransferEndpointContext {
  tickets: TransferTickets;
  token: SessionToken;
  /** Our own page's origins (`http://127.0.0.1:PORT`, `http://localhost:PORT`). */
  origins: ReadonlySet<string>;
}

const ROUTE = /^\/(upload|download)\/([^/]+)$/;

/**
 * Serve mode's file transfers: `PUT /upload/<id>?token=T` (the page streams a File as the body) and
 * `GET /download/<id>?token=T` (the page downloads a volume). The caller has checked the target and
 * the Host header; here: the method, the API token, the Origin (a PUT from a page always sends it; a
 * GET must not come from another site), and the one-time id issued by volumes/upload|download.
 * Returns false when the path is not a transfer route.
 */
export function handleTransfer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: TransferEndpointContext,
  headers: Record<string, string>,
): boolean {
  const route = ROUTE.exec(url.pathname);
  if (!route) return false;
  const kind = route[1] as 'upload' | 'download';
  const id = route[2]!;
  const status = refusal(req, url, kind, context);
  const ticket = status === undefined && TICKET_ID.test(id) ? context.tickets.take(kind, id) : undefined;
  if (!ticket) {
    res.writeHead(status ?? 404, { ...headers, Connection: 'close' }).end();
    req.resume();
    return true;
  }
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  ticket.handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500, headers);
    res.end();
  });
  return true;
}

/** Why a transfer request is refused (an HTTP status), or undefined when it may proceed. */
function refusal(
  req: IncomingMessage,
  url: URL,
  kind: 'upload' | 'download',
  context: TransferEndpointContext,
): number | undefined {
  if (req.method !== (kind === 'upload' ? 'PUT' : 'GET')) return 405;
  if (!context.token.matches(url.searchParams.get('token'))) return 403;
  const origin = req.headers.origin;
  // A page's PUT always carries its Origin; a download the page starts may come without one.
  if (
    kind === 'upload'
      ? !context.origins.has(origin ?? '')
      : origin !== undefined && !context.origins.has(origin)
  )
    return 403;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 403;
  return undefined;
}
