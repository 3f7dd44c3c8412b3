import type { ChildProcess } from 'node:child_process';

/**
 * The address `npm run serve` prints once it listens (with its one-time token), read from its
 * output; refused with what it printed when it exits first or does not start within `timeoutMs`.
 * Used by the e2e fixture and the through-the-UI benchmarks.
 */
export function waitForServeUrl(server: ChildProcess, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), timeoutMs);
    server.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}
