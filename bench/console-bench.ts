/**
 * Issue "Consoles" benchmark, on the real test host (vd-tiny, VNC):
 *   1. "open console" → first frame: consoles/open (XML read + bridge), WebSocket upgrade, RFB
 *      handshake, the first framebuffer update received in full;
 *   2. throughput of full-screen raw frames through VirtDesk's bridge (WebSocket → ssh2 forwardOut
 *      on the host's one SSH connection) against the classic path: `ssh -L` (OpenSSH) + a direct
 *      WebSocket proxy (websockify's job), side by side in one run, same client code.
 * Figures only; nothing passes or fails on machine speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { createWebSocketStream, WebSocketServer } from 'ws';
import { ensureTestHost, hostVirsh, waitForSerialText, type TestHost } from '../e2e/host/test-host';
import { openSocket, TEST_ORIGIN } from '../electron/backend/consoles/testing/console-probes';
import { connectByKey, createHarness } from '../electron/backend/testing/backend-harness';
import { firstFrame, rfbSession } from './rfb-first-frame';

const ROUNDS = 5;
const SECONDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function throughput(url: () => Promise<WebSocket>): Promise<number> {
  const ws = await url();
  const { request, receive, reader } = await rfbSession(ws);
  request();
  await receive();
  const start = reader.total;
  const t0 = performance.now();
  // Keep two frames in flight, so the figure measures the pipe rather than one round trip per frame.
  request();
  request();
  while (performance.now() - t0 < SECONDS * 1000) {
    await receive();
    request();
  }
  const bytes = reader.total - start;
  await receive();
  ws.close();
  return bytes / ((performance.now() - t0) / 1000);
}

/** `ssh -N -L` (OpenSSH) to the guest's VNC port, plus a plain WebSocket→TCP proxy in front of it. */
async function directPath(host: TestHost, vncPort: number): Promise<{ url: string; stop: () => void }> {
  const local = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-'));
  writeFileSync(join(dir, 'known_hosts'), `${host.knownHostsLine}\n`);
  const ssh: ChildProcess = spawn(
    'ssh',
    [
      ...['-N', '-o', 'BatchMode=yes', '-o', 'ExitOnForwardFailure=yes'],
      ...['-o', `UserKnownHostsFile=${join(dir, 'known_hosts')}`, '-i', host.privateKeyPath],
      ...[
        '-p',
        String(host.port),
        '-L',
        `127.0.0.1:${local}:127.0.0.1:${vncPort}`,
        `${host.user}@${host.host}`,
      ],
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(local);
  const server: Server = createHttpServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    const socket = connect(local, '127.0.0.1');
    const stream = createWebSocketStream(ws, { highWaterMark: 1 << 20 });
    stream.pipe(socket).pipe(stream);
    socket.on('error', () => stream.destroy());
    stream.on('error', () => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => {
      wss.close();
      server.close();
      ssh.kill();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('ssh -L did not listen');
}

export async function runConsoleBench(): Promise<void> {
  const host = await ensureTestHost();
  await hostVirsh(['destroy', 'vd-tiny']);
  await hostVirsh(['start', 'vd-tiny']);
  await waitForSerialText('vd-tiny', 'No bootable device', 60_000);
  const h = await createHarness();
  h.backend.allowConsoleOrigins([TEST_ORIGIN]);
  try {
    const hostId = await connectByKey(h, host);
    const uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === 'vd-tiny')!.uuid;
    const firsts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) firsts.push(await firstFrame(h, hostId, uuid));

    const c = await h.call('consoles/open', { hostId, uuid });
    const vncPort = Number(/:(\d+)$/.exec(c.address)![1]);
    const direct = await directPath(host, vncPort);
    const bridge: number[] = [];
    const classic: number[] = [];
    for (let i = 0; i < 2; i++) {
      bridge.push(
        await throughput(async () => {
          const [token] = (await h.call('consoles/tokens', { consoleId: c.consoleId, count: 1 })).tokens;
          return openSocket(c.url, token!);
        }),
      );
      classic.push(await throughput(() => openSocket(direct.url, 'unused')));
    }
    direct.stop();
    await h.call('consoles/close', { consoleId: c.consoleId });
    const mb = (x: number) => `${(x / 1e6).toFixed(1).padStart(7)} MB/s`;
    const b = Math.max(...bridge);
    const d = Math.max(...classic);
    console.log('\nConsoles (vd-tiny, VNC, test host)');
    console.log(
      `  open console → first frame   median ${median(firsts).toFixed(0)} ms of ${ROUNDS} (target < 1000 ms)`,
    );
    console.log(`  raw frames, VirtDesk bridge (ws → ssh2 forwardOut)      ${mb(b)}`);
    console.log(`  raw frames, ssh -L + direct WebSocket proxy             ${mb(d)}`);
    console.log(`  ratio bridge / direct: ${(b / d).toFixed(2)} (target ≥ 0.90)`);
  } finally {
    h.dispose();
    await hostVirsh(['destroy', 'vd-tiny']);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runConsoleBench();
  process.exit(0);
}
