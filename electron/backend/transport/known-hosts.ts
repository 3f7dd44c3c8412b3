import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type HostKeyVerdict =
  | { kind: 'match' }
  | { kind: 'unknown' }
  | { kind: 'changed'; knownType: string; file: string; line: number; name: string }
  | { kind: 'revoked'; file: string; line: number; name: string };

export interface KnownHostsFile {
  path: string;
  /** VirtDesk appends trusted keys only to its own file; the user's ~/.ssh/known_hosts is read-only. */
  writable: boolean;
}

interface Entry {
  patterns: string;
  keyType: string;
  keyBase64: string;
  marker?: string;
  file: string;
  line: number;
}

/** How OpenSSH names a host in known_hosts: `host`, or `[host]:port` for other ports. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** OpenSSH's SHA256 fingerprint of a public key blob, e.g. `SHA256:uNiVz…` (base64, unpadded). */
export function fingerprintSha256(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type stored at the start of an SSH public key blob (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + len).toString('latin1');
}

/** Reads OpenSSH known_hosts files (plain, hashed `|1|` names, wildcards, negations, @revoked). */
export class KnownHosts {
  constructor(
    private readonly files: readonly KnownHostsFile[],
    /** Appends to VirtDesk's own file, one after the other (shared with withReadOnly copies). */
    private readonly writes: { last: Promise<unknown> } = { last: Promise.resolve() },
  ) {}

  /** These files, keeping the writable ones, plus `readOnly` (a connection's UserKnownHostsFile list). */
  withReadOnly(readOnly: readonly string[]): KnownHosts {
    return new KnownHosts(
      [...this.files.filter((f) => f.writable), ...readOnly.map((path) => ({ path, writable: false }))],
      this.writes,
    );
  }

  verify(host: string, port: number, keyBlob: Buffer): Promise<HostKeyVerdict> {
    return this.verifyName(knownHostsName(host, port), keyBlob);
  }

  /** Checks the key recorded for `name` exactly as given (`[host]:port`, or a HostKeyAlias). */
  async verifyName(name: string, keyBlob: Buffer): Promise<HostKeyVerdict> {
    const keyBase64 = keyBlob.toString('base64');
    const forHost = await this.entriesFor(name);
    const revoked = forHost.find((e) => e.marker === '@revoked' && e.keyBase64 === keyBase64);
    if (revoked) return { kind: 'revoked', file: revoked.file, line: revoked.line, name };
    const plain = forHost.filter((e) => e.marker === undefined);
    if (plain.some((e) => e.keyBase64 === keyBase64)) return { kind: 'match' };
    // Any recorded key of the host, of any type, that is not this one: the host's identity changed
    // (or someone is in the middle). A new key *type* is no excuse: that is how a man in the middle
    // who only has an ECDSA key would present himself to a client that knows the Ed25519 one.
    const known = plain[0];
    if (known) return { kind: 'changed', knownType: known.keyType, file: known.file, line: known.line, name };
    return { kind: 'unknown' };
  }

  /**
   * The key types recorded for a host, to offer first in the key exchange (as OpenSSH orders
   * HostKeyAlgorithms): a server with several keys then shows the one we know.
   */
  knownKeyTypes(host: string, port: number): Promise<string[]> {
    return this.knownKeyTypesOf(knownHostsName(host, port));
  }

  async knownKeyTypesOf(name: string): Promise<string[]> {
    const entries = await this.entriesFor(name);
    return [...new Set(entries.filter((e) => e.marker === undefined).map((e) => e.keyType))];
  }

  /** Records a key the user trusted, in VirtDesk's own file (appends one after the other, never interleaved). */
  trust(host: string, port: number, keyBlob: Buffer): Promise<void> {
    return this.trustName(knownHostsName(host, port), keyBlob);
  }

  trustName(name: string, keyBlob: Buffer): Promise<void> {
    const target = this.files.find((f) => f.writable);
    if (!target) return Promise.reject(new Error('No writable known_hosts file is configured'));
    const line = `${name} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}\n`;
    const write = this.writes.last.then(async () => {
      if ((await this.verifyName(name, keyBlob)).kind === 'match') return; // trusted meanwhile
      await mkdir(dirname(target.path), { recursive: true, mode: 0o700 });
      await appendFile(target.path, line, { mode: 0o600 });
    });
    this.writes.last = write.catch(() => undefined);
    return write;
  }

  private async entriesFor(name: string): Promise<Entry[]> {
    const entries = (await Promise.all(this.files.map((f) => readEntries(f.path)))).flat();
    return entries.filter((e) => hostMatches(e.patterns, name));
  }
}

async function readEntries(path: string): Promise<Entry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const words = line.split(/\s+/);
    const marker = words[0]!.startsWith('@') ? words.shift() : undefined;
    const [patterns, keyType, keyBase64] = words;
    if (!patterns || !keyType || !keyBase64) return;
    if (marker && marker !== '@revoked') return; // @cert-authority: certificates are not supported yet
    entries.push({
      patterns,
      keyType,
      keyBase64,
      ...(marker ? { marker } : {}),
      file: path,
      line: index + 1,
    });
  });
  return entries;
}

function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) return hashedMatches(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false;
    } else if (globMatches(pattern, name)) matched = true;
  }
  return matched;
}

function hashedMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return digest === hash;
}

/** OpenSSH patterns: `*` and `?`, case-insensitive. */
export function globMatches(pattern: string, text: string): boolean {
  const re = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(text.toLowerCase());
}
