// The OS list kept on the desktop across connections and restarts (docs/wizard.md, "Step 1 ready"):
// one small file per saved connection in the data dir, with the stamp of the host's osinfo-db it was
// read from. Only what `osinfo-query os` prints is kept (no secrets). A file that cannot be read or
// does not validate is ignored, and the next read of the host writes it anew.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OsEntry } from '../../../shared/api/wizard';
import { writeFileAtomically } from '../prefs/json-file';

/** `cksum`'s answer over the host's machine-id and its osinfo-db files' names, sizes and mtimes. */
export const OsDbStamp = z.string().regex(/^\d{1,10} \d{1,15}$/);

const CachedOsList = z.object({
  version: z.literal(1),
  stamp: OsDbStamp,
  entries: z.array(OsEntry).max(50_000),
  message: z.string().max(1000).optional(),
});
export type CachedOsList = z.infer<typeof CachedOsList>;

export class OsListCache {
  constructor(private readonly dir: string) {}

  /** The kept list of this host, or undefined (none, unreadable or invalid: the host is read). */
  async load(hostKey: string): Promise<CachedOsList | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(hostKey), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = CachedOsList.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async save(hostKey: string, value: CachedOsList): Promise<void> {
    await writeFileAtomically(this.file(hostKey), JSON.stringify(CachedOsList.parse(value)) + '\n');
  }

  /** The file of a host: a hash of its key, so no host name or user ends up in a file name. */
  file(hostKey: string): string {
    return join(this.dir, `${createHash('sha256').update(hostKey).digest('hex').slice(0, 32)}.json`);
  }
}
