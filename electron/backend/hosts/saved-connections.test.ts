import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../create-backend';

// Saved connections survive overlapping saves and a restart (a fresh backend on the same data dir).
async function backendOn(dataDir: string): Promise<Backend> {
  return createBackend({ dataDir, homeDir: dataDir, log: () => undefined });
}

async function call<T>(backend: Backend, name: string, request: unknown): Promise<T> {
  const result = await backend.dispatch(name as never, request as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.response as T;
}

type View = { config: { id: string; name: string } };

describe('saved connections', () => {
  it('keeps all fifty connections added at once, after a restart', { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vd-conns-'));
    const first = await backendOn(dataDir);
    const names = Array.from({ length: 50 }, (_, i) => `lab-${i}`);
    await Promise.all(
      names.map((name) => call(first, 'hosts/add', { transport: 'local', uri: 'test:///default', name })),
    );
    first.dispose();
    const second = await backendOn(dataDir);
    const listed = await call<View[]>(second, 'hosts/list', {});
    expect(listed.map((v) => v.config.name).sort()).toEqual([...names].sort());
    second.dispose();
  });

  it('keeps a rename made while another connection is added', { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vd-conns-'));
    const backend = await backendOn(dataDir);
    const renamed: string[] = [];
    for (let round = 0; round < 20; round++) {
      const view = await call<View>(backend, 'hosts/add', {
        transport: 'local',
        uri: 'test:///default',
        name: `r${round}`,
      });
      const newName = `renamed-${round}`;
      renamed.push(newName);
      await Promise.all([
        call(backend, 'hosts/add', { transport: 'local', uri: 'test:///default', name: `extra-${round}` }),
        call(backend, 'hosts/update', { ...view.config, name: newName }),
      ]);
    }
    backend.dispose();
    const restarted = await backendOn(dataDir);
    const names = (await call<View[]>(restarted, 'hosts/list', {})).map((v) => v.config.name);
    for (const name of renamed) expect(names).toContain(name);
    expect(names).toHaveLength(40);
    restarted.dispose();
  });
});
