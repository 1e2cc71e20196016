// Group commit: work queued in one turn shares one transaction on SQLite (one durable commit),
// a piece that throws is rolled back alone, and every caller learns its own outcome; on
// PostgreSQL each piece is its own transaction. On both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import { groupCommit } from './group-commit.js';
import type { DbHandle } from './index.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await sql`create table grouped_test (k text primary key)`.execute(h.db);
});
afterAll(() => h.close());

const keys = async () =>
  (await sql<{ k: string }>`select k from grouped_test order by k`.execute(h.db)).rows.map((r) => r.k);

describe('groupCommit', () => {
  it('stores what succeeds, rolls back only the piece that failed, and answers each caller', async () => {
    const spy = vi.spyOn(h.db, 'transaction');
    const insert = (k: string) => (trx: typeof h.db) => sql`insert into grouped_test (k) values (${k})`.execute(trx);
    const outcomes = await Promise.allSettled([
      groupCommit(h.db, h.dialect, insert('a')),
      groupCommit(h.db, h.dialect, async (trx) => {
        await insert('b')(trx);
        throw new Error('this report is refused');
      }),
      groupCommit(h.db, h.dialect, insert('a')), // the same key twice: this piece fails on its own
      groupCommit(h.db, h.dialect, async (trx) => {
        await insert('c')(trx);
        // on SQLite a piece sees what earlier pieces of its group wrote (on PostgreSQL each piece
        // is its own transaction, running beside the others: what it sees depends on timing)
        return (await sql<{ n: number }>`select count(*) as n from grouped_test`.execute(trx)).rows[0]!.n;
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('this report is refused');
    if (h.dialect === 'sqlite') expect(Number((outcomes[3] as PromiseFulfilledResult<number>).value)).toBe(2);
    expect(await keys()).toEqual(['a', 'c']);
    // one transaction (one durable commit) for the four on SQLite; one each on PostgreSQL
    expect(spy).toHaveBeenCalledTimes(h.dialect === 'sqlite' ? 1 : 4);
    spy.mockRestore();
  });

  it('a piece queued after its group was written goes into the next group, and is stored', async () => {
    const spy = vi.spyOn(h.db, 'transaction');
    const first = groupCommit(h.db, h.dialect, (trx) => sql`insert into grouped_test (k) values ('d')`.execute(trx));
    await first;
    const second = groupCommit(h.db, h.dialect, (trx) => sql`insert into grouped_test (k) values ('e')`.execute(trx));
    await second;
    expect(await keys()).toEqual(['a', 'c', 'd', 'e']);
    // a group already written is not reopened: the later piece had a transaction of its own
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
