import { open } from 'node:fs/promises';
import { splitConfigLine } from './config-line';
import { includeFiles } from './include-glob';

/** A directive with where it was written, for messages ("~/.ssh/config.d/lab.conf line 3"). */
export interface Directive {
  keyword: string;
  args: string[];
  rest: string;
  file: string;
  line: number;
  /** For `Include`: the files it pulled in, in order (already read). */
  included?: ConfigFile[];
}

export interface ConfigFile {
  path: string;
  directives: Directive[];
  /** Lines OpenSSH would refuse (bad quotes, a keyword without a value, a file with loose permissions). */
  errors: Array<{ file: string; line: number; message: string }>;
}

const MAX_DEPTH = 16;

/**
 * Reads a user ssh_config file and, recursively, every file its `Include` lines name (relative to
 * ~/.ssh, globs, nested up to 16 levels, as OpenSSH). A missing file is an empty configuration.
 */
export async function readConfigFile(
  path: string,
  homeDir: string,
  depth = 0,
  checkPermissions = true,
): Promise<ConfigFile> {
  const file: ConfigFile = { path, directives: [], errors: [] };
  if (depth > MAX_DEPTH) {
    file.errors.push({ file: path, line: 0, message: 'too many nested Include levels' });
    return file;
  }
  const text = await readText(path, checkPermissions, file);
  if (text === undefined) return file;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parsed = splitConfigLine(lines[i]!);
    if (parsed.kind === 'empty') continue;
    if (parsed.kind === 'error') {
      file.errors.push({ file: path, line: i + 1, message: parsed.message });
      continue;
    }
    const directive: Directive = { ...parsed, file: path, line: i + 1 };
    if (parsed.keyword === 'include') {
      directive.included = [];
      for (const arg of parsed.args) {
        for (const found of await includeFiles(arg, homeDir)) {
          directive.included.push(await readConfigFile(found, homeDir, depth + 1));
        }
      }
    }
    file.directives.push(directive);
  }
  return file;
}

/** Every error of a file and the files it includes. */
export function configErrors(file: ConfigFile): ConfigFile['errors'] {
  return [
    ...file.errors,
    ...file.directives.flatMap((d) => (d.included ?? []).flatMap((inner) => configErrors(inner))),
  ];
}

async function readText(
  path: string,
  checkPermissions: boolean,
  file: ConfigFile,
): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return undefined;
    // OpenSSH refuses a configuration others could have written to.
    const uid = process.getuid?.();
    if (
      checkPermissions &&
      uid !== undefined &&
      ((info.uid !== 0 && info.uid !== uid) || info.mode & 0o022)
    ) {
      file.errors.push({ file: path, line: 0, message: 'bad owner or permissions (ssh refuses this file)' });
      return undefined;
    }
    return await handle.readFile('utf8');
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
