// One guest of the test host for the edit-path integration tests (details, tuning, devices): defined
// with virsh from the test's XML, found through a connected backend, edited through `domains/edit`
// and checked with virsh on the host. Files the guest uses are written first and removed after.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import type { EditChange, EditResult } from '../../../shared/api/domain-edit';
import { hostVirsh, type TestHost } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, pollUntil, type Harness } from './backend-harness';

export interface GuestFile {
  path: string;
  bytes: number;
  mode: number;
}

export interface EditGuest {
  h: Harness;
  hostId: string;
  uuid: string;
  name: string;
  /** virsh on the host; throws with its stderr when it fails. */
  virsh(...args: string[]): Promise<string>;
  /** The host's `virsh dumpxml --security-info` of the guest. */
  dumpxml(...flags: string[]): Promise<string>;
  /** The inactive XML a freshly opened pane starts from. */
  base(): Promise<string>;
  /** One Apply from a freshly opened pane. */
  edit(changes: EditChange[]): Promise<EditResult>;
  /** Starts the guest and waits until the backend's list shows it running. */
  start(): Promise<void>;
  /** Stops and undefines the guest, removes its files, closes the backend. */
  dispose(): Promise<void>;
}

export async function hostVirshOk(...args: string[]): Promise<string> {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}

async function removeGuest(name: string): Promise<void> {
  await hostVirsh(['destroy', name]);
  await hostVirsh(['undefine', name]);
}

/** Defines `xml` (named `name`) on the test host and connects a backend that lists it. */
export async function setUpEditGuest(
  host: TestHost,
  name: string,
  xml: string,
  files: GuestFile[] = [],
): Promise<EditGuest> {
  const xmlFile = `/tmp/${name}.xml`;
  await removeGuest(name);
  writeFileSync(xmlFile, xml);
  chmodSync(xmlFile, 0o644);
  for (const f of files) {
    writeFileSync(f.path, Buffer.alloc(f.bytes));
    chmodSync(f.path, f.mode);
  }
  await hostVirshOk('define', xmlFile);
  const h = await createHarness();
  const hostId = await connectByKey(h, host);
  const found = await pollUntil(
    () => h.call('domains/list', { hostId }),
    (l) => l.some((d) => d.name === name && d.detailsLoaded),
  );
  const uuid = found.find((d) => d.name === name)!.uuid;
  const base = async () => (await h.call('domains/edit-base', { hostId, uuid })).xml;
  return {
    h,
    hostId,
    uuid,
    name,
    virsh: hostVirshOk,
    dumpxml: (...flags) => hostVirshOk('dumpxml', name, '--security-info', ...flags),
    base,
    edit: async (changes) => h.call('domains/edit', { hostId, uuid, baseXml: await base(), changes }),
    start: async () => {
      await hostVirshOk('start', name);
      await pollUntil(
        () => h.call('domains/list', { hostId }),
        (l) => l.some((d) => d.uuid === uuid && d.state === 'running'),
      );
    },
    dispose: async () => {
      h.dispose();
      await removeGuest(name);
      rmSync(xmlFile, { force: true });
      for (const f of files) rmSync(f.path, { force: true });
    },
  };
}

export function applied(result: EditResult): Extract<EditResult, { outcome: 'applied' }> {
  if (result.outcome !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(result)}`);
  return result;
}

/** An edit refused before define: each problem as [field, code, message]. */
export function refused(result: EditResult): string[][] {
  if (result.outcome !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.problems.map((p) => [p.field, p.code, p.message]);
}
