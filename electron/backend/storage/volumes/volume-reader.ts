import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import type { VolumeView } from '../../../../shared/api/volumes';
import { parseVolumeXml } from '../../../../shared/xml/objects';
import { readVolume, type VolumeSettings } from '../../../../shared/xml/views/volume';
import { readDiskUsers, type DiskUsers } from '../../domains/disk-references';
import type { LiveHost } from '../../hosts/host-connection';
import { longRunner } from '../../hosts/host-session';
import type { VirshRunner } from '../../virsh/virsh-runner';
import { parseVolList, parseVolListDetails } from './parse-volume-output';
import { listVolumesByReader, readVolumesXmlByReader } from './volume-rpc-read';
import { readVolumesXmlApart } from './volume-xml-batch';

/**
 * Up to this many names are read on the shared shell (rows in view: no process to start); more go to
 * one virsh of their own (`readVolumesXmlApart`), which costs a process start but far less per volume.
 */
const ON_THE_SHELL = 24;

/**
 * The volumes of one pool, read only when asked (never at connect), in one command whatever their
 * number: `vol-list` (names and paths: the first rows) or `vol-list --details` (plus type and sizes).
 * It runs on its own virsh (a 5,000-volume list keeps virsh busy for a second or two; the shared
 * shell's queue goes on meanwhile). "Used by" comes from the VMs' disks (`disk-references.ts`).
 * The XML of single volumes (format, exact sizes, backing) is `volumeDetails`: for the rows in view.
 */
export async function listVolumes(
  host: LiveHost,
  pool: string,
  domains: readonly DomainSummary[],
  options: { refresh?: boolean; sizes?: boolean } = {},
): Promise<VolumeView[]> {
  if (options.refresh) await host.shell.run(['pool-refresh', pool]);
  const [rows, users] = await Promise.all([
    options.sizes
      ? longRunner(host).run(['vol-list', pool, '--details']).then(parseVolListDetails)
      : listNames(host, pool),
    readDiskUsers(host.shell, domains),
  ]);
  return rows.map((row): VolumeView => ({
    ...row,
    detail: options.sizes ? 'sizes' : 'names',
    usedBy: users.of({ path: row.path, pool, name: row.name }),
  }));
}

/** Names and paths: through the daemon reader where the host has one, else `vol-list` on a virsh apart. */
async function listNames(host: LiveHost, pool: string): Promise<Array<{ name: string; path: string }>> {
  const reader = await host.reader?.();
  if (reader)
    try {
      return await listVolumesByReader(reader, pool);
    } catch (error) {
      if (error instanceof ApiError) throw error; // libvirt's own answer
    }
  return parseVolList(await longRunner(host).run(['vol-list', pool]));
}

/**
 * Volumes by name with everything their XML says: a few pipelined `vol-dumpxml` on the shell, many
 * from one virsh apart (`readVolumesXmlApart`). A volume that vanished meanwhile is left out.
 * Without `domains` the VMs' disks are not read and `usedBy` stays empty (the caller has them).
 */
export async function volumeDetails(
  host: LiveHost,
  pool: string,
  names: readonly string[],
  domains: readonly DomainSummary[] | undefined,
): Promise<VolumeView[]> {
  const [settings, users] = await Promise.all([
    readManyVolumesXml(host, pool, names),
    domains ? readDiskUsers(host.shell, domains) : undefined,
  ]);
  return settings.map((v) => toView(v, pool, users));
}

async function readManyVolumesXml(
  host: LiveHost,
  pool: string,
  names: readonly string[],
  viaReader = true,
): Promise<VolumeSettings[]> {
  const reader = viaReader ? await host.reader?.() : undefined;
  if (reader) {
    // In the order asked, whatever order the daemon answered in.
    const read = new Map<string, VolumeSettings>();
    const inOrder = () => names.flatMap((name) => read.get(name) ?? []);
    try {
      await readVolumesXmlByReader(reader, pool, names, (v) => read.set(v.name ?? '', v));
      return inOrder();
    } catch (error) {
      if (error instanceof ApiError) throw error; // libvirt's own answer
      // The reader's connection broke: what it did not bring comes through virsh.
      const rest = names.filter((name) => !read.has(name));
      for (const v of await readManyVolumesXml(host, pool, rest, false)) read.set(v.name ?? '', v);
      return inOrder();
    }
  }
  // On `test:///` the driver's state lives in the host's own virsh: everything goes there.
  if (names.length <= ON_THE_SHELL || host.uri.startsWith('test:')) {
    const read = await Promise.all(
      names.map((name) => readVolumeXml(host.shell, pool, name).catch(() => undefined)),
    );
    return read.filter((v): v is VolumeSettings => v !== undefined);
  }
  const read: VolumeSettings[] = [];
  await readVolumesXmlApart(host, pool, names, (v) => read.push(v));
  return read;
}

/** One volume, as the table shows it (after create, resize). */
export async function readVolumeView(
  host: LiveHost,
  pool: string,
  name: string,
  domains: readonly DomainSummary[],
): Promise<VolumeView> {
  const [settings, users] = await Promise.all([
    readVolumeXml(host.shell, pool, name),
    readDiskUsers(host.shell, domains),
  ]);
  return toView(settings, pool, users);
}

/** `vol-dumpxml`: by path (a volume's key) when known, else by name within the pool. */
export async function readVolumeXml(shell: VirshRunner, pool: string, ref: string): Promise<VolumeSettings> {
  const argv = ref.startsWith('/') ? ['vol-dumpxml', ref] : ['vol-dumpxml', '--pool', pool, ref];
  return readVolume(parseVolumeXml(await shell.run(argv)));
}

function toView(v: VolumeSettings, pool: string, users: DiskUsers | undefined): VolumeView {
  if (v.name === undefined) throw new ApiError('storage-error', 'libvirt described a volume without a name');
  const path = v.path ?? '';
  return {
    name: v.name,
    path,
    detail: 'xml',
    ...(v.type !== undefined ? { type: v.type } : {}),
    ...(v.format !== undefined ? { format: v.format } : {}),
    ...(v.capacity !== undefined ? { capacity: v.capacity } : {}),
    ...(v.allocation !== undefined ? { allocation: v.allocation } : {}),
    ...(v.backingPath !== undefined ? { backingPath: v.backingPath } : {}),
    usedBy: users?.of({ path, pool, name: v.name }) ?? [],
  };
}
