import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import type { VolumeUser, VolumeView } from '../../../../shared/api/volumes';
import { parseVolumeXml } from '../../../../shared/xml/objects';
import { readVolume, type VolumeSettings } from '../../../../shared/xml/views/volume';
import type { LiveHost } from '../../hosts/host-connection';
import type { VirshRunner } from '../../virsh/virsh-runner';
import { VirshShell } from '../../virsh/virsh-shell';
import { parseDomBlkSources, parseVolList } from './parse-volume-output';

/** From this many volumes on, a second short-lived virsh shares the XML reads (virsh is single-threaded). */
const HELPER_FROM = 200;

/**
 * The volumes of one pool, read only when asked (never at connect): `vol-list` for the names and
 * paths, then every volume's XML pipelined on the shell(s), and the VMs whose disks use each path.
 */
export async function listVolumes(
  host: LiveHost,
  pool: string,
  domains: readonly DomainSummary[],
  refresh = false,
): Promise<VolumeView[]> {
  if (refresh) await host.shell.run(['pool-refresh', pool]);
  const [rows, users] = await Promise.all([
    host.shell.run(['vol-list', pool]).then(parseVolList),
    diskUsers(host.shell, domains),
  ]);
  const helper =
    rows.length >= HELPER_FROM
      ? await VirshShell.open(host.transport, host.uri).catch(() => undefined)
      : undefined;
  try {
    const details = await Promise.all(
      rows.map((row, i) =>
        readVolumeXml(helper && i % 2 ? helper : host.shell, pool, row.path || row.name).catch(
          () => undefined,
        ),
      ),
    );
    return rows.map((row, i) => toView(details[i] ?? { name: row.name, path: row.path }, users));
  } finally {
    helper?.close();
  }
}

/** One volume, as the table shows it (after create, resize). */
export async function readVolumeView(
  host: LiveHost,
  pool: string,
  name: string,
  domains: readonly DomainSummary[],
): Promise<VolumeView> {
  const settings = await readVolumeXml(host.shell, pool, name);
  return toView(settings, await diskUsers(host.shell, domains));
}

/** `vol-dumpxml`: by path (a volume's key) when known, else by name within the pool. */
export async function readVolumeXml(shell: VirshRunner, pool: string, ref: string): Promise<VolumeSettings> {
  const argv = ref.startsWith('/') ? ['vol-dumpxml', ref] : ['vol-dumpxml', '--pool', pool, ref];
  return readVolume(parseVolumeXml(await shell.run(argv)));
}

/** The VMs using `path`, from their disks (read now: `domblklist` per VM, pipelined). */
export async function usersOf(
  shell: VirshRunner,
  path: string,
  domains: readonly DomainSummary[],
): Promise<VolumeUser[]> {
  return (await diskUsers(shell, domains)).get(path) ?? [];
}

async function diskUsers(
  shell: VirshRunner,
  domains: readonly DomainSummary[],
): Promise<Map<string, VolumeUser[]>> {
  const users = new Map<string, VolumeUser[]>();
  const lists = await Promise.all(
    domains.map((d) =>
      shell.run(['domblklist', d.uuid, '--details']).then(parseDomBlkSources, () => [] as string[]),
    ),
  );
  domains.forEach((d, i) => {
    for (const source of new Set(lists[i])) {
      const user = { uuid: d.uuid, name: d.name, running: d.state !== 'shut off' && d.state !== 'crashed' };
      users.set(source, [...(users.get(source) ?? []), user]);
    }
  });
  return users;
}

function toView(v: VolumeSettings, users: Map<string, VolumeUser[]>): VolumeView {
  if (v.name === undefined) throw new ApiError('storage-error', 'libvirt described a volume without a name');
  const path = v.path ?? '';
  return {
    name: v.name,
    path,
    ...(v.format !== undefined ? { format: v.format } : {}),
    ...(v.capacity !== undefined ? { capacity: v.capacity } : {}),
    ...(v.allocation !== undefined ? { allocation: v.allocation } : {}),
    usedBy: users.get(path) ?? [],
  };
}
