import { describe, expect, it } from 'vitest';
import { hostKeyAlgorithmOrder } from './ssh-transport';

describe('hostKeyAlgorithmOrder', () => {
  it("keeps ssh2's order when nothing is known", () => {
    expect(hostKeyAlgorithmOrder([])[0]).toBe('ssh-ed25519');
  });

  it('offers the recorded key types first, so a server with several keys shows the known one', () => {
    expect(hostKeyAlgorithmOrder(['ecdsa-sha2-nistp256']).slice(0, 2)).toEqual([
      'ecdsa-sha2-nistp256',
      'ssh-ed25519',
    ]);
    expect(hostKeyAlgorithmOrder(['ssh-rsa']).slice(0, 3)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
  });
});
