import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isoIdentifier, writeIso9660 } from './iso9660-writer';

// The writer's images are read back by xorriso/osirrox and isoinfo (packages xorriso and genisoimage,
// installed by .ci/run), the tools a person would trust, without mounting anything.
const dir = mkdtempSync(join(tmpdir(), 'vd-k-iso-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  { name: 'user-data', data: Buffer.from('#cloud-config\nusers:\n  - name: ünï\n') },
  { name: 'meta-data', data: Buffer.from('instance-id: iid-1\nlocal-hostname: web\n') },
  // spans several sectors, with a partial last one
  { name: 'network-config', data: Buffer.from('version: 2\n' + '#'.repeat(5000) + '\n') },
];
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

function written(name: string, content = files, date?: Date): string {
  const path = join(dir, name);
  writeFileSync(path, writeIso9660('cidata', content, date));
  return path;
}

describe('ISO 9660 writer', () => {
  it('xorriso reads the label and extracts every file byte for byte', () => {
    const iso = written('seed.iso');
    const ls = run('xorriso', ['-indev', iso, '-pvd_info', '-ls', '/']);
    expect(ls).toMatch(/Volume Id\s*:\s*cidata/);
    const out = join(dir, 'out');
    run('xorriso', ['-ecma119_map', 'lowercase', '-osirrox', 'on', '-indev', iso, '-extract', '/', out]);
    expect(readdirSync(out).sort()).toEqual(['meta-data', 'network-config', 'user-data']);
    for (const f of files) expect(readFileSync(join(out, f.name)).equals(f.data)).toBe(true);
  });

  it('isoinfo sees a plain ISO 9660 volume labelled cidata with the three files', () => {
    const iso = written('seed2.iso');
    const info = run('isoinfo', ['-d', '-i', iso]);
    expect(info).toMatch(/Volume id: cidata/);
    expect(info).toMatch(/Logical block size is: 2048/);
    expect(info).toMatch(/NO Joliet present/);
    const list = run('isoinfo', ['-l', '-i', iso]);
    for (const id of ['META-DATA.;1', 'NETWORK-CONFIG.;1', 'USER-DATA.;1']) expect(list).toContain(id);
    expect(run('isoinfo', ['-i', iso, '-x', '/USER-DATA.;1'])).toBe(files[0]!.data.toString());
    expect(run('blkid', ['-o', 'export', iso])).toMatch(/LABEL=cidata[\s\S]*TYPE=iso9660/);
  });

  it('the volume size covers the image and the same input gives the same bytes', () => {
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const a = writeIso9660('cidata', files, date);
    expect(a.length % 2048).toBe(0);
    expect(a.readUInt32LE(16 * 2048 + 80)).toBe(a.length / 2048);
    expect(a.readUInt32BE(16 * 2048 + 84)).toBe(a.length / 2048);
    expect(a.subarray(16 * 2048 + 813, 16 * 2048 + 829).toString()).toBe('2026010203040500');
    expect(writeIso9660('cidata', [...files].reverse(), date).equals(a)).toBe(true);
    // many files: the root directory grows past one sector and stays readable
    const many = Array.from({ length: 80 }, (_, i) => ({ name: `file-${i}`, data: Buffer.from(String(i)) }));
    const iso = join(dir, 'many.iso');
    writeFileSync(iso, writeIso9660('cidata', many));
    expect(run('xorriso', ['-indev', iso, '-ls', '/']).match(/'FILE-\d+'/g)).toHaveLength(80);
  });

  it('refuses names and labels it cannot write', () => {
    expect(isoIdentifier('user-data')).toBe('USER-DATA.;1');
    expect(isoIdentifier('a.txt')).toBe('A.TXT;1');
    expect(() => isoIdentifier('a/b')).toThrow();
    expect(() => isoIdentifier('a.b.c')).toThrow();
    expect(() => writeIso9660('ci data', [])).toThrow();
    expect(() => writeIso9660('cidata', [files[0]!, files[0]!])).toThrow(/share a name/);
  });
});
