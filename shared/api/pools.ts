import { z } from 'zod';
import { hostRef } from './refs';
import { PoolAction } from './pool-action-table';
import { PoolSpec } from './pool-spec';

/** Every pool type libvirt knows that VirtDesk can create (`virsh pool-capabilities` says which a host runs). */
export { PoolType, PoolSpec, NETFS_FORMATS, poolSpecProblem } from './pool-spec';
export {
  PoolAction,
  POOL_ACTIONS,
  poolActionAllowed,
  poolActionById,
  poolDeletable,
} from './pool-action-table';

/** `virsh pool-info`'s State line: running, inactive, building, degraded, inaccessible. */
export const PoolState = z.enum(['running', 'inactive', 'building', 'degraded', 'inaccessible']);
export type PoolState = z.infer<typeof PoolState>;

export const PoolSummary = z.object({
  uuid: z.string(),
  name: z.string(),
  /** The pool's type from its XML (`dir`, `netfs`, …). */
  type: z.string(),
  state: PoolState,
  autostart: z.boolean(),
  persistent: z.boolean(),
  /** Bytes, as libvirt last measured them (refresh re-measures). */
  capacity: z.number().nonnegative(),
  allocation: z.number().nonnegative(),
  available: z.number().nonnegative(),
  /** `<target><path>`, where the type has one. */
  targetPath: z.string().optional(),
});
export type PoolSummary = z.infer<typeof PoolSummary>;

export const PoolDelta = z.object({
  hostId: z.string(),
  /** True: this delta replaces the host's whole list (first read, reconnect, disconnect). */
  reset: z.boolean().default(false),
  upsert: z.array(PoolSummary),
  /** UUIDs. */
  remove: z.array(z.string()),
});
export type PoolDelta = z.infer<typeof PoolDelta>;

export const PoolTypeSupport = z.object({
  type: z.string(),
  supported: z.boolean(),
  /** Source formats the type accepts (`sourceFormatType`: nfs, cifs, ext4, gpt, …). */
  sourceFormats: z.array(z.string()),
});
export type PoolTypeSupport = z.infer<typeof PoolTypeSupport>;

export const PoolCapabilities = z.object({
  /** False when the host's libvirt cannot say (the test driver): every type is offered, libvirt decides. */
  known: z.boolean(),
  types: z.array(PoolTypeSupport),
});
export type PoolCapabilities = z.infer<typeof PoolCapabilities>;

/** One source `virsh find-storage-pool-sources-as` found (an NFS export, a volume group, an iSCSI target). */
export const PoolSource = z.object({
  host: z.string().optional(),
  dir: z.string().optional(),
  name: z.string().optional(),
  devices: z.array(z.string()),
  format: z.string().optional(),
});
export type PoolSource = z.infer<typeof PoolSource>;

export const poolRef = hostRef.extend({ uuid: z.string().min(1).max(64) });
const text = z.string().max(255);

export const poolCalls = {
  'pools/list': { request: hostRef, response: z.array(PoolSummary) },
  'pools/capabilities': { request: hostRef, response: PoolCapabilities },
  'pools/find-sources': {
    request: hostRef.extend({
      type: z.enum(['netfs', 'iscsi', 'logical', 'gluster']),
      host: text.optional(),
      initiator: text.optional(),
    }),
    response: z.array(PoolSource),
  },
  'pools/define': {
    request: hostRef.extend({
      spec: PoolSpec,
      build: z.boolean().default(false),
      start: z.boolean().default(false),
      autostart: z.boolean().default(false),
    }),
    response: z.object({ summary: PoolSummary.optional(), message: z.string() }),
  },
  'pools/action': {
    request: poolRef.extend({ action: PoolAction }),
    response: z.object({ summary: PoolSummary.optional(), message: z.string() }),
  },
  /** Undefine (stopping it first); `deleteStorage` also runs `pool-delete` (the pool's directory, VG, …). */
  'pools/delete': {
    request: poolRef.extend({ deleteStorage: z.boolean().default(false) }),
    response: z.object({ message: z.string() }),
  },
  'pools/xml': { request: poolRef, response: z.object({ xml: z.string() }) },
} as const;

export const poolEvents = {
  'pools/delta': PoolDelta,
} as const;
