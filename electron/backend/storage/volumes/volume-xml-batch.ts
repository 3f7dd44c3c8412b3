import { ApiError } from '../../../../shared/api/errors';
import { readVolumeQuick, type VolumeSettings } from '../../../../shared/xml/views/volume';
import type { LiveHost } from '../../hosts/host-connection';
import { hostScript, virshLine, words } from '../../virsh/quote';
import { classifyVirshError } from '../../virsh/virsh-shell';

/**
 * Linux caps one argument at 128 KiB (MAX_ARG_STRLEN); a batch's commands stay well below it.
 * Names beyond it go to the next virsh.
 */
const ARGUMENT_BUDGET = 96 * 1024;
const END = '</volume>';

/**
 * The XML of many volumes of one pool from one virsh per batch, on its own channel: every
 * `vol-dumpxml` of the batch joined with `;` into one argument (virsh's argv mode: no readline,
 * which in the shared shell costs each command its line's length, and no marker round trip per
 * command). The argument comes on stdin through `"$(cat)"`, so the exec request stays small.
 * Documents are parsed as they arrive (`onVolume`); a volume that vanished since the list is just
 * absent (virsh goes on after a failed command). Throws only when nothing could be read.
 */
export async function readVolumesXmlApart(
  host: LiveHost,
  pool: string,
  names: readonly string[],
  onVolume: (volume: VolumeSettings) => void,
): Promise<void> {
  for (const batch of batches(pool, names)) await readBatch(host, batch, onVolume);
}

function batches(pool: string, names: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const name of names) {
    // A name virsh's parser cannot take (a line break) cannot be read on the shell either.
    const command = lineOrUndefined(['vol-dumpxml', '--pool', pool, name]);
    if (command === undefined) continue;
    if (current !== '' && current.length + command.length + 3 > ARGUMENT_BUDGET) {
      out.push(current);
      current = '';
    }
    current = current === '' ? command : `${current} ; ${command}`;
  }
  if (current !== '') out.push(current);
  return out;
}

function lineOrUndefined(argv: readonly string[]): string | undefined {
  try {
    return virshLine(argv);
  } catch {
    return undefined;
  }
}

async function readBatch(
  host: LiveHost,
  commands: string,
  onVolume: (volume: VolumeSettings) => void,
): Promise<void> {
  const virsh = words(['virsh', '-q', '-c', host.uri]);
  const proc = await host.transport.exec(hostScript`exec ${virsh} "$(cat)"`);
  let pending = '';
  let read = 0;
  let said = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf(END)) !== -1) {
      const doc = pending.slice(0, end + END.length);
      pending = pending.slice(end + END.length);
      try {
        onVolume(readVolumeQuick(doc));
        read++;
      } catch {
        // A document we cannot read is left out, as a failed vol-dumpxml is.
      }
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => (said = (said + chunk).slice(-4096)));
  proc.write(commands);
  proc.end();
  const code = await proc.exited;
  if (read > 0 || code === 0) return;
  if (code === null)
    throw new ApiError('connection-lost', 'The connection dropped while reading the volumes');
  const errors = said
    .split('\n')
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim());
  throw errors.length > 0
    ? classifyVirshError(errors.join('\n'))
    : new ApiError('virsh-error', said.trim() || `virsh vol-dumpxml failed (exit code ${code})`);
}
