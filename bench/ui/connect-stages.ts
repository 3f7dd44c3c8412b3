/**
 * Not part of `npm run bench`: where one connect's time goes in the backend (no renderer), beside
 * OpenSSH and python3-libvirt doing the same steps, alternating, medians of ROUNDS. Stages (ms from
 * hosts/connect): SSH ready (ssh2 handshake + auth), each channel opened (exec), the shell's `uri`
 * answered, the list out (reset delta), "connected", every XML read. Baselines: `ssh host true`
 * (OpenSSH), python3-libvirt open / + listAllDomains / + XMLDesc each.
 * Run: `npx tsx bench/ui/connect-stages.ts [guests]` (seeds and unseeds vd-sp5-).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestHost, seedMany, unseedMany, type TestHost } from '../../e2e/host/test-host';
import { createHarness } from '../../electron/backend/testing/backend-harness';
import { SshTransport } from '../../electron/backend/transport/ssh-transport';
import { VirshShell } from '../../electron/backend/virsh/virsh-shell';
import { sshWrapper } from '../list-bench';
import { UI_PREFIX } from '../ui-list-bench';

const run = promisify(execFile);
const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Marks = Map<string, number>;
let marks: Marks = new Map();
let t0 = 0;
const mark = (name: string) => {
  if (!marks.has(name)) marks.set(name, performance.now() - t0);
};

// Instrument the real classes (this process only).
const connect = SshTransport.connect.bind(SshTransport);
SshTransport.connect = async (...args: Parameters<typeof SshTransport.connect>) => {
  const transport = await connect(...args);
  mark('ssh ready');
  const exec = transport.exec.bind(transport);
  let n = 0;
  transport.exec = async (...a: Parameters<typeof exec>) => {
    const i = ++n;
    const proc = await exec(...a);
    mark(`channel ${i} open`);
    return proc;
  };
  return transport;
};
// (Also runs against code from before VirshShell.start, for a baseline.)
const shellClass = VirshShell as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
if ('start' in VirshShell) {
  const start = shellClass['start']!.bind(VirshShell);
  shellClass['start'] = async (...args: unknown[]) => {
    const started = (await start(...args)) as { ready: Promise<void> };
    mark('shell channel open');
    void started.ready.then(() => mark('shell uri answered'));
    return started;
  };
} else {
  const open = shellClass['open']!.bind(VirshShell);
  shellClass['open'] = async (...args: unknown[]) => {
    const shell = await open(...args);
    mark('shell uri answered');
    return shell;
  };
}

async function ours(host: TestHost): Promise<Marks> {
  const h = await createHarness();
  writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `${host.knownHostsLine}\n`);
  const view = await h.call('hosts/add', {
    transport: 'ssh',
    host: host.host,
    port: host.port,
    user: host.user,
    uri: host.uri,
    autoconnect: false,
    privateKeyPath: host.privateKeyPath,
  });
  const hostId = view.config.id;
  marks = new Map();
  const pending = new Set<string>();
  const unsubscribe = h.backend.bus.subscribe((name, payload) => {
    if (name === 'domains/delta') {
      const d = payload as { reset: boolean; upsert: Array<{ uuid: string; detailsLoaded?: boolean }> };
      if (d.reset && d.upsert.length > 0) {
        mark('list out (reset delta)');
        for (const s of d.upsert) pending.add(s.uuid);
      }
      for (const s of d.upsert) if (s.detailsLoaded) pending.delete(s.uuid);
      if (marks.has('list out (reset delta)') && pending.size === 0) mark('every XML read');
    }
    if (name === 'hosts/status' && (payload as { state: string }).state === 'connected') mark('connected');
  });
  t0 = performance.now();
  const status = await h.call('hosts/connect', { hostId });
  mark('connect call returned');
  if (status.state !== 'connected') throw new Error(JSON.stringify(status.error));
  unsubscribe();
  h.dispose();
  return marks;
}

async function openssh(host: TestHost, wrapper: string): Promise<number> {
  const start = performance.now();
  await run(wrapper, [
    `${host.user}@${host.host}`,
    '-p',
    String(host.port),
    '-i',
    host.privateKeyPath,
    'true',
  ]);
  return performance.now() - start;
}

async function python(host: TestHost, wrapper: string): Promise<Marks> {
  const uri = `qemu+ssh://${host.user}@${host.host}:${host.port}/session?keyfile=${host.privateKeyPath}&command=${wrapper}&no_tty=1`;
  const script = [
    'import libvirt, sys, time',
    't0 = time.perf_counter()',
    'c = libvirt.open(sys.argv[1])',
    't1 = time.perf_counter()',
    'doms = c.listAllDomains()',
    't2 = time.perf_counter()',
    'for d in doms:',
    '    try: d.XMLDesc(0)',
    '    except libvirt.libvirtError: pass',
    't3 = time.perf_counter()',
    'print(*[(t - t0) * 1000 for t in (t1, t2, t3)])',
  ].join('\n');
  const { stdout } = await run('/usr/bin/python3', ['-c', script, uri]);
  const [a, b, c] = stdout.trim().split(' ').map(Number);
  return new Map([
    ['open', a!],
    ['+ listAllDomains', b!],
    ['+ XMLDesc each', c!],
  ]);
}

const guests = Number(process.argv[2] ?? 200);
const host = await ensureTestHost();
await seedMany(guests, UI_PREFIX);
try {
  const wrapper = sshWrapper(host);
  const rounds: { ours: Marks; py: Marks; ssh: number }[] = [];
  for (let i = 0; i < ROUNDS; i++)
    rounds.push({
      ours: await ours(host),
      py: await python(host, wrapper),
      ssh: await openssh(host, wrapper),
    });
  const { stdout: load } = await run('uptime');
  console.log(`load: ${load.trim()}`);
  const show = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(34)}${median(values).toFixed(0).padStart(7)} ms   [${values.map((v) => v.toFixed(0)).join(' ')}]`,
    );
  console.log('VirtDesk backend (ms from hosts/connect):');
  const names = [...new Set(rounds.flatMap((r) => [...r.ours.keys()]))];
  const order = (n: string) => median(rounds.map((r) => r.ours.get(n) ?? NaN));
  for (const name of names.sort((a, b) => order(a) - order(b)))
    show(
      `  ${name}`,
      rounds.map((r) => r.ours.get(name) ?? NaN),
    );
  console.log('OpenSSH / python3-libvirt:');
  show(
    '  ssh host true',
    rounds.map((r) => r.ssh),
  );
  for (const name of rounds[0]!.py.keys())
    show(
      `  py ${name}`,
      rounds.map((r) => r.py.get(name)!),
    );
} finally {
  await unseedMany(UI_PREFIX);
}
process.exit(0);
