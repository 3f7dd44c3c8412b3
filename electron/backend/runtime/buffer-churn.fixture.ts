/**
 * Test fixture (garbage-collection.test.ts runs it in a child process with --expose-gc): a heap like
 * the backend's (~20 MB kept) and the buffer churn of a relay (a 64 KiB read and an encrypted 32 KiB
 * packet per chunk, 160 MiB in all, in small batches between timers as socket reads come). Prints how
 * many full (mark-compact) collections ran meanwhile. Argument `backend`: build the backend first
 * (its garbage-collection settings then apply); `plain`: V8's defaults.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { createBackend } from '../create-backend';

const CHUNKS = 5000;

if (process.argv[2] === 'backend') {
  const dataDir = mkdtempSync(join(tmpdir(), 'vd-gc-'));
  (await createBackend({ dataDir, log: () => undefined })).dispose();
  rmSync(dataDir, { recursive: true, force: true });
}

const kept = Array.from({ length: 200_000 }, (_, i) => ({ i, name: `object ${i}`, list: [i] }));
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');
for (let i = 0; i < 3; i++) collect(); // a settled heap, as after the app has run a while

let fullCollections = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      fullCollections++;
});
observer.observe({ entryTypes: ['gc'] });

const key = randomBytes(16);
const iv = randomBytes(12);
let chunk = 0;
await new Promise<void>((done) => {
  const batch = () => {
    for (let k = 0; k < 4 && chunk < CHUNKS; k++, chunk++) {
      const read = Buffer.allocUnsafe(65536);
      const cipher = createCipheriv('aes-128-gcm', key, iv);
      cipher.update(read.subarray(13, 13 + 32768));
      cipher.final();
    }
    if (chunk < CHUNKS) setTimeout(batch, 0);
    else done();
  };
  batch();
});
await new Promise((r) => setTimeout(r, 50)); // the observer hears of the last collections
observer.disconnect();
console.log(JSON.stringify({ fullCollections, kept: kept.length }));
