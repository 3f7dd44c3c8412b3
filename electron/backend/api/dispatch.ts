import {
  calls,
  isCallName,
  type CallName,
  type CallResponse,
  type CallResult,
  type ParsedRequest,
} from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';

export type Handlers = { [K in CallName]: (request: ParsedRequest<K>) => Promise<CallResponse<K>> };

export type Dispatch = (name: unknown, request: unknown) => Promise<CallResult<CallName>>;

/**
 * The one entry point for calls from any transport: checks the name, validates the request against
 * the contract, runs the handler, and turns every failure into `{ code, message }`.
 */
export function createDispatch(handlers: Handlers, log: (message: string) => void): Dispatch {
  return async (name, request) => {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: { code: 'unknown-call', message: `Unknown call ${String(name).slice(0, 64)}` },
      };
    }
    const parsed = calls[name].request.safeParse(request ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
        .join('; ');
      return { ok: false, error: { code: 'invalid-request', message } };
    }
    try {
      const handler = handlers[name] as (req: unknown) => Promise<unknown>;
      const response = await handler(parsed.data);
      return { ok: true, response: response as CallResponse<CallName> };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      log(`internal error in ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return {
        ok: false,
        error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      };
    }
  };
}
