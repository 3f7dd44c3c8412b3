import { spawn } from 'node:child_process';
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
 * each), exactly like the in-app bridge. The connection file (with the password) is private to the
 * user and remote-viewer deletes it once read (`delete-this-file`). The listener lives as long as
 * the viewer.
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
  const tls = target.unsupported !== undefined && target.protocol === 'spice';
  const lines = [
    '[virt-viewer]',
    `type=${target.protocol}`,
    'host=127.0.0.1',
    tls ? `tls-port=${port}` : `port=${port}`,
    ...(target.password ? [`password=${target.password}`] : []),
    'delete-this-file=1',
    'title=%d - VirtDesk',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  const child = spawn('remote-viewer', [file], { stdio: 'ignore', detached: false });
  const cleanup = () => {
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
