import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { indexDocument, removeDocument, searchDocuments, type SearchOptions } from './index.js';
import { CORPUS, NOW } from './corpus.fixture.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  for (const doc of CORPUS) await indexDocument(h.db, doc);
});
afterAll(() => h.close());

function search(q: string, more: Partial<SearchOptions> = {}) {
  return searchDocuments(h.db, h.dialect, { q, limit: 10, offset: 0, now: NOW, ...more });
}
async function order(q: string, more: Partial<SearchOptions> = {}) {
  const r = await search(q, more);
  return r.hits.map((hit) => `${hit.kind}/${hit.refId}`);
}

describe('search ranking (the same expected pages on SQLite and PostgreSQL)', () => {
  // These orders are pinned: CI runs this file on both dialects, so passing on both proves that
  // both return identical results for the same data. The order is: every query word in the title,
  // then some, then none; newest first within each. The dictionary makes انتخابات and "elections"
  // one concept, so each finds the other language's entries too.
  it.each([
    ['انتخابات', ['news/1', 'resource/guide-9', 'news/4', 'opinion/5', 'news/2']],
    ['الانتخابات', ['news/1', 'resource/guide-9', 'news/4', 'opinion/5', 'news/2']],
    ['انتخ', ['news/1', 'news/4', 'opinion/5', 'news/2']],
    ['مراقبة', ['news/2', 'news/4']],
    ['مدرسه', ['news/3']],
    ['دعم نفسي', ['service/7']],
    ['elections', ['news/1', 'resource/guide-9', 'news/4', 'opinion/5', 'news/2']],
    ["A'zaz", ['resource/guide-9']],
  ])('"%s" → %j', async (q, expected) => {
    expect(await order(q)).toEqual(expected);
  });

  it('gives the same scores (tiers) on both dialects', async () => {
    const r = await search('انتخابات');
    expect(r.hits.map((x) => x.score)).toEqual([2, 2, 2, 0, 0]);
  });

  it('ranks a title hit above a newer body mention', async () => {
    // news/4 (2021, in the title) before opinion/5 (2024, in the body only).
    const r = await search('انتخابات', { kinds: ['opinion', 'news'] });
    expect(r.hits.map((x) => x.refId)).toEqual(['1', '4', '5', '2']);
  });

  it('ranks a title with every query word above one with some', async () => {
    expect(await order('انتخابات أعزاز')).toEqual(['news/1']);
    await indexDocument(h.db, { ...CORPUS[0], refId: 71, title: 'أعزاز', publishedAt: '2025-01-01T00:00:00.000Z' });
    expect(await order('انتخابات أعزاز')).toEqual(['news/1', 'news/71']);
    await removeDocument(h.db, 'news', 71);
  });

  it('completes the last word being typed as a prefix', async () => {
    expect(await order('تدري')).toEqual(['news/2']);
    expect(await order('انتخابات تدري')).toEqual(['news/2']);
    expect(await order('تدري انتخابات')).toEqual([]);
  });

  it('gives the same first page when the matches reach the cap (the other way of ordering them)', async () => {
    // At the cap, both databases order a bounded set of the newest matches instead of all of them;
    // the page must be the one the whole order gives.
    for (const q of ['انتخابات', 'انتخ', 'elections', 'انتخابات مراقبة', 'الانتخابات في أعزاز', 'دعم']) {
      const full = await search(q, { limit: 20 });
      for (let cap = 1; cap < full.total; cap++) {
        const capped = await search(q, { maxResults: cap, limit: cap });
        expect(capped.total, `${q} cap ${cap}`).toBe(cap);
        expect(
          capped.hits.map((x) => [x.refId, x.score]),
          `${q} cap ${cap}`,
        ).toEqual(full.hits.slice(0, cap).map((x) => [x.refId, x.score]));
      }
    }
  });

  it('gives the same first page at the cap with kinds, a network and facets (PostgreSQL reads the first two from columns)', async () => {
    const filters: Partial<SearchOptions>[] = [
      { kinds: ['news'] },
      { kinds: ['news', 'opinion', 'resource'] },
      { networkId: 1 },
      { networkId: 1, kinds: ['news', 'opinion'] },
      { facets: { town: 'C1564' } },
      { facets: { topic: 'elections' }, kinds: ['news'], networkId: 1 },
    ];
    for (const more of filters)
      for (const q of ['انتخابات', 'انتخ', 'elections', 'الانتخابات في أعزاز', 'المياه']) {
        const full = await search(q, { ...more, limit: 20 });
        expect(full.hits.length, `${q} ${JSON.stringify(more)}`).toBe(full.total);
        for (let cap = 1; cap < full.total; cap++) {
          const capped = await search(q, { ...more, maxResults: cap, limit: cap });
          const label = `${q} ${JSON.stringify(more)} cap ${cap}`;
          expect(capped.total, label).toBe(cap);
          expect(
            capped.hits.map((x) => [x.kind, x.refId, x.score]),
            label,
          ).toEqual(full.hits.slice(0, cap).map((x) => [x.kind, x.refId, x.score]));
        }
      }
    // What the filters leave, the same on both databases.
    expect(await order('انتخابات', { networkId: 1, kinds: ['news', 'opinion'] })).toEqual([
      'news/1',
      'opinion/5',
      'news/2',
    ]);
  });

  it('prefers the newer of two otherwise equal documents', async () => {
    await indexDocument(h.db, { ...CORPUS[2], refId: 70, publishedAt: '2020-01-10T08:00:00.000Z' });
    expect(await order('دعم نفسي')).toEqual(['service/7', 'service/70']);
    await removeDocument(h.db, 'service', 70);
  });
});

