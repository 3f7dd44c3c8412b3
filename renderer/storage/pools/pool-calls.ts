import type { CallRequest, VirtdeskApi } from '../../../shared/api/contract';

/**
 * The storage tab's one-shot pool calls, built once with the stores (components never hold the API):
 * the Add Pool dialog's capabilities, source discovery and define, the toolbar's actions, Delete and
 * the XML view. The list itself stays in the pools store, kept fresh by `pools/delta`.
 */
export function createPoolCalls(api: VirtdeskApi) {
  return {
    capabilities: (hostId: string) => api.call('pools/capabilities', { hostId }),
    findSources: (request: CallRequest<'pools/find-sources'>) => api.call('pools/find-sources', request),
    define: (request: CallRequest<'pools/define'>) => api.call('pools/define', request),
    act: (request: CallRequest<'pools/action'>) => api.call('pools/action', request),
    remove: (request: CallRequest<'pools/delete'>) => api.call('pools/delete', request),
    xml: (hostId: string, uuid: string) => api.call('pools/xml', { hostId, uuid }).then((r) => r.xml),
  };
}

export type PoolCalls = ReturnType<typeof createPoolCalls>;
