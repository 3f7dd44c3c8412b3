import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { GraphicsTarget } from './console-xml';

export type ViewerLauncher = (target: GraphicsTarget, connect: () => Promise<Duplex>) => Promise<string>;

/**
 * The fallback for what the in-app clients cannot show: the system's remote-viewer, pointed at a
 * loopback listener whose connections are forwarded over the host's SSH connection (one channel
 * each), exactly like the in-app bridge. The listener lives as long as the viewer.
 *
 * The connection file carries the password, so it never touches the disk: remote-viewer reads it
 * from a named pipe (mode 0600, in a private temp dir) that a child `cat` feeds. On Windows, where
 * there are no named pipes of that kind, the file goes without the password and the viewer asks.
 */
export const launchRemoteViewer: ViewerLauncher = async (target, connect) => {
  const server = createServer((socket: Socket) => {
    connect().then(
      (stream) => {
        socket.pipe(stream).pipe(socket);
        const end = () => {
          socket.destroy();
          stream.destroy();
        };
        socket.on('close', end).on('error', end);
        stream.on('close', end).on('error', end);
      },
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'virtdesk-viewer-'));
  const file = join(dir, 'console.vv');
  const viaPipe = process.platform !== 'win32';
  const tls = target.unsupported !== undefined && target.protocol === 'spice';
  const lines = [
    '[virt-viewer]',
    `type=${target.protocol}`,
    'host=127.0.0.1',
    tls ? `tls-port=${port}` : `port=${port}`,
    ...(target.password && viaPipe ? [`password=${target.password}`] : []),
    'delete-this-file=1',
    'title=%d - VirtDesk',
  ];
  const content = `${lines.join('\n')}\n`;
  let feeder: ChildProcess | undefined;
  if (viaPipe) {
    const made = spawnSync('mkfifo', ['-m', '600', file]);
    if (made.status !== 0) {
      server.close();
      rmSync(dir, { recursive: true, force: true });
      throw new ApiError('console-unavailable', 'Cannot create a private pipe for remote-viewer (mkfifo)');
    }
    // Opening a pipe for writing blocks until the viewer opens it: do it in a child, not in Node.
    feeder = spawn('sh', ['-c', 'exec cat > "$1"', 'sh', file], { stdio: ['pipe', 'ignore', 'ignore'] });
    feeder.stdin?.end(content);
  } else {
    writeFileSync(file, content, { mode: 0o600 });
  }
  const child = spawn('remote-viewer', [file], { stdio: 'ignore', detached: false });
  const cleanup = () => {
    feeder?.kill();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return new Promise<string>((resolve, reject) => {
    child.once('error', () => {
      cleanup();
      reject(new ApiError('console-unavailable', 'remote-viewer is not installed (package virt-viewer)'));
    });
    child.once('spawn', () => resolve('Opened in remote-viewer'));
    child.once('exit', cleanup);
  });
};
