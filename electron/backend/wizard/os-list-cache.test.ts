import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OsListCache, type CachedOsList } from './os-list-cache';

const list: CachedOsList = {
  version: 1,
  stamp: '3794620011 52231',
  entries: [{ id: 'http://libosinfo.org/linux/2022', shortId: 'linux2022', name: 'Linux 2022', eol: false }],
};

describe('the OS lists kept in the data dir', () => {
  it('keeps one private file per host, named by a hash of its key', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vd-oslist-')), 'os-lists');
    const cache = new OsListCache(dir);
    await cache.save('host-1\nqemu+ssh://admin@db.example/system', list);
    const file = cache.file('host-1\nqemu+ssh://admin@db.example/system');
    expect(file).toMatch(/\/os-lists\/[0-9a-f]{32}\.json$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('db.example');
    expect(await cache.load('host-1\nqemu+ssh://admin@db.example/system')).toEqual(list);
    expect(await cache.load('host-2\nqemu:///session')).toBeUndefined();
  });

  it('ignores what does not validate (never throws), and a save writes it anew', async () => {
    const cache = new OsListCache(mkdtempSync(join(tmpdir(), 'vd-oslist-')));
    const file = cache.file('h');
    const damaged = [
      '',
      '{"version":1,',
      JSON.stringify({ ...list, version: 2 }),
      JSON.stringify({ ...list, stamp: '$(reboot)' }),
      JSON.stringify({ ...list, entries: [{ id: 1 }] }),
      '\u0000\u0001',
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      expect(await cache.load('h')).toBeUndefined();
    }
    await cache.save('h', list);
    expect(await cache.load('h')).toEqual(list);
    await expect(cache.save('h', { ...list, stamp: 'nope' })).rejects.toThrow();
    expect(await cache.load('h')).toEqual(list);
  });
});
