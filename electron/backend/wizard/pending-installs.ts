// "Customize before install": Finish defined the install document and did not start it; the VM
// window's "Begin installation" / "Cancel installation" finish or undo that run (docs/wizard.md).
import { ApiError } from '../../../shared/api/errors';
import { finalFromInstall, type InstallPhase } from '../../../shared/wizard/after-install';
import type { LiveHost } from '../hosts/host-connection';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import { rollBack, type Undo } from './create-vm';

export interface PendingInstall {
  name: string;
  /** Absent when the defined document boots as it is (import, cloud image, manual). */
  phase?: InstallPhase | undefined;
  /** What Finish created, oldest first (Cancel removes it newest first). */
  undo: Undo[];
}

/**
 * The VMs defined by "Customize before install" and not yet begun, per host and UUID, for the life
 * of the backend (a restart forgets them: the VM stays defined as its install document, Run
 * installs, Delete with its storage removes it).
 */
export class PendingInstalls {
  private readonly byKey = new Map<string, PendingInstall>();

  keep(hostId: string, uuid: string, pending: PendingInstall): void {
    this.byKey.set(`${hostId}/${uuid}`, pending);
  }

  take(hostId: string, uuid: string): PendingInstall | undefined {
    const key = `${hostId}/${uuid}`;
    const pending = this.byKey.get(key);
    this.byKey.delete(key);
    return pending;
  }

  peek(hostId: string, uuid: string): PendingInstall | undefined {
    return this.byKey.get(`${hostId}/${uuid}`);
  }
}

/**
 * Begins the install of a customized VM, virt-install's way with the person's edits: the defined
 * document (edited) runs once as it is; what stays defined is it without the install-phase parts.
 */
export async function beginInstall(
  host: LiveHost,
  uuid: string,
  pending: PendingInstall | undefined,
): Promise<{ message: string }> {
  const name = pending?.name ?? uuid;
  if (!pending?.phase) {
    await host.shell.run(['start', '--domain', uuid]);
    return { message: `${name} started` };
  }
  // With the graphics password, if the person set one: the install boot must keep it.
  const edited = await host.shell.run(['dumpxml', '--inactive', '--security-info', '--domain', uuid]);
  await putXmlOn(host, ['define', XML_FILE], finalFromInstall(edited, pending.phase));
  // Started meanwhile (Run): that boot is the install; only what stays defined had to change.
  const state = (await host.shell.run(['domstate', '--domain', uuid]).catch(() => '')).trim();
  if (state === 'running' || state === 'paused') return { message: `Installing ${name}` };
  try {
    await putXmlOn(host, ['create', XML_FILE], edited);
  } catch (error) {
    // Put the install document back, so that Begin installation can be tried again.
    await putXmlOn(host, ['define', XML_FILE], edited).catch(() => undefined);
    throw error;
  }
  return { message: `Installing ${name}` };
}

/** Removes what Finish created for a customized VM (stopping it first if it runs), and says what. */
export async function cancelInstall(
  host: LiveHost,
  uuid: string,
  pending: PendingInstall | undefined,
): Promise<{ message: string }> {
  if (!pending)
    throw new ApiError(
      'invalid-request',
      'VirtDesk no longer knows what the wizard created for this VM (it was restarted since): delete the VM with its storage from the manager',
    );
  await host.shell.run(['destroy', '--domain', uuid]).catch(() => undefined);
  return { message: `The installation of ${pending.name} was cancelled. ${await rollBack(pending.undo)}` };
}
