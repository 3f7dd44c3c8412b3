import { describe, expect, it } from 'vitest';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import { explainMigrateError } from './migrate-errors';
import { capabilitiesHostUuid, destinationUri, migrateArgs, migrateProblem, qemuMode } from './migrate-plan';

const vm = (state: DomainSummary['state'], persistent = true) =>
  ({ uuid: 'u-1', name: 'web', state, persistent }) as DomainSummary;
const options = {
  live: true,
  persistent: true,
  undefineSource: false,
  copyStorage: 'none' as const,
  tunnelled: false,
};
const ssh = { id: 'b', transport: 'ssh' as const, host: 'kvm2', uri: 'qemu:///system', autoconnect: true };

describe('the destination as the source reaches it', () => {
  it('is qemu+ssh with user, port and the same driver path', () => {
    expect(destinationUri({ ...ssh, user: 'ops', port: 2222 })).toEqual({
      uri: 'qemu+ssh://ops@kvm2:2222/system',
    });
    expect(destinationUri({ ...ssh, uri: 'qemu:///session', port: 22 })).toEqual({
      uri: 'qemu+ssh://kvm2/session',
    });
    expect(destinationUri({ ...ssh, host: 'fe80::1' })).toEqual({ uri: 'qemu+ssh://[fe80::1]/system' });
  });

  it('refuses a local connection and a non-QEMU one, saying why', () => {
    expect(destinationUri({ ...ssh, transport: 'local', host: '' })).toEqual({
      refused: expect.stringMatching(/source host cannot reach it/),
    });
    expect(destinationUri({ ...ssh, uri: 'test:///default' })).toEqual({
      refused: expect.stringMatching(/not a QEMU\/KVM connection/),
    });
  });
});

describe('virsh migrate arguments', () => {
  const to = 'qemu+ssh://kvm2/system';
  it('live, persistent, undefine source, copy storage, bandwidth, tunnelled', () => {
    expect(
      migrateArgs(vm('running'), to, {
        ...options,
        undefineSource: true,
        copyStorage: 'inc',
        bandwidth: 50,
        tunnelled: true,
      }),
    ).toEqual([
      'migrate',
      '--domain',
      'u-1',
      '--desturi',
      to,
      '--p2p',
      '--live',
      '--persistent',
      '--undefinesource',
      '--copy-storage-inc',
      '--bandwidth',
      '50',
      '--tunnelled',
    ]);
  });
  it('a shut-off VM moves offline (its definition), a paused one without --live', () => {
    expect(migrateArgs(vm('shut off'), to, options)).toEqual([
      'migrate',
      '--domain',
      'u-1',
      '--desturi',
      to,
      '--p2p',
      '--offline',
      '--persistent',
    ]);
    expect(migrateArgs(vm('paused'), to, { ...options, live: false, persistent: false })).toEqual([
      'migrate',
      '--domain',
      'u-1',
      '--desturi',
      to,
      '--p2p',
    ]);
  });
  it('refuses what libvirt would refuse, before running anything', () => {
    expect(migrateProblem(vm('shut off'), { ...options, copyStorage: 'all' })).toMatch(
      /copies storage only while/,
    );
    expect(migrateProblem(vm('paused'), options)).toMatch(/paused: migrate it without "live"/);
    expect(migrateProblem(vm('running'), { ...options, persistent: false, undefineSource: true })).toMatch(
      /defined nowhere/,
    );
    expect(migrateProblem(vm('running'), options)).toBeUndefined();
  });
});

describe('reasons', () => {
  it('reads the host UUID from capabilities', () => {
    expect(capabilitiesHostUuid('<capabilities>\n  <host>\n    <uuid>abc-1</uuid>\n    <cpu>')).toBe('abc-1');
  });
  it("explains libvirt's refusals and keeps its text", () => {
    const explained = (message: string) =>
      (explainMigrateError(new ApiError('virsh-error', message)) as Error).message;
    expect(
      explained('Requested operation is not valid: Attempt to migrate guest to the same host 3a3c'),
    ).toMatch(/^The source and the destination are the same host.*\(libvirt: Requested/);
    expect(
      explained("operation failed: guest CPU doesn't match specification: missing features: avx2"),
    ).toMatch(/destination's CPU cannot run this VM's CPU model/);
    expect(explained('Unsafe migration: Migration without shared storage is unsafe')).toMatch(/copy storage/);
    expect(
      explained("Cannot access storage file '/var/lib/libvirt/images/a.qcow2': No such file or directory"),
    ).toMatch(/cannot find this VM's disks/);
    expect(explained('Host key verification failed.')).toMatch(/could not open an SSH connection/);
    expect(explained('something new')).toBe('something new');
  });
});

describe('the relay through the desktop (issue 14)', () => {
  const relayUri = 'qemu+unix:///session?socket=/run/user/1000/vd-relay.ab12/libvirt-sock';
  it('tunnels a running VM over the relay without forwarded ports, never an offline move', () => {
    expect(migrateArgs(vm('running'), relayUri, options, true)).toContain('--tunnelled');
    expect(migrateArgs(vm('running'), relayUri, options, false)).not.toContain('--tunnelled');
    expect(migrateArgs(vm('shut off'), relayUri, options, true)).not.toContain('--tunnelled');
  });

  it("natively: QEMU's stream to the forwarded port, the destination listening on its loopback", () => {
    expect(migrateProblem(vm('running'), { ...options, tunnelled: true, copyStorage: 'all' })).toMatch(
      /cannot copy disks inside its own connection/,
    );
    const data = { migratePort: 41000, disksPort: 41001, listenAddress: '127.0.0.2' };
    const argv = migrateArgs(vm('running'), relayUri, { ...options, copyStorage: 'all' }, true, data);
    expect(argv).not.toContain('--tunnelled');
    expect(argv.join(' ')).toContain(
      '--copy-storage-all --migrateuri tcp://127.0.0.1:41000 --listen-address 127.0.0.2 --disks-port 41001',
    );
    // Tunnelling asked for wins: no port is used.
    const tunnelled = migrateArgs(vm('running'), relayUri, { ...options, tunnelled: true }, true, data);
    expect(tunnelled).toContain('--tunnelled');
    expect(tunnelled).not.toContain('--migrateuri');
    expect(migrateArgs(vm('shut off'), relayUri, options, true, data)).not.toContain('--migrateuri');
  });

  it('knows the destination mode of QEMU URIs only', () => {
    expect(qemuMode('qemu+ssh://kvm2/system')).toBe('system');
    expect(qemuMode('qemu:///session')).toBe('session');
    expect(qemuMode('qemu:///session?socket=/x')).toBe('session');
    expect(qemuMode('test:///default')).toBeUndefined();
    expect(qemuMode('qemu:///embed')).toBeUndefined();
  });

  it("blames the relay, not the source's SSH, for a lost connection over it", () => {
    const lost = new ApiError('virsh-error', 'End of file while reading data: Input/output error');
    expect((explainMigrateError(lost, true) as Error).message).toMatch(
      /^The relay through this desktop lost/,
    );
    expect((explainMigrateError(lost) as Error).message).toMatch(/^The source host could not open an SSH/);
  });
});
