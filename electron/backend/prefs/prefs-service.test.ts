import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prefs } from '../../../shared/api/prefs';
import { EventBus } from '../events/event-bus';
import { PrefsService } from './prefs-service';

const fresh = () => mkdtemp(join(tmpdir(), 'vd-zh-prefs-'));

describe('PrefsService', () => {
  it('keeps a change across a restart and tells every window', async () => {
    const dir = await fresh();
    const bus = new EventBus();
    const pushed: Prefs[] = [];
    bus.subscribe((name, payload) => name === 'prefs/changed' && pushed.push(payload as Prefs));
    const first = await PrefsService.load(dir, bus);
    await first.set({ language: 'zh-CN', theme: 'dark', console: { grabKeys: 'Ctrl+Alt+Shift' } });
    expect(pushed.at(-1)?.language).toBe('zh-CN');
    const again = await PrefsService.load(dir, new EventBus());
    expect(again.get()).toMatchObject({
      language: 'zh-CN',
      theme: 'dark',
      console: { grabKeys: 'Ctrl+Alt+Shift', scaling: 'fit', clipboard: false },
    });
    expect(again.reset).toBeUndefined();
  });

  it('sets a damaged file aside, reports it and uses the defaults, leaving the connections file alone', async () => {
    const dir = await fresh();
    const connections = '{"version":1,"hosts":[]}\n';
    await writeFile(join(dir, 'connections.json'), connections);
    await writeFile(join(dir, 'prefs.json'), '{"statsIntervalMs": "fast", "theme": "purple"');
    const service = await PrefsService.load(dir, new EventBus());
    expect(service.get()).toEqual(Prefs.parse({}));
    expect(service.reset?.aside).toMatch(/prefs\.json\.unreadable-\d+$/);
    expect(service.reset?.problem).toBeTruthy();
    expect(await readFile(join(dir, 'connections.json'), 'utf8')).toBe(connections);
    expect((await readdir(dir)).sort()).toEqual([
      'connections.json',
      expect.stringMatching(/^prefs\.json\.unreadable-/),
    ]);
  });

  it('refuses a value out of range without changing anything', async () => {
    const service = await PrefsService.load(await fresh(), new EventBus());
    await expect(service.set({ statsIntervalMs: 10 })).rejects.toThrow();
    expect(service.get().statsIntervalMs).toBe(2000);
  });

  it('reads the first version’s one switch for destructive actions', () => {
    expect(Prefs.parse({ statsIntervalMs: 3000, confirmDestructive: false }).confirm).toMatchObject({
      destroy: false,
      reset: false,
      several: false,
    });
  });
});
