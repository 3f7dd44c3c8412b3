import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2, { type AuthenticationType, type ParsedKey } from 'ssh2';
import type { PromptBroker } from '../prompts/prompt-broker';
import type { SecretStore } from '../secrets/secret-store';

export interface AuthContext {
  hostId: string;
  host: string;
  user: string;
  identityFiles: string[];
  identitiesOnly: boolean;
  /** An unreadable key file is an error (chosen in the dialog); else it is skipped, as ssh does. */
  identityFilesRequired: boolean;
  homeDir: string;
  agentSocket: string | undefined;
  /** Questions to the person (the network deadline does not run while they are open). */
  prompts: Pick<PromptBroker, 'ask'>;
  /** Secrets that worked stay for the session (memory only) so a reconnect does not ask again. */
  secrets: SecretStore;
  /** Set when the user cancelled a prompt, so the failure reads "cancelled", not "denied". */
  onCancelled: () => void;
}

export type AuthAttempt =
  | { type: 'agent'; username: string; agent: string }
  | { type: 'publickey'; username: string; key: ParsedKey }
  | { type: 'password'; username: string; password: string }
  | {
      type: 'keyboard-interactive';
      username: string;
      prompt: (
        name: string,
        instructions: string,
        lang: string,
        prompts: Array<{ prompt: string; echo?: boolean }>,
        finish: (answers: string[]) => void,
      ) => void;
    };

// ssh2 is CommonJS: Node's ESM loader only offers its default export.
const { utils } = ssh2;

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const MAX_TRIES = 3;

/**
 * Yields auth attempts in OpenSSH's order — agent, key files (asking for passphrases), password,
 * keyboard-interactive — skipping methods the server no longer offers.
 */
export async function* authAttempts(ctx: AuthContext, methodsLeft: () => AuthenticationType[] | null) {
  const allows = (method: AuthenticationType) => {
    const left = methodsLeft();
    return left === null || left.includes(method);
  };
  const username = ctx.user;
  if (ctx.agentSocket && !ctx.identitiesOnly && allows('publickey')) {
    yield { type: 'agent', username, agent: ctx.agentSocket } satisfies AuthAttempt;
  }
  const files =
    ctx.identityFiles.length > 0 ? ctx.identityFiles : DEFAULT_KEYS.map((k) => join(ctx.homeDir, '.ssh', k));
  for (const file of files) {
    if (!allows('publickey')) break;
    const key = await loadKey(ctx, file, ctx.identityFiles.length > 0 && ctx.identityFilesRequired);
    if (key) yield { type: 'publickey', username, key } satisfies AuthAttempt;
  }
  const passwordKey = `password:${username}@${ctx.host}`;
  for (let i = 0; i < MAX_TRIES && allows('password'); i++) {
    let password = i === 0 ? await ctx.secrets.get(passwordKey) : undefined;
    if (password === undefined) {
      const reply = await ctx.prompts.ask({
        hostId: ctx.hostId,
        kind: 'password',
        user: username,
        host: ctx.host,
      });
      if (!reply.accepted) {
        ctx.onCancelled();
        return;
      }
      password = reply.answers[0] ?? '';
    }
    await ctx.secrets.set(passwordKey, password, 'session');
    yield { type: 'password', username, password } satisfies AuthAttempt;
  }
  await ctx.secrets.delete(passwordKey);
  if (allows('keyboard-interactive')) {
    yield {
      type: 'keyboard-interactive',
      username,
      prompt: (name, instructions, _lang, prompts, finish) => {
        if (prompts.length === 0) return finish([]);
        void ctx.prompts
          .ask({
            hostId: ctx.hostId,
            kind: 'keyboard-interactive',
            name,
            instructions,
            prompts: prompts.map((p) => ({ prompt: p.prompt, echo: Boolean(p.echo) })),
          })
          .then((reply) => {
            if (!reply.accepted) ctx.onCancelled();
            finish(reply.accepted ? reply.answers : []);
          });
      },
    } satisfies AuthAttempt;
  }
}

async function loadKey(ctx: AuthContext, file: string, explicit: boolean): Promise<ParsedKey | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if (explicit) throw new Error(`Cannot read private key ${file}: ${(error as Error).message}`);
    return undefined;
  }
  const first = utils.parseKey(data);
  if (!(first instanceof Error)) return Array.isArray(first) ? first[0] : first;
  if (!/encrypted|passphrase/i.test(first.message)) {
    throw new Error(`Cannot use private key ${file}: ${first.message}`);
  }
  const secretKey = `passphrase:${file}`;
  for (let i = 0; i < MAX_TRIES; i++) {
    let passphrase = i === 0 ? await ctx.secrets.get(secretKey) : undefined;
    if (passphrase === undefined) {
      const reply = await ctx.prompts.ask({ hostId: ctx.hostId, kind: 'passphrase', keyPath: file });
      if (!reply.accepted) return undefined;
      passphrase = reply.answers[0] ?? '';
    }
    const parsed = utils.parseKey(data, passphrase);
    if (!(parsed instanceof Error)) {
      await ctx.secrets.set(secretKey, passphrase, 'session');
      return Array.isArray(parsed) ? parsed[0] : parsed;
    }
    await ctx.secrets.delete(secretKey);
  }
  return undefined;
}
