import { ApiError } from '../../../shared/api/errors';
import type { Transport } from '../transport/transport';
import { runToEnd } from '../virsh/one-off-process';
import { hostScript, type ShellText } from '../virsh/quote';

/**
 * Runs a short host script on its own channel (never the shared virsh shell). `body` is a
 * script fragment built by quote.ts (`script`…``, `words()`). Returns stdout+stderr; a non-zero exit throws with what the script said.
 */
export async function runHostScript(
  transport: Transport,
  body: ShellText,
  what: string,
  input?: string,
): Promise<string> {
  const { output, code } = await runToEnd(await transport.exec(hostScript`${body} 2>&1`), input);
  if (code === 0) return output;
  if (code === null) throw new ApiError('connection-lost', `The connection dropped while ${what}`);
  throw new ApiError('storage-error', `${what} failed: ${output.trim() || `exit code ${code}`}`);
}
