import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArg, shellCommand, virshLine } from './quote';

const hostile = [
  "it's",
  'a "quoted" word',
  '$(touch /tmp/virtdesk-pwned)',
  '`id`',
  'a; rm -rf /',
  'a && b || c',
  '-x',
  '--all',
  'back\\slash',
  'ünïcødé 虚拟机 🖥️',
  "'; echo pwned; '",
  '*',
  '~',
  '$HOME',
  '',
  '   spaced   ',
  'tab\there',
];

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

describe('shellCommand', () => {
  it('quotes every word, including the program', () => {
    expect(shellCommand(['virsh', '-c', 'qemu:///system'])).toBe(`'virsh' '-c' 'qemu:///system'`);
  });
  it('refuses an empty argv', () => {
    expect(() => shellCommand([])).toThrow();
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
