import { z } from 'zod';
import { hostRef } from './refs';

/**
 * The cloud-image method of the New VM wizard: a cloud image (qcow2 or raw) becomes the VM's disk as a
 * qcow2 overlay or a full copy, resized; cloud-init gets a user, a password (hashed by the backend:
 * only a SHA-512 crypt hash reaches the host), SSH public keys, a host name and optional raw
 * user-data through a NoCloud seed (an ISO labelled `cidata`) that becomes a volume of the pool.
 */
export const CloudImageBase = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('volume'), pool: z.string().min(1).max(255), name: z.string().min(1).max(255) }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
]);
export type CloudImageBase = z.infer<typeof CloudImageBase>;

export const CloudImageMode = z.enum(['backing', 'copy']);
export type CloudImageMode = z.infer<typeof CloudImageMode>;

/** The step's state; the same object travels to the backend, which checks it again. */
export const CloudImageChoice = z.object({
  base: CloudImageBase.nullable(),
  mode: CloudImageMode,
  /** '' keeps the image's virtual size; else a size as typed (`20G`); grow only. */
  size: z.string().max(64),
  userName: z.string().max(64),
  /** Plain text in memory only; hashed (SHA-512 crypt) by the backend before anything leaves it. */
  password: z.string().max(1024),
  /** authorized_keys text, one public key per line. */
  sshKeys: z.string().max(1024 * 1024),
  hostname: z.string().max(255),
  /** Optional: #cloud-config (merged), a #! script or a MIME multipart document. */
  userData: z.string().max(512 * 1024),
  /** Optional network-config (YAML, version 1 or 2). */
  networkConfig: z.string().max(64 * 1024),
});
export type CloudImageChoice = z.infer<typeof CloudImageChoice>;

export const emptyCloudImageChoice: CloudImageChoice = {
  base: null,
  mode: 'backing',
  size: '',
  userName: '',
  password: '',
  sshKeys: '',
  hostname: '',
  userData: '',
  networkConfig: '',
};

/** Tools that build a NoCloud seed on the host, in the order they are preferred. */
export const SeedTool = z.enum(['cloud-localds', 'xorriso', 'genisoimage']);
export type SeedTool = z.infer<typeof SeedTool>;
/** `auto`: the host's first tool, else VirtDesk's own ISO writer; `own`: always VirtDesk's writer. */
export const SeedBuilder = z.union([z.enum(['auto', 'own']), SeedTool]);
export type SeedBuilder = z.infer<typeof SeedBuilder>;

const volumeName = z.string().min(1).max(255);

export const CloudImagePlan = z.object({
  /** The pool that receives the disk and the seed. */
  pool: z.string().min(1).max(255),
  diskName: volumeName,
  seedName: volumeName,
  choice: CloudImageChoice,
  seedBuilder: SeedBuilder.optional(),
});
export type CloudImagePlan = z.infer<typeof CloudImagePlan>;

export const CloudImageBaseInfo = z.object({
  path: z.string(),
  format: z.enum(['qcow2', 'raw']),
  /** Virtual size in bytes. */
  capacity: z.number().nonnegative(),
  /** The volume, when the path belongs to a pool. */
  volume: z.object({ pool: z.string(), name: z.string() }).optional(),
});
export type CloudImageBaseInfo = z.infer<typeof CloudImageBaseInfo>;

export const cloudImageCalls = {
  /** Which seed tool the host has (null: VirtDesk writes the ISO itself and uploads it). */
  'cloud-image/seed-tool': {
    request: hostRef,
    response: z.object({ tool: SeedTool.nullable() }),
  },
  /** The image's path, format and virtual size (refused when it is not a readable qcow2 or raw image). */
  'cloud-image/inspect-base': {
    request: hostRef.extend({ base: CloudImageBase }),
    response: CloudImageBaseInfo,
  },
  /** Creates the disk and the seed volume as a job; failure or Cancel removes what it created. */
  'cloud-image/prepare': {
    request: hostRef.extend({ plan: CloudImagePlan }),
    response: z.object({ jobId: z.string() }),
  },
} as const;
