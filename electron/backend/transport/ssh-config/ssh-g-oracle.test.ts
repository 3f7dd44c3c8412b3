import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from './config-files';
import type { LocalFacts } from './connection-route';
import { resolveConfig } from './resolve-config';
import { dumpLikeSshG, sshG } from './testing/ssh-g-dump';
import { tempHome } from './testing/temp-config';

// OpenSSH is the oracle: for each configuration, VirtDesk's resolution must print what
// `ssh -F FILE -G ALIAS` prints (Debian's OpenSSH on this machine), for every option VirtDesk uses.
// ssh expands `~` in paths to the passwd home but looks up `Include ~/…` under $HOME; the tests give
// each its own (the passwd home for tokens, a temp $HOME for the files), so nothing needs rewriting.

interface Case {
  name: string;
  /** Files under the temp home, `.ssh/config` first. */
  files: Record<string, string>;
  alias: string;
  /** As typed in the dialog: passed to ssh as -l / -p. */
  user?: string;
  port?: number;
}

const cases: Case[] = [
  {
    name: 'a plain alias',
    files: {
      '.ssh/config':
        'Host kvm1\n  HostName 192.0.2.10\n  User admin\n  Port 2222\n  IdentityFile ~/.ssh/lab\n',
    },
    alias: 'kvm1',
  },
  {
    name: 'an alias from an Included file (relative to ~/.ssh, glob, sorted, no dot files)',
    files: {
      '.ssh/config': 'Include config.d/*.conf\nHost *\n  User fallback\n',
      '.ssh/config.d/20-lab.conf': 'Host lab\n  HostName lab.example.net\n  User second\n',
      '.ssh/config.d/10-lab.conf': 'Host lab\n  Port 2200\n  User first\n',
      '.ssh/config.d/.hidden.conf': 'Host lab\n  HostName hidden.example.net\n',
      '.ssh/config.d/notes.txt': 'Host lab\n  HostName txt.example.net\n',
    },
    alias: 'lab',
  },
  {
    name: 'nested Includes: ~/ and absolute paths, two levels deep',
    files: {
      '.ssh/config': 'Include ~/.ssh/one.conf\n',
      '.ssh/one.conf': 'Include inner/*\nHost deep\n  User one\n',
      '.ssh/inner/two.conf': 'Host deep\n  HostName deep.example.org\n  IdentityFile ~/.ssh/deep_key\n',
    },
    alias: 'deep',
  },
  {
    name: 'an Include inside a Host block that does not apply is read but never matches',
    files: {
      '.ssh/config': 'Host other\n  Include extra.conf\nHost target\n  User t\n',
      '.ssh/extra.conf': 'Host *\n  User from-extra\n  Port 2022\n',
    },
    alias: 'target',
  },
  {
    name: 'an Include inside an applying Host block, and the block state after it',
    files: {
      '.ssh/config': 'Host target\n  Include extra.conf\n  Port 2300\nHost *\n  User star\n',
      '.ssh/extra.conf': 'HostName extra.example.com\nHost nomatch\n  User never\n',
    },
    alias: 'target',
  },
  {
    name: 'Host patterns: wildcards, ?, negation, several patterns',
    files: {
      '.ssh/config':
        'Host *.lab !secret.lab\n  User labuser\nHost web? db*\n  Port 2201\nHost *\n  User everyone\n',
    },
    alias: 'web1.lab',
  },
  {
    name: 'a negated pattern rules the block out',
    files: { '.ssh/config': 'Host *.lab !secret.lab\n  User labuser\nHost *\n  User everyone\n' },
    alias: 'secret.lab',
  },
  {
    name: 'Host patterns are case-sensitive, keywords are not',
    files: {
      '.ssh/config': 'Host Foo\n  HOSTNAME upper.example.com\nhost foo\n  hostname lower.example.com\n',
    },
    alias: 'foo',
  },
  {
    name: 'a host name as typed in capitals is lower-cased',
    files: { '.ssh/config': 'Host BIG\n  User big\n' },
    alias: 'BIG',
  },
  {
    name: 'first value wins across blocks; IdentityFile adds up without duplicates',
    files: {
      '.ssh/config':
        'Host a\n  User first\n  IdentityFile ~/.ssh/one\nHost a b\n  User second\n  IdentityFile ~/.ssh/two\n' +
        'Host *\n  IdentityFile ~/.ssh/one\n  IdentityFile ~/.ssh/three\n  User third\n',
    },
    alias: 'a',
  },
  {
    name: 'Match host sees HostName with %h expanded; Match originalhost sees the alias',
    files: {
      '.ssh/config':
        'Host short\n  HostName %h.corp.example\nMatch host *.corp.example\n  User corp\n' +
        'Match originalhost short\n  Port 2022\n',
    },
    alias: 'short',
  },
  {
    name: 'Match user tests the user from the dialog before the configuration',
    files: {
      '.ssh/config': 'Match user admin\n  Port 2202\n  IdentityFile ~/.ssh/admin\nHost *\n  User other\n',
    },
    alias: 'srv',
    user: 'admin',
  },
  {
    name: 'Match user tests a User set earlier in the configuration',
    files: { '.ssh/config': 'Host srv\n  User admin\nMatch user admin\n  Port 2203\n' },
    alias: 'srv',
  },
  {
    name: 'Match localuser, Match all, negated criteria',
    files: {
      '.ssh/config':
        `Match localuser ${userInfo().username}\n  Port 2204\nMatch !host srv\n  User never\n` +
        'Match all\n  User everyone\n',
    },
    alias: 'srv',
  },
  {
    name: 'Match final and canonical apply in a second pass against the final host name',
    files: {
      '.ssh/config':
        'Host x\n  HostName X.Example.COM\nMatch final host x.example.com\n  User final\n' +
        'Host x.example.com\n  Port 2205\nMatch canonical\n  IdentityFile ~/.ssh/canon\n',
    },
    alias: 'x',
  },
  {
    name: 'tricky syntax: = separators, tabs, quotes with spaces, comments, CRLF',
    files: {
      '.ssh/config':
        '# leading comment\r\n  # indented comment\r\nHost=tricky\r\n\tHostName = tricky.example.com # trailing\r\n' +
        '\tUser=bob\r\n\tPort\t=\t2206\r\n\tIdentityFile "/keys/my key" \r\n' +
        "\tIdentityFile '/keys/single quoted'\r\n\tIdentityFile /keys/a#b\r\n\tIdentityFile /keys/esc\\ aped\r\n",
    },
    alias: 'tricky',
  },
  {
    name: 'tokens: %h %p %r %u %n %d %% and ~ in paths, ${VAR}',
    files: {
      '.ssh/config':
        'Host tok\n  HostName tok.example.com\n  User rr\n  Port 2207\n' +
        '  IdentityFile ~/.ssh/id_%h_%r_%%\n' +
        '  UserKnownHostsFile ~/.ssh/kh_%h_%p %d/kh_%u_%n ${HOME}/kh_env\n' +
        '  IdentityAgent ~/agents/%h.sock\n',
    },
    alias: 'tok',
  },
  {
    name: 'ProxyCommand keeps its quotes and = signs, tokens unexpanded',
    files: {
      '.ssh/config':
        'Host pc\n  ProxyCommand = ssh -o "ProxyJump none" -W "[%h]:%p" -l jump gw.example.com # via gw\n',
    },
    alias: 'pc',
  },
  {
    name: 'ProxyCommand none',
    files: { '.ssh/config': 'Host pc\n  ProxyCommand none\nHost *\n  ProxyCommand nc %h %p\n' },
    alias: 'pc',
  },
  {
    name: 'a ProxyJump read first voids a later ProxyCommand',
    files: { '.ssh/config': 'Host t\n  ProxyJump gw\nHost *\n  ProxyCommand nc %h %p\n' },
    alias: 't',
  },
  {
    name: 'a ProxyCommand read first voids a later ProxyJump',
    files: { '.ssh/config': 'Host t\n  ProxyCommand nc %h %p\nHost *\n  ProxyJump gw\n' },
    alias: 't',
  },
  {
    name: 'ProxyJump chains: users, ports, ssh:// and IPv6',
    files: {
      '.ssh/config': 'Host t\n  ProxyJump ssh://ops@bastion:2222,jump@[2001:db8::1]:22,10.0.0.1\n',
    },
    alias: 't',
  },
  {
    name: 'ProxyJump none',
    files: { '.ssh/config': 'Host t\n  ProxyJump none\nHost *\n  ProxyJump gw\n' },
    alias: 't',
  },
  {
    name: 'UserKnownHostsFile none, HostKeyAlias (lower-cased), StrictHostKeyChecking accept-new',
    files: {
      '.ssh/config':
        'Host k\n  UserKnownHostsFile none\n  HostKeyAlias Lab-Key\n  StrictHostKeyChecking accept-new\n',
    },
    alias: 'k',
  },
  ...(['yes', 'no', 'off', 'ASK', 'True'] as const).map((value): Case => ({
    name: `StrictHostKeyChecking ${value}`,
    files: { '.ssh/config': `Host k\n  StrictHostKeyChecking ${value}\n` },
    alias: 'k',
  })),
  {
    name: 'UserKnownHostsFile: the first line wins, with all its files',
    files: {
      '.ssh/config': 'Host k\n  UserKnownHostsFile /a/one /a/two\nHost *\n  UserKnownHostsFile /b/three\n',
    },
    alias: 'k',
  },
  {
    name: 'timeouts, keepalive, address family, bind address, IdentitiesOnly, IdentityAgent none',
    files: {
      '.ssh/config':
        'Host net\n  ConnectTimeout 1m30s\n  ServerAliveInterval 15\n  ServerAliveCountMax 5\n' +
        '  AddressFamily inet6\n  BindAddress ::1\n  IdentitiesOnly yes\n  IdentityAgent none\n',
    },
    alias: 'net',
  },
  {
    name: 'ConnectTimeout none, IdentityAgent SSH_AUTH_SOCK',
    files: { '.ssh/config': 'Host net\n  ConnectTimeout none\n  IdentityAgent SSH_AUTH_SOCK\n' },
    alias: 'net',
  },
  {
    name: 'the dialog port wins over the configuration',
    files: { '.ssh/config': 'Host p\n  Port 2222\n' },
    alias: 'p',
    port: 2999,
  },
];

