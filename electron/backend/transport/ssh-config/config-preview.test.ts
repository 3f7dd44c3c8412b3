import { describe, expect, it } from 'vitest';
import { createSshConfigPreview } from './config-preview';
import { tempHome } from './testing/temp-config';

const files = {
  '.ssh/config':
    'Include config.d/*.conf\nHost kvm1 kvm1.lab *.lab !secret.lab\n  HostName 192.0.2.10\n' +
    'Host behind\n  HostName 10.1.0.7\n  User root\n  ProxyJump ops@bastion:2200\n' +
    'Host bastion\n  HostName bastion.example.com\n  ProxyCommand nc %h %p\n' +
    'Match exec "on-vpn"\n  HostName never\n',
  '.ssh/config.d/lab.conf': 'Host lab-a lab-b\n  HostName lab.example.net\n  IdentityFile ~/.ssh/lab\n',
};

describe('what the Add connection dialog learns from ~/.ssh/config', () => {
  it('lists each alias once with where it is defined, wildcards left out', async () => {
    const preview = createSshConfigPreview({ homeDir: tempHome(files), agentSocket: undefined });
    expect(await preview.aliases()).toEqual([
      { alias: 'lab-a', file: '~/.ssh/config.d/lab.conf', line: 1 },
      { alias: 'lab-b', file: '~/.ssh/config.d/lab.conf', line: 1 },
      { alias: 'kvm1', file: '~/.ssh/config', line: 2 },
      { alias: 'kvm1.lab', file: '~/.ssh/config', line: 2 },
      { alias: 'behind', file: '~/.ssh/config', line: 4 },
      { alias: 'bastion', file: '~/.ssh/config', line: 8 },
    ]);
  });

  it('shows what an alias resolves to before connecting: target, route, keys, notes', async () => {
    const preview = createSshConfigPreview({ homeDir: tempHome(files), agentSocket: '/run/agent' });
    const resolved = await preview.resolve({ host: 'behind' });
    expect(resolved).toMatchObject({
      hostName: '10.1.0.7',
      port: 22,
      user: 'root',
      via: [
        { kind: 'command', command: 'nc bastion.example.com 2200' },
        { kind: 'jump', host: 'bastion.example.com', port: 2200, user: 'ops' },
      ],
      agent: '/run/agent',
      knownHostsFiles: ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'],
      hostKeyPolicy: 'ask',
      definedAt: { alias: 'behind', file: '~/.ssh/config', line: 4 },
    });
    // The Match exec is met twice: resolving the target and resolving its jump host.
    expect(resolved.notes).toEqual([
      expect.stringMatching(/^behind: ~\/\.ssh\/config line 11: Match exec "on-vpn" was not run/),
      expect.stringMatching(/^bastion: ~\/\.ssh\/config line 11: Match exec "on-vpn" was not run/),
    ]);
    expect((await preview.resolve({ host: 'lab-b', user: 'me' })).identityFiles).toEqual(['~/.ssh/lab']);
  });
});
