import { setFlagsFromString } from 'node:v8';

/**
 * How V8 collects garbage in the process that runs the backend (Electron's main process, or
 * `npm run serve`): a byte relay more than a page. SSH channels, consoles and the migration relay
 * make a Buffer for every socket read and every packet — hundreds of MB/s of short-lived
 * ArrayBuffers in a heap of some 20–30 MB.
 *
 * With incremental marking (V8's default) that pattern keeps a full collection running: V8 counts the
 * ArrayBuffer memory made since the last full collection against the old generation's headroom, which
 * in a heap this small is a few MB, far below the ~32 MB that piles up between two young collections.
 * So each full collection ends with the limit already reached and the next one starts at once: about
 * ten a second while a relay runs, on the main thread and V8's helper threads (measured in issue 14:
 * the migration relay's CPU cost about halved, its data phase −25 %, the main thread's longest wait shorter;
 * docs/snapshots-clone.md, "Ninth session").
 *
 * Without incremental marking the young collections still free those buffers, and a full collection
 * runs only when the old generation (or the memory held outside it) really grows: one short pause of a
 * small heap instead of a collection that never stops. Set once at start, before any connection;
 * it changes when V8 collects, not what is kept.
 */
export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-incremental-marking');
}
