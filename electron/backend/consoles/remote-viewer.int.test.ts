import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, pollUntil, type Harness } from '../testing/backend-harness';

// The fallback viewer for real: Debian's remote-viewer on a real X server (Xvfb), connecting through
// VirtDesk's loopback listener and the host's SSH connection to QEMU's VNC server of vd-vnc-pass.
const host = inject('testHost');
let h: Harness;
let hostId: string;
let xvfb: ChildProcess;
const display = `:${90 + (process.pid % 9)}`;

const run = (file: string, args: string[]) =>
  new Promise<string>((resolve) => execFile(file, args, (_e, stdout) => resolve(stdout)));

beforeAll(async () => {
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await pollUntil(async () => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`), Boolean);
  await hostVirsh(['start', 'vd-vnc-pass']);
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(async () => {
  h?.dispose();
  await run('pkill', ['-f', `remote-viewer .*virtdesk-viewer-`]);
  xvfb?.kill();
  await hostVirsh(['destroy', 'vd-vnc-pass']);
});

describe('the remote-viewer fallback', () => {
  it('opens the console in remote-viewer through the same SSH connection, password included', async () => {
    const uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === 'vd-vnc-pass')!.uuid;
    const opened = await h.call('consoles/open', { hostId, uuid });
    process.env['DISPLAY'] = display;
    const launched = await h.call('consoles/launch-viewer', { consoleId: opened.consoleId });
    expect(launched.message).toBe('Opened in remote-viewer');

    // QEMU sees a VNC client (through sshd's forward).
    const clients = () => hostVirsh(['qemu-monitor-command', 'vd-vnc-pass', '--hmp', 'info vnc']);
    expect((await pollUntil(clients, (r) => /Client:/.test(r.stdout), 30_000)).stdout).toMatch(/Client:/);
    // remote-viewer titles its window "<guest> - VirtDesk" only once the VNC session is up, i.e. the
    // password was accepted; without it, an "Authentication required" dialog appears instead.
    const windows = () => run('xwininfo', ['-display', display, '-root', '-tree']);
    const shown = await pollUntil(
      windows,
      (w) => / - VirtDesk"/.test(w) || /Authentication required/.test(w),
      30_000,
    );
    expect(shown).toMatch(/ - VirtDesk"/);
    expect(shown).not.toMatch(/Authentication required/);
    // The connection file was a pipe, read once and gone: the password never sat on disk.
    const viewer = await run('pgrep', ['-af', 'remote-viewer']);
    const path = /(\S*virtdesk-viewer-\S*console\.vv)/.exec(viewer)![1]!;
    expect(existsSync(path)).toBe(false);
  });
});