describe('matching', () => {
  it('finds Arabic words across letter forms, tashkeel and the article', async () => {
    expect(await order('اعزاز')).toEqual(['news/1']);
    expect(await order('أَعْزَاز')).toEqual(['news/1']);
    expect(await order('مدرسة')).toEqual(['news/3']);
    expect(await order('المدرسه')).toEqual(['news/3']);
  });

  it('requires every word of the query', async () => {
    expect(await order('انتخابات أعزاز')).toEqual(['news/1']);
    expect(await order('انتخابات مدرسة')).toEqual([]);
  });

  it('filters by kind, network and facet', async () => {
    expect(await order('انتخابات', { kinds: ['opinion'] })).toEqual(['opinion/5']);
    expect(await order('انتخابات', { kinds: [] })).toEqual([]);
    expect(await order('انتخابات', { networkId: 2 })).toEqual(['news/4']);
    expect(await order('انتخابات', { facets: { town: 'C1564' } })).toEqual(['news/1', 'news/4']);
    expect(await order('انتخابات', { facets: { town: 'C1594', topic: 'elections' } })).toEqual(['news/2']);
    expect(await order('انتخابات', { facets: { town: 'C15' } })).toEqual([]);
    expect(await order('انتخابات', { facets: { 'town"]': 'C1564' } })).toEqual([]);
  });

  it('pages through results with a stable total', async () => {
    const first = await search('انتخابات', { limit: 2, offset: 0 });
    const second = await search('انتخابات', { limit: 2, offset: 2 });
    const third = await search('انتخابات', { limit: 2, offset: 4 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.hits, ...second.hits, ...third.hits].map((x) => x.refId)).toEqual(['1', 'guide-9', '4', '5', '2']);
  });

  it.each(['', '   ', '؟!،', '*', '"', '()', '-', ':*', '&|!', '\\'])(
    'returns nothing, without error, for the empty or punctuation-only query %j',
    async (q) => {
      expect(await search(q)).toEqual({ total: 0, hits: [] });
    },
  );

  it.each([
    ['"انتخابات', 5],
    ['انتخابات"', 5],
    ['انتخابات*', 5],
    ['(انتخابات', 5],
    ['-انتخابات', 5],
    ['انتخابات OR مدرسة', 0],
    ['NEAR(انتخابات مدرسة)', 0],
    ['انتخابات AND', 5],
    ['انتخابات NOT', 0],
    ["انتخابات'; DROP TABLE search_documents; --", 0],
    ['انتخابات:* | !مدرسة', 0],
    [Array.from({ length: 300 }, (_, i) => `كلمة${i}`).join(' '), 0],
  ])('treats query syntax in %j as plain words (total %i)', async (q, total) => {
    expect((await search(q)).total).toBe(total);
    expect((await search('انتخابات')).total).toBe(5);
  });
});

describe('indexing', () => {
  it('replaces an entry when the same item is indexed again', async () => {
    await indexDocument(h.db, { ...CORPUS[3], title: 'افتتاح مستوصف في مارع', body: 'مستوصف جديد.' });
    expect(await order('مدرسة')).toEqual([]);
    expect(await order('مستوصف')).toEqual(['news/3']);
    const rows = await h.db.selectFrom('search_documents').select('id').where('kind', '=', 'news').execute();
    expect(rows).toHaveLength(4);
    await indexDocument(h.db, CORPUS[3]);
    expect(await order('مدرسة')).toEqual(['news/3']);
  });

  it('forgets a removed item', async () => {
    await indexDocument(h.db, { ...CORPUS[6], refId: 99, title: 'مقال مؤقت', body: 'نص عن الكهرباء' });
    expect(await order('الكهرباء')).toEqual(['opinion/99']);
    await removeDocument(h.db, 'opinion', 99);
    expect(await order('الكهرباء')).toEqual([]);
  });

  it('rejects a publication date that is not a date', async () => {
    await expect(indexDocument(h.db, { ...CORPUS[0], refId: 100, publishedAt: 'yesterday' })).rejects.toThrow(
      /publishedAt/,
    );
  });
});

describe('excerpts', () => {
  it('marks the matching words in a plain-text window of the body', async () => {
    const [hit] = (await search('مراقبة')).hits;
    expect(hit.refId).toBe('2');
    expect(hit.excerpt.filter((s) => s.marked).map((s) => s.text)).toEqual(['للمراقبين', 'مراقبة']);
    expect(hit.excerpt.map((s) => s.text).join('')).toBe(CORPUS[1].body);
  });

  it('returns markup in the body as text, never as HTML', async () => {
    await indexDocument(h.db, {
      ...CORPUS[6],
      refId: 101,
      title: 'تجربة',
      body: 'نص <script>alert(1)</script> عن الكهرباء <b>المقطوعة</b>',
    });
    const [hit] = (await search('الكهرباء')).hits;
    expect(hit.excerpt).toEqual([
      { text: 'نص <script>alert(1)</script> عن ', marked: false },
      { text: 'الكهرباء', marked: true },
      { text: ' <b>المقطوعة</b>', marked: false },
    ]);
    await removeDocument(h.db, 'opinion', 101);
  });

  it('shows a window around the first match of a long body, with ellipses where it was cut', async () => {
    const filler = 'كلمة عادية هنا '.repeat(40);
    await indexDocument(h.db, { ...CORPUS[6], refId: 102, title: 'طويل', body: `${filler}الكهرباء ${filler}` });
    const [hit] = (await search('الكهرباء')).hits;
    const text = hit.excerpt.map((s) => s.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeLessThan(320);
    expect(hit.excerpt.filter((s) => s.marked)).toEqual([{ text: 'الكهرباء', marked: true }]);
    await removeDocument(h.db, 'opinion', 102);
  });
});
