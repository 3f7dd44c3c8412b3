import { isIP } from 'node:net';
import { configErrors, type ConfigFile, type Directive } from './config-files';
import { expandPercent } from './expand-tokens';
import { hostLineMatches } from './host-patterns';
import { evaluateMatch } from './match-criteria';
import { applyOption, type CollectedOptions } from './option-values';

/** Something said about a line of the configuration ("Match exec … was not run"). */
export interface ConfigRemark {
  file: string;
  line: number;
  message: string;
}

export interface ResolveInput {
  /** The name as typed (an alias or a host name). */
  host: string;
  /** From the connection dialog: they win over the configuration, like `ssh -l` / `ssh -p`. */
  user?: string | undefined;
  port?: number | undefined;
  localUser: string;
}

/** What `ssh -G host` would settle on, for the options VirtDesk uses. */
export interface ResolvedConfig {
  host: string;
  /** HostName with %h expanded, lower-cased unless it is an address. */
  hostName: string;
  user: string;
  port: number;
  options: CollectedOptions;
  /** Things VirtDesk did differently from ssh (a skipped Match exec). */
  notes: ConfigRemark[];
  /** Lines ssh would refuse; VirtDesk does not connect with them either. */
  errors: ConfigRemark[];
}

interface Pass {
  host: string;
  finalPass: boolean;
  wantsFinalPass: boolean;
}

/** Resolves `input.host` through a configuration (as read by readConfigFile), the way ssh does. */
export function resolveConfig(config: ConfigFile, input: ResolveInput): ResolvedConfig {
  const options: CollectedOptions = { identityFiles: [] };
  if (input.user) options.user = input.user;
  if (input.port) options.port = input.port;
  const result: ResolvedConfig = {
    host: input.host,
    hostName: input.host,
    user: '',
    port: 22,
    options,
    notes: [],
    errors: configErrors(config),
  };
  const first: Pass = { host: input.host, finalPass: false, wantsFinalPass: false };
  walk(config, first, { active: true, neverMatch: false }, options, input, result);

  let hostName = input.host;
  if (options.hostName !== undefined) {
    hostName = expandHostName(options.hostName, input.host, result);
  }
  if (isIP(hostName) === 0) hostName = hostName.toLowerCase();
  options.hostName = hostName;
  if (first.wantsFinalPass || options.canonicalizeHostname) {
    // CanonicalizeHostname's DNS search is not done; its second pass over the configuration is.
    const final: Pass = { host: hostName, finalPass: true, wantsFinalPass: false };
    walk(config, final, { active: true, neverMatch: false }, options, input, result);
  }
  result.hostName = hostName;
  result.user = options.user ?? input.localUser;
  result.port = options.port ?? 22;
  return result;
}

function walk(
  file: ConfigFile,
  pass: Pass,
  state: { active: boolean; neverMatch: boolean },
  options: CollectedOptions,
  input: ResolveInput,
  result: ResolvedConfig,
): void {
  for (const d of file.directives) {
    if (d.keyword === 'host') {
      state.active = !state.neverMatch && hostLineMatches(d.args, pass.host);
    } else if (d.keyword === 'match') {
      state.active = matchLine(d, pass, state.neverMatch, options, input, result);
    } else if (d.keyword === 'include') {
      const outer = state.active;
      for (const inner of d.included ?? []) {
        walk(inner, pass, { active: outer, neverMatch: state.neverMatch || !outer }, options, input, result);
      }
    } else if (state.active) {
      const error = applyOption(options, d.keyword, d.args, d.rest);
      if (error) addOnce(result.errors, remark(d, error));
    }
  }
}

function matchLine(
  d: Directive,
  pass: Pass,
  neverMatch: boolean,
  options: CollectedOptions,
  input: ResolveInput,
  result: ResolvedConfig,
): boolean {
  let host = input.host;
  if (pass.finalPass) host = options.hostName ?? input.host;
  else if (options.hostName !== undefined) host = expandHostName(options.hostName, input.host, result);
  const outcome = evaluateMatch(d.rest, {
    host,
    originalHost: input.host,
    user: options.user ?? input.localUser,
    localUser: input.localUser,
    finalPass: pass.finalPass,
  });
  if (outcome.wantsFinalPass) pass.wantsFinalPass = true;
  if (outcome.error) {
    addOnce(result.errors, remark(d, `bad Match condition: ${outcome.error}`));
    return false;
  }
  if (outcome.skippedExec !== undefined && !neverMatch) {
    addOnce(
      result.notes,
      remark(
        d,
        `Match exec "${outcome.skippedExec}" was not run (VirtDesk never runs commands from the ` +
          'SSH configuration); the options of this block were not applied',
      ),
    );
  }
  return !neverMatch && outcome.matched;
}

function expandHostName(hostName: string, host: string, result: ResolvedConfig): string {
  try {
    return expandPercent(hostName, { h: host });
  } catch (error) {
    addOnce(result.errors, { file: '', line: 0, message: `HostName: ${(error as Error).message}` });
    return hostName;
  }
}

function remark(d: Directive, message: string): ConfigRemark {
  return { file: d.file, line: d.line, message };
}

/** The final pass reads the same lines again: say each thing once. */
function addOnce(list: ConfigRemark[], item: ConfigRemark): void {
  if (!list.some((r) => r.file === item.file && r.line === item.line && r.message === item.message))
    list.push(item);
}
