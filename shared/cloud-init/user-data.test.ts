import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostnameProblem, userNameProblem } from './names';
import {
  buildMetaData,
  buildUserData,
  networkConfigProblem,
  readRawUserData,
  type RawUserData,
} from './user-data';

const user = { name: 'alice', passwordHash: '$6$salt$hash', sshKeys: ['ssh-ed25519 AAAA alice@x'] };
const raw = (text: string): RawUserData => {
  const r = readRawUserData(text);
  if (!r.ok) throw new Error(r.problem.key);
  return r.raw;
};
const yaml11 = (text: string) => parse(text, { version: '1.1' }) as Record<string, unknown>;

describe('user-data', () => {
  it('a #cloud-config with the user, its hash and keys; no password in it', () => {
    const text = buildUserData(user, { kind: 'none' });
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(yaml11(text)).toEqual({
      users: [
        {
          name: 'alice',
          sudo: 'ALL=(ALL) NOPASSWD:ALL',
          shell: '/bin/bash',
          lock_passwd: false,
          passwd: '$6$salt$hash',
          ssh_authorized_keys: ['ssh-ed25519 AAAA alice@x'],
        },
      ],
    });
    expect(yaml11(buildUserData({ name: 'bob', sshKeys: ['k'] }, { kind: 'none' })).users).toEqual([
      { name: 'bob', sudo: 'ALL=(ALL) NOPASSWD:ALL', shell: '/bin/bash', ssh_authorized_keys: ['k'] },
    ]);
  });

  it('merges a raw #cloud-config: its keys, comments and YAML 1.1 values kept, users appended', () => {
    const text = buildUserData(
      user,
      raw(
        '#cloud-config\n# install things\npackages: [htop]\nusers:\n  - default\nwrite_files:\n  - path: /x\n    permissions: 0644\n    content: yes\n',
      ),
    );
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(text).toContain('# install things');
    expect(text).toContain('permissions: 0644');
    const doc = yaml11(text);
    expect(doc.packages).toEqual(['htop']);
    expect((doc.write_files as Array<Record<string, unknown>>)[0]).toEqual({
      path: '/x',
      permissions: 0o644,
      content: true,
    });
    expect((doc.users as unknown[]).length).toBe(2);
    expect((doc.users as unknown[])[0]).toBe('default');
    expect(yaml11(buildUserData(user, raw('#cloud-config\n'))).users).toHaveLength(1);
  });

  it('a script or a multipart document becomes a part next to the wizard’s #cloud-config', () => {
    const text = buildUserData(user, raw('#!/bin/sh\necho hi ünï\n'), 'BOUND');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Content-Type: multipart/mixed; boundary="BOUND"',
      'MIME-Version: 1.0',
      '',
    ]);
    const parts = text.split('--BOUND').slice(1, -1);
    expect(parts).toHaveLength(2);
    const body = (part: string) => Buffer.from(part.split('\n\n')[1]!, 'base64').toString('utf8');
    expect(parts[0]).toContain('Content-Type: text/cloud-config');
    expect(yaml11(body(parts[0]!)).users).toHaveLength(1);
    expect(parts[1]).toContain('Content-Type: text/x-shellscript');
    expect(body(parts[1]!)).toBe('#!/bin/sh\necho hi ünï\n');
    expect(text.endsWith('--BOUND--\n')).toBe(true);

    const inner =
      'Content-Type: multipart/mixed; boundary="in"\nMIME-Version: 1.0\n\n--in\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n--in--\n';
    const nested = buildUserData(user, raw(inner), 'OUT');
    expect(nested).toContain(`--OUT\n${inner.trimEnd()}\n--OUT--`);
  });

  it('refuses raw user-data that cloud-init would not read, with the reason', () => {
    const problemOf = (text: string) => {
      const r = readRawUserData(text);
      return r.ok ? 'ok' : r.problem.key;
    };
    expect(problemOf('packages: [a]')).toBe('userDataKind');
    expect(problemOf(' #cloud-config\n')).toBe('userDataKind');
    expect(problemOf('#cloud-config\npackages: [a\n')).toBe('userDataYaml');
    expect(problemOf('#cloud-config\na: 1\na: 2\n')).toBe('userDataYaml');
    expect(problemOf('#cloud-config\n- a\n')).toBe('userDataNotMapping');
    expect(problemOf('#cloud-config\nusers: alice\n')).toBe('userDataUsers');
    expect(problemOf('Content-Type: multipart/mixed\n\nx')).toBe('multipartBoundary');
    expect(problemOf('Content-Type: text/plain\n\nx')).toBe('userDataKind');
    expect(problemOf(`#!/bin/sh\n${'x'.repeat(300 * 1024)}`)).toBe('userDataTooLarge');
    const r = readRawUserData('#cloud-config\nfoo: [1, 2\n');
    expect(!r.ok && r.problem.values?.reason).toBeTruthy();
  });

  it('meta-data and network-config', () => {
    expect(yaml11(buildMetaData('iid-1', 'web-1'))).toEqual({
      'instance-id': 'iid-1',
      'local-hostname': 'web-1',
    });
    expect(networkConfigProblem('')).toBeUndefined();
    expect(networkConfigProblem('version: 2\nethernets: {}\n')).toBeUndefined();
    expect(networkConfigProblem('network:\n  version: 1\n  config: []\n')).toBeUndefined();
    expect(networkConfigProblem('ethernets: {}')?.key).toBe('networkVersion');
    expect(networkConfigProblem('version: [')?.key).toBe('networkYaml');
  });
});

describe('names', () => {
  it('host names follow RFC 1123', () => {
    for (const ok of ['web', 'web-1', 'a.example.org', '1host', 'x'.repeat(63), 'Web01.'])
      expect(hostnameProblem(ok), ok).toBeUndefined();
    expect(hostnameProblem('')?.key).toBe('hostnameNeeded');
    expect(hostnameProblem('-web')?.key).toBe('hostnameLabel');
    expect(hostnameProblem('web-')?.key).toBe('hostnameLabel');
    expect(hostnameProblem('we_b')?.key).toBe('hostnameLabel');
    expect(hostnameProblem('a..b')?.key).toBe('hostnameLabel');
    expect(hostnameProblem('x'.repeat(64))?.key).toBe('hostnameLabel');
    expect(hostnameProblem(`${'a.'.repeat(127)}ab`)?.key).toBe('hostnameLong');
    expect(hostnameProblem('10.0.0.1')?.key).toBe('hostnameNumeric');
    expect(hostnameProblem('$(reboot)')?.key).toBe('hostnameLabel');
  });
  it('user names as useradd takes them', () => {
    for (const ok of ['alice', '_svc', 'a-b_c9']) expect(userNameProblem(ok)).toBeUndefined();
    expect(userNameProblem('')?.key).toBe('userNameNeeded');
    expect(userNameProblem('Alice')?.key).toBe('userNameBad');
    expect(userNameProblem('9lives')?.key).toBe('userNameBad');
    expect(userNameProblem('a b')?.key).toBe('userNameBad');
    expect(userNameProblem('root')?.key).toBe('userNameRoot');
    expect(userNameProblem('a'.repeat(33))?.key).toBe('userNameLong');
  });
});
