import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { deferredProcess } from './deferred-process';
import type { RemoteProcess } from './transport';

/** A command's far end: what it was sent, and its exit. */
function fakeCommand() {
  const written: string[] = [];
  const stdout = new PassThrough();
  let exit!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => (exit = resolve));
  const events: string[] = [];
  const proc: RemoteProcess = {
    stdout,
    stderr: new PassThrough(),
    stdin: new PassThrough(),
    write: (data) => (written.push(String(data)), true),
    end: () => events.push('end'),
    close: () => (events.push('close'), exit(null)),
    exited,
    pause: () => events.push('pause'),
    resume: () => events.push('resume'),
  };
  return { proc, written, stdout, exit, events };
}

describe('deferredProcess', () => {
  it('holds what is written until opened, then sends it in order; output and exit come through', async () => {
    const far = fakeCommand();
    let started = 0;
    const { process: proc, open } = deferredProcess(async () => (started++, far.proc));
    proc.write('uri\n');
    proc.write('list\n');
    expect(started).toBe(0);
    open();
    open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(1);
    expect(far.written).toEqual(['uri\n', 'list\n']);
    proc.write('more\n');
    expect(far.written.at(-1)).toBe('more\n');
    const out = new Promise<string>((resolve) => proc.stdout.once('data', (d: Buffer) => resolve(String(d))));
    far.stdout.write('answer');
    expect(await out).toBe('answer');
    far.exit(0);
    expect(await proc.exited).toBe(0);
  });

  it('passes on end and close asked for before it started', async () => {
    const far = fakeCommand();
    const { process: proc, open } = deferredProcess(async () => far.proc);
    proc.write('x\n');
    proc.end();
    open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(far.written).toEqual(['x\n']);
    expect(far.events).toEqual(['end']);
  });

  it('closed before it was opened: the command never starts and exits with null', async () => {
    let started = 0;
    const { process: proc, open } = deferredProcess(async () => (started++, fakeCommand().proc));
    proc.close();
    open();
    expect(await proc.exited).toBeNull();
    expect(started).toBe(0);
  });

  it('a command that cannot start exits with null', async () => {
    const { process: proc, open } = deferredProcess(() => Promise.reject(new Error('channel refused')));
    open();
    expect(await proc.exited).toBeNull();
  });
});
