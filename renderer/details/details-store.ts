import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type {
  CpuChoices,
  EditBase,
  EditChange,
  EditResult,
  GuestAddress,
} from '../../shared/api/domain-edit';
import { pendingChanges } from '../../shared/domain-edit/pending-changes';
import { parseDomainXml } from '../../shared/xml/objects';
import type { XmlDocument } from '../../shared/xml/document';
import { toApiError } from '../api/api-error-from';

export type DetailsEntry = {
  base?: EditBase;
  /** The inactive XML parsed: what the panes show and edit. */
  doc?: XmlDocument;
  /** Fields whose running value differs from the definition ("after the next guest shutdown"). */
  pending: readonly string[];
  loading: boolean;
  error?: string;
  /** The last Apply's answer (stale, invalid, preview or applied), until the next one or a reload. */
  result?: EditResult;
  busy: boolean;
  /** Wall-clock ms from asking to a filled pane (the bench reads it). */
  loadMs?: number;
  /** Counts the reads, so that panes start over from each new base. */
  revision: number;
};

export type DetailsState = {
  byVm: Record<string, DetailsEntry>;
  cpuChoices: Record<string, CpuChoices>;
  load(hostId: string, uuid: string): Promise<void>;
  /** Typed changes through the one edit path (`preview` shows the diff without defining). */
  apply(
    hostId: string,
    uuid: string,
    changes: EditChange[],
    preview?: boolean,
  ): Promise<EditResult | undefined>;
  /** The XML editor's path: the whole domain, or one device by key. */
  applyXml(
    hostId: string,
    uuid: string,
    xml: string,
    deviceKey?: string,
    preview?: boolean,
  ): Promise<EditResult | undefined>;
  loadCpuChoices(hostId: string): Promise<void>;
  /** Guest IP addresses by MAC, read on demand (agent, lease, ARP). */
  addresses: Record<string, GuestAddress[]>;
  loadAddresses(hostId: string, uuid: string): Promise<void>;
  /** Grows a disk; the message (or libvirt's error) is returned for the pane to show. */
  resizeDisk(hostId: string, uuid: string, target: string, bytes: number): Promise<string>;
  clearResult(hostId: string, uuid: string): void;
};

export const detailsKey = (hostId: string, uuid: string) => `${hostId}/${uuid}`;
const EMPTY: DetailsEntry = { pending: [], loading: false, busy: false, revision: 0 };

function entryFor(base: EditBase): Pick<DetailsEntry, 'base' | 'doc' | 'pending'> {
  const doc = parseDomainXml(base.xml);
  const pending = base.liveXml ? pendingChanges(parseDomainXml(base.xml), parseDomainXml(base.liveXml)) : [];
  return { base, doc, pending };
}

/** The Details page of each open VM: its edit base (inactive XML, live XML), and the edit calls. */
export function createDetailsStore(api: VirtdeskApi) {
  return createStore<DetailsState>()((set, get) => {
    const update = (key: string, patch: Partial<DetailsEntry>) =>
      set((s) => ({ byVm: { ...s.byVm, [key]: { ...(s.byVm[key] ?? EMPTY), ...patch } } }));
    const run = async (hostId: string, uuid: string, call: (baseXml: string) => Promise<EditResult>) => {
      const key = detailsKey(hostId, uuid);
      const baseXml = get().byVm[key]?.base?.xml;
      if (baseXml === undefined) return undefined;
      update(key, { busy: true });
      try {
        const result = await call(baseXml);
        update(key, { busy: false, result });
        if (result.outcome === 'applied') await get().load(hostId, uuid);
        return result;
      } catch (error) {
        update(key, { busy: false, error: toApiError(error).message });
        return undefined;
      }
    };
    return {
      byVm: {},
      cpuChoices: {},
      async load(hostId, uuid) {
        const key = detailsKey(hostId, uuid);
        const started = performance.now();
        update(key, { loading: true });
        try {
          const base = await api.call('domains/edit-base', { hostId, uuid });
          const revision = (get().byVm[key]?.revision ?? 0) + 1;
          update(key, { ...entryFor(base), loading: false, loadMs: performance.now() - started, revision });
          set((s) => {
            const entry = s.byVm[key];
            if (!entry) return s;
            const { error: _dropped, ...rest } = entry;
            return { byVm: { ...s.byVm, [key]: rest } };
          });
        } catch (error) {
          update(key, { loading: false, error: toApiError(error).message });
        }
      },
      apply: (hostId, uuid, changes, preview = false) =>
        run(hostId, uuid, (baseXml) => api.call('domains/edit', { hostId, uuid, baseXml, changes, preview })),
      applyXml: (hostId, uuid, xml, deviceKey, preview = false) =>
        run(hostId, uuid, (baseXml) =>
          api.call('domains/edit-xml', {
            hostId,
            uuid,
            baseXml,
            xml,
            preview,
            ...(deviceKey ? { deviceKey } : {}),
          }),
        ),
      async loadCpuChoices(hostId) {
        if (get().cpuChoices[hostId]) return;
        try {
          const choices = await api.call('domains/cpu-choices', { hostId });
          set((s) => ({ cpuChoices: { ...s.cpuChoices, [hostId]: choices } }));
        } catch {
          // The pane offers the fixed modes without them.
        }
      },
      addresses: {},
      async loadAddresses(hostId, uuid) {
        try {
          const list = await api.call('domains/guest-addresses', { hostId, uuid });
          set((s) => ({ addresses: { ...s.addresses, [detailsKey(hostId, uuid)]: list } }));
        } catch {
          set((s) => ({ addresses: { ...s.addresses, [detailsKey(hostId, uuid)]: [] } }));
        }
      },
      async resizeDisk(hostId, uuid, target, bytes) {
        try {
          const { message } = await api.call('domains/disk-resize', { hostId, uuid, target, bytes });
          await get().load(hostId, uuid);
          return message;
        } catch (error) {
          return toApiError(error).message;
        }
      },
      clearResult(hostId, uuid) {
        const key = detailsKey(hostId, uuid);
        const entry = get().byVm[key];
        if (!entry?.result) return;
        const { result: _dropped, ...rest } = entry;
        set((s) => ({ byVm: { ...s.byVm, [key]: rest } }));
      },
    };
  });
}

export type DetailsStore = ReturnType<typeof createDetailsStore>;
