// A tiny install tree on 127.0.0.1 for the wizard's URL method: `install/vmlinuz` and
// `install/initrd.gz` (the Debian installer from ~/vd-media). A path under /slow/ answers the
// tree's root at once but holds the kernel download (to cancel a Finish in the middle).
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TreeServer {
  url: string;
  slowUrl: string;
  close(): Promise<void>;
}

export async function startTreeServer(mediaDir: string): Promise<TreeServer> {
  const held: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const slow = path.startsWith('/slow/');
    const rel = path.replace(/^\/(slow\/)?/, '');
    const file = rel === 'install/vmlinuz' ? 'linux' : rel === 'install/initrd.gz' ? 'initrd.gz' : undefined;
    if (rel === '' || rel === 'install/') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('tree\n');
      return;
    }
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    if (slow && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1024));
      held.push(() => res.destroy());
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(join(mediaDir, file)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    slowUrl: `http://127.0.0.1:${port}/slow/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stop of held) stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
