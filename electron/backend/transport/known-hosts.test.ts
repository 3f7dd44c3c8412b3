import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSha256, KnownHosts, keyTypeOf, knownHostsName } from './known-hosts';

function ed25519Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const withLen = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  return Buffer.concat([withLen(Buffer.from('ssh-ed25519')), withLen(raw)]);
}

function setup(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'vd-kh-'));
  const user = join(dir, 'user_known_hosts');
  const own = join(dir, 'own', 'known_hosts');
  writeFileSync(user, lines.join('\n') + '\n');
  return {
    kh: new KnownHosts([
      { path: own, writable: true },
      { path: user, writable: false },
    ]),
    own,
    user,
  };
}

describe('KnownHosts', () => {
  const key = ed25519Blob();
  const other = ed25519Blob();
  const b64 = key.toString('base64');

  it('names non-default ports the OpenSSH way', () => {
    expect(knownHostsName('h', 22)).toBe('h');
    expect(knownHostsName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
  });

  it('reads the key type and computes the SHA256 fingerprint like ssh-keygen -l', () => {
    expect(keyTypeOf(key)).toBe('ssh-ed25519');
    expect(fingerprintSha256(key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('matches plain, wildcard and hashed names; unknown otherwise', async () => {
    const salt = Buffer.from('0123456789abcdef0123');
    const hash = createHmac('sha1', salt).update('[10.0.0.9]:2200').digest('base64');
    const { kh } = setup([
      `# comment`,
      `alpha,beta ssh-ed25519 ${b64}`,
      `*.lab.example ssh-ed25519 ${b64}`,
      `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${b64}`,
    ]);
    expect((await kh.verify('beta', 22, key)).kind).toBe('match');
    expect((await kh.verify('kvm1.lab.example', 22, key)).kind).toBe('match');
    expect((await kh.verify('10.0.0.9', 2200, key)).kind).toBe('match');
    expect((await kh.verify('10.0.0.9', 22, key)).kind).toBe('unknown');
    expect((await kh.verify('gamma', 22, key)).kind).toBe('unknown');
  });

  it('reports a changed key of the same type with where the old one is recorded', async () => {
    const { kh, user } = setup([`alpha ssh-ed25519 ${other.toString('base64')}`]);
    expect(await kh.verify('alpha', 22, key)).toEqual({
      kind: 'changed',
      knownType: 'ssh-ed25519',
      file: user,
      line: 1,
      name: 'alpha',
    });
  });

  it('honours negated patterns and @revoked', async () => {
    const { kh } = setup([`*,!bad ssh-ed25519 ${b64}`, `@revoked evil ssh-ed25519 ${b64}`]);
    expect((await kh.verify('bad', 22, key)).kind).toBe('unknown');
    expect((await kh.verify('evil', 22, key)).kind).toBe('revoked');
  });

  it('trusts into its own file only, never the user one', async () => {
    const { kh, own, user } = setup([]);
    await kh.trust('127.0.0.1', 2222, key);
    expect(readFileSync(own, 'utf8')).toBe(`[127.0.0.1]:2222 ssh-ed25519 ${b64}\n`);
    expect(readFileSync(user, 'utf8')).toBe('\n');
    expect((await kh.verify('127.0.0.1', 2222, key)).kind).toBe('match');
  });

  it('treats a recorded key of another type as a changed key, not an unknown one', async () => {
    const { kh, user } = setup([`[h]:2222 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=`]);
    expect(await kh.verify('h', 2222, key)).toEqual({
      kind: 'changed',
      knownType: 'ecdsa-sha2-nistp256',
      file: user,
      line: 1,
      name: '[h]:2222',
    });
    expect(await kh.knownKeyTypes('h', 2222)).toEqual(['ecdsa-sha2-nistp256']);
    expect(await kh.knownKeyTypes('other', 22)).toEqual([]);
  });

  it('accepts any one of several recorded keys of a host', async () => {
    const { kh } = setup([`h ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=`, `h ssh-ed25519 ${b64}`]);
    expect((await kh.verify('h', 22, key)).kind).toBe('match');
  });

  it('records a key trusted from two places at once only once', async () => {
    const { kh, own } = setup([]);
    await Promise.all([kh.trust('h', 22, key), kh.trust('h', 22, key), kh.trust('g', 22, other)]);
    expect(readFileSync(own, 'utf8').split('\n').filter(Boolean).sort()).toEqual(
      [`g ssh-ed25519 ${other.toString('base64')}`, `h ssh-ed25519 ${b64}`].sort(),
    );
  });
});
