/**
 * The one quoting function. Every argument that reaches a remote shell or the persistent virsh shell
 * passes through here; nothing else builds command lines.
 *
 * Both POSIX sh and virsh's own command parser treat text inside single quotes literally, and both
 * accept `'\''` to put a single quote inside a quoted word, so one function serves both.
 */
export function quoteArg(arg: string): string {
  if (arg.includes('\0')) throw new Error('An argument cannot contain a NUL byte');
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line for `sh -c` (an SSH exec request or a local shell): every word quoted. */
export function shellCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('Empty command');
  return argv.map(quoteArg).join(' ');
}

/**
 * One line for the persistent virsh shell. virsh reads one command per line through readline, so a
 * line break inside an argument would start a second command, and other control characters are
 * readline commands (a tab triggers completion, ^A moves the cursor): refuse them all instead of
 * letting them through. Such names can still be reached by UUID.
 */
export function virshLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('Empty virsh command');
  for (const arg of argv) {
    if (/[\r\n]/.test(arg)) throw new Error('A virsh argument cannot contain a line break');
    if (/[\x00-\x1f\x7f]/.test(arg)) throw new Error('A virsh argument cannot contain control characters');
  }
  return argv.map(quoteArg).join(' ');
}

/**
 * A script for the host, run by `sh` whatever the user's login shell, in a UTF-8 C locale so virsh's
 * output is parseable and names keep their characters. `body` must already quote its words.
 */
export function hostScript(body: string): string {
  return shellCommand(['sh', '-c', `LC_ALL=C.UTF-8; export LC_ALL; ${body}`]);
}
