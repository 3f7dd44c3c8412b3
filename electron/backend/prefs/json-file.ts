import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type LoadResult<T> = { value: T; existed: boolean; warning?: string };

/**
 * A JSON file in the data dir that never loses what the user had: writes go to a temp file, are
 * flushed, then renamed over the old one; a file that cannot be read is moved aside, not overwritten.
 */
export class JsonFile<S extends z.ZodType> {
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
    };
  }

  async save(value: z.infer<S>): Promise<void> {
    const checked = this.schema.parse(value);
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(checked, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.path);
  }
}
