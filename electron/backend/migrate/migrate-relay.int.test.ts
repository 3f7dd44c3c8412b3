import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh, peerVirsh } from '../../../e2e/host/test-host';
import { installerKernel, startBusyGuest } from '../../../e2e/host/busy-guest';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { clearEvents, connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { migrateViews, removeFromBothUsers } from '../testing/migrate-fixture';

// The relay through the desktop (issue 14), on the real test host: the desktop reaches the second
// test user by an ~/.ssh/config alias that only the desktop knows, so the source's own libvirt
// cannot open qemu+ssh://vd-m4-peer/… — "auto" finds that out and relays libvirt's connection
// through the desktop's two SSH connections; the relay can also be asked for; Cancel works over it;
// and the socket directory on the source is gone once the job ends, however it ends.
const host = inject('testHost');
const peer = host.peer;
const ALIAS = 'vd-m4-peer';
let h: Harness;
let a: string; // vdtest, by address
let b: string; // vdtest2, by the desktop-only alias
let guest: VmWithVolumes;

const { row, runningOn, goneFrom } = migrateViews(() => h);
const relayDirs = () => readdirSync(host.runtimeDir).filter((n) => n.startsWith('vd-relay.'));
/** Whatever listens on TCP port `port` of this machine (`ss`: the test host is this machine). */
const listeners = (port: number) =>
  execFileSync('ss', ['-Htln', `sport = :${port}`], { encoding: 'utf8' }).trim();
/**
 * Connects to 127.0.0.1:port as this test process (root, not the QEMU user): 'refused' when nothing
 * listens, 'cut' when the connection is closed without a byte, 'answered' when bytes come back.
 */
const knock = (port: number) =>
  new Promise<'refused' | 'cut' | 'answered'>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', (e: NodeJS.ErrnoException) =>
      resolve(e.code === 'ECONNREFUSED' ? 'refused' : 'cut'),
    );
    socket.once('data', () => (resolve('answered'), socket.destroy()));
    socket.once('close', () => resolve('cut'));
    socket.once('connect', () => socket.write('QEVM'));
  });
