// Index work shares the event loop. On SQLite a query is answered synchronously (better-sqlite3):
// an awaited write resolves in the microtask queue, so a loop of writes — a source's sync, the
// reindex job — never lets the event loop run, and every write outside a transaction is a commit
// with an fsync (synchronous=FULL). The first search-reindex run after a fresh start wrote the
// whole gazetteer (1,255 towns, 200 per turn, each its own commit) and held the loop 1–2 s at a
// time under the bench's load. Index writes now let the loop run once they have held a turn for
// SLICE_MS. (PostgreSQL answers asynchronously: its turns end at every query anyway.)
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** How long index work may keep the event loop in one turn. */
export const SLICE_MS = 10;

let sliceBegan: number | null = null;

/**
 * Waits for the event loop once index work has held the current turn for SLICE_MS; the single
 * write of a request never waits.
 */
export async function shareTheLoop(): Promise<void> {
  for (;;) {
    const now = performance.now();
    if (sliceBegan === null) {
      sliceBegan = now;
      setImmediate(() => (sliceBegan = null)); // the end of this turn
      return;
    }
    if (now - sliceBegan < SLICE_MS) return;
    await yieldToLoop();
  }
}
