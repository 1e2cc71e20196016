// Search quality (issue 15): recall and precision of the first 20 results over the questions of
// quality.fixture.ts, on whichever database this run uses (CI runs it on both). Every result list
// is also folded into one digest pinned below: the same digest on SQLite and PostgreSQL is the
// proof that both return the same items in the same order.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialect } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { indexDocument, searchDocuments } from './index.js';
import { QUALITY_CORPUS, QUALITY_QUERIES } from './quality.fixture.js';

const TOP = 20;

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  for (const doc of QUALITY_CORPUS) await indexDocument(h.db, doc);
});
afterAll(() => h.close());

async function firstPage(q: string): Promise<string[]> {
  const r = await searchDocuments(h.db, h.dialect, { q, limit: TOP, offset: 0, excerpts: false });
  return r.hits.map((hit) => `${hit.kind}/${hit.refId}`);
}

type Measured = { q: string; form: string; found: string[]; missed: string[]; extra: string[] };

let measured: Measured[] = [];
beforeAll(async () => {
  measured = [];
  for (const { q, form, expect: wanted } of QUALITY_QUERIES) {
    const found = await firstPage(q);
    measured.push({
      q,
      form,
      found,
      missed: wanted.filter((id) => !found.includes(id)),
      extra: found.filter((id) => !wanted.includes(id)),
    });
  }
});

describe('search quality', () => {
  it('every expected item names an item of the corpus', () => {
    const ids = new Set(QUALITY_CORPUS.map((d) => `${d.kind}/${d.refId}`));
    expect(QUALITY_QUERIES.flatMap((x) => x.expect).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('finds at least 95% of what is asked for, and at least 80% of the first 20 is what was asked', () => {
    let recall = 0;
    let precision = 0;
    for (const [i, m] of measured.entries()) {
      const wanted = QUALITY_QUERIES[i]!.expect.length;
      recall += (wanted - m.missed.length) / wanted;
      precision += m.found.length === 0 ? 0 : (m.found.length - m.extra.length) / m.found.length;
    }
    recall /= measured.length;
    precision /= measured.length;
    const short = measured.filter((m) => m.missed.length > 0 || m.extra.length > 0);
    console.log(
      `search quality on ${testDialect}: ${measured.length} queries, ${QUALITY_CORPUS.length} items — ` +
        `recall ${recall.toFixed(3)}, precision@${TOP} ${precision.toFixed(3)}` +
        short
          .map((m) => `\n  ${m.q} (${m.form}): missed ${m.missed.join(' ') || '-'}; extra ${m.extra.join(' ') || '-'}`)
          .join(''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('returns the same items in the same order on both databases', () => {
    const digest = crypto
      .createHash('sha256')
      .update(JSON.stringify(measured.map((m) => [m.q, m.found])))
      .digest('hex')
      .slice(0, 16);
    expect(digest).toBe('386456dfa25e7489');
  });
});
