import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { hostile, hostileArgs } from '../testing/hostile-args';
import { runToEnd } from './one-off-process';
import {
  hostScript,
  quoteArg,
  remoteCommand,
  RemoteCommand,
  script,
  ShellText,
  virshLine,
  words,
} from './quote';

describe('quoteArg', () => {
  it('round-trips hostile strings through a real POSIX shell unchanged', () => {
    for (const value of [...hostile, 'line\nbreak']) {
      const out = execFileSync('sh', ['-c', `printf '%s' ${quoteArg(value)}`], { encoding: 'utf8' });
      expect(out).toBe(value);
    }
  });

  it('keeps argument boundaries: each hostile string stays one argv entry', () => {
    const script = `for a in "$@"; do printf '[%s]' "$a"; done`;
    const cmd = `sh -c ${quoteArg(script)} sh ${hostile.map(quoteArg).join(' ')}`;
    const out = execFileSync('sh', ['-c', cmd], { encoding: 'utf8' });
    expect(out).toBe(hostile.map((h) => `[${h}]`).join(''));
  });

  it('refuses NUL bytes', () => {
    expect(() => quoteArg('a\0b')).toThrow(/NUL/);
  });
});

describe('remoteCommand and hostScript (the only RemoteCommand builders)', () => {
  it('remoteCommand: each hostile argument arrives as exactly one argument on a real sh', async () => {
    const proc = await new LocalTransport().exec(remoteCommand(['printf', '%s\\0', ...hostileArgs]));
    const { output, code } = await runToEnd(proc);
    expect(code).toBe(0);
    expect(output.split('\0').slice(0, -1)).toEqual(hostileArgs);
  });

  it('hostScript: words() interpolated into a fixed template stay one argument each', async () => {
    const argv = words(['%s\\0', ...hostileArgs]);
    const proc = await new LocalTransport().exec(hostScript`printf ${argv} && printf 'end\\0'`);
    const { output } = await runToEnd(proc);
    expect(output.split('\0').slice(0, -1)).toEqual([...hostileArgs, 'end']);
  });

  it('script fragments, lists of them and integers compose; the locale is UTF-8 C', async () => {
    const pieces = ['a b', "c'd"].map((w, i) => script`printf '%s=%s\\n' ${i} ${words([w])}; `);
    const proc = await new LocalTransport().exec(hostScript`${pieces}echo "$LC_ALL"`);
    expect((await runToEnd(proc)).output).toBe(`0=a b\n1=c'd\nC.UTF-8\n`);
  });

  it('refuses what is not a template literal or quoted text, and NUL bytes', () => {
    // eslint-disable-next-line no-restricted-syntax -- a forgery on purpose: the runtime check must refuse it
    const forged = ['echo ', ''] as unknown as TemplateStringsArray;
    expect(() => hostScript(forged, words(['x']))).toThrow(/template literal/);
    // eslint-disable-next-line no-restricted-syntax -- a forgery on purpose: the runtime check must refuse it
    const text = 'rm -rf ~' as unknown as ShellText;
    expect(() => hostScript`echo ${text}`).toThrow(/quoted text only/);
    expect(() => hostScript`exit ${1.5}`).toThrow(/integers only/);
    expect(() => remoteCommand([])).toThrow(/Empty/);
    expect(() => remoteCommand(['echo', 'a\0b'])).toThrow(/NUL/);
  });

  it('cannot be built outside quote.ts: the constructor wants its private token, forgeries have no text', async () => {
    const Ctor = RemoteCommand as unknown as new (token: symbol, text: string) => RemoteCommand;
    expect(() => new Ctor(Symbol('quote.ts'), 'id')).toThrow(/quote\.ts only/);
    // eslint-disable-next-line no-restricted-syntax -- a forgery on purpose: the runtime check must refuse it
    const forged = { text: 'id' } as unknown as RemoteCommand;
    await expect(new LocalTransport().exec(forged)).rejects.toThrow(/Only a RemoteCommand/);
  });
});

describe('virshLine', () => {
  it('refuses line breaks that would start a second virsh command', () => {
    expect(() => virshLine(['start', 'vm\nundefine other'])).toThrow(/line break/);
    expect(() => virshLine(['start', 'vm\rx'])).toThrow(/line break/);
  });
  it('refuses control characters, which readline would act on (a tab completes)', () => {
    expect(() => virshLine(['start', 'tab\there'])).toThrow(/control/);
    expect(() => virshLine(['start', 'a\x01b'])).toThrow(/control/);
  });
  it('quotes a name that looks like an option so virsh cannot read it as one', () => {
    expect(virshLine(['start', '--domain', '--all'])).toBe(`'start' '--domain' '--all'`);
  });
  it('is understood by the real virsh parser: hostile names reach libvirt verbatim', () => {
    // test:///default has no domain with these names; virsh must report each one exactly as given.
    const names = hostile.filter((n) => n.trim() !== '' && n !== '*' && !n.includes('\t'));
    const script = names.map((n) => virshLine(['dominfo', '--domain', n])).join('\n') + '\n';
    const out = spawnSync('virsh', ['-q', '-c', 'test:///default'], {
      input: script,
      encoding: 'utf8',
    }).stderr;
    for (const n of names) expect(out).toContain(`failed to get domain '${n}'`);
  });
});
