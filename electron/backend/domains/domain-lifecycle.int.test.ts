import { execFile, execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DomainSummary } from '../../../shared/api/domains';
import { hostVirsh, killSshSessions, waitForSerialText } from '../../../e2e/host/test-host';
import { clearEvents, connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { eventStreamCommand } from '../events/virsh-event-stream';

// Real sshd + real libvirt session + a real QEMU guest (vd-tiny: SeaBIOS, serial log, no disk, no NIC).
const host = inject('testHost');
let h: Harness;
let hostId: string;

const stateOf = (uuid: string, state: string) => (d: { hostId: string; upsert: DomainSummary[] }) =>
  d.hostId === hostId && d.upsert.some((s) => s.uuid === uuid && s.state === state);

async function ensureOff(name: string) {
  await hostVirsh(['destroy', name]);
}

beforeAll(async () => {
  await ensureOff('vd-tiny');
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(async () => {
  h?.dispose();
  await ensureOff('vd-tiny');
});

async function tiny(): Promise<DomainSummary> {
  const list = await h.call('domains/list', { hostId });
  const found = list.find((d) => d.name === 'vd-tiny');
  if (!found) throw new Error('vd-tiny is not listed');
  return found;
}

describe('the VM list and lifecycle on a real host', () => {
  it('lists vd-tiny with details from its XML', async () => {
    const d = await tiny();
    expect(d).toMatchObject({
      state: 'shut off',
      vcpus: 1,
      memoryKiB: 64 * 1024,
      persistent: true,
      detailsLoaded: true,
    });
    expect(d.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs it (SeaBIOS prints on its serial port), pauses, resumes and forces it off', async () => {
    const { uuid } = await tiny();
    const started = await h.call('domains/action', { hostId, uuid, action: 'start' });
    expect(started).toMatchObject({ summary: { state: 'running' }, message: 'vd-tiny started' });
    await waitForSerialText('vd-tiny', 'SeaBIOS', 30_000);
    expect((await h.call('domains/action', { hostId, uuid, action: 'pause' })).summary?.state).toBe('paused');
    expect((await h.call('domains/action', { hostId, uuid, action: 'resume' })).summary?.state).toBe(
      'running',
    );
    expect((await h.call('domains/action', { hostId, uuid, action: 'destroy' })).summary?.state).toBe(
      'shut off',
    );
    expect((await hostVirsh(['domstate', 'vd-tiny'])).stdout.trim()).toBe('shut off');
  });

  it('quotes what libvirt says when an action fails', async () => {
    const { uuid } = await tiny();
    await expect(h.call('domains/action', { hostId, uuid, action: 'pause' })).rejects.toMatchObject({
      code: 'virsh-error',
      message: expect.stringMatching(/not running/i),
    });
  });

  it('sees changes made outside the app, pushed by libvirt events', async () => {
    const { uuid } = await tiny();
    clearEvents(h);
    const running = h.waitFor('domains/delta', stateOf(uuid, 'running'));
    expect((await hostVirsh(['start', 'vd-tiny'])).code).toBe(0);
    await running;
    const off = h.waitFor('domains/delta', stateOf(uuid, 'shut off'));
    await hostVirsh(['destroy', 'vd-tiny']);
    await off;
  });

  it('reconnects and re-reads the list when the SSH connection drops', async () => {
    clearEvents(h);
    await killSshSessions();
    await h.waitFor('hosts/status', (s) => s.hostId === hostId && s.state === 'retrying');
    await expect(
      h.call('domains/action', { hostId, uuid: (await tiny()).uuid, action: 'start' }),
    ).rejects.toMatchObject({
      code: 'not-connected',
    });
    await h.waitFor('hosts/status', (s) => s.hostId === hostId && s.state === 'connected');
    await h.waitFor(
      'domains/delta',
      (d) => d.hostId === hostId && d.reset && d.upsert.some((s) => s.name === 'vd-tiny'),
    );
    // Events flow again on the new connection.
    const { uuid } = await tiny();
    const running = h.waitFor('domains/delta', stateOf(uuid, 'running'));
    await hostVirsh(['start', 'vd-tiny']);
    await running;
    const off = h.waitFor('domains/delta', stateOf(uuid, 'shut off'));
    await hostVirsh(['destroy', 'vd-tiny']);
    await off;
  });
});

describe('when virsh dies on the host', () => {
  it('fails fast, shows the host as retrying, and comes back with a fresh shell', async () => {
    clearEvents(h);
    // Kill only our persistent shell (not the event stream): `virsh -q -c qemu:///session`.
    execFileSync('pkill', ['-KILL', '-u', host.user, '-f', '^virsh -q -c qemu:///session$']);
    await h.waitFor('hosts/status', (s) => s.hostId === hostId && s.state === 'retrying');
    await h.waitFor('hosts/status', (s) => s.hostId === hostId && s.state === 'connected');
    const reread = await h.waitFor('domains/delta', (d) => d.hostId === hostId && d.reset);
    expect(reread.upsert.find((d) => d.name === 'vd-tiny')?.state).toBe('shut off');
    expect(
      (await h.call('domains/action', { hostId, uuid: (await tiny()).uuid, action: 'autostart-off' }))
        .message,
    ).toBe('vd-tiny no longer starts with the host');
  });
});

describe('a VM whose name is hostile', () => {
  // libvirt forbids '/' in names; the payload would create vd-pwned in the shell's working directory.
  const name = `vd-hostile $(touch vd-pwned) ;touch vd-pwned; \`touch vd-pwned\` 'q' "dq" & | > -x ünï`;
  const pwned = ['/home/vdtest/vd-pwned', `${process.cwd()}/vd-pwned`, '/vd-pwned'];
  const xmlName = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const file = '/tmp/vd-hostile-domain.xml';

  beforeAll(async () => {
    pwned.forEach((p) => rmSync(p, { force: true }));
    writeFileSync(
      file,
      `<domain type='qemu'><name>${xmlName}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
        `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><graphics type='vnc' listen='127.0.0.1'/></devices></domain>`,
    );
    chmodSync(file, 0o644);
    const defined = await hostVirsh(['define', file]);
    expect(defined.code, defined.stderr).toBe(0);
  });
  afterAll(async () => {
    await hostVirsh(['destroy', name]);
    await hostVirsh(['undefine', name]);
    rmSync(file, { force: true });
  });

  it('is listed by its exact name, started and deleted correctly, and nothing else runs on the host', async () => {
    const listed = await h.waitFor(
      'domains/delta',
      (d) => d.hostId === hostId && d.upsert.some((s) => s.name === name),
    );
    const uuid = listed.upsert.find((s) => s.name === name)!.uuid;
    expect((await h.call('domains/action', { hostId, uuid, action: 'start' })).summary).toMatchObject({
      name,
      state: 'running',
    });
    expect((await hostVirsh(['domstate', name])).stdout.trim()).toBe('running');
    expect(pwned.filter(existsSync)).toEqual([]);
    clearEvents(h);
    const gone = h.waitFor('domains/delta', (d) => d.hostId === hostId && d.remove.includes(uuid));
    expect((await h.call('domains/action', { hostId, uuid, action: 'undefine' })).message).toBe(
      `${name} deleted`,
    );
    await gone;
    expect((await h.call('domains/list', { hostId })).some((d) => d.uuid === uuid)).toBe(false);
    expect((await hostVirsh(['domstate', name])).code).not.toBe(0);
    expect(pwned.filter(existsSync)).toEqual([]);
  });
});

describe('long and vanishing actions', () => {
  it('saves a running VM to disk and restores it, on its own virsh beside the shared shell', async () => {
    const { uuid } = await tiny();
    await h.call('domains/action', { hostId, uuid, action: 'start' });
    await waitForSerialText('vd-tiny', 'SeaBIOS', 30_000);
    // Queued beside the save: answers as usual instead of waiting behind it (or timing out).
    const [saved, listed] = await Promise.all([
      h.call('domains/action', { hostId, uuid, action: 'managedsave' }),
      h.call('domains/list', { hostId }),
    ]);
    expect(listed.some((d) => d.uuid === uuid)).toBe(true);
    expect(saved).toMatchObject({
      message: 'vd-tiny saved',
      summary: { state: 'shut off', hasManagedSave: true },
    });
    expect((await hostVirsh(['domstate', 'vd-tiny', '--reason'])).stdout).toMatch(/shut off \(saved\)/);
    const restored = await h.call('domains/action', { hostId, uuid, action: 'restore' });
    expect(restored).toMatchObject({ message: 'vd-tiny restored', summary: { state: 'running' } });
    await h.call('domains/action', { hostId, uuid, action: 'destroy' });
  });

  it('reports a running transient VM as deleted (stopping it made it vanish)', async () => {
    const name = 'vd-transient-delete';
    const file = '/tmp/vd-transient-delete.xml';
    writeFileSync(
      file,
      `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
        `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>`,
    );
    chmodSync(file, 0o644);
    try {
      const created = await hostVirsh(['create', file]);
      expect(created.code, created.stderr).toBe(0);
      const listed = await h.waitFor(
        'domains/delta',
        (d) => d.hostId === hostId && d.upsert.some((s) => s.name === name && s.persistent === false),
      );
      const uuid = listed.upsert.find((s) => s.name === name)!.uuid;
      const deleted = await h.call('domains/action', { hostId, uuid, action: 'undefine' });
      expect(deleted.message).toBe(`${name} deleted`);
      expect((await hostVirsh(['domstate', name])).code).not.toBe(0);
    } finally {
      await hostVirsh(['destroy', name]);
      rmSync(file, { force: true });
    }
  });
});

describe('disconnecting', () => {
  it('leaves no virsh process (shell or event stream) behind on the host', async () => {
    const virshProcesses = () =>
      new Promise<string>((resolve) =>
        execFile('pgrep', ['-u', host.user, '-a', 'virsh'], (_e, stdout) => resolve(stdout.trim())),
      );
    const running = await virshProcesses();
    // Every kind's events come through the daemon reader: no virsh runs for them, only the shell.
    for (const verb of ['event', 'pool-event', 'net-event'] as const)
      expect(running).not.toContain(eventStreamCommand(verb));
    expect(running).not.toBe('');
    await h.call('hosts/disconnect', { hostId });
    const deadline = Date.now() + 10_000;
    let left = await virshProcesses();
    while (left !== '' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      left = await virshProcesses();
    }
    expect(left).toBe('');
  });
});
