import { PassThrough, Writable } from 'node:stream';
import type { RemoteProcess } from './transport';

/**
 * A command that is started only when `open()` is first called: until then what is written to it
 * waits here, in order. Closed before it started, it never starts. (The host's virsh shell, where
 * the first rows come from the daemon reader: virsh's start is tens of milliseconds of the host's
 * CPU, better spent after the rows and their details.)
 */
export function deferredProcess(start: () => Promise<RemoteProcess>): {
  process: RemoteProcess;
  open: () => void;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const waiting: Array<string | Buffer> = [];
  let real: RemoteProcess | undefined;
  let ended = false;
  let closed = false;
  let paused = false;
  let markOpened!: (proc: RemoteProcess | undefined) => void;
  const opened = new Promise<RemoteProcess | undefined>((resolve) => (markOpened = resolve));
  let asked = false;

  const open = () => {
    if (asked) return;
    asked = true;
    if (closed) return markOpened(undefined);
    start().then(
      (proc) => {
        real = proc;
        proc.stdout.pipe(stdout);
        proc.stderr.pipe(stderr);
        for (const data of waiting.splice(0)) proc.write(data);
        if (paused) proc.pause();
        if (ended) proc.end();
        if (closed) proc.close();
        markOpened(proc);
      },
      () => markOpened(undefined),
    );
  };

  const write = (data: string | Buffer): boolean => {
    if (real) return real.write(data);
    waiting.push(data);
    return true;
  };

  const process: RemoteProcess = {
    stdout,
    stderr,
    stdin: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        write(chunk);
        callback();
      },
    }),
    write,
    end() {
      ended = true;
      real?.end();
    },
    close() {
      closed = true;
      if (real) real.close();
      else if (!asked) open(); // settles `exited`: nothing starts
    },
    exited: opened.then((proc) => (proc ? proc.exited : null)),
    pause() {
      paused = true;
      real?.pause();
    },
    resume() {
      paused = false;
      real?.resume();
    },
  };
  return { process, open };
}
