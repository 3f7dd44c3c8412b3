/** Thrown for malformed XML (with the 1-based line and column of the problem) and for wrong roots. */
export class XmlParseError extends Error {
  readonly line: number;
  readonly col: number;
  readonly code: string;

  constructor(code: string, detail: string, line: number, col: number, what = 'XML') {
    super(`${what} is malformed at line ${line}, column ${col}: ${detail}`);
    this.name = 'XmlParseError';
    this.code = code;
    this.line = line;
    this.col = col;
  }
}

/** 1-based line and column of a character offset in `source`. */
export function lineColAt(source: string, index: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: index - lineStart + 1 };
}
