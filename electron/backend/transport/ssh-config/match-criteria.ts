import { nextWord } from './config-line';
import { matchHostname, matchPatternList } from './host-patterns';

/** What a `Match` line is tested against at the moment OpenSSH reads it. */
export interface MatchContext {
  /** HostName so far with %h expanded (or the name as typed); in the final pass, the final host name. */
  host: string;
  /** The name as typed. */
  originalHost: string;
  /** User so far (dialog, then config), else the local user. */
  user: string;
  localUser: string;
  finalPass: boolean;
}

export interface MatchOutcome {
  matched: boolean;
  /** `Match final` asks for a second pass over the configuration. */
  wantsFinalPass: boolean;
  /** A `Match exec` VirtDesk did not run (it never runs commands from the configuration). */
  skippedExec?: string;
  error?: string;
}

/** OpenSSH's match_cfg_line(), except that `exec` is never run: such a block does not apply. */
export function evaluateMatch(criteria: string, ctx: MatchContext): MatchOutcome {
  const cursor = { text: criteria, at: 0 };
  const outcome: MatchOutcome = { matched: true, wantsFinalPass: false };
  const fail = (error: string): MatchOutcome => ({ ...outcome, matched: false, error });
  let attributes = 0;
  for (let word = nextWord(cursor); word !== undefined && word !== ''; word = nextWord(cursor)) {
    if (word.startsWith('#')) break;
    const negate = word.startsWith('!');
    const attribute = (negate ? word.slice(1) : word).toLowerCase();
    if (attribute === 'all') {
      const extra = nextWord(cursor);
      if (attributes > 1 || (extra !== undefined && extra !== '' && !extra.startsWith('#'))) {
        return fail(`'${word}' cannot be combined with other Match attributes`);
      }
      if (outcome.matched) outcome.matched = !negate;
      return outcome;
    }
    attributes++;
    if (attribute === 'canonical' || attribute === 'final') {
      if (attribute === 'final') outcome.wantsFinalPass = true;
      if (ctx.finalPass === negate) outcome.matched = false;
      continue;
    }
    const arg = nextWord(cursor);
    if (arg === undefined || arg === '' || arg.startsWith('#'))
      return fail(`missing Match criteria for ${word}`);
    let hit: boolean;
    switch (attribute) {
      case 'host':
        hit = matchHostname(ctx.host, arg);
        break;
      case 'originalhost':
        hit = matchHostname(ctx.originalHost, arg);
        break;
      case 'user':
        hit = matchPatternList(ctx.user, arg) === 1;
        break;
      case 'localuser':
        hit = matchPatternList(ctx.localUser, arg) === 1;
        break;
      case 'exec':
        // OpenSSH runs the command only if every criterion before it matched.
        if (outcome.matched) {
          outcome.skippedExec = arg;
          outcome.matched = false;
        }
        continue;
      default:
        return fail(`unsupported Match attribute ${word}`);
    }
    if (hit === negate) outcome.matched = false;
  }
  if (attributes === 0) return fail('one or more attributes required for Match');
  return outcome;
}
