import { createHash, randomBytes } from 'node:crypto';

// SHA-512 crypt (`$6$`, Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512", the scheme glibc,
// shadow and cloud-init's `passwd` use). The password is hashed in the backend: only the hash is ever
// written into user-data and sent to the host.

const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ROUNDS_DEFAULT = 5000;

const sha512 = (...parts: Buffer[]) => {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** `length` bytes of `digest` repeated (the spec's "P" and "S" sequences). */
function repeatTo(digest: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += digest.length) digest.copy(out, i, 0, Math.min(digest.length, length - i));
  return out;
}

/** The 86-character encoding of the final digest, in the spec's byte order. */
function encode(d: Buffer): string {
  const order = [
    [0, 21, 42],
    [22, 43, 1],
    [44, 2, 23],
    [3, 24, 45],
    [25, 46, 4],
    [47, 5, 26],
    [6, 27, 48],
    [28, 49, 7],
    [50, 8, 29],
    [9, 30, 51],
    [31, 52, 10],
    [53, 11, 32],
    [12, 33, 54],
    [34, 55, 13],
    [56, 14, 35],
    [15, 36, 57],
    [37, 58, 16],
    [59, 17, 38],
    [18, 39, 60],
    [40, 61, 19],
    [62, 20, 41],
  ] as const;
  let out = '';
  const put = (value: number, chars: number) => {
    for (let i = 0; i < chars; i++, value >>= 6) out += ALPHABET[value & 63];
  };
  for (const [a, b, c] of order) put((d[a]! << 16) | (d[b]! << 8) | d[c]!, 4);
  put(d[63]!, 2);
  return out;
}

/** The crypt(3) string of `password` with `salt` (at most 16 characters used) and `rounds`. */
export function sha512Crypt(password: string, salt: string, rounds = ROUNDS_DEFAULT): string {
  const key = Buffer.from(password, 'utf8');
  const s = Buffer.from(salt.slice(0, 16), 'utf8');
  const r = Math.min(999_999_999, Math.max(1000, rounds));
  const b = sha512(key, s, key);
  const aParts = [key, s, repeatTo(b, key.length)];
  for (let n = key.length; n > 0; n >>= 1) aParts.push(n & 1 ? b : key);
  const a = sha512(...aParts);
  const p = repeatTo(sha512(...Array<Buffer>(key.length).fill(key)), key.length);
  const sSeq = repeatTo(sha512(...Array<Buffer>(16 + a[0]!).fill(s)), s.length);
  let c = a;
  for (let i = 0; i < r; i++) {
    const parts: Buffer[] = [i & 1 ? p : c];
    if (i % 3) parts.push(sSeq);
    if (i % 7) parts.push(p);
    parts.push(i & 1 ? c : p);
    c = sha512(...parts);
  }
  const prefix = rounds === ROUNDS_DEFAULT ? '$6$' : `$6$rounds=${r}$`;
  return `${prefix}${salt.slice(0, 16)}$${encode(c)}`;
}

/** A fresh hash of `password` with a random 16-character salt. */
export function hashPassword(password: string): string {
  const salt = [...randomBytes(16)].map((byte) => ALPHABET[byte & 63]).join('');
  return sha512Crypt(password, salt);
}
