// Index work shares the event loop (turns.ts): on SQLite an awaited query never lets the loop run,
// so a source's sync writing a thousand entries one after the other held it for seconds. These
// count the turns the event loop gets while entries are written — no clock is asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { indexDocument, indexDocuments, searchDocuments } from './index.js';
import type { SearchDocumentInput } from './tokens.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

// Long enough bodies that wording them takes a while (a few hundred ms in all).
const words = 'المجلس المحلي ناقش مشروع المياه مع الأهالي في جلسة حوار عامة حول الطريق والمدرسة'.split(' ');
const docs = (kind: string, n: number): SearchDocumentInput[] =>
  Array.from({ length: n }, (_, i) => ({
    kind,
    refId: i + 1,
    networkId: 1,
    lang: 'ar' as const,
    title: `${words[i % words.length]} ${i}`,
    body: Array.from({ length: 300 }, (_, j) => words[(i + j) % words.length]).join(' '),
    facets: { town: [`C${1000 + (i % 7)}`] },
    publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  }));

/** Runs `work` and counts the turns the event loop got meanwhile (setImmediate callbacks that ran). */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

describe('index writes share the event loop', () => {
  it('lets the loop run during a long series of indexDocument calls (a source’s sync)', async () => {
    const many = docs('sync_one', 400);
    const turns = await turnsDuring(async () => {
      for (const d of many) await indexDocument(h.db, d);
    });
    expect(turns).toBeGreaterThan(1);
    const n = await h.db
      .selectFrom('search_documents')
      .where('kind', '=', 'sync_one')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(400);
  });

  it('writes a batch with indexDocuments a slice per transaction, the loop running between slices', async () => {
    const many = docs('sync_bulk', 400);
    const turns = await turnsDuring(() => indexDocuments(h.db, many));
    expect(turns).toBeGreaterThan(1);
    // The same entries as indexDocument's, one by one: same rows, same search results.
    const rows = async (kind: string) =>
      (
        await h.db
          .selectFrom('search_documents')
          .select(['ref_id', 'title', 'search_text', 'facets', 'published_minute', 'network_id'])
          .where('kind', '=', kind)
          .orderBy('ref_id')
          .execute()
      ).map((r) => ({ ...r, search_text: r.search_text.split(' ').filter((t) => !t.startsWith('\u0671k')) }));
    expect(await rows('sync_bulk')).toEqual(await rows('sync_one'));
    const found = (kind: string) =>
      searchDocuments(h.db, h.dialect, { q: 'مشروع المياه', kinds: [kind], limit: 5, offset: 0 });
    const [one, bulk] = [await found('sync_one'), await found('sync_bulk')];
    expect(bulk.total).toBe(one.total);
    expect(bulk.hits.map((x) => x.refId)).toEqual(one.hits.map((x) => x.refId));
  });

  it('replaces entries already there, inside a caller’s transaction too', async () => {
    const changed = docs('sync_bulk', 3).map((d) => ({ ...d, title: `مبادرة ${d.refId}` }));
    await h.db.transaction().execute((trx) => indexDocuments(trx, changed));
    const titles = await h.db
      .selectFrom('search_documents')
      .select('title')
      .where('kind', '=', 'sync_bulk')
      .where('ref_id', 'in', ['1', '2', '3'])
      .orderBy('ref_id')
      .execute();
    expect(titles.map((t) => t.title)).toEqual(['مبادرة 1', 'مبادرة 2', 'مبادرة 3']);
    await indexDocuments(h.db, []); // nothing to write: nothing happens
  });
});
