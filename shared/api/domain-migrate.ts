import { z } from 'zod';
import { domainRef } from './refs';

/** Copy the disks to the destination while migrating: not at all (shared storage), all, or incremental. */
export const MigrateCopyStorage = z.enum(['none', 'all', 'inc']);
export type MigrateCopyStorage = z.infer<typeof MigrateCopyStorage>;

/**
 * How the source's libvirt reaches the destination: by itself over SSH (peer-to-peer), relayed
 * through this desktop's two SSH connections, or `auto` — directly when a bounded check from the
 * source succeeds, else the relay.
 */
export const MigrateRoute = z.enum(['auto', 'direct', 'relay']);
export type MigrateRoute = z.infer<typeof MigrateRoute>;

/** What the Migrate dialog asks (virt-manager's and virsh's options). */
export const MigrateOptions = z.object({
  /** The connected host to migrate to (another VirtDesk connection). */
  destHostId: z.string().min(1).max(64),
  /**
   * A running VM: keep it running while its memory is copied (`--live`), or pause it meanwhile.
   * A shut-off VM always moves its definition only (`--offline`).
   */
  live: z.boolean().default(true),
  /** Keep the definition on the destination (`--persistent`; always for an offline migration). */
  persistent: z.boolean().default(true),
  /** Remove the definition from the source afterwards (`--undefinesource`). */
  undefineSource: z.boolean().default(false),
  /** Disks not on shared storage: copy them all, or only what differs (`--copy-storage-all|inc`). */
  copyStorage: MigrateCopyStorage.default('none'),
  /** MiB/s, or no limit. */
  bandwidth: z.number().int().min(1).max(1_000_000).optional(),
  /** Carry the data inside libvirt's own connection (`--tunnelled`) instead of a second TCP port. */
  tunnelled: z.boolean().default(false),
  /** The way to the destination (the dialog's advanced part; the relay always tunnels). */
  route: MigrateRoute.default('auto'),
});
export type MigrateOptions = z.input<typeof MigrateOptions>;

/** Which way the migration went, said plainly in the result. */
export const MigratePath = z.enum(['peer-to-peer-ssh', 'relay-through-desktop']);
export type MigratePath = z.infer<typeof MigratePath>;

/** Migrate a VM to another connected host, as a job (progress from `domjobinfo`, Cancel). */
export const domainMigrateCalls = {
  'domains/migrate': {
    request: domainRef.merge(MigrateOptions),
    response: z.object({ message: z.string(), path: MigratePath }),
  },
} as const;
