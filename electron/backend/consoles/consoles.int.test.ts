import { execFile } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  hostProcesses,
  hostVirsh,
  serialLogSize,
  sshConnectionsOf,
  waitForSerialText,
} from '../../../e2e/host/test-host';
import {
  clearEvents,
  connectByKey,
  createHarness,
  pollUntil,
  type Harness,
} from '../testing/backend-harness';
import { closed, openSocket, spiceLink, TEST_ORIGIN, vncHandshake } from './testing/console-probes';

// Real sshd + libvirt + QEMU guests: vd-tiny (VNC), vd-vnc-pass, vd-spice (SPICE + QXL), vd-serial2.
const host = inject('testHost');
const GUESTS = ['vd-tiny', 'vd-vnc-pass', 'vd-spice', 'vd-serial2', 'vd-vnc-socket'];
let h: Harness;
let hostId: string;

async function uuidOf(name: string): Promise<string> {
  const found = (await h.call('domains/list', { hostId })).find((d) => d.name === name);
  if (!found) throw new Error(`${name} is not listed`);
  return found.uuid;
}

const until = pollUntil;

const refusedOnPort = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

beforeAll(async () => {
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
  await Promise.all(GUESTS.map((g) => hostVirsh(['start', g])));
  h = await createHarness();
  h.backend.allowConsoleOrigins([TEST_ORIGIN]);
  hostId = await connectByKey(h, host);
});
afterAll(async () => {
  h?.dispose();
  await Promise.all(GUESTS.map((g) => hostVirsh(['destroy', g])));
});

describe('graphical consoles', () => {
  it('carries three consoles of one host over its one SSH connection', async () => {
    const vnc = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-tiny') });
    const spice = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-spice') });
    const serial = await h.call('consoles/serial-open', {
      hostId,
      uuid: await uuidOf('vd-serial2'),
      rows: 24,
      cols: 80,
    });
    expect(vnc).toMatchObject({
      protocol: 'vnc',
      passwordSource: 'none',
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/$/),
    });
    expect(spice).toMatchObject({ protocol: 'spice' });
    expect(spice.tokens).toHaveLength(1);

    const vncSocket = await openSocket(vnc.url, vnc.tokens[0]!);
    expect(await vncHandshake(vncSocket)).toMatchObject({ name: 'QEMU (vd-tiny)' });
    // SPICE clients speak first, the moment the socket opens: nothing they send may be lost. Its
    // channels all present the session's one token.
    const spiceSockets = await Promise.all([1, 2, 3].map(() => openSocket(spice.url, spice.tokens[0]!)));
    expect(await Promise.all(spiceSockets.map(spiceLink))).toEqual(['REDQ', 'REDQ', 'REDQ']);

    expect(await sshConnectionsOf(host)).toBe(1);
    for (const ws of [vncSocket, ...spiceSockets]) ws.close();
    for (const c of [vnc, spice, serial]) await h.call('consoles/close', { consoleId: c.consoleId });
    const serialUuid = await uuidOf('vd-serial2');
    expect(
      await until(
        () => hostProcesses(['console', serialUuid]),
        (p) => p.length === 0,
      ),
    ).toEqual([]);
  });

  it('reaches a display that listens on a unix socket (OpenSSH streamlocal forwarding)', async () => {
    const c = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-vnc-socket') });
    expect(c.protocol).toBe('vnc');
    const ws = await openSocket(c.url, c.tokens[0]!);
    expect(await vncHandshake(ws)).toMatchObject({ name: 'QEMU (vd-vnc-socket)' });
    expect(await sshConnectionsOf(host)).toBe(1);
    ws.close();
    await h.call('consoles/close', { consoleId: c.consoleId });
  });

  it('takes the password from the XML when the user may read it', async () => {
    const pass = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-vnc-pass') });
    expect(pass).toMatchObject({ passwordSource: 'xml', password: host.vncPassword });
    const ws = await openSocket(pass.url, pass.tokens[0]!);
    expect((await vncHandshake(ws)).securityTypes).toEqual([2]); // VNC authentication
    ws.close();
    await h.call('consoles/close', { consoleId: pass.consoleId });
  });

  it('offers a remembered password when the XML has none, and forgets it on request', async () => {
    const uuid = await uuidOf('vd-tiny');
    await h.call('consoles/remember-password', { hostId, uuid, password: 'kept-in-memory' });
    const c = await h.call('consoles/open', { hostId, uuid });
    expect(c).toMatchObject({ passwordSource: 'remembered', password: 'kept-in-memory' });
    await h.call('consoles/close', { consoleId: c.consoleId });
    await h.call('consoles/remember-password', { hostId, uuid, password: null });
    const again = await h.call('consoles/open', { hostId, uuid });
    expect(again.passwordSource).toBe('none');
    expect(again.password).toBeUndefined();
    await h.call('consoles/close', { consoleId: again.consoleId });
  });

  it('refuses a reused token, a wrong token and a foreign origin', async () => {
    const c = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-tiny') });
    const [fresh] = (await h.call('consoles/tokens', { consoleId: c.consoleId, count: 1 })).tokens;
    await expect(openSocket(c.url, 'x'.repeat(c.tokens[0]!.length))).rejects.toThrow('HTTP 403');
    await expect(openSocket(c.url, fresh!, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(c.url, c.tokens[0]!, 'null')).rejects.toThrow('HTTP 403');

    const first = await openSocket(c.url, c.tokens[0]!);
    await expect(openSocket(c.url, c.tokens[0]!)).rejects.toThrow('HTTP 403');
    // The token refused for its origin was not used up by that attempt.
    const second = await openSocket(c.url, fresh!);
    expect((await vncHandshake(second)).name).toBe('QEMU (vd-tiny)');
    first.close();
    second.close();
    await h.call('consoles/close', { consoleId: c.consoleId });
  });

  it('closing a console closes its WebSocket server and its channel to the guest', async () => {
    const c = await h.call('consoles/open', { hostId, uuid: await uuidOf('vd-tiny') });
    const port = Number(/:(\d+)$/.exec(c.address)![1]);
    const toGuest = () => countEstablished(port);
    const before = await toGuest();
    const ws = await openSocket(c.url, c.tokens[0]!);
    await vncHandshake(ws);
    expect(await toGuest()).toBe(before + 1);
    await h.call('consoles/close', { consoleId: c.consoleId });
    await closed(ws);
    expect(await refusedOnPort(Number(new URL(c.url).port))).toBe(true);
    expect(await until(toGuest, (n) => n === before)).toBe(before);
  });
});

