import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh, peerVirsh } from '../../../e2e/host/test-host';
import { installerKernel, startBusyGuest } from '../../../e2e/host/busy-guest';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import {
  clearEvents,
  connectByKey,
  createHarness,
  pollUntil,
  type Harness,
} from '../testing/backend-harness';
import { migrateViews, removeFromBothUsers } from '../testing/migrate-fixture';

// Real sshd + two real libvirt session daemons (vdtest and vdtest2, each with its own host UUID):
// a disk-less 32 MiB guest migrates live from one to the other and back, a shut-off one moves its
// definition, a migration is cancelled (domjobabort), and refusals say why.
const host = inject('testHost');
const peer = host.peer;
let h: Harness;
let a: string; // vdtest
let b: string; // vdtest2
let live: VmWithVolumes;
let disky: VmWithVolumes;

const { row, runningOn, goneFrom } = migrateViews(() => h);
const uuidOn = async (hostId: string, name: string) => (await row(hostId, name))!.uuid;
const peerState = async (name: string) => (await peerVirsh(['domstate', name])).stdout.trim();

beforeAll(async () => {
  if (!peer) return;
  live = await createVmWithVolumes(`mg-live-${process.pid}`, []);
  disky = await createVmWithVolumes(`mg-disk-${process.pid}`, ['a.qcow2']);
  h = await createHarness();
  a = await connectByKey(h, host);
  b = await connectByKey(h, { ...host, user: peer.user });
});

afterAll(async () => {
  h?.dispose();
  if (!peer) return;
  await removeFromBothUsers([live?.vm, disky?.vm]);
  await live?.remove();
  await disky?.remove();
});

// Without root the script has no second account to migrate to (test-host.sh: peer_enabled).
describe.skipIf(!peer)('Migrate between two session daemons on the real test host', () => {
  it('refuses the same host (a second connection to the same daemon) with the reason', async () => {
    const again = await connectByKey(h, host);
    const uuid = await uuidOn(a, live.vm);
    await expect(h.call('domains/migrate', { hostId: a, uuid, destHostId: again })).rejects.toThrow(
      /same host to libvirt \(the same host UUID\)/,
    );
    await expect(h.call('domains/migrate', { hostId: a, uuid, destHostId: a })).rejects.toThrow(/same host/);
    await h.call('hosts/remove', { hostId: again });
  });

  it('migrates a running guest live, keeps it defined there only, and both lists follow', async () => {
    await hostVirsh(['start', live.vm]);
    const uuid = await uuidOn(a, live.vm);
    await runningOn(a, live.vm);
    clearEvents(h);
    const finished = h.waitFor('jobs/finished', (j) => j.kind === 'domain-migrate');
    const done = await h.call('domains/migrate', {
      hostId: a,
      uuid,
      destHostId: b,
      live: true,
      persistent: true,
      undefineSource: true,
    });
    expect(done.path).toBe('peer-to-peer-ssh');
    expect(done.message).toMatch(
      /migrated to .* \(live; peer-to-peer: the source's libvirt connected to qemu\+ssh:\/\/vdtest2@127\.0\.0\.1:\d+\/session over SSH\)/,
    );
    expect((await finished).state).toBe('done');
    expect(await peerState(live.vm)).toBe('running');
    expect((await peerVirsh(['dominfo', live.vm])).stdout).toMatch(/Persistent:\s+yes/);
    expect((await runningOn(b, live.vm))?.state).toBe('running');
    expect(await goneFrom(a, live.vm)).toBeUndefined();

    // And back, from the second user's daemon to the first (each accepts the other's key).
    const back = await h.call('domains/migrate', {
      hostId: b,
      uuid: await uuidOn(b, live.vm),
      destHostId: a,
      persistent: true,
      undefineSource: true,
    });
    expect(back.message).toMatch(/migrated to .* \(live;/);
    expect((await runningOn(a, live.vm))?.state).toBe('running');
    expect(await goneFrom(b, live.vm)).toBeUndefined();
  });

  // A guest whose memory holds the installer's kernel and initrd: ~45 MiB to copy at 1 MiB/s.
  it.skipIf(!installerKernel(host))(
    'cancels a slow migration (bandwidth 1 MiB/s) with domjobabort: the guest stays where it was',
    async () => {
      const busy = await startBusyGuest(host, `vd-mg-busy-${process.pid}`, 128);
      try {
        const uuid = (await runningOn(a, busy.name))!.uuid;
        clearEvents(h);
        const started = h.waitFor('jobs/started', (j) => j.kind === 'domain-migrate');
        const call = h.call('domains/migrate', { hostId: a, uuid, destHostId: b, bandwidth: 1 });
        const job = await started;
        expect(job.cancellable).toBe(true);
        const progress = await h.waitFor(
          'jobs/progress',
          (p) =>
            p.jobId === job.jobId &&
            p.phase === 'Copying memory (peer-to-peer over SSH)' &&
            (p.total ?? 0) > 0,
        );
        expect(progress.done).toBeLessThan(progress.total!);
        await h.call('jobs/cancel', { jobId: job.jobId });
        await expect(call).rejects.toThrow(/cancelled/i);
        expect((await hostVirsh(['domstate', busy.name])).stdout.trim()).toBe('running');
        expect((await peerVirsh(['dominfo', busy.name])).code).not.toBe(0);
      } finally {
        await busy.remove();
      }
    },
  );

  it('moves a shut-off guest offline: the definition only, removed from the source', async () => {
    await hostVirsh(['destroy', live.vm]);
    const uuid = await uuidOn(a, live.vm);
    await pollUntil(
      () => row(a, live.vm),
      (d) => d?.state === 'shut off',
    );
    const done = await h.call('domains/migrate', { hostId: a, uuid, destHostId: b, undefineSource: true });
    expect(done.message).toMatch(/its definition moved/);
    expect(await peerState(live.vm)).toBe('shut off');
    expect(
      (
        await pollUntil(
          () => row(b, live.vm),
          (d) => d !== undefined,
        )
      )?.state,
    ).toBe('shut off');
    expect(await goneFrom(a, live.vm)).toBeUndefined();
    // A second VM of that name cannot go there now.
    const xml = `/tmp/${live.vm}.xml`;
    writeFileSync(xml, (await peerVirsh(['dumpxml', live.vm])).stdout);
    chmodSync(xml, 0o644);
    expect((await hostVirsh(['define', xml])).code).toBe(0);
    rmSync(xml);
    const again = await pollUntil(
      () => row(a, live.vm),
      (d) => d !== undefined,
    );
    await expect(h.call('domains/migrate', { hostId: a, uuid: again!.uuid, destHostId: b })).rejects.toThrow(
      /already exists on/,
    );
  });

  it("refuses a guest whose disk the destination cannot reach, with libvirt's reason", async () => {
    await hostVirsh(['start', disky.vm]);
    const uuid = await uuidOn(a, disky.vm);
    await runningOn(a, disky.vm);
    const refused = h.call('domains/migrate', { hostId: a, uuid, destHostId: b });
    await expect(refused).rejects.toThrow(
      /disks that are not on storage both hosts share.*\(libvirt: Unsafe migration/s,
    );
    expect((await hostVirsh(['domstate', disky.vm])).stdout.trim()).toBe('running');
    expect((await peerVirsh(['dominfo', disky.vm])).code).not.toBe(0);
  });
});
