import { describe, expect, it } from 'vitest';
import { parseJump, parseSshConfig, resolveSshHost } from './ssh-config';

const config = `
# lab hosts
Host kvm1 kvm1.lab
    HostName 192.0.2.10
    User admin
    Port 2222
    IdentityFile ~/.ssh/lab_ed25519
    ProxyJump jump@bastion:2200

Host *.lab !secret.lab
    User labuser
    IdentityFile "%d/.ssh/id_%h"

Host *
    User fallback
    IdentityFile ~/.ssh/id_ed25519
    IdentitiesOnly=yes
`;

describe('ssh config', () => {
  const blocks = parseSshConfig(config);

  it('resolves an alias: first value wins, identity files accumulate', () => {
    expect(resolveSshHost(blocks, 'kvm1', '/home/me', 'me')).toEqual({
      hostName: '192.0.2.10',
      user: 'admin',
      port: 2222,
      identityFiles: ['/home/me/.ssh/lab_ed25519', '/home/me/.ssh/id_ed25519'],
      identitiesOnly: true,
      proxyJump: [{ host: 'bastion', user: 'jump', port: 2200 }],
    });
  });

  it('applies wildcards and negations', () => {
    const web = resolveSshHost(blocks, 'web.lab', '/h', 'me');
    expect(web.user).toBe('labuser');
    expect(web.identityFiles[0]).toBe('/h/.ssh/id_web.lab');
    expect(resolveSshHost(blocks, 'secret.lab', '/h', 'me').user).toBe('fallback');
  });

  it('passes unknown hosts through unchanged', () => {
    const r = resolveSshHost(parseSshConfig(''), 'plain.example', '/h', 'me');
    expect(r).toEqual({ hostName: 'plain.example', identityFiles: [], identitiesOnly: false, proxyJump: [] });
  });

  it('parses ProxyJump chains', () => {
    expect(parseJump('a,b@c:22,[::1]:2200')).toEqual([
      { host: 'a' },
      { host: 'c', user: 'b', port: 22 },
      { host: '::1', port: 2200 },
    ]);
    expect(parseJump('none')).toEqual([]);
  });
});
