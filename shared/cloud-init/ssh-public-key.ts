// SSH public keys as pasted or read from a .pub file (OpenSSH's one-line format), parsed for real:
// the base64 blob is decoded and its fields read per key type (RFC 4253, 5656, 8709; OpenSSH's
// PROTOCOL.u2f for sk-*), so a private key, garbage or a truncated key is refused with the reason.
import { problem, type CloudInitProblem } from './problems';

export interface PublicKey {
  type: string;
  /** The line as authorized_keys wants it: type, base64, comment. */
  line: string;
  comment: string;
  /** Key size in bits (RSA modulus, curve size, 256 for ed25519). */
  bits: number;
}

export type KeyParse = { ok: true; key: PublicKey } | { ok: false; problem: CloudInitProblem };

const ECDSA_CURVES: Record<string, { curve: string; bits: number; pointBytes: number }> = {
  'ecdsa-sha2-nistp256': { curve: 'nistp256', bits: 256, pointBytes: 65 },
  'ecdsa-sha2-nistp384': { curve: 'nistp384', bits: 384, pointBytes: 97 },
  'ecdsa-sha2-nistp521': { curve: 'nistp521', bits: 521, pointBytes: 133 },
};
const SK_ECDSA = 'sk-ecdsa-sha2-nistp256@openssh.com';
const SK_ED25519 = 'sk-ssh-ed25519@openssh.com';
const KNOWN = new Set(['ssh-ed25519', 'ssh-rsa', ...Object.keys(ECDSA_CURVES), SK_ECDSA, SK_ED25519]);
export const MAX_KEYS = 64;

/** Strict base64 (standard alphabet, optional correct padding); undefined when it is not. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0 || text.length === 0) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const body = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of body) {
    value = (value << 6) | alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or the text was not produced by an encoder (a cut key often is not).
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

class Truncated extends Error {}

/** Reads SSH wire-format fields (uint32 length + bytes). */
class WireReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  string(): Uint8Array {
    if (this.at + 4 > this.bytes.length) throw new Truncated();
    const b = this.bytes;
    const length =
      ((b[this.at]! << 24) | (b[this.at + 1]! << 16) | (b[this.at + 2]! << 8) | b[this.at + 3]!) >>> 0;
    this.at += 4;
    if (this.at + length > this.bytes.length) throw new Truncated();
    const value = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }
  text(): string {
    return new TextDecoder().decode(this.string());
  }
  get done(): boolean {
    return this.at === this.bytes.length;
  }
}

function mpintBits(value: Uint8Array): number {
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  if (i === value.length) return 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(value[i]!));
}

/** Reads the fields after the type name; returns the key size in bits or a problem key. */
function readFields(type: string, reader: WireReader, line: number): number | CloudInitProblem {
  if (type === 'ssh-ed25519' || type === SK_ED25519) {
    if (reader.string().length !== 32) return problem('keyBadPoint', { line, type });
    if (type === SK_ED25519) reader.string(); // application ("ssh:")
    return 256;
  }
  if (type === 'ssh-rsa') {
    reader.string(); // e
    const bits = mpintBits(reader.string());
    if (bits < 1024) return problem('keyRsaSmall', { line, bits });
    return bits;
  }
  const curve = type === SK_ECDSA ? ECDSA_CURVES['ecdsa-sha2-nistp256']! : ECDSA_CURVES[type]!;
  if (reader.text() !== curve.curve) return problem('keyBadPoint', { line, type });
  const point = reader.string();
  if (point.length !== curve.pointBytes || point[0] !== 4) return problem('keyBadPoint', { line, type });
  if (type === SK_ECDSA) reader.string(); // application
  return curve.bits;
}

/** Parses one authorized_keys line (`type base64 [comment]`). `line` numbers the messages. */
export function parsePublicKey(text: string, line = 1): KeyParse {
  const fail = (p: CloudInitProblem): KeyParse => ({ ok: false, problem: p });
  const trimmed = text.trim();
  if (/PRIVATE KEY/.test(trimmed)) return fail(problem('keyPrivate', { line }));
  if (/^-{4} BEGIN SSH2 PUBLIC KEY/.test(trimmed)) return fail(problem('keyRfc4716', { line }));
  const [type = '', data, ...rest] = trimmed.split(/\s+/);
  if (type === 'ssh-dss') return fail(problem('keyDsa', { line }));
  if (type.endsWith('-cert-v01@openssh.com')) return fail(problem('keyCertificate', { line, type }));
  if (!KNOWN.has(type)) return fail(problem('keyUnknownType', { line, type: type.slice(0, 40) }));
  if (!data) return fail(problem('keyNoData', { line, type }));
  const blob = decodeBase64(data);
  if (!blob) return fail(problem('keyNotBase64', { line }));
  const reader = new WireReader(blob);
  try {
    const inner = reader.text();
    if (inner !== type) return fail(problem('keyTypeMismatch', { line, type, inner: inner.slice(0, 40) }));
    const bits = readFields(type, reader, line);
    if (typeof bits !== 'number') return fail(bits);
    if (!reader.done) return fail(problem('keyTrailing', { line, type }));
    const comment = rest.join(' ');
    return { ok: true, key: { type, comment, bits, line: [type, data, comment].filter(Boolean).join(' ') } };
  } catch (error) {
    if (error instanceof Truncated) return fail(problem('keyTruncated', { line, type }));
    throw error;
  }
}

/**
 * Every key of a pasted block (one per line; blank lines and `#` comments skipped). A PEM private key
 * spread over lines is refused as a whole. Returns the keys or the first problem.
 */
export function parsePublicKeys(text: string): { keys: PublicKey[] } | { problem: CloudInitProblem } {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) return { problem: problem('keyPrivateBlock') };
  const keys: PublicKey[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const parsed = parsePublicKey(raw, index + 1);
    if (!parsed.ok) return { problem: parsed.problem };
    keys.push(parsed.key);
  }
  if (keys.length > MAX_KEYS) return { problem: problem('keyTooMany', { max: MAX_KEYS }) };
  return { keys };
}
