import { z } from 'zod';
import { EditProblem } from './domain-edit';
import { hostRef } from './refs';

/** Whether a thing a document names exists on the host (`unknown`: not checkable from here). */
export const Presence = z.enum(['yes', 'no', 'inactive', 'unknown']);
export type Presence = z.infer<typeof Presence>;

export const ImportDisk = z.object({
  target: z.string(),
  device: z.string(),
  /** `<source file|dev>` or `pool/volume`; absent for an empty CD-ROM or a network disk. */
  source: z.string().optional(),
  present: Presence,
});
export type ImportDisk = z.infer<typeof ImportDisk>;

export const ImportNic = z.object({
  type: z.string(),
  /** The network, bridge or host interface it connects to. */
  source: z.string().optional(),
  mac: z.string().optional(),
  present: Presence,
});
export type ImportNic = z.infer<typeof ImportNic>;

/** What a document will define, as the Import dialog shows it. */
export const ImportSummary = z.object({
  name: z.string(),
  uuid: z.string().optional(),
  virtType: z.string().optional(),
  memoryBytes: z.number().optional(),
  vcpus: z.number().optional(),
  disks: z.array(ImportDisk),
  nics: z.array(ImportNic),
  hostDevices: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** How the document is changed before it is defined (each a choice in the dialog). */
export const ImportOptions = z.object({
  /** Replaces `<name>`. */
  name: z.string().min(1).max(255).optional(),
  /** Drops `<uuid>` and every NIC's `<mac>`: libvirt generates new ones. */
  newIdentity: z.boolean().default(false),
  /** This host's virt type, emulator and machine type where the document names ones it lacks. */
  adaptToHost: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const ImportResult = z.object({
  /** `invalid`: nothing was (or would be) defined; `ready`: a check that found nothing to refuse. */
  outcome: z.enum(['invalid', 'ready', 'defined']),
  summary: ImportSummary.optional(),
  /** Refusals (malformed with line and column, name or UUID taken, schema, this host lacks …). */
  problems: z.array(EditProblem),
  /** Worth knowing, not refused (a disk path or network the host lacks: the VM will not start yet). */
  warnings: z.array(EditProblem),
  /** What was changed in the document (adapted to the host, new identity). */
  changes: z.array(z.string()),
  defined: z.object({ uuid: z.string(), name: z.string() }).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const domainImportCalls = {
  /**
   * Import a VM from a libvirt domain XML document: checked (well-formed, name and UUID free, what
   * this host has), then with `define: true` defined through `define --validate`.
   */
  'domains/import-xml': {
    request: hostRef.extend({
      xml: z.string().max(1_048_576),
      options: ImportOptions.default({ newIdentity: false, adaptToHost: false }),
      define: z.boolean().default(false),
    }),
    response: ImportResult,
  },
} as const;
