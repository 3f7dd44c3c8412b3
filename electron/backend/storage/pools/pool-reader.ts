import { PoolState, type PoolSummary } from '../../../../shared/api/pools';
import { documentRoot, findChild, getAttr, getText, parsePoolXml } from '../../../../shared/xml';
import { resolve } from '../../../../shared/xml/view-path';
import { parseKeyValues } from '../../virsh/parse-list';
import type { VirshRunner } from '../../virsh/virsh-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** libvirt's answer when the pool is gone (or never was). */
export function isPoolNotFound(error: unknown): boolean {
  return error instanceof Error && /Storage pool not found|failed to get pool/i.test(error.message);
}

/** `virsh pool-list --all --uuid` → UUIDs. */
export function parsePoolUuids(output: string): string[] {
  return output
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => UUID.test(l));
}

/** `virsh pool-info --bytes` + `virsh pool-dumpxml` → the summary the list shows. */
export function summarizePool(info: string, xml: string): PoolSummary {
  const fields = parseKeyValues(info);
  const root = documentRoot(parsePoolXml(xml));
  const bytes = (key: string) => {
    const value = Number(fields.get(key));
    return Number.isFinite(value) && value >= 0 ? value : 0;
  };
  const state = PoolState.safeParse(fields.get('State'));
  const path = resolve(root, 'target/path');
  const summary: PoolSummary = {
    uuid: (fields.get('UUID') ?? getText(findChild(root, 'uuid') ?? root)).toLowerCase(),
    name: fields.get('Name') ?? getText(findChild(root, 'name') ?? root),
    type: getAttr(root, 'type') ?? 'unknown',
    state: state.success ? state.data : 'inaccessible',
    autostart: fields.get('Autostart') === 'yes',
    persistent: fields.get('Persistent') === 'yes',
    capacity: bytes('Capacity'),
    allocation: bytes('Allocation'),
    available: bytes('Available'),
  };
  if (path) summary.targetPath = getText(path);
  return summary;
}

/** Re-reads one pool (by UUID or name), both commands pipelined; undefined once it is gone. */
export async function readOnePool(virsh: VirshRunner, ref: string): Promise<PoolSummary | undefined> {
  try {
    const [info, xml] = await Promise.all([
      virsh.run(['pool-info', '--pool', ref, '--bytes']),
      virsh.run(['pool-dumpxml', '--pool', ref]),
    ]);
    return summarizePool(info, xml);
  } catch (error) {
    if (isPoolNotFound(error)) return undefined;
    throw error;
  }
}

/** Every pool: the UUIDs, then each pool's info and XML, all written to the shell at once. */
export async function readPools(virsh: VirshRunner): Promise<PoolSummary[]> {
  const uuids = parsePoolUuids(await virsh.run(['pool-list', '--all', '--uuid']));
  const pools = await Promise.all(uuids.map((uuid) => readOnePool(virsh, uuid)));
  return pools.filter((p): p is PoolSummary => p !== undefined);
}
