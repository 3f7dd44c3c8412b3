import { z } from 'zod';
import { domainRef } from './refs';

/**
 * Snapshots of one VM: read on demand (the VM window's Snapshots page), refreshed after each
 * operation (`snapshots/changed`) and when the VM's state changes.
 */

/** libvirt's `<state>` of a snapshot: the VM's state when it was taken, or `disk-snapshot`. */
export const SnapshotState = z.enum([
  'running',
  'paused',
  'shutoff',
  'shutdown',
  'crashed',
  'pmsuspended',
  'blocked',
  'nostate',
  'disk-snapshot',
]);
export type SnapshotState = z.infer<typeof SnapshotState>;

export const SnapshotView = z.object({
  name: z.string(),
  /** Parent snapshot's name; absent for a root. */
  parent: z.string().optional(),
  /** Seconds since the epoch (libvirt's `<creationTime>`). */
  createdAt: z.number(),
  state: SnapshotState,
  description: z.string(),
  /** Where the disks' state lives: in the qcow2 images (internal) or in new overlay files (external). */
  location: z.enum(['internal', 'external', 'mixed', 'none']),
  /** The VM's memory is part of it (reverting resumes the guest where it was). */
  memory: z.boolean(),
  current: z.boolean(),
  /** The overlay / memory files of an external snapshot. */
  files: z.array(z.string()),
});
export type SnapshotView = z.infer<typeof SnapshotView>;

/** What the host and this VM allow, for the Create and Revert dialogs. */
export const SnapshotSupport = z.object({
  /** libvirt can revert to external snapshots (≥ 9.9: capabilities advertise `<externalSnapshot/>`). */
  externalRevert: z.boolean(),
  /** Why internal snapshots cannot be taken now (UEFI firmware in a running VM, a raw disk), if so. */
  internalBlocked: z.string().optional(),
  /** A guest agent is connected (quiesce is possible). */
  agent: z.boolean(),
  /** The VM's writable disks (for external snapshots: the overlays are made next to them). */
  disks: z.array(
    z.object({ target: z.string(), format: z.string().optional(), path: z.string().optional() }),
  ),
});
export type SnapshotSupport = z.infer<typeof SnapshotSupport>;

/** Names travel on virsh command lines and in XML: no control characters, no slash (libvirt refuses it). */
export const SnapshotName = z
  .string()
  .trim()
  .min(1, 'A snapshot needs a name')
  .max(200)
  .refine((s) => !/[\x00-\x1f\x7f/]/.test(s), 'A snapshot name cannot contain "/" or control characters');

const snapshotRef = domainRef.extend({ name: z.string().min(1).max(200) });

export const SnapshotCreate = domainRef.extend({
  name: SnapshotName,
  description: z.string().max(10_000).default(''),
  /** Include the VM's memory (only for a running or paused VM). */
  memory: z.boolean(),
  location: z.enum(['internal', 'external']),
  /** Freeze the guest's file systems through the agent while the disks are captured. */
  quiesce: z.boolean().default(false),
});
export type SnapshotCreate = z.input<typeof SnapshotCreate>;

export const snapshotCalls = {
  'snapshots/list': {
    request: domainRef,
    response: z.object({ snapshots: z.array(SnapshotView), support: SnapshotSupport }),
  },
  /** A snapshot with memory runs as a job (progress, Cancel); the call answers when it is done. */
  'snapshots/create': { request: SnapshotCreate, response: z.object({ message: z.string() }) },
  'snapshots/revert': {
    request: snapshotRef.extend({ then: z.enum(['as-taken', 'running', 'paused']).default('as-taken') }),
    response: z.object({ message: z.string() }),
  },
  'snapshots/delete': {
    request: snapshotRef.extend({ children: z.boolean().default(false) }),
    response: z.object({ message: z.string() }),
  },
  'snapshots/describe': {
    request: snapshotRef.extend({ description: z.string().max(10_000) }),
    response: z.object({ message: z.string() }),
  },
} as const;

export const snapshotEvents = {
  /** A VM's snapshots changed (created, reverted, deleted, edited) through this backend. */
  'snapshots/changed': domainRef,
} as const;
