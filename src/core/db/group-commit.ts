// Group commit for SQLite (issue #19, election day). A durable SQLite commit (synchronous=FULL)
// waits for the disk — about 2.6 ms on this machine — and better-sqlite3 waits on the event loop,
// so 150 observers' reports committed one by one queue behind each other's fsync (p99 570 ms).
// Work handed to groupCommit() in the same turn of the event loop shares one transaction and one
// fsync: each piece runs in a savepoint of its own (a piece that throws is rolled back alone and
// its caller gets the error), and every caller is answered only after the one commit, so nothing
// is acknowledged before it is on disk. PostgreSQL commits concurrently on its own connections
// and groups its WAL flushes itself: there each piece is simply its own transaction.
import { sql } from 'kysely';
import type { Db, Dialect } from './index.js';

type Piece = { work: (trx: Db) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

const queues = new WeakMap<Db, Piece[]>();

/** Runs `work` in a transaction shared with other work queued in the same turn (SQLite). */
export function groupCommit<T>(db: Db, dialect: Dialect, work: (trx: Db) => Promise<T>): Promise<T> {
  if (dialect !== 'sqlite') return db.transaction().execute(work);
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      // the first piece of a group opens it; the group is written once this turn has queued all it will
      setImmediate(() => void flush(db));
    }
    queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
  });
}

async function flush(db: Db): Promise<void> {
  const pieces = queues.get(db) ?? [];
  queues.delete(db); // work arriving from now on opens the next group
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const piece of pieces) {
        await sql`savepoint grouped`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await piece.work(trx) });
          await sql`release savepoint grouped`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint grouped`.execute(trx);
          await sql`release savepoint grouped`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    // the commit itself failed: nothing of the group is stored, and every caller is told
    for (const piece of pieces) piece.reject(error);
    return;
  }
  pieces.forEach((piece, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) piece.resolve(outcome.value);
    else piece.reject(outcome.error);
  });
}
