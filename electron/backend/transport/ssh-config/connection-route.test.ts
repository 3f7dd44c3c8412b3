import { describe, expect, it } from 'vitest';
import { planRoute } from './connection-route';
import { readTempConfig, testLocal } from './testing/temp-config';

async function route(config: string, request: Parameters<typeof planRoute>[1], env = {}) {
  const { home, config: file } = await readTempConfig({ '.ssh/config': config });
  return { home, ...planRoute(file, request, testLocal(home, env)) };
}

describe('the route to a host, from ~/.ssh/config', () => {
  it('resolves each ProxyJump hop through the configuration, outermost first', async () => {
    const { endpoint } = await route(
      'Host target\n  HostName 10.0.0.5\n  ProxyJump edge,ops@inner:2222\n' +
        'Host edge\n  HostName edge.example.com\n  User edgeuser\n  ProxyCommand nc gw 22\n' +
        'Host inner\n  HostName inner.lan\n  User ignored\n  ProxyJump elsewhere\n',
      { host: 'target' },
    );
    expect(endpoint).toMatchObject({ host: '10.0.0.5', port: 22, user: 'me' });
    // The hop next to the target: its own ProxyJump is overridden by the chain; user and port from the spec.
    expect(endpoint.via).toMatchObject({ host: 'inner.lan', port: 2222, user: 'ops' });
    expect(endpoint.via?.proxyCommand).toBeUndefined();
    // The outermost hop is reached as its own configuration says (here through a ProxyCommand).
    expect(endpoint.via?.via).toMatchObject({
      host: 'edge.example.com',
      user: 'edgeuser',
      proxyCommand: 'exec nc gw 22',
    });
    expect(endpoint.via?.via?.via).toBeUndefined();
  });

  it('expands ProxyCommand tokens (%h %p %r %n %k %%) and prefixes exec, as ssh does', async () => {
    const { endpoint } = await route(
      'Host lab\n  HostName lab.example.com\n  User admin\n  Port 2022\n  HostKeyAlias LabKey\n' +
        '  ProxyCommand ssh -W %h:%p -l %r gw # %n %k %%\n',
      { host: 'lab' },
    );
    expect(endpoint.proxyCommand).toBe('exec ssh -W lab.example.com:2022 -l admin gw # lab labkey %');
    expect(endpoint.hostKeyAlias).toBe('labkey');
  });

  it('says which ProxyJump hops form a loop', async () => {
    await expect(
      route('Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n', { host: 'a' }),
    ).rejects.toMatchObject({
      code: 'ssh-config-invalid',
      message: expect.stringMatching(/loop/),
    });
  });

  it('takes IdentityAgent none, SSH_AUTH_SOCK, $VARIABLE and paths with tokens', async () => {
    const agentOf = async (value: string) =>
      (await route(`Host h\n  IdentityAgent ${value}\n`, { host: 'h' }, { OTHER_SOCK: '/tmp/other' }))
        .endpoint.agent;
    expect(await agentOf('none')).toBeNull();
    expect(await agentOf('SSH_AUTH_SOCK')).toBe('/run/agent.sock');
    expect(await agentOf('$OTHER_SOCK')).toBe('/tmp/other');
    expect(await agentOf('$UNSET_SOCK')).toBeNull();
    const { endpoint, home } = await route('Host h\n  IdentityAgent ~/agents/%h-%u.sock\n', { host: 'h' });
    expect(endpoint.agent).toBe(`${home}/agents/h-me.sock`);
  });

  it('uses VirtDesk’s agent when the configuration names none', async () => {
    expect((await route('', { host: 'plain' })).endpoint.agent).toBe('/run/agent.sock');
  });

  it('expands IdentityFile and UserKnownHostsFile; none means no user known_hosts', async () => {
    const { endpoint, home } = await route(
      'Host h\n  User ops\n  IdentityFile ~/.ssh/id_%r@%h\n  UserKnownHostsFile ~/kh/%h %d/kh2\n',
      { host: 'h' },
    );
    expect(endpoint.identityFiles).toEqual([`${home}/.ssh/id_ops@h`]);
    expect(endpoint.identityFilesRequired).toBe(false);
    expect(endpoint.knownHostsFiles).toEqual([`${home}/kh/h`, `${home}/kh2`]);
    const none = await route('Host h\n  UserKnownHostsFile none\n', { host: 'h' });
    expect(none.endpoint.knownHostsFiles).toEqual([]);
    const defaults = await route('', { host: 'h' });
    expect(defaults.endpoint.knownHostsFiles).toEqual([
      `${defaults.home}/.ssh/known_hosts`,
      `${defaults.home}/.ssh/known_hosts2`,
    ]);
  });

  it('lets the dialog’s user, port and key win over the configuration', async () => {
    const { endpoint } = await route('Host h\n  User cfg\n  Port 2222\n  IdentityFile ~/.ssh/cfg\n', {
      host: 'h',
      user: 'typed',
      port: 2999,
      privateKeyPath: '/keys/typed',
    });
    expect(endpoint).toMatchObject({
      user: 'typed',
      port: 2999,
      identityFiles: ['/keys/typed'],
      identitiesOnly: true,
      identityFilesRequired: true,
    });
  });

  it('maps StrictHostKeyChecking: no/off trust new keys like accept-new, never changed ones', async () => {
    const policy = async (value: string) =>
      (await route(`Host h\n  StrictHostKeyChecking ${value}\n`, { host: 'h' })).endpoint.hostKeyPolicy;
    expect(await policy('yes')).toBe('yes');
    expect(await policy('accept-new')).toBe('accept-new');
    expect(await policy('no')).toBe('accept-new');
    expect(await policy('off')).toBe('accept-new');
    expect((await route('', { host: 'h' })).endpoint.hostKeyPolicy).toBe('ask');
  });

  it('turns ConnectTimeout, ServerAlive*, AddressFamily and BindAddress into connection settings', async () => {
    const { endpoint } = await route(
      'Host h\n  ConnectTimeout 7\n  ServerAliveInterval 1m\n  ServerAliveCountMax 2\n' +
        '  AddressFamily inet\n  BindAddress 127.0.0.2\n',
      { host: 'h' },
    );
    expect(endpoint).toMatchObject({
      connectTimeoutMs: 7000,
      keepaliveIntervalMs: 60_000,
      keepaliveCountMax: 2,
      family: 4,
      bindAddress: '127.0.0.2',
    });
    const none = (await route('Host h\n  ConnectTimeout none\n  ServerAliveInterval 0\n', { host: 'h' }))
      .endpoint;
    expect(none.connectTimeoutMs).toBeNull();
    expect(none.keepaliveIntervalMs).toBe(0);
  });

  it('does not run a Match exec, and says so in the notes', async () => {
    const { endpoint, notes } = await route('Match exec "touch ~/ran"\n  Port 2022\n', { host: 'h' });
    expect(endpoint.port).toBe(22);
    expect(notes).toEqual([
      `h: ~/.ssh/config line 1: Match exec "touch ~/ran" was not run (VirtDesk never runs commands ` +
        'from the SSH configuration); the options of this block were not applied',
    ]);
  });

  it('refuses a configuration ssh would refuse, naming the file and line', async () => {
    await expect(route('Host h\n  Port none\n', { host: 'h' })).rejects.toMatchObject({
      code: 'ssh-config-invalid',
      message: expect.stringMatching(/\.ssh\/config line 2: bad port 'none'/),
    });
    await expect(route('Host h\n  User "unclosed\n', { host: 'h' })).rejects.toMatchObject({
      message: expect.stringMatching(/line 2: invalid quotes/),
    });
    await expect(route('Host h\n  User # nobody\n', { host: 'h' })).rejects.toMatchObject({
      message: expect.stringMatching(/line 2: missing argument/),
    });
    await expect(route('Match nosuch x\n', { host: 'h' })).rejects.toMatchObject({
      message: expect.stringMatching(/line 1: bad Match condition: unsupported Match attribute nosuch/),
    });
    await expect(route('Host h\n  IdentityFile ~/%z\n', { host: 'h' })).rejects.toMatchObject({
      message: expect.stringMatching(/Unknown token %z/),
    });
  });
});
