import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SshResolution } from '../../shared/api/ssh-config';
import { createI18n } from '../i18n/create-i18n';
import { sshPreviewRows } from './ssh-preview-rows';

const t = createI18n('en').t as TFunction;

const base: SshResolution = {
  hostName: '10.1.0.7',
  port: 22,
  user: 'root',
  via: [],
  identityFiles: [],
  identitiesOnly: false,
  agent: '/run/agent',
  knownHostsFiles: ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'],
  hostKeyPolicy: 'ask',
  notes: [],
};

const asText = (r: SshResolution) => sshPreviewRows(t, r).map((row) => `${row.label}: ${row.value}`);

describe('what the Add connection dialog says an SSH name resolves to', () => {
  it('a direct connection with the defaults', () => {
    expect(asText(base)).toEqual([
      'Connects to: root@10.1.0.7',
      'Keys: the default keys in ~/.ssh',
      'Agent: /run/agent',
      'Known hosts: ~/.ssh/known_hosts, ~/.ssh/known_hosts2',
      'A new host key: is shown to you to trust or reject',
    ]);
  });

  it('the route through jump hosts and a command, key files, alias and policy', () => {
    expect(
      asText({
        ...base,
        port: 2222,
        via: [
          { kind: 'command', command: 'nc gw 22' },
          { kind: 'jump', host: 'bastion', port: 22, user: 'ops' },
        ],
        identityFiles: ['~/.ssh/lab'],
        identitiesOnly: true,
        knownHostsFiles: [],
        hostKeyAlias: 'lab',
        hostKeyPolicy: 'yes',
      }),
    ).toEqual([
      'Connects to: root@10.1.0.7:2222',
      'Through: command nc gw 22 → jump host ops@bastion',
      'Keys: ~/.ssh/lab',
      'Agent: not used (IdentitiesOnly)',
      'Known hosts: VirtDesk’s own list only',
      'Host key looked up as: lab',
      'A new host key: is refused (StrictHostKeyChecking yes)',
    ]);
  });
});
