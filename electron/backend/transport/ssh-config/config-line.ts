/**
 * One line of an ssh_config file, split the way OpenSSH 9 splits it (readconf.c
 * process_config_line_depth): the keyword ends at whitespace or one `=`; the rest is split by
 * argv_split (double and single quotes, `\"`, `\'`, `\\` and `\ ` escapes, `#` at the start of a
 * word ends the line). ProxyCommand-like keywords take the raw rest of the line instead.
 */
export type ConfigLine =
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | {
      kind: 'directive';
      /** Lower-cased, as OpenSSH matches keywords. */
      keyword: string;
      args: string[];
      /** The text after the keyword and its separator, unsplit (ProxyCommand, Match). */
      rest: string;
    };

const WHITESPACE = ' \t\r\n';

export function splitConfigLine(raw: string): ConfigLine {
  const line = raw.replace(/[ \t\r\n\f]+$/, '');
  const cursor = { text: line, at: 0 };
  let keyword = nextWord(cursor);
  if (keyword === '') keyword = nextWord(cursor); // the line began with whitespace
  if (keyword === undefined || keyword === '' || keyword.startsWith('#')) return { kind: 'empty' };
  const rest = line.slice(cursor.at).replace(/^[ \t\r\n]+/, '');
  if (rest === '') return { kind: 'error', message: `no argument after keyword "${keyword}"` };
  const args = splitArgs(rest);
  if (!args) return { kind: 'error', message: 'invalid quotes' };
  return { kind: 'directive', keyword: keyword.toLowerCase(), args, rest };
}

/**
 * OpenSSH's strdelim(): the next word, ending at whitespace, a double quote or one `=`; a word
 * that starts with `"` runs to the next `"`. Used for the keyword and for Match criteria.
 * Returns undefined at the end of the text (or at an unterminated quote).
 */
export function nextWord(cursor: { text: string; at: number }): string | undefined {
  const { text } = cursor;
  if (cursor.at > text.length) return undefined;
  const start = cursor.at;
  let i = start;
  while (i < text.length && !WHITESPACE.includes(text[i]!) && text[i] !== '"' && text[i] !== '=') i++;
  if (i >= text.length) {
    cursor.at = text.length + 1;
    return text.slice(start);
  }
  if (text[i] === '"') {
    const close = text.indexOf('"', i + 1);
    if (close < 0) {
      cursor.at = text.length + 1;
      return undefined;
    }
    const word = text.slice(start, i) + text.slice(i + 1, close);
    cursor.at = skipWhitespace(text, close + 1);
    return word;
  }
  const word = text.slice(start, i);
  const wasEquals = text[i] === '=';
  let next = skipWhitespace(text, i + 1);
  if (!wasEquals && text[next] === '=') next = skipWhitespace(text, next + 1);
  cursor.at = next;
  return word;
}

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && WHITESPACE.includes(text[at]!)) at++;
  return at;
}

/** OpenSSH's argv_split(…, terminate_on_comment = 1); undefined when a quote is left open. */
export function splitArgs(text: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    let arg = '';
    let quote = '';
    for (; i < text.length; i++) {
      const ch = text[i]!;
      const after = text[i + 1];
      if (ch === '\\') {
        if (after === "'" || after === '"' || after === '\\' || (quote === '' && after === ' ')) i++;
        arg += text[i];
      } else if (quote === '' && (ch === ' ' || ch === '\t')) break;
      else if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
      else if (quote !== '' && ch === quote) quote = '';
      else arg += ch;
    }
    if (quote !== '') return undefined;
    args.push(arg);
  }
  return args;
}
