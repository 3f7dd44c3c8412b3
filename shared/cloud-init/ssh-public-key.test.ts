import { describe, expect, it } from 'vitest';
import { problemMessage } from './problems';
import { parsePublicKey, parsePublicKeys } from './ssh-public-key';
import { privateKeyBlock, realPublicKeys } from './testing/public-keys';

const wire = (...fields: (string | Buffer)[]) =>
  Buffer.concat(
    fields.flatMap((f) => {
      const b = typeof f === 'string' ? Buffer.from(f) : f;
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return [len, b];
    }),
  ).toString('base64');
const ed25519Point = Buffer.alloc(32, 7);
const p256Point = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 9)]);
const messageOf = (text: string) => {
  const r = parsePublicKey(text);
  return r.ok ? 'ok' : problemMessage(r.problem);
};

describe('SSH public keys', () => {
  it('reads every real format ssh-keygen writes, with type, size and comment', () => {
    const expected = { ed25519: 256, ecdsab256: 256, ecdsab384: 384, ecdsab521: 521, rsab2048: 2048 };
    for (const [name, line] of Object.entries(realPublicKeys)) {
      const r = parsePublicKey(`  ${line}  `);
      expect(r.ok, name).toBe(true);
      if (r.ok) {
        expect(r.key.bits).toBe(expected[name as keyof typeof expected]);
        expect(r.key.comment).toBe(`alice@${name}`);
        expect(r.key.line).toBe(line);
      }
    }
  });

  it('reads security-key (sk-*) keys', () => {
    const ed = `sk-ssh-ed25519@openssh.com ${wire('sk-ssh-ed25519@openssh.com', ed25519Point, 'ssh:')} yubi`;
    const ec = `sk-ecdsa-sha2-nistp256@openssh.com ${wire('sk-ecdsa-sha2-nistp256@openssh.com', 'nistp256', p256Point, 'ssh:')}`;
    expect(parsePublicKey(ed)).toMatchObject({ ok: true, key: { bits: 256, comment: 'yubi' } });
    expect(parsePublicKey(ec)).toMatchObject({
      ok: true,
      key: { type: 'sk-ecdsa-sha2-nistp256@openssh.com' },
    });
    // an sk key without its application string is cut short
    expect(
      messageOf(`sk-ssh-ed25519@openssh.com ${wire('sk-ssh-ed25519@openssh.com', ed25519Point)}`),
    ).toMatch(/cut short/);
  });

  it('refuses private keys, garbage, truncated and mislabelled keys with the reason', () => {
    expect(parsePublicKeys(privateKeyBlock)).toEqual({ problem: { key: 'keyPrivateBlock' } });
    expect(messageOf('-----BEGIN OPENSSH PRIVATE KEY-----')).toMatch(/private key/);
    expect(messageOf('hello world')).toMatch(/“hello” is not an SSH public key type/);
    const [type, data, comment] = realPublicKeys.ed25519.split(' ') as [string, string, string];
    expect(messageOf(`${type} ${data.slice(0, 40)} ${comment}`)).toMatch(/cut short/);
    expect(messageOf(`${type} ${data.slice(0, 41)}`)).toMatch(/not valid base64/);
    expect(messageOf(`${type} AAAA!!!`)).toMatch(/not valid base64/);
    expect(messageOf(type)).toMatch(/data is missing/);
    expect(messageOf(`ssh-rsa ${data}`)).toMatch(/says ssh-rsa but the key data is a ssh-ed25519 key/);
    expect(messageOf(`${type} ${wire('ssh-ed25519', ed25519Point, 'more')}`)).toMatch(/extra bytes/);
    expect(messageOf(`${type} ${wire('ssh-ed25519', Buffer.alloc(31))}`)).toMatch(/curve point/);
    expect(messageOf(`ssh-rsa ${wire('ssh-rsa', Buffer.from([1, 0, 1]), Buffer.alloc(64, 0xff))}`)).toMatch(
      /only 512 bits/,
    );
    expect(messageOf('ssh-dss AAAA')).toMatch(/DSA/);
    expect(messageOf('ssh-ed25519-cert-v01@openssh.com AAAA')).toMatch(/certificate/);
    expect(messageOf('---- BEGIN SSH2 PUBLIC KEY ----')).toMatch(/ssh-keygen -i/);
  });

  it('reads a pasted block: blank lines and comments skipped, the bad line named', () => {
    const block = `# my keys\n${realPublicKeys.ed25519}\n\n${realPublicKeys.rsab2048}\r\n`;
    const parsed = parsePublicKeys(block);
    expect('keys' in parsed && parsed.keys.map((k) => k.type)).toEqual(['ssh-ed25519', 'ssh-rsa']);
    const bad = parsePublicKeys(`${realPublicKeys.ed25519}\nnot a key`);
    expect('problem' in bad && problemMessage(bad.problem)).toMatch(/^Line 2:/);
  });
});
