import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EditResult } from '../../../../shared/api/domain-edit';
import type { HardwareKind, NewHardware } from '../../../../shared/api/domain-hardware';
import { defaultSettings } from '../../../../shared/domain-edit/hardware/hardware-kinds';
import { liveAttach } from '../../../../shared/domain-edit/hardware/live-attach';
import { parseDomainXml } from '../../../../shared/xml/objects';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { connectByKey, createHarness, pollUntil, type Harness } from '../../testing/backend-harness';

// Issue 13, fourth session: what the Add Hardware dialog says before Finish (attached now / after
// the next guest shutdown) is what happens on the test host's running guest, and the VM's
// "takes effect after the next guest shutdown" marking in the list follows.
const host = inject('testHost');
const NAME = `vd-im-live-${process.pid}`;
const XML = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices><memballoon model='none'/></devices>
</domain>
`;
let h: Harness;
let hostId: string;
let uuid: string;

beforeAll(async () => {
  await hostVirsh(['destroy', NAME]);
  await hostVirsh(['undefine', NAME]);
  const file = `/tmp/${NAME}.xml`;
  writeFileSync(file, XML);
  chmodSync(file, 0o644);
  await hostVirsh(['define', file]);
  rmSync(file, { force: true });
  await hostVirsh(['start', NAME]);
  h = await createHarness();
  hostId = await connectByKey(h, host);
  const list = await pollUntil(
    () => h.call('domains/list', { hostId }),
    (l) => l.some((d) => d.name === NAME && d.state === 'running' && d.detailsLoaded),
  );
  uuid = list.find((d) => d.name === NAME)!.uuid;
}, 60_000);
afterAll(async () => {
  h?.dispose();
  await hostVirsh(['destroy', NAME]);
  await hostVirsh(['undefine', NAME]);
});

async function add(kind: HardwareKind): Promise<{ said: string; result: EditResult }> {
  const base = await h.call('domains/edit-base', { hostId, uuid });
  const settings = defaultSettings(kind, parseDomainXml(base.xml)) as NewHardware['settings'];
  const said = liveAttach(kind, settings).attach;
  const result = await h.call('domains/add-device', {
    hostId,
    uuid,
    baseXml: base.xml,
    devices: [{ kind, settings }],
  });
  return { said, result };
}
const pending = async (expected: boolean) =>
  (
    await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => l.find((d) => d.uuid === uuid)?.pendingChanges === expected,
    )
  ).find((d) => d.uuid === uuid)!.pendingChanges;

describe('attached now or after the next guest shutdown, on a running guest', () => {
  it('a USB tablet: said "now", attached now, nothing waits', async () => {
    const { said, result } = await add('input');
    expect(said).toBe('now');
    expect(result).toMatchObject({ outcome: 'applied', fields: [{ applied: 'live' }] });
    expect(await pending(false)).toBe(false);
  });

  it('VNC graphics: said "after the shutdown", saved for the next boot, the VM marked as waiting', async () => {
    const { said, result } = await add('graphics');
    expect(said).toBe('later');
    expect(result).toMatchObject({
      outcome: 'applied',
      fields: [{ applied: 'next-boot', message: expect.stringContaining('graphics') }],
    });
    expect(await pending(true)).toBe(true);
  });
});
