// A query most entries match: PostgreSQL counts it by walking the newest entries (query.ts: a
// probe of the newest 100 finds it dense), SQLite as always. The first page must be the one the
// whole order gives, whichever way the matches were counted and tiered, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { indexDocuments, searchDocuments, type SearchOptions } from './index.js';

let h: DbHandle;
const words = ['مشروع', 'المياه', 'جلسة', 'حوار', 'المدرسة', 'الطريق'];
beforeAll(async () => {
  h = await createTestDb();
  await indexDocuments(
    h.db,
    Array.from({ length: 300 }, (_, i) => ({
      kind: i % 3 === 0 ? 'news' : 'activity',
      refId: i + 1,
      networkId: 1 + (i % 7 === 0 ? 1 : 0),
      lang: 'ar' as const,
      // Titles with one word or two of the list, bodies with most of them: dense matches, every tier.
      title: `${words[i % words.length]} ${i % 4 === 0 ? words[(i + 1) % words.length] : ''} ${i}`,
      body: `${words.filter((_, j) => (i + j) % 5 !== 0).join(' ')} في البلدة`,
      facets: { town: [`C${1000 + (i % 3)}`] },
      // Several entries share a minute: ties go to the later entry.
      publishedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 60_000).toISOString(),
    })),
  );
});
afterAll(() => h.close());

const search = (q: string, more: Partial<SearchOptions>) =>
  searchDocuments(h.db, h.dialect, { q, limit: 20, offset: 0, ...more });

describe('a dense query', () => {
  it.each([
    ['مشروع', {}],
    ['مشروع المياه', {}],
    ['جلسة حوار المياه', {}],
    ['المدرس', {}],
    ['مشروع', { kinds: ['news'] }],
    ['مشروع المياه', { kinds: ['news', 'activity'], networkId: 1 }],
    ['حوار', { facets: { town: 'C1001' } }],
  ] as [string, Partial<SearchOptions>][])('"%s" %j: the same first page at any cap', async (q, more) => {
    const full = await search(q, more);
    expect(full.total).toBeGreaterThan(40);
    expect(full.hits.length).toBe(20);
    for (const cap of [20, 25, 40]) {
      const capped = await search(q, { ...more, maxResults: cap });
      expect(capped.total).toBe(cap);
      expect(capped.hits.map((x) => [x.kind, x.refId, x.score])).toEqual(
        full.hits.map((x) => [x.kind, x.refId, x.score]),
      );
    }
    // A later page at the cap, too.
    const page2 = await search(q, { ...more, maxResults: 40, offset: 20 });
    const whole = await search(q, { ...more, limit: 40 });
    expect(page2.hits.map((x) => x.refId)).toEqual(whole.hits.slice(20, 40).map((x) => x.refId));
  });
});
