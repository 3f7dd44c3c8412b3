import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { remoteCommand } from '../virsh/quote';
import { LocalTransport } from './local-transport';

async function readUntil(
  stream: NodeJS.ReadableStream,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${JSON.stringify(text)}`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

describe('local PTY sessions (serial consoles on local connections)', () => {
  it('run on a real terminal of the requested size, follow resizes, and end when closed', async () => {
    const transport = new LocalTransport();
    const marker = `vd-pty-test-${process.pid}-${Date.now()}`;
    const shell = `: ${marker}; while read -r line; do case "$line" in size) stty size;; tty) tty;; esac; done`;
    const proc = await transport.exec(remoteCommand(['sh', '-c', shell]), { pty: { rows: 33, cols: 101 } });
    proc.write('tty\n');
    expect(await readUntil(proc.stdout, /\/dev\/pts\/\d+/)).toMatch(/\/dev\/pts\/\d+/);
    proc.write('size\n');
    expect(await readUntil(proc.stdout, /33 101/)).toContain('33 101');
    proc.resize!(40, 120);
    // The resize is applied by stty from outside; ask until the shell sees it (bounded).
    const deadline = Date.now() + 10_000;
    let seen = '';
    const collector = (chunk: Buffer) => (seen += chunk.toString());
    proc.stdout.on('data', collector);
    while (!seen.includes('40 120') && Date.now() < deadline) {
      proc.write('size\n');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toContain('40 120');
    proc.close();
    await proc.exited;
    // Nothing of the session is left running.
    const left = await new Promise<string>((resolve) =>
      execFile('pgrep', ['-f', marker], (_error, stdout) => resolve(stdout.trim())),
    );
    expect(left).toBe('');
    transport.close();
  });
});
