// Media made on the host at Finish by an install method (docs/wizard.md, "The method interface").
import type { NewDisk } from '../../../shared/xml/build/new-domain';
import type { NewVmPlan } from '../../../shared/api/wizard';
import type { CreatedVolume } from '../../../shared/wizard/install-record';
import type { LiveHost } from '../hosts/host-connection';
import { cloudInitPreparer } from '../cloud-init/cloud-init-preparer';

export interface Prepared {
  /** Disks to attach (a base image's overlay, a cloud-init seed …). */
  disks: NewDisk[];
  /** Removes what was made (run on failure or Cancel, newest first). */
  undo(): Promise<void>;
  /** The volumes made, oldest first (kept in a customized VM's install record for Cancel). */
  created: CreatedVolume[];
}

/** Validates its own `request` (zod), makes what it needs, honours `signal`. */
export type Preparer = (
  host: LiveHost,
  request: unknown,
  context: { plan: NewVmPlan; signal: AbortSignal; progress(phase: string): void },
) => Promise<Prepared>;

/** By the name a `prepared` media names: the cloud image with its cloud-init seed. */
export const preparers: Record<string, Preparer> = { 'cloud-init': cloudInitPreparer };
