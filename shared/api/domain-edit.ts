import { z } from 'zod';
import { CheckMessageShape } from '../checks/check-message';
import { domainRef, hostRef } from './refs';

/** One value of a typed view field as it crosses the wire; `null` removes the node. */
const Scalar = z.union([z.string().max(65_536), z.number().finite(), z.boolean(), z.null()]);
const Row = z.record(z.string().max(64), Scalar);
export const FieldValue = z.union([Scalar, z.array(Row).max(256), Row]);
export type FieldValue = z.infer<typeof FieldValue>;
export const ViewPatch = z.record(z.string().max(64), FieldValue);
export type ViewPatch = z.infer<typeof ViewPatch>;

/** The domain-level views an edit may write (shared/xml `DOMAIN_FIELDS` names). */
export const EditableView = z.enum([
  'general',
  'memory',
  'vcpu',
  'cpu',
  'os',
  // Performance tuning (issue 13)
  'memoryBacking',
  'memtune',
  'cputune',
  'iothreads',
  'numatune',
  'blkiotune',
  'lifecycle',
  'features',
  'clock',
]);
export type EditableView = z.infer<typeof EditableView>;

/** One typed change, applied to the freshly re-read inactive XML through shared/xml's views. */
export const EditChange = z.union([
  z.object({ target: z.literal('domain'), view: EditableView, patch: ViewPatch }),
  z.object({
    target: z.literal('device'),
    kind: z.string().min(1).max(32),
    key: z.string().min(1).max(256),
    patch: ViewPatch,
  }),
  /** Not XML: `virsh autostart`. */
  z.object({ target: z.literal('autostart'), enabled: z.boolean() }),
  /** Not XML: `virsh domrename` (shut-off VMs only). */
  z.object({ target: z.literal('rename'), name: z.string().min(1).max(255) }),
  /** BIOS / UEFI / UEFI with Secure Boot through libvirt's firmware autoselection (shut-off VMs only). */
  z.object({ target: z.literal('firmware'), firmware: z.enum(['bios', 'efi', 'efi-secure']) }),
]);
export type EditChange = z.infer<typeof EditChange>;

/** What happened to one changed field: saved (VM off), applied live as well, or waiting for a restart. */
export const FieldOutcome = z.object({
  /** `memory.currentMemory`, `device:disk:hdc.sourceFile`, `autostart`, … */
  field: z.string(),
  applied: z.enum(['saved', 'live', 'next-boot']),
  /** Why a live change did not happen (libvirt's words), when it was tried. */
  message: z.string().optional(),
  /** A known reason (`live-needs-cgroups`) and what it names, for a translated message. */
  code: z.string().max(64).optional(),
  values: z.record(z.string().max(64), z.string().max(256)).optional(),
});
export type FieldOutcome = z.infer<typeof FieldOutcome>;

export const EditProblem = z.object({
  /** The field it is about (same names as FieldOutcome), or `xml` with a line. */
  field: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** What the message names (a CPU, a node set, a size), for a translated message with `{{name}}`s. */
  values: z.record(z.string().max(64), z.union([z.string().max(1024), z.number()])).optional(),
  /** issue 15: a shared check's key + values (the UI shows it in the user's language). */
  check: CheckMessageShape.optional(),
});
export type EditProblem = z.infer<typeof EditProblem>;

export const EditResult = z.union([
  /** The VM's XML changed on the host since `baseXml` was read: nothing was defined. */
  z.object({ outcome: z.literal('stale'), changes: z.string(), xml: z.string() }),
  /** Bad input (a field, or XML that is malformed or fails the schema): nothing was defined. */
  z.object({ outcome: z.literal('invalid'), problems: z.array(EditProblem) }),
  /** `preview: true`: the diff that Apply would define. */
  z.object({ outcome: z.literal('preview'), diff: z.string() }),
  z.object({
    outcome: z.literal('applied'),
    diff: z.string(),
    /** The inactive XML now on the host (the next edit's base). */
    xml: z.string(),
    fields: z.array(FieldOutcome),
  }),
]);
export type EditResult = z.infer<typeof EditResult>;

/** What a Details page reads: the inactive XML with secrets (the edit base) and, if running, the live XML. */
export const EditBase = z.object({
  xml: z.string(),
  liveXml: z.string().optional(),
  autostart: z.boolean(),
});
export type EditBase = z.infer<typeof EditBase>;

export const CpuChoices = z.object({
  /** Modes the host supports (`host-model`, `host-passthrough`, `maximum`, `custom`). */
  modes: z.array(z.string()),
  /** Named models usable on this host (custom mode). */
  models: z.array(z.string()),
  /** Logical CPUs of the host (for the overcommit warning). */
  hostCpus: z.number().int().nonnegative().optional(),
  /** Host memory in KiB (for the memory warning). */
  hostMemoryKiB: z.number().nonnegative().optional(),
});
export type CpuChoices = z.infer<typeof CpuChoices>;

export const GuestAddress = z.object({
  interface: z.string(),
  mac: z.string(),
  address: z.string(),
  source: z.enum(['agent', 'lease', 'arp']),
});
export type GuestAddress = z.infer<typeof GuestAddress>;

const editRequest = domainRef.extend({
  /** The inactive XML the pane was opened with (stale-edit protection). */
  baseXml: z.string().max(1_048_576),
  preview: z.boolean().default(false),
});

export const domainEditCalls = {
  'domains/edit-base': { request: domainRef, response: EditBase },
  'domains/edit': {
    request: editRequest.extend({ changes: z.array(EditChange).min(1).max(256) }),
    response: EditResult,
  },
  /** The whole domain (`deviceKey` absent) or one device replaced by XML typed by the user. */
  'domains/edit-xml': {
    request: editRequest.extend({
      xml: z.string().max(1_048_576),
      deviceKey: z.string().min(1).max(256).optional(),
    }),
    response: EditResult,
  },
  'domains/cpu-choices': { request: hostRef, response: CpuChoices },
  'domains/guest-addresses': { request: domainRef, response: z.array(GuestAddress) },
  /** Grow a disk: `blockresize` while running, the volume resize when off. */
  'domains/disk-resize': {
    request: domainRef.extend({ target: z.string().min(1).max(64), bytes: z.number().int().positive() }),
    response: z.object({ message: z.string() }),
  },
} as const;
