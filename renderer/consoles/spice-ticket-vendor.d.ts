// Types for spice-html5's ticket module (no DOM types: the Node-side test reads them too).
declare module '@spice-project/spice-html5/src/ticket.js' {
  export interface SpiceRsaKey {
    n: { bitLength(): number };
  }
  /** The server's SubjectPublicKeyInfo (DER) → the key spice-html5 encrypts tickets with. */
  export function create_rsa_from_mb(buffer: ArrayBuffer, at?: number): SpiceRsaKey | null;
  /** RSA-OAEP (SHA-1) of `text`; the bytes of the ciphertext, leading zero bytes dropped. */
  export function rsa_encrypt(rsa: SpiceRsaKey, text: string): number[] | null;
}
