import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spiceTicketFix, SPICE_TICKET_FIX } from './spice-ticket-plugin';

// spice-html5's random pool reads `navigator.appName` when it loads (a browser global Node 20 lacks).
const globals = globalThis as { navigator?: unknown };
globals.navigator ??= { appName: 'Node' };
const library = await import('@spice-project/spice-html5/src/ticket.js');
const { rsa_encrypt } = await import('../../renderer/consoles/spice-ticket');

/** A key pair like spice-server's (1024-bit RSA, public half sent as SubjectPublicKeyInfo DER). */
function serverKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const rsa = library.create_rsa_from_mb(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength));
  if (!rsa) throw new Error('spice-html5 did not read the public key');
  return { rsa, privateKey };
}

const decrypt = (privateKey: ReturnType<typeof serverKeys>['privateKey'], bytes: number[]) =>
  privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(bytes),
  );

describe('SPICE ticket encryption', () => {
  it('sends every ticket at the key length, so the server can decrypt the ones whose ciphertext begins with zero', () => {
    const { rsa, privateKey } = serverKeys();
    const ticket = 'pässword\0';
    // About one ciphertext in 128–256 begins with a zero byte, which the library dropped: encrypt
    // until one such ticket has gone through (bounded), decrypting each as spice-server does.
    let withLeadingZero = 0;
    for (let attempt = 0; attempt < 5_000 && withLeadingZero === 0; attempt++) {
      const bytes = rsa_encrypt(rsa, ticket) ?? [];
      expect(bytes).toHaveLength(128);
      expect(decrypt(privateKey, bytes).toString('latin1')).toBe(ticket);
      if (bytes[0] === 0) withLeadingZero++;
    }
    expect(withLeadingZero, 'no ciphertext began with a zero byte in 5,000 tickets').toBe(1);
  }, 120_000);

  it('is what spice-html5’s connection code imports in the builds, and nothing else is redirected', () => {
    const plugin = spiceTicketFix();
    const resolve = plugin.resolveId as (source: string, importer?: string) => string | null;
    const spiceDir = '/x/node_modules/@spice-project/spice-html5/src';
    expect(resolve('./ticket.js', `${spiceDir}/spiceconn.js`)).toBe(SPICE_TICKET_FIX);
    expect(resolve('./ticket.js', `${spiceDir}/spicemsg.js`)).toBeNull();
    expect(resolve('@spice-project/spice-html5/src/ticket.js', SPICE_TICKET_FIX)).toBeNull();
  });
});