const relayedPort = (message: string) =>
  Number(/relayed from port (\d+) of the source's 127\.0\.0\.1/.exec(message)?.[1]);

beforeAll(async () => {
  if (!peer) return;
  guest = await createVmWithVolumes(`m5-relay-${process.pid}`, []);
  h = await createHarness();
  writeFileSync(
    join(h.homeDir, '.ssh', 'config'),
    `Host ${ALIAS}\n  HostName ${host.host}\n  Port ${host.port}\n  User ${peer.user}\n` +
      `  IdentityFile ${host.privateKeyPath}\n`,
  );
  a = await connectByKey(h, host);
  const view = await h.call('hosts/add', {
    transport: 'ssh',
    host: ALIAS,
    uri: host.uri,
    autoconnect: false,
  });
  b = view.config.id;
  const status = await h.call('hosts/connect', { hostId: b });
  if (status.state !== 'connected') throw new Error(`Could not connect: ${JSON.stringify(status.error)}`);
});

afterAll(async () => {
  h?.dispose();
  if (!peer) return;
  await removeFromBothUsers([guest?.vm]);
  await guest?.remove();
});

// Without root the script has no second account to migrate to (test-host.sh: peer_enabled).
describe.skipIf(!peer)('Migrate relayed through the desktop (real test host, two session daemons)', () => {
  it('relays by itself when the source cannot reach the destination; both lists follow', async () => {
    await hostVirsh(['start', guest.vm]);
    const uuid = (await runningOn(a, guest.vm))!.uuid;
    const before = relayDirs();
    clearEvents(h);
    const finished = h.waitFor('jobs/finished', (j) => j.kind === 'domain-migrate');
    const done = await h.call('domains/migrate', {
      hostId: a,
      uuid,
      destHostId: b,
      persistent: true,
      undefineSource: true,
    });
    expect(done.path).toBe('relay-through-desktop');
    // Native: QEMU's own stream through a port of the source's loopback, the destination's QEMU on
    // 127.0.0.2 (both test users are one machine), no --tunnelled.
    expect(done.message).toMatch(
      /migrated to .* \(live; relayed through this desktop: .*QEMU's own stream relayed from port \d+ of the source's 127\.0\.0\.1 to the destination's 127\.0\.0\.2 \(both are one machine\) — the source could not reach qemu\+ssh:\/\/vd-m4-peer.*\/session by itself/,
    );
    const port = relayedPort(done.message);
    // Nothing listens on the forwarded port any more; a late connection is refused.
    expect(listeners(port)).toBe('');
    expect(await knock(port)).toBe('refused');
    const job = await finished;
    expect(job.state).toBe('done');
    expect(job.message).toMatch(/relayed through this desktop/);
    expect(
      h.events.some(
        (e) => e.name === 'jobs/progress' && /relayed/.test((e.payload as { phase: string }).phase),
      ),
    ).toBe(true);
    expect((await peerVirsh(['domstate', guest.vm])).stdout.trim()).toBe('running');
    expect((await runningOn(b, guest.vm))?.state).toBe('running');
    expect(await goneFrom(a, guest.vm)).toBeUndefined();
    expect(relayDirs()).toEqual(before);
  });

  it('relays when asked even where the direct way works, tunnelled when asked (back to the first user)', async () => {
    const uuid = (await row(b, guest.vm))!.uuid;
    const done = await h.call('domains/migrate', {
      hostId: b,
      uuid,
      destHostId: a,
      persistent: true,
      undefineSource: true,
      route: 'relay',
      tunnelled: true,
    });
    expect(done.path).toBe('relay-through-desktop');
    expect(done.message).toMatch(
      /relayed through this desktop: .*, data tunnelled through it — asked for in the dialog\)/,
    );
    expect((await runningOn(a, guest.vm))?.state).toBe('running');
    expect(await goneFrom(b, guest.vm)).toBeUndefined();
    expect(readdirSync(peer!.runtimeDir).filter((n) => n.startsWith('vd-relay.'))).toEqual([]);
  });

  // A destination reached without SSH (a local connection): the source cannot reach it by itself,
  // so it is relayed — here the desktop's local connection is the second test user's session daemon
  // by its socket, which only root may open besides its owner (the integration tests run as root).
  it.skipIf(process.getuid?.() !== 0)(
    "relays to this desktop's own libvirt (a local connection), then back directly",
    async () => {
      const view = await h.call('hosts/add', {
        transport: 'local',
        uri: `qemu:///session?socket=${peer!.runtimeDir}/libvirt/libvirt-sock`,
        autoconnect: false,
      });
      const local = view.config.id;
      try {
        const status = await h.call('hosts/connect', { hostId: local });
        expect(status.state).toBe('connected');
        const uuid = (await row(a, guest.vm))!.uuid;
        const done = await h.call('domains/migrate', {
          hostId: a,
          uuid,
          destHostId: local,
          persistent: true,
          undefineSource: true,
        });
        expect(done.path).toBe('relay-through-desktop');
        expect(done.message).toMatch(
          /relayed through this desktop: .*QEMU's own stream relayed from port \d+ .* — .*this desktop's own libvirt, reached without SSH/,
        );
        expect((await peerVirsh(['domstate', guest.vm])).stdout.trim()).toBe('running');
        expect((await runningOn(local, guest.vm))?.state).toBe('running');
        // Back from the local connection: its libvirt reaches the first user over SSH by itself.
        const back = await h.call('domains/migrate', {
          hostId: local,
          uuid,
          destHostId: a,
          persistent: true,
          undefineSource: true,
        });
        expect(back.path).toBe('peer-to-peer-ssh');
        expect((await runningOn(a, guest.vm))?.state).toBe('running');
      } finally {
        await h.call('hosts/remove', { hostId: local }).catch(() => undefined);
      }
    },
  );

  // A guest whose memory holds the installer's kernel and initrd: ~45 MiB to copy at 1 MiB/s.
  it.skipIf(!installerKernel(host))(
    "cancels over the relay: another user's connection to the port is cut, the guest stays, nothing on the destination, nothing left listening",
    async () => {
      const busy = await startBusyGuest(host, `vd-m5-busy-${process.pid}`, 128);
      try {
        const uuid = (await runningOn(a, busy.name))!.uuid;
        const before = relayDirs();
        clearEvents(h);
        const started = h.waitFor('jobs/started', (j) => j.kind === 'domain-migrate');
        const call = h.call('domains/migrate', {
          hostId: a,
          uuid,
          destHostId: b,
          bandwidth: 1,
          route: 'relay',
        });
        const job = await started;
        const progress = await h.waitFor(
          'jobs/progress',
          (p) => p.jobId === job.jobId && /relayed/.test(p.phase) && (p.total ?? 0) > 0,
          30_000,
        );
        expect(progress.done).toBeLessThan(progress.total!);
        // The port QEMU's stream goes through: sshd listens on the source's loopback only; a
        // connection from another user (this test runs as root, QEMU as the SSH user) is cut unrelayed.
        const port = Number(/QEMU's stream through port (\d+)/.exec(progress.phase)?.[1]);
        // The destination's QEMU listens on 127.0.0.2 (same machine), nothing on every address.
        const addresses = listeners(port)
          .split('\n')
          .map((line) => line.trim().split(/\s+/)[3])
          .sort();
        expect(addresses).toEqual([`127.0.0.1:${port}`, `127.0.0.2:${port}`]);
        expect(await knock(port)).toBe('cut');
        // While it runs: one new private directory holding the socket, for the SSH user only.
        const during = relayDirs().filter((d) => !before.includes(d));
        expect(during).toHaveLength(1);
        const dir = join(host.runtimeDir, during[0]!);
        expect(statSync(dir).mode & 0o777).toBe(0o700);
        const socket = statSync(join(dir, 'libvirt-sock'));
        expect(socket.isSocket()).toBe(true);
        expect(socket.mode & 0o077).toBe(0);
        await h.call('jobs/cancel', { jobId: job.jobId });
        await expect(call).rejects.toThrow(/cancelled/i);
        expect((await hostVirsh(['domstate', busy.name])).stdout.trim()).toBe('running');
        expect((await peerVirsh(['dominfo', busy.name])).code).not.toBe(0);
        expect(relayDirs()).toEqual(before);
        expect(listeners(port)).toBe('');
        expect(await knock(port)).toBe('refused');
      } finally {
        await busy.remove();
      }
    },
  );
});
