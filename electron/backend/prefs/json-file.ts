import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type LoadResult<T> = {
  value: T;
  existed: boolean;
  warning?: string;
  /** An unreadable file: where it was moved and why it could not be read. */
  setAside?: { path: string; problem: string };
};

/**
 * A JSON file in the data dir that never loses what the user had: writes go to a temp file, are
 * flushed, then renamed over the old one; a file that cannot be read is moved aside, not overwritten.
 *
 * Saves are serialised: one write at a time, and a save that finds a newer value already submitted
 * writes that newest value (so fifty saves at once cost a few writes, and the file always ends with
 * the latest state — never an older snapshot renamed over a newer one).
 */
export class JsonFile<S extends z.ZodType> {
  private queue: Promise<void> = Promise.resolve();
  private submitted = 0;
  private written = 0;
  private latest!: z.infer<S>;

  constructor(
    private readonly path: string,
    private readonly schema: S,
    private readonly fallback: () => z.infer<S>,
  ) {}

  async load(): Promise<LoadResult<z.infer<S>>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { value: this.fallback(), existed: false };
      throw error;
    }
    let problem: string;
    try {
      const parsed = this.schema.safeParse(JSON.parse(text));
      if (parsed.success) return { value: parsed.data, existed: true };
      problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (error) {
      problem = (error as Error).message;
    }
    const aside = `${this.path}.unreadable-${Date.now()}`;
    await rename(this.path, aside);
    return {
      value: this.fallback(),
      existed: true,
      warning: `${this.path} could not be read (${problem}); it was kept as ${aside} and VirtDesk started without it.`,
      setAside: { path: aside, problem },
    };
  }

  /** Resolves once a state at least as new as `value` is on disk. */
  save(value: z.infer<S>): Promise<void> {
    let checked: z.infer<S>;
    try {
      checked = this.schema.parse(value);
    } catch (error) {
      return Promise.reject(error);
    }
    const mine = ++this.submitted;
    this.latest = checked;
    const run = this.queue.then(async () => {
      if (this.written >= mine) return; // a later save already wrote a newer state
      const version = this.submitted;
      await this.write(this.latest);
      this.written = version;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(checked: z.infer<S>): Promise<void> {
    await writeFileAtomically(this.path, JSON.stringify(checked, null, 2) + '\n');
  }
}

/** Writes `text` to a 0600 temp file beside `path`, flushes it, then renames it over `path`. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
