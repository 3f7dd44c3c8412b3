import type { DesktopBridge } from '../../shared/api/bridge';
import type {
  CallName,
  CallRequest,
  CallResponse,
  CallResult,
  EventName,
  VirtdeskApi,
} from '../../shared/api/contract';
import { eventNames } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { apiErrorFromShape, toApiError, type DescribeCheck } from './api-error-from';
import { EventHub } from './event-hub';

/** VirtdeskApi over Electron's preload bridge: results become values or thrown ApiErrors. */
export function createBridgeClient(
  bridge: DesktopBridge,
  warn: (message: string, detail: string) => void = (message, detail) => console.warn(message, detail),
  describeCheck?: DescribeCheck,
): VirtdeskApi {
  const hub = new EventHub((name, reason) => warn(`virtdesk: invalid ${name} event`, reason));
  const upstream = new Map<EventName, () => void>();

  return {
    async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
      const method = bridge.calls[name] as unknown as
        ((req: CallRequest<K>) => Promise<CallResult<K>>) | undefined;
      if (typeof method !== 'function') throw new ApiError('unknown-call', `Unknown call ${name}`);
      let result: CallResult<K>;
      try {
        result = await method(request);
      } catch (error) {
        throw toApiError(error);
      }
      if (result.ok) return result.response as CallResponse<K>;
      throw apiErrorFromShape(result.error, describeCheck);
    },
    on(name, handler) {
      if (!eventNames.includes(name)) throw new ApiError('invalid-request', `Unknown event ${name}`);
      const unsubscribe = hub.on(name, handler);
      if (!upstream.has(name)) {
        upstream.set(
          name,
          bridge.on(name, (payload) => hub.emit(name, payload)),
        );
      }
      return () => {
        unsubscribe();
        if (!hub.hasSubscribers(name)) {
          upstream.get(name)?.();
          upstream.delete(name);
        }
      };
    },
  };
}