describe('ssh config resolution compared with `ssh -G` (OpenSSH as the oracle)', () => {
  it.each(cases)('$name', async (c) => {
    const home = tempHome(c.files);
    const configPath = join(home, '.ssh', 'config');
    const local: LocalFacts = {
      homeDir: userInfo().homedir,
      localUser: userInfo().username,
      localHost: hostname(),
      uid: userInfo().uid,
      env: { ...process.env, HOME: home },
      agentSocket: undefined,
    };
    const config = await readConfigFile(configPath, home);
    const resolved = resolveConfig(config, {
      host: c.alias,
      user: c.user,
      port: c.port,
      localUser: local.localUser,
    });
    expect(resolved.errors).toEqual([]);
    const extra = [...(c.user ? ['-l', c.user] : []), ...(c.port ? ['-p', String(c.port)] : [])];
    const expected = sshG(configPath, c.alias, home, extra);
    expect(byKey(dumpLikeSshG(resolved, local))).toEqual(byKey(expected));
  });
});

/** `key value` lines grouped by key, values in order (ssh prints keys in its own order). */
function byKey(lines: string[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const line of lines) {
    const space = line.indexOf(' ');
    (grouped[line.slice(0, space)] ??= []).push(line.slice(space + 1));
  }
  return grouped;
}
