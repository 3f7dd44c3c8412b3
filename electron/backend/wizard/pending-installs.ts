// "Customize before install": Finish defined the install document, with VirtDesk's install record in
// its <metadata>, and did not start it; the VM window's "Begin installation" / "Cancel installation"
// finish or undo that run (docs/wizard.md). Everything they need is read from the VM's definition,
// so a restarted VirtDesk, or another desktop, can do either.
import { ApiError } from '../../../shared/api/errors';
import { finalFromInstall } from '../../../shared/wizard/after-install';
import {
  readInstallRecord,
  withInstallRecord,
  type CreatedVolume,
  type InstallRecord,
} from '../../../shared/wizard/install-record';
import { summarizeDomainXml } from '../domains/domain-xml-summary';
import type { LiveHost } from '../hosts/host-connection';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import { definitionUndo, rollBack, volumeUndo, type Undo } from './undo';

export interface PendingInstallView {
  name: string;
  /** The defined document boots install media first (else Begin only starts the VM). */
  install: boolean;
  /** What Cancel removes besides the definition. */
  created: CreatedVolume[];
}

/** The VM's definition (with secrets: the install boot keeps a graphics password) and its record. */
async function readPending(
  host: LiveHost,
  uuid: string,
): Promise<{ xml: string; name: string; record: InstallRecord | undefined }> {
  const xml = await host.shell.run(['dumpxml', '--inactive', '--security-info', '--domain', uuid]);
  const name = summarizeDomainXml(xml).name ?? uuid;
  const reading = readInstallRecord(xml);
  if (reading.state === 'unreadable')
    throw new ApiError(
      'invalid-request',
      `The install record VirtDesk keeps in the metadata of ${name} cannot be read (${reading.problem}): delete the VM with its storage from the manager, or remove the record in its XML`,
    );
  return { xml, name, record: reading.state === 'ok' ? reading.record : undefined };
}

/** Is this VM waiting for its installation (the wizard's record in its definition)? */
export async function pendingInstall(host: LiveHost, uuid: string): Promise<PendingInstallView | undefined> {
  const { name, record } = await readPending(host, uuid);
  return record && { name, install: record.phase !== undefined, created: record.created };
}

const notWaiting = (name: string) =>
  new ApiError('invalid-request', `${name} is not waiting for its installation (it was begun or cancelled)`);

/**
 * Begins the install of a customized VM, virt-install's way with the person's edits: the defined
 * document (edited) runs once as it is; what stays defined is it without the install-phase parts and
 * without the record. Methods without an install phase just start. On failure the definition with
 * its record is put back, so Begin can be tried again.
 */
export async function beginInstall(host: LiveHost, uuid: string): Promise<{ message: string }> {
  const { xml: edited, name, record } = await readPending(host, uuid);
  if (!record) throw notWaiting(name);
  const installDoc = withInstallRecord(edited, undefined);
  const final = record.phase ? finalFromInstall(edited, record.phase) : installDoc;
  await putXmlOn(host, ['define', XML_FILE], final);
  // Started meanwhile (Run): that boot is the install; only what stays defined had to change.
  const state = (await host.shell.run(['domstate', '--domain', uuid]).catch(() => '')).trim();
  if (state === 'running' || state === 'paused')
    return { message: record.phase ? `Installing ${name}` : `${name} started` };
  try {
    if (record.phase) await putXmlOn(host, ['create', XML_FILE], installDoc);
    else await host.shell.run(['start', '--domain', uuid]);
  } catch (error) {
    await putXmlOn(host, ['define', XML_FILE], edited).catch(() => undefined);
    throw error;
  }
  return { message: record.phase ? `Installing ${name}` : `${name} started` };
}

/**
 * Run on a VM that waits for its installation begins it, as "Begin installation" would (else the
 * install boot would run from a definition that keeps booting the media, and the VM would go on
 * waiting). Undefined when there is no record (or a damaged one, which the VM window reports): the
 * caller starts the VM as usual.
 */
export async function beginIfWaiting(host: LiveHost, uuid: string): Promise<string | undefined> {
  const xml = await host.shell.run(['dumpxml', '--inactive', '--domain', uuid]);
  if (readInstallRecord(xml).state !== 'ok') return undefined;
  return (await beginInstall(host, uuid)).message;
}

/** Removes what Finish created for a customized VM (stopping it first if it runs), and says what. */
export async function cancelInstall(host: LiveHost, uuid: string): Promise<{ message: string }> {
  const { name, record } = await readPending(host, uuid);
  if (!record) throw notWaiting(name);
  await host.shell.run(['destroy', '--domain', uuid]).catch(() => undefined);
  const undo: Undo[] = [...record.created.map((v) => volumeUndo(host, v)), definitionUndo(host, uuid, name)];
  return { message: `The installation of ${name} was cancelled. ${await rollBack(undo)}` };
}
