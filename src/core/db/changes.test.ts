// The change counter as the page cache reads it on every anonymous page view: it follows every
// committed write, and never reports a count a transaction has not committed (a rolled-back bump
// would be reused by the next write, and a page stored under it would then be served stale).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import { changeCount, changeCounter, changeMemo, installChangeCounter } from './changes.js';
import type { DbHandle } from './index.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await sql`create table changes_test (k text primary key)`.execute(h.db);
  await installChangeCounter(h.db, h.dialect); // a table pages could show: its writes count
});
afterAll(() => h.close());

const write = (db: DbHandle['db'], k: string) => sql`insert into changes_test (k) values (${k})`.execute(db);

describe('changeCounter', () => {
  it('reads what changeCount reads, after every committed write', async () => {
    const read = changeCounter(h);
    const before = await read();
    expect(before).toBe(await changeCount(h.db));
    await write(h.db, 'one');
    const after = await read();
    expect(after).not.toBe(before);
    expect(after).toBe(await changeCount(h.db));
  });

  it('never reports the bump of a transaction that is still open, then rolled back', async () => {
    const read = changeCounter(h);
    const before = await read();
    let seenInside: string | null = null;
    await h.db
      .transaction()
      .execute(async (trx) => {
        await write(trx, 'two');
        // another request asks while the transaction holds the connection
        const asked = read().then((v) => (seenInside = v));
        await Promise.race([asked, new Promise((r) => setTimeout(r, 50))]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    // it answers once the transaction is over, with the committed count
    await new Promise((r) => setTimeout(r, 10));
    expect(seenInside).toBe(before);
    expect(await read()).toBe(before);
  });
});

describe('changeMemo', () => {
  it('keeps a result until the next write or the next minute, and never keeps a failure', async () => {
    const remember = changeMemo(h);
    let computed = 0;
    const compute = async () => ++computed;
    const now = new Date('2026-12-07T10:00:10Z');
    expect(await remember('k', now, compute)).toBe(1);
    expect(await remember('k', new Date('2026-12-07T10:00:50Z'), compute)).toBe(1);
    expect(await remember('other', now, compute)).toBe(2);
    await write(h.db, 'three');
    expect(await remember('k', now, compute)).toBe(3);
    expect(await remember('k', new Date('2026-12-07T10:01:00Z'), compute)).toBe(4);
    await expect(remember('bad', now, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await remember('bad', now, compute)).toBe(5);
  });

  it('holds at most its bound, least recently used out first', async () => {
    const remember = changeMemo(h, 2);
    const now = new Date('2026-12-07T10:00:00Z');
    let computed = 0;
    const compute = async () => ++computed;
    await remember('a', now, compute);
    await remember('b', now, compute);
    await remember('a', now, compute); // a used again: b is now the oldest
    await remember('c', now, compute);
    expect(computed).toBe(3);
    await remember('a', now, compute);
    expect(computed).toBe(3);
    await remember('b', now, compute);
    expect(computed).toBe(4);
  });
});
