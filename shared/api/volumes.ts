import { z } from 'zod';
import { hostRef } from './refs';

/**
 * Volumes of a storage pool: listed lazily (only when a pool is opened), created from shared/xml,
 * and moved to or from the desktop as jobs (upload, download) with progress and Cancel.
 */
export const VolumeFormatName = z.enum(['qcow2', 'raw', 'iso', 'vmdk', 'vdi', 'qed', 'vpc']);
export type VolumeFormatName = z.infer<typeof VolumeFormatName>;

export const VolumeUser = z.object({ uuid: z.string(), name: z.string(), running: z.boolean() });
export type VolumeUser = z.infer<typeof VolumeUser>;

/**
 * How much of a volume was read: `names` (name and path: the first rows of a long list), `sizes`
 * (plus type and sizes as `vol-list --details` prints them, three significant figures) or `xml`
 * (its XML: exact sizes, format, backing file).
 */
export const VolumeDetail = z.enum(['names', 'sizes', 'xml']);
export type VolumeDetail = z.infer<typeof VolumeDetail>;

export const VolumeView = z.object({
  name: z.string(),
  path: z.string(),
  detail: VolumeDetail,
  /** file, block, dir, network, … */
  type: z.string().optional(),
  /** Absent until the volume's XML is read (or when libvirt names none). */
  format: z.string().optional(),
  capacity: z.number().nonnegative().optional(),
  allocation: z.number().nonnegative().optional(),
  /** qcow2 backing file, from the XML. */
  backingPath: z.string().optional(),
  /** VMs whose disks reference this volume's path. */
  usedBy: z.array(VolumeUser),
});
export type VolumeView = z.infer<typeof VolumeView>;

const poolRef = hostRef.extend({ pool: z.string().min(1).max(255) });
const volumeRef = poolRef.extend({ name: z.string().min(1).max(255) });
/** A size as a person typed it (`10G`, `10 GiB`, `1.5T`); parsed by shared/storage/parse-capacity. */
const capacityText = z.string().min(1).max(64);

/** Desktop: a local file path; browser (serve mode): the page streams the file to a one-time URL. */
export const TransferEnd = z.union([
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('page') }),
]);
export type TransferEnd = z.infer<typeof TransferEnd>;

const jobStarted = z.object({ jobId: z.string() });

export const volumeCalls = {
  /**
   * The volumes of one pool, with their users (never read at connect: only when a pool is opened).
   * Names and paths only (quick: the first rows of a long list), or with `sizes` (type, capacity,
   * allocation of every row in one `vol-list --details`). The XML of rows is read by `volumes/details`.
   */
  'volumes/list': {
    request: poolRef.extend({ refresh: z.boolean().optional(), sizes: z.boolean().optional() }),
    response: z.array(VolumeView),
  },
  /**
   * The XML-read view (exact sizes, format, backing) of some volumes: the rows in view first, then
   * the rest of the pool. `users: false` skips reading every VM's disks: the rows' `usedBy` are then
   * empty, for a caller that keeps those of `volumes/list` (the volumes store does).
   */
  'volumes/details': {
    request: poolRef.extend({
      names: z.array(z.string().min(1).max(255)).min(1).max(500),
      users: z.boolean().optional(),
    }),
    response: z.array(VolumeView),
  },
  'volumes/create': {
    request: volumeRef.extend({
      format: VolumeFormatName,
      capacity: capacityText,
      allocateNow: z.boolean(),
      /** qcow2 only: name of a volume of the same pool this one is based on. */
      backingVolume: z.string().min(1).max(255).optional(),
    }),
    response: VolumeView,
  },
  /** Refused while a running VM uses the volume; `confirmUsers` acknowledges the warning naming the others. */
  'volumes/delete': {
    request: volumeRef.extend({ confirmUsers: z.boolean().optional() }),
    response: z.object({ message: z.string() }),
  },
  'volumes/resize': {
    request: volumeRef.extend({ capacity: capacityText, shrink: z.boolean() }),
    response: VolumeView,
  },
  'volumes/clone': {
    request: volumeRef.extend({ newName: z.string().min(1).max(255) }),
    response: jobStarted,
  },
  'volumes/wipe': { request: volumeRef, response: jobStarted },
  'volumes/xml': { request: volumeRef, response: z.object({ xml: z.string() }) },
  /**
   * Upload a file as a new volume of exactly `size` bytes (created raw; libvirt detects a qcow2 inside). `page`: the response carries a one-time
   * `uploadId`; the page then sends the bytes with `PUT /upload/<uploadId>?token=…`.
   */
  'volumes/upload': {
    request: volumeRef.extend({
      size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      source: TransferEnd,
    }),
    response: jobStarted.extend({ uploadId: z.string().optional() }),
  },
  /** Download a volume. `page`: fetch `GET /download/<downloadId>?token=…`; the job starts with it. */
  'volumes/download': {
    request: volumeRef.extend({ target: TransferEnd }),
    response: z.object({ jobId: z.string().optional(), downloadId: z.string().optional() }),
  },
} as const;
