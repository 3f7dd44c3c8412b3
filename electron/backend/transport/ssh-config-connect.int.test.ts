import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createHarness, pollUntil, type Harness } from '../testing/backend-harness';
import { knowHostKey, writeSshConfig } from '../testing/ssh-test-host';

// ~/.ssh/config as OpenSSH reads it, against the real sshd of the test host (e2e/host/).
const host = inject('testHost');

describe('connecting through ~/.ssh/config to the test host', () => {
  const harnesses: Harness[] = [];
  const agents: ChildProcess[] = [];
  const harness = async () => {
    const h = await createHarness();
    harnesses.push(h);
    return h;
  };
  afterEach(() => {
    harnesses.splice(0).forEach((h) => h.dispose());
    agents.splice(0).forEach((agent) => agent.kill());
  });

  /** A Host block for the test host (HostName, Port, User, IdentityFile) plus `extra` lines. */
  const entry = (alias: string, extra = '') =>
    `Host ${alias}\n  HostName ${host.host}\n  Port ${host.port}\n  User ${host.user}\n` +
    `  IdentityFile ${host.privateKeyPath}\n${extra}`;

  /** Adds `alias` as typed in the dialog (plus `extra` fields) and connects. */
  const connect = async (h: Harness, alias: string, extra: { user?: string } = {}) => {
    const view = await h.call('hosts/add', {
      transport: 'ssh',
      host: alias,
      uri: host.uri,
      autoconnect: false,
      ...extra,
    });
    return { hostId: view.config.id, status: await h.call('hosts/connect', { hostId: view.config.id }) };
  };

  /** The proxy `ssh -W` VirtDesk runs for a ProxyCommand: OpenSSH through the test sshd, no config. */
  const proxyCommand = (h: Harness) =>
    `ssh -F none -i ${host.privateKeyPath} -o IdentitiesOnly=yes -o BatchMode=yes ` +
    `-o StrictHostKeyChecking=yes -o UserKnownHostsFile=${join(h.homeDir, '.ssh', 'known_hosts')} ` +
    `-p ${host.port} -l ${host.user} ${host.host} -W %h:%p`;

  /** Processes whose command line contains `marker` (the harness's temp home is unique). */
  const processesWith = (marker: string) =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(marker) && !line.startsWith('ps '));

  it('finds an alias defined in an Included file (~/.ssh/config.d/*.conf)', async () => {
    const h = await harness();
    knowHostKey(h, host);
    mkdirSync(join(h.homeDir, '.ssh', 'config.d'));
    writeSshConfig(h, 'Include config.d/*.conf\n');
    writeSshConfig(h, entry('lab-included'), 'config.d/lab.conf');
    const { hostId, status } = await connect(h, 'lab-included');
    expect(status.state).toBe('connected');
    expect((await h.call('domains/list', { hostId })).map((d) => d.name)).toContain('vd-tiny');
  });

  it('applies a Match user block for the user typed in the dialog, and only for that user', async () => {
    const h = await harness();
    knowHostKey(h, host);
    writeSshConfig(
      h,
      `Match user ${host.user}\n  Port ${host.port}\n  IdentityFile ${host.privateKeyPath}\n` +
        `Host lab-match\n  HostName ${host.host}\n  Port 1\n`,
    );
    expect((await connect(h, 'lab-match', { user: host.user })).status.state).toBe('connected');
    // Another user: the Match block does not apply, Port 1 does, and nothing listens there.
    const other = await connect(h, 'lab-match', { user: 'someone-else' });
    expect(other.status).toMatchObject({ state: 'failed', error: { code: 'connect-refused' } });
    expect(other.status.error?.message).toContain(`${host.host}:1`);
  });

  it('connects through a ProxyCommand (ssh -W %h:%p via the test sshd) and ends it on disconnect', async () => {
    const h = await harness();
    knowHostKey(h, host);
    writeSshConfig(h, entry('lab-proxied', `  ProxyCommand ${proxyCommand(h)}\n`));
    const { hostId, status } = await connect(h, 'lab-proxied');
    expect(status.state).toBe('connected');
    expect((await h.call('domains/list', { hostId })).map((d) => d.name)).toContain('vd-tiny');
    // The connection runs inside the proxy, with the tokens expanded.
    expect(processesWith(h.homeDir)).toEqual([expect.stringContaining(`-W ${host.host}:${host.port}`)]);
    await h.call('hosts/disconnect', { hostId });
    expect(
      await pollUntil(
        async () => processesWith(h.homeDir),
        (p) => p.length === 0,
      ),
    ).toEqual([]);
  });

  it('says why a ProxyCommand failed, with what it printed', async () => {
    const h = await harness();
    knowHostKey(h, host);
    writeSshConfig(
      h,
      entry('lab-broken-proxy', `  ProxyCommand sh -c 'echo "no route to the lab" >&2; exit 3'\n`),
    );
    const { status } = await connect(h, 'lab-broken-proxy');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'proxy-failed' } });
    expect(status.error?.message).toMatch(/exited with code 3.*no route to the lab/);
  });

  it('reaches the first ProxyJump hop as its own entry says (here a ProxyCommand) and ignores the second hop’s own ProxyJump', async () => {
    const h = await harness();
    knowHostKey(h, host);
    writeSshConfig(
      h,
      entry('lab-hop1', `  ProxyCommand ${proxyCommand(h)}\n`) +
        entry('lab-hop2', '  ProxyJump nowhere.invalid\n') +
        entry('lab-behind-two', '  ProxyJump lab-hop1,lab-hop2\n'),
    );
    const { hostId, status } = await connect(h, 'lab-behind-two');
    expect(status.state).toBe('connected');
    expect((await h.call('domains/list', { hostId })).map((d) => d.name)).toContain('vd-tiny');
    expect(processesWith(h.homeDir)).toHaveLength(1);
  });

  it('looks the host key up under its HostKeyAlias, and records new keys under it', async () => {
    const h = await harness();
    writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `lab-key-alias ${host.hostKeyPublic}\n`);
    writeSshConfig(
      h,
      entry('lab-aliased', '  HostKeyAlias Lab-Key-Alias\n') +
        entry('lab-new-alias', '  HostKeyAlias lab-fresh\n  StrictHostKeyChecking accept-new\n'),
    );
    expect((await connect(h, 'lab-aliased')).status.state).toBe('connected');
    expect((await connect(h, 'lab-new-alias')).status.state).toBe('connected');
    expect(h.prompts).toEqual([]);
    expect(readFileSync(join(h.dataDir, 'known_hosts'), 'utf8')).toBe(`lab-fresh ${host.hostKeyPublic}\n`);
  });

  it('with StrictHostKeyChecking yes refuses an unknown key without asking', async () => {
    const h = await harness();
    writeSshConfig(h, entry('lab-strict', '  StrictHostKeyChecking yes\n'));
    const { status } = await connect(h, 'lab-strict');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'host-key-unknown' } });
    expect(status.error?.message).toMatch(/StrictHostKeyChecking/);
    expect(h.prompts).toEqual([]);
    expect(existsSync(join(h.dataDir, 'known_hosts'))).toBe(false);
  });

  it('with StrictHostKeyChecking no still refuses a changed key', async () => {
    const h = await harness();
    const stranger = join(h.homeDir, 'stranger');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const strangerKey = readFileSync(`${stranger}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `[${host.host}]:${host.port} ${strangerKey}\n`);
    writeSshConfig(h, entry('lab-lax', '  StrictHostKeyChecking no\n'));
    const { status } = await connect(h, 'lab-lax');
    expect(status).toMatchObject({ state: 'failed', error: { code: 'host-key-changed' } });
    expect(h.prompts).toEqual([]);
  });

  it('reads the known_hosts files UserKnownHostsFile names', async () => {
    const h = await harness();
    writeFileSync(join(h.homeDir, 'lab_known_hosts'), `${host.knownHostsLine}\n`);
    writeSshConfig(h, entry('lab-kh', '  UserKnownHostsFile ~/lab_known_hosts\n'));
    expect((await connect(h, 'lab-kh')).status.state).toBe('connected');
    expect(h.prompts).toEqual([]);
  });

  it('authenticates with the agent IdentityAgent names, and with none when it says none', async () => {
    const h = await harness();
    knowHostKey(h, host);
    const socket = join(h.homeDir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    agents.push(agent);
    await pollUntil(async () => existsSync(socket), Boolean);
    execFileSync('ssh-add', ['-q', host.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
    const keyless = (alias: string, agentLine: string) =>
      `Host ${alias}\n  HostName ${host.host}\n  Port ${host.port}\n  User ${host.user}\n${agentLine}`;
    writeSshConfig(
      h,
      keyless('lab-agent', `  IdentityAgent ${socket}\n`) + keyless('lab-no-agent', '  IdentityAgent none\n'),
    );
    h.setPromptPolicy((p) => (p.kind === 'password' ? { accepted: false } : undefined));
    expect((await connect(h, 'lab-agent')).status.state).toBe('connected');
    expect(h.prompts).toEqual([]);
    const without = await connect(h, 'lab-no-agent');
    expect(without.status.state).toBe('failed');
    expect(h.prompts.map((p) => p.kind)).toContain('password');
  });

  it('connects from the BindAddress, and resolves names in the AddressFamily asked for', async () => {
    const h = await harness();
    writeFileSync(
      join(h.homeDir, '.ssh', 'known_hosts'),
      `${host.knownHostsLine}\n[localhost]:${host.port} ${host.hostKeyPublic}\n`,
    );
    const named = (alias: string, family: string) =>
      entry(alias, `  AddressFamily ${family}\n`).replace(`HostName ${host.host}`, 'HostName localhost');
    writeSshConfig(
      h,
      entry('lab-bound', '  BindAddress 127.0.0.2\n') +
        named('lab-v4', 'inet') +
        named('lab-v6', 'inet6') +
        entry('lab-v6-literal', '  AddressFamily inet6\n'),
    );
    const log = join(host.stateDir, 'sshd.log');
    const fromBound = () => (readFileSync(log, 'utf8').match(/Connection from 127\.0\.0\.2 /g) ?? []).length;
    const before = fromBound();
    expect((await connect(h, 'lab-bound')).status.state).toBe('connected');
    expect(fromBound()).toBe(before + 1);
    // The test sshd listens on 127.0.0.1 only: "localhost" over IPv6 is refused or does not resolve.
    expect((await connect(h, 'lab-v4')).status.state).toBe('connected');
    expect((await connect(h, 'lab-v6')).status.state).toBe('failed');
    expect((await connect(h, 'lab-v6-literal')).status).toMatchObject({
      state: 'failed',
      error: { code: 'connect-dns', message: expect.stringMatching(/AddressFamily inet6/) },
    });
  });

  it('does not run a Match exec, and says so in the connection’s details', async () => {
    const h = await harness();
    knowHostKey(h, host);
    const ran = join(h.homeDir, 'exec-ran');
    writeSshConfig(h, `Match exec "touch ${ran}"\n  Port 1\n${entry('lab-exec')}`);
    const { status } = await connect(h, 'lab-exec');
    expect(status.state).toBe('connected');
    expect(status.notes).toEqual([expect.stringMatching(/Match exec "touch .*exec-ran" was not run/)]);
    expect(existsSync(ran)).toBe(false);
  });
});
