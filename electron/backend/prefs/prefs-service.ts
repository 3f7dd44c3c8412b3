import { join } from 'node:path';
import { Prefs, withChange, type PrefsChange } from '../../../shared/api/prefs';
import type { EventBus } from '../events/event-bus';
import { JsonFile } from './json-file';

/** What start-up found wrong with prefs.json (the renderer reports it in the user's language). */
export type PrefsReset = { aside: string; problem: string };

/**
 * The user's preferences: `prefs.json` in the data dir, validated on load. A damaged file is moved
 * aside (never overwritten) and the defaults are used; nothing else in the data dir is touched.
 * Every change is saved, then pushed as `prefs/changed` so every window follows.
 */
export class PrefsService {
  private constructor(
    private readonly file: JsonFile<typeof Prefs>,
    private readonly bus: EventBus,
    private current: Prefs,
    readonly reset: PrefsReset | undefined,
    readonly warning: string | undefined,
  ) {}

  static async load(dataDir: string, bus: EventBus): Promise<PrefsService> {
    const file = new JsonFile(join(dataDir, 'prefs.json'), Prefs, () => Prefs.parse({}));
    const loaded = await file.load();
    const reset = loaded.setAside
      ? { aside: loaded.setAside.path, problem: loaded.setAside.problem }
      : undefined;
    return new PrefsService(file, bus, loaded.value, reset, loaded.warning);
  }

  get(): Prefs {
    return this.current;
  }

  async set(change: PrefsChange): Promise<Prefs> {
    const next = withChange(this.current, change);
    await this.file.save(next);
    this.current = next;
    this.bus.emit('prefs/changed', next);
    return next;
  }
}
