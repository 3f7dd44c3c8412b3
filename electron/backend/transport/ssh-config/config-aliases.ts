import type { ConfigFile } from './config-files';

/** A name a `Host` line defines (no wildcards, not negated), and where it is first written. */
export interface DefinedAlias {
  alias: string;
  file: string;
  line: number;
}

/** Every alias of a configuration and the files it includes, in reading order, each once. */
export function definedAliases(config: ConfigFile): DefinedAlias[] {
  const found = new Map<string, DefinedAlias>();
  const visit = (file: ConfigFile) => {
    for (const d of file.directives) {
      if (d.keyword === 'include') (d.included ?? []).forEach(visit);
      if (d.keyword !== 'host') continue;
      for (const pattern of d.args) {
        if (/[*?!]/.test(pattern) || found.has(pattern)) continue;
        found.set(pattern, { alias: pattern, file: d.file, line: d.line });
      }
    }
  };
  visit(config);
  return [...found.values()];
}
