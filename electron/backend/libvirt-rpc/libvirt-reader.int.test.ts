import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDirPool } from '../storage/volumes/testing/test-pool';
import type { SshTransport } from '../transport/ssh-transport';
import { connectTestTransport } from '../testing/ssh-test-host';
import { runToEnd } from '../virsh/one-off-process';
import { remoteCommand } from '../virsh/quote';
import { VirshApart } from '../virsh/virsh-apart';
import { readDomainList, readDomainListFromDaemon } from '../domains/domain-reader';
import { LibvirtReader } from './libvirt-reader';
import { uuidBytes } from './remote-calls';
import { RpcCallError, type RpcConnection } from './rpc-connection';

// Real sshd on 127.0.0.1 and the test user's real libvirt session daemon (e2e/host/).
const host = inject('testHost');
const PREFIX = 'vd-rpc-';
const DOMAIN = `${PREFIX}reader`;
const POOL = `${PREFIX}pool`;
// A name virsh's own parser needs quoting for, and characters beyond ASCII.
const ODD_VOLUME = `it's a "vol" $(id) 虚拟机.img`;

describe('the libvirt reader (remote protocol over SSH streamlocal) on the real test host', () => {
  let ssh: Awaited<ReturnType<typeof connectTestTransport>>;
  let transport: SshTransport;
  let virsh: VirshApart;
  let reader: LibvirtReader;
  let uuid: string;

  beforeAll(async () => {
    ssh = await connectTestTransport(host);
    transport = ssh.transport;
    virsh = new VirshApart(transport, host.uri);
    await virsh.run(['undefine', DOMAIN]).catch(() => undefined);
    const xml = `<domain type='qemu'><name>${DOMAIN}</name><title>reader &amp; "quotes"</title><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os></domain>`;
    const defined = await transport.exec(remoteCommand(['virsh', '-c', host.uri, 'define', '/dev/stdin']));
    expect((await runToEnd(defined, xml)).code).toBe(0);
    uuid = (await virsh.run(['domuuid', DOMAIN])).trim();
    await ensureDirPool(POOL, host.home);
    await virsh.run(['vol-create-as', POOL, ODD_VOLUME, '1M', '--format', 'qcow2']).catch(() => undefined);
    const opened = await LibvirtReader.open(transport, host.uri);
    if (!opened) throw new Error('the reader could not open');
    reader = opened;
  });

  afterAll(async () => {
    reader?.close();
    await virsh?.run(['undefine', DOMAIN]).catch(() => undefined);
    await virsh?.run(['vol-delete', '--pool', POOL, ODD_VOLUME]).catch(() => undefined);
    await virsh?.run(['pool-destroy', POOL]).catch(() => undefined);
    await virsh?.run(['pool-undefine', POOL]).catch(() => undefined);
    ssh?.close();
  });

  it('reads a domain XML exactly as virsh dumpxml prints it', async () => {
    const viaVirsh = await virsh.run(['dumpxml', '--domain', uuid]);
    const viaReader = await reader.domainXml({ name: DOMAIN, uuid });
    expect(viaReader.trim()).toBe(viaVirsh.trim());
    expect(viaReader).toMatch(/<title>reader &amp; ("|&quot;)quotes/);
  });

  it('reads many at once, in order of asking, whatever order the daemon answers in', async () => {
    const xmls = await Promise.all(
      Array.from({ length: 100 }, (_, i) => reader.domainXml({ name: DOMAIN, uuid }, i % 2 === 1)),
    );
    expect(new Set(xmls.map((x) => x.includes(`<uuid>${uuid}</uuid>`))).size).toBe(1);
    expect(xmls.every((x) => x.includes(`<name>${DOMAIN}</name>`))).toBe(true);
  });

  it("a domain that is gone is libvirt's own error, and the reader goes on", async () => {
    const gone = { name: `${PREFIX}gone`, uuid: '00000000-0000-4000-8000-00000000dead' };
    const error = await reader.domainXml(gone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect((error as RpcCallError).message).toMatch(/domain/i);
    expect(await reader.domainXml({ name: DOMAIN, uuid })).toContain(DOMAIN);
  });

  it("reads a pool's volumes and their XML as virsh vol-dumpxml prints it", async () => {
    const pool = await reader.pool(POOL);
    const volumes = await reader.volumes(pool);
    const odd = volumes.find((v) => v.name === ODD_VOLUME);
    expect(odd).toBeDefined();
    const viaReader = await reader.volumeXml(odd!);
    const viaVirsh = await virsh.run(['vol-dumpxml', '--pool', POOL, ODD_VOLUME]);
    expect(viaReader.trim()).toBe(viaVirsh.trim());
    expect(viaReader).toContain("<format type='qcow2'/>");
  });

  it('is read-only: the daemon refuses a change on it', async () => {
    // virDomainUndefine (procedure 35) on the reader's own connection, written by hand.
    const rpc = (reader as unknown as { rpc: RpcConnection }).rpc;
    const refused = await rpc
      .call(35, (w) => w.string(DOMAIN).fixedOpaque(uuidBytes(uuid), 16).int(-1))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RpcCallError);
    expect((refused as Error).message).toMatch(/read-only|read only/i);
    expect((await virsh.run(['domstate', DOMAIN])).trim()).toBe('shut off');
  });

  it("lists every domain with the same state and flags as virsh's quick list", async () => {
    const [viaReader, viaVirsh] = await Promise.all([
      readDomainListFromDaemon(reader),
      readDomainList(virsh),
    ]);
    const byUuid = (list: typeof viaVirsh) => new Map(list.map((d) => [d.uuid, d]));
    expect(byUuid(viaReader)).toEqual(byUuid(viaVirsh));
    expect(viaReader.find((d) => d.uuid === uuid)).toMatchObject({
      name: DOMAIN,
      state: 'shut off',
      persistent: true,
    });
  });

  it('says how many CPUs the host has, as virsh nodeinfo does', async () => {
    const nodeinfo = await virsh.run(['nodeinfo']);
    expect(String(await reader.hostCpus())).toBe(/^CPU\(s\):\s+(\d+)/m.exec(nodeinfo)?.[1]);
  });

  it("reports a domain's events once watching, and nothing once the watch is closed", async () => {
    const seen: string[] = [];
    let heard!: () => void;
    const first = new Promise<void>((resolve) => (heard = resolve));
    const watch = await reader.watch('domain', (name) => {
      seen.push(name);
      heard();
    });
    await virsh.run(['desc', DOMAIN, '--config', '--title', 'watched']);
    await first;
    expect(seen[0]).toBe(DOMAIN);
    watch.close();
    const count = seen.length;
    await virsh.run(['desc', DOMAIN, '--config', '--title', 'reader & "quotes"']);
    // Still a working reader, and the change after the close went unreported.
    expect(await reader.domainXml({ name: DOMAIN, uuid })).toContain('reader &amp;');
    expect(seen).toHaveLength(count);
  });

  it('is not offered for a driver without a daemon socket (test:///default)', async () => {
    expect(await LibvirtReader.open(transport, 'test:///default')).toBeUndefined();
  });
});
