import { ApiError } from '../../../shared/api/errors';
import type { RemoteProcess } from '../transport/transport';
import { classifyVirshError } from './virsh-shell';

/** Feeds a command on its own channel its input (if any), closes stdin, and collects its output. */
export async function runToEnd(
  proc: RemoteProcess,
  input?: string,
): Promise<{ output: string; code: number | null }> {
  let output = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => (output += chunk));
  proc.stderr.resume();
  if (input !== undefined) proc.write(input);
  proc.end();
  const code = await proc.exited;
  return { output, code };
}

/**
 * What a one-off virsh (stderr merged into its output) achieved: its output when it exited 0, else
 * what it said after `error:` (classified like the shell's errors), else a dropped connection.
 */
export function virshOutcome(
  result: { output: string; code: number | null },
  verb: string,
  dropped: string,
): string {
  const { output, code } = result;
  if (code === 0) return output;
  const errors = output
    .split('\n')
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim());
  if (errors.length > 0) throw classifyVirshError(errors.join('\n'));
  if (code === null) throw new ApiError('connection-lost', dropped);
  throw new ApiError('virsh-error', output.trim() || `virsh ${verb} failed (exit code ${code})`);
}
