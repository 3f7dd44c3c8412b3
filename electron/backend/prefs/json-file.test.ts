import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { JsonFile } from './json-file';

const Schema = z.object({ hosts: z.array(z.string()) });

describe('JsonFile', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'vd-json-'));

  it('returns the fallback when the file does not exist yet', async () => {
    const file = new JsonFile(join(dir(), 'c.json'), Schema, () => ({ hosts: [] }));
    expect(await file.load()).toEqual({ value: { hosts: [] }, existed: false });
  });

  it('saves atomically and reads back', async () => {
    const d = dir();
    const file = new JsonFile(join(d, 'sub', 'c.json'), Schema, () => ({ hosts: [] }));
    await file.save({ hosts: ['a', 'b'] });
    expect((await file.load()).value).toEqual({ hosts: ['a', 'b'] });
    expect(readdirSync(join(d, 'sub'))).toEqual(['c.json']);
  });

  it('moves an unreadable file aside with a clear warning instead of losing it', async () => {
    const d = dir();
    const path = join(d, 'c.json');
    writeFileSync(path, '{"hosts": [1, 2');
    const result = await new JsonFile(path, Schema, () => ({ hosts: [] })).load();
    expect(result.value).toEqual({ hosts: [] });
    expect(result.warning).toMatch(/could not be read/);
    const kept = readdirSync(d).find((n) => n.startsWith('c.json.unreadable-'))!;
    expect(readFileSync(join(d, kept), 'utf8')).toBe('{"hosts": [1, 2');
  });

  it('refuses to save a value that does not match the schema', async () => {
    const file = new JsonFile(join(dir(), 'c.json'), Schema, () => ({ hosts: [] }));
    await expect(file.save({ hosts: [3] } as never)).rejects.toThrow();
  });

  it('ends with the latest state when many saves overlap, and every caller waits for its state', async () => {
    const d = dir();
    const file = new JsonFile(join(d, 'c.json'), Schema, () => ({ hosts: [] }));
    const hosts: string[] = [];
    const saves = Array.from({ length: 50 }, (_, i) => {
      hosts.push(`h${i}`);
      return file.save({ hosts: [...hosts] });
    });
    await Promise.all(saves);
    expect((await file.load()).value.hosts).toEqual(hosts);
    expect(readdirSync(d)).toEqual(['c.json']);
  });

  it('a failed write does not block the next save', async () => {
    const d = dir();
    const blocker = join(d, 'sub');
    writeFileSync(blocker, ''); // a file where the directory should be: the write fails
    const file = new JsonFile(join(blocker, 'c.json'), Schema, () => ({ hosts: [] }));
    await expect(file.save({ hosts: ['x'] })).rejects.toThrow();
    rmSync(blocker);
    await file.save({ hosts: ['ok'] });
    expect((await file.load()).value).toEqual({ hosts: ['ok'] });
  });
});
