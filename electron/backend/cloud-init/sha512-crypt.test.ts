import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hashPassword, sha512Crypt } from './sha512-crypt';

describe('SHA-512 crypt', () => {
  it('matches the specification’s test vectors', () => {
    expect(sha512Crypt('Hello world!', 'saltstring')).toBe(
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    );
    expect(sha512Crypt('Hello world!', 'saltstringsaltstring', 10000)).toBe(
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    );
  });

  it('agrees with openssl passwd -6 for unicode and long passwords', () => {
    for (const [password, salt] of [
      ['pässwörd ünï', 'abcdefgh'],
      ['x'.repeat(200), 'Zz09./Zz09./Zz09'],
    ] as const) {
      const openssl = execFileSync('openssl', ['passwd', '-6', '-salt', salt, '-stdin'], { input: password })
        .toString()
        .trim();
      expect(sha512Crypt(password, salt)).toBe(openssl);
    }
  });

  it('salts every hash afresh', () => {
    const a = hashPassword('secret');
    expect(a).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(hashPassword('secret')).not.toBe(a);
    expect(a).not.toContain('secret');
  });
});
