import {
  create_rsa_from_mb,
  rsa_encrypt as encryptTicketUnpadded,
} from '@spice-project/spice-html5/src/ticket.js';

export { create_rsa_from_mb };

/**
 * spice-html5's `rsa_encrypt` turns the ciphertext into bytes through `toString(16)`, which drops
 * leading zero bytes; its ticket message then pads the short array at the END, so for roughly one
 * channel link in 128–256 the server decrypts a shifted number and answers "Permission denied"
 * (spice-server decrypts every ticket, password or not). The ciphertext is a number below the
 * modulus and must be exactly the modulus' length: put the dropped zeros back in front.
 *
 * `spiceconn.js` imports this module instead of the library's `ticket.js` (see
 * `scripts/build/spice-ticket-plugin.ts`).
 */
export function rsa_encrypt(rsa: SpiceRsaKey, text: string): number[] | null {
  const bytes = encryptTicketUnpadded(rsa, text);
  if (!bytes) return null;
  const keyLength = (rsa.n.bitLength() + 7) >> 3;
  const missing = keyLength - bytes.length;
  return missing > 0 ? [...new Array<number>(missing).fill(0), ...bytes] : bytes;
}

type SpiceRsaKey = Parameters<typeof encryptTicketUnpadded>[0];
