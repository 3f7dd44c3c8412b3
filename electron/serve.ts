/**
 * `npm run serve`: VirtDesk in a normal browser. The backend runs here; the built renderer and a
 * WebSocket API are served on 127.0.0.1 only, behind a random token printed in the URL.
 *   --port N        listen on this port (default: a free one)
 *   --data-dir DIR  connections, preferences and known_hosts (default: the user's config dir)
 *   --no-open       do not open a browser
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from './backend/create-backend';
import { defaultDataDir } from './backend/default-data-dir';
import { startServeServer } from './backend/serve/serve-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const here = dirname(fileURLToPath(import.meta.url));
  const backend = await createBackend({ dataDir, agentSocket: process.env['SSH_AUTH_SOCK'] });
  const server = await startServeServer({ backend, rendererDir: join(here, '..', 'out', 'renderer'), port });
  console.log(`VirtDesk is running at ${server.url}`);
  console.log(`Data directory: ${dataDir}`);
  if (!values['no-open']) openBrowser(server.url);
  const stop = () => {
    backend.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Our own loopback URL only; nothing else is ever opened from here. */
function openBrowser(url: string): void {
  if (!url.startsWith('http://127.0.0.1:')) return;
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('Open the URL above in a browser.'));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(`virtdesk serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
