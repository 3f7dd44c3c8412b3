/**
 * Splits the output of a persistent `virsh` shell into one reply per command.
 *
 * After each command we write `echo 'A''B'` with a fresh random nonce split in two. virsh prints
 * `AB`; the echoed command line (readline echoes input when stdin is a pipe) only contains
 * `'A''B'`, so `AB` marks the end of a reply and nothing a guest controls can forge it. What readline
 * echoes (`virsh # <line>`) is stripped; stderr is merged, and an `error:` first line means failure.
 */
export interface VirshReply {
  ok: boolean;
  /** The command's output (stdout and stderr as virsh printed them). */
  output: string;
  /** The `error:` lines without their prefix, when !ok. */
  error: string;
}

interface PendingFrame {
  line: string;
  markerLine: string;
  terminator: string;
  resolve: (reply: VirshReply) => void;
}

export function markerCommand(nonceA: string, nonceB: string): { line: string; terminator: string } {
  if (!/^[A-Za-z0-9_]+$/.test(nonceA + nonceB)) throw new Error('Marker nonces are alphanumeric');
  return { line: `echo '${nonceA}''${nonceB}'`, terminator: `${nonceA}${nonceB}` };
}

export class VirshFramer {
  private buffer = '';
  /** Where the first frame's terminator can start at the earliest (text before it was searched). */
  private searchFrom = 0;
  /** The last reply's terminator ended its chunk: a line break (or its `\n`) may start the next. */
  private lineEndPending = false;
  private readonly frames: PendingFrame[] = [];

  /** Registers a command that was (or is about to be) written; replies come in FIFO order. */
  expect(
    line: string,
    marker: { line: string; terminator: string },
    resolve: (reply: VirshReply) => void,
  ): void {
    this.frames.push({ line, markerLine: marker.line, terminator: marker.terminator, resolve });
    if (this.frames.length === 1) this.drain();
  }

  push(chunk: string): void {
    this.buffer += chunk;
    this.drain();
  }

  /** Frames still waiting, e.g. to fail them when the shell dies. */
  takePending(): Array<(reply: VirshReply) => void> {
    const pending = this.frames.splice(0).map((f) => f.resolve);
    this.buffer = '';
    this.searchFrom = 0;
    this.lineEndPending = false;
    return pending;
  }

  get pendingCount(): number {
    return this.frames.length;
  }

  /**
   * Cuts every complete reply out of the buffer: each search starts where the last one ended (or,
   * for a frame still incomplete, where the previous search gave up), and the buffer is cut once
   * per chunk rather than once per reply.
   */
  private drain(): void {
    let start = 0;
    if (this.lineEndPending) {
      // The last terminator was the end of a chunk: its line break comes with this one.
      if (this.buffer === '\r') return;
      start = this.buffer.startsWith('\r\n') ? 2 : this.buffer.startsWith('\n') ? 1 : 0;
      if (this.buffer.length > 0) this.lineEndPending = false;
    }
    while (this.frames.length > 0) {
      const frame = this.frames[0]!;
      const at = this.buffer.indexOf(frame.terminator, Math.max(start, this.searchFrom));
      if (at < 0) {
        this.searchFrom = Math.max(start, this.buffer.length - frame.terminator.length + 1);
        break;
      }
      let end = at + frame.terminator.length;
      if (this.buffer.startsWith('\r\n', end)) end += 2;
      else if (this.buffer.startsWith('\n', end)) end += 1;
      else if (end >= this.buffer.length - 1) {
        this.lineEndPending = this.buffer.length === end || this.buffer[end] === '\r';
        if (this.lineEndPending) end = this.buffer.length;
      }
      const region = stripEcho(this.buffer.slice(start, at), frame.line, frame.markerLine);
      start = end;
      this.searchFrom = end;
      this.frames.shift();
      frame.resolve(toReply(region));
    }
    if (start > 0) {
      this.buffer = this.buffer.slice(start);
      this.searchFrom = Math.max(0, this.searchFrom - start);
    }
  }
}

function stripEcho(region: string, line: string, markerLine: string): string {
  // Trailing echo of the marker line: "…virsh # echo 'A''B'\n".
  const markerAt = region.lastIndexOf(markerLine);
  if (markerAt >= 0) region = region.slice(0, markerAt).replace(/(virsh [#>] ?)+$/, '');
  // Leading echo of the command: "virsh # <line>\n" (possibly after leftovers of an earlier prompt).
  const lineAt = region.indexOf(`${line}\n`);
  if (lineAt >= 0 && isPrompt(region.slice(0, lineAt))) return region.slice(lineAt + line.length + 1);
  // A line wider than readline thinks the terminal is comes back redrawn (without TERM, readline
  // scrolls it horizontally: "virsh # \r<…end of the line"). The command has no line break (virshLine
  // refuses them), so its echo is everything up to the first one.
  const newlineAt = region.indexOf('\n');
  if (/^virsh [#>] /.test(region) && newlineAt >= 0) return region.slice(newlineAt + 1);
  return region;
}

function isPrompt(text: string): boolean {
  return /^(virsh [#>] ?)*$/.test(text);
}

function toReply(output: string): VirshReply {
  const lines = output.split('\n');
  const first = lines.find((l) => l.trim() !== '') ?? '';
  if (!first.startsWith('error: ')) return { ok: true, output, error: '' };
  const error = lines
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim())
    .join('\n');
  return { ok: false, output, error };
}
