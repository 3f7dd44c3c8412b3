/**
 * The one quoting module. Every command that reaches a host (an SSH exec request, a local `sh -c`,
 * a PTY) is a `RemoteCommand`, and only this module can build one: from an argv array (every word
 * quoted) or from a script template written in the source, whose every `${…}` is already-quoted
 * text from here. A free-text string cannot reach a host: the transports take `RemoteCommand` only
 * (a type error otherwise), and lint refuses `as RemoteCommand`/`as ShellText` casts outside this file.
 *
 *   remoteCommand(['virsh', '-c', uri, 'console', uuid])                  // one program, its argv
 *   hostScript`exec ${words(['virsh', '-c', uri, ...argv])} </dev/null 2>&1` // a fixed script
 *
 * Both POSIX sh and virsh's own command parser treat text inside single quotes literally, and both
 * accept `'\''` to put a single quote inside a quoted word, so one function serves both.
 */

/** Only this module holds it: the constructors below refuse anything else. */
const BUILDER: unique symbol = Symbol('quote.ts');

/** Text made here: what it holds was written in the source or quoted word by word. */
abstract class Quoted {
  readonly #text: string;
  constructor(builder: typeof BUILDER, text: string) {
    if (builder !== BUILDER) throw new Error('Commands for a host are built by quote.ts only');
    this.#text = text;
  }
  /** The text (throws for a look-alike that was not built here). */
  get text(): string {
    return this.#text;
  }
}

/** Shell text in which every word from outside is quoted: a piece of a host script. */
export class ShellText extends Quoted {
  readonly kind = 'shell-text';
}

/** A complete command for a host's `sh -c` (SSH exec or a local process). Built by this module only. */
export class RemoteCommand extends Quoted {
  readonly kind = 'remote-command';
  /** What a transport sends: the command line of a RemoteCommand built here; anything else throws. */
  static lineOf(command: RemoteCommand): string {
    if (!(command instanceof RemoteCommand))
      throw new Error('Only a RemoteCommand built by quote.ts can reach a host');
    return command.text;
  }
}

/** One word, quoted for sh and for virsh's parser. */
export function quoteArg(arg: string): string {
  if (arg.includes('\0')) throw new Error('An argument cannot contain a NUL byte');
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Words for a script template: each one quoted, separated by spaces (none for an empty list). */
export function words(argv: readonly string[]): ShellText {
  return new ShellText(BUILDER, argv.map(quoteArg).join(' '));
}

/** What a script template may interpolate: quoted text from here, a list of it, or an integer. */
export type ScriptPart = ShellText | readonly ShellText[] | number;

function partText(part: ScriptPart): string {
  if (typeof part === 'number') {
    if (!Number.isSafeInteger(part)) throw new Error('A script may interpolate integers only');
    return String(part);
  }
  if (part instanceof ShellText) return part.text;
  if (Array.isArray(part)) return part.map(partText).join('');
  throw new Error('A script interpolates quoted text only (words(), script``)');
}

function templateText(strings: TemplateStringsArray, parts: readonly ScriptPart[]): string {
  // A tagged template's strings are frozen and carry `raw`: the fixed text written in the source.
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) {
    throw new Error('A host script is a template literal written in the source');
  }
  let text = strings[0]!;
  parts.forEach((part, i) => (text += partText(part) + strings[i + 1]!));
  if (text.includes('\0')) throw new Error('A script cannot contain a NUL byte');
  return text;
}

/** A fragment of a host script (to be interpolated into `hostScript`), from a template. */
export function script(strings: TemplateStringsArray, ...parts: ScriptPart[]): ShellText {
  return new ShellText(BUILDER, templateText(strings, parts));
}

/**
 * A script for the host, run by `sh` whatever the user's login shell, in a UTF-8 C locale so virsh's
 * output is parseable and names keep their characters. Written as a tagged template:
 * hostScript`exec ${words(argv)} 2>&1`.
 */
export function hostScript(strings: TemplateStringsArray, ...parts: ScriptPart[]): RemoteCommand {
  const body = `LC_ALL=C.UTF-8; export LC_ALL; ${templateText(strings, parts)}`;
  return new RemoteCommand(BUILDER, ['sh', '-c', body].map(quoteArg).join(' '));
}

/** One program with its arguments, each a single word on the host whatever it contains. */
export function remoteCommand(argv: readonly string[]): RemoteCommand {
  if (argv.length === 0) throw new Error('Empty command');
  return hostScript`exec ${words(argv)}`;
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