describe('serial consoles', () => {
  it('lists both serial ports, shows the boot output, and leaves no virsh console behind', async () => {
    const uuid = await uuidOf('vd-serial2');
    expect(await h.call('consoles/serial-devices', { hostId, uuid })).toEqual([
      { name: 'serial0', label: 'Serial 1' },
      { name: 'serial1', label: 'Serial 2' },
    ]);
    clearEvents(h);
    const { consoleId } = await h.call('consoles/serial-open', {
      hostId,
      uuid,
      device: 'serial0',
      rows: 30,
      cols: 100,
    });
    let text = '';
    const unsubscribe = h.backend.bus.subscribe((name, payload) => {
      if (name !== 'consoles/serial-data') return;
      const chunk = payload as { consoleId: string; seq: number; data: string };
      if (chunk.consoleId !== consoleId) return;
      text += chunk.data;
      void h.call('consoles/serial-ack', { consoleId, seq: chunk.seq });
    });
    const running = () => hostProcesses(['console', uuid, '--force']);
    expect(await until(running, (p) => p.length === 1)).toHaveLength(1);
    await until(
      async () => text,
      (t) => t.includes('Connected to domain'),
    );
    const before = await serialLogSize('vd-serial2');
    await hostVirsh(['reset', 'vd-serial2']);
    await waitForSerialText('vd-serial2', 'SeaBIOS', 30_000, before);
    await until(
      async () => text,
      (t) => t.includes('SeaBIOS'),
    );
    unsubscribe();
    expect(text).toContain('SeaBIOS');

    await h.call('consoles/close', { consoleId });
    const left = await until(
      () => hostProcesses(['console', uuid, '--force']),
      (p) => p.length === 0,
    );
    expect(left).toEqual([]);
  });
});

describe('a VM whose name is hostile', () => {
  const name = `vd-cons $(touch vd-pwned) ;\`x\` 'q' "dq" & | > -x ünï`;
  const file = '/tmp/vd-hostile-console.xml';
  const xmlName = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  beforeAll(async () => {
    writeFileSync(
      file,
      `<domain type='qemu'><name>${xmlName}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
        `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>` +
        `<serial type='pty'><target port='0'/></serial>` +
        `<graphics type='vnc' autoport='yes' listen='127.0.0.1'/></devices></domain>`,
    );
    chmodSync(file, 0o644);
    expect((await hostVirsh(['define', file])).code).toBe(0);
    expect((await hostVirsh(['start', name])).code).toBe(0);
  });
  afterAll(async () => {
    await hostVirsh(['destroy', name]);
    await hostVirsh(['undefine', name]);
    rmSync(file, { force: true });
  });

  it('opens the console of that VM and no other', async () => {
    const listed = await h.waitFor('domains/delta', (d) =>
      d.upsert.some((s) => s.name === name && s.state === 'running'),
    );
    const uuid = listed.upsert.find((s) => s.name === name)!.uuid;
    const c = await h.call('consoles/open', { hostId, uuid });
    const ws = await openSocket(c.url, c.tokens[0]!);
    expect((await vncHandshake(ws)).name).toBe(`QEMU (${name})`);
    ws.close();
    await h.call('consoles/close', { consoleId: c.consoleId });
    const serial = await h.call('consoles/serial-open', { hostId, uuid, rows: 24, cols: 80 });
    const running = () => hostProcesses(['console', uuid, '--force']);
    expect(await until(running, (p) => p.length === 1)).toHaveLength(1);
    await h.call('consoles/close', { consoleId: serial.consoleId });
    expect(await until(running, (p) => p.length === 0)).toEqual([]);
  });
});

/** Established TCP connections to 127.0.0.1:port on the host (the sshd side of a forward). */
async function countEstablished(port: number): Promise<number> {
  const out = await new Promise<string>((resolve, reject) =>
    execFile('ss', ['-Htn', 'state', 'established', 'dport', '=', `:${port}`], (e, stdout) =>
      e ? reject(e) : resolve(stdout),
    ),
  );
  return out.split('\n').filter(Boolean).length;
}
