import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { NetworkEditResult } from '../../shared/api/network-edit';
import { toApiError } from '../api/api-error-from';

/** One network's XML being edited: the definition it was opened with, the last answer, what runs. */
export type NetworkEditSession = {
  hostId: string;
  uuid: string;
  /** The saved definition the edit is based on (undefined while it is read). */
  base?: string;
  /** The last answer: a diff to confirm, a refusal, stale, or applied. */
  result?: NetworkEditResult;
  /** The text the shown diff was made from (what Confirm defines). */
  previewed?: string;
  /** A call that failed outright (connection lost, network gone): its message. */
  error?: string;
  busy: 'reading' | 'preview' | 'apply' | undefined;
};

export type NetworkEditState = {
  session: NetworkEditSession | undefined;
  /** Reads the network's saved definition (the edit's base). */
  open(hostId: string, uuid: string): Promise<void>;
  /** "Apply": asks for the diff of `xml` against the base (and what a running network makes of it). */
  preview(xml: string): Promise<void>;
  /** "Confirm": defines the text the diff was shown for; an applied edit becomes the new base. */
  confirm(): Promise<void>;
  /** Back to editing (drops a shown diff or refusal). */
  dismiss(): void;
  /** After "stale": takes the host's definition as the new base. */
  reload(): Promise<void>;
  close(): void;
};

/** The network XML editor's flow (issue 10): open → edit → Apply shows the diff → Confirm → net-define. */
export function createNetworkEditStore(api: VirtdeskApi) {
  return createStore<NetworkEditState>()((set, get) => {
    /** Bumped by open/close: replies for an earlier session are dropped. */
    let generation = 0;
    const patchIf = (gen: number, next: Partial<NetworkEditSession>) => {
      const session = get().session;
      if (session && gen === generation) set({ session: { ...session, ...next } });
    };
    /** Runs one call for the open session (one at a time). */
    const run = async (
      busy: NetworkEditSession['busy'],
      call: (s: NetworkEditSession, patch: (next: Partial<NetworkEditSession>) => void) => Promise<void>,
    ) => {
      const session = get().session;
      if (!session || session.busy) return;
      const gen = generation;
      const patch = (next: Partial<NetworkEditSession>) => patchIf(gen, next);
      patch({ busy, error: undefined });
      try {
        await call(get().session ?? session, patch);
      } catch (error) {
        patch({ error: toApiError(error).message });
      } finally {
        patch({ busy: undefined });
      }
    };
    const readBase = async (s: NetworkEditSession, patch: (next: Partial<NetworkEditSession>) => void) => {
      const { xml } = await api.call('networks/edit-base', { hostId: s.hostId, uuid: s.uuid });
      patch({ base: xml, result: undefined, previewed: undefined });
    };
    const edit = (s: NetworkEditSession, xml: string, preview: boolean) =>
      api.call('networks/edit-xml', { hostId: s.hostId, uuid: s.uuid, baseXml: s.base ?? '', xml, preview });
    return {
      session: undefined,
      open(hostId, uuid) {
        generation += 1;
        set({ session: { hostId, uuid, busy: undefined } });
        return run('reading', readBase);
      },
      preview(xml) {
        return run('preview', async (s, patch) => {
          const result = await edit(s, xml, true);
          patch({ result, previewed: result.outcome === 'preview' ? xml : undefined });
        });
      },
      confirm() {
        const xml = get().session?.previewed;
        if (xml === undefined) return Promise.resolve();
        return run('apply', async (s, patch) => {
          const result = await edit(s, xml, false);
          patch({
            result,
            previewed: undefined,
            ...(result.outcome === 'applied' ? { base: result.xml } : {}),
          });
        });
      },
      dismiss() {
        patchIf(generation, { result: undefined, previewed: undefined, error: undefined });
      },
      reload() {
        return run('reading', readBase);
      },
      close() {
        generation += 1;
        set({ session: undefined });
      },
    };
  });
}

export type NetworkEditStore = ReturnType<typeof createNetworkEditStore>;
