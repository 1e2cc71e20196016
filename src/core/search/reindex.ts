// Rebuilding stored entries when the way words are read changes. Every entry keeps what it was
// made from (title, body as text, kind, network, facets) and the analyzer version that made its
// tokens; an entry of another version is rebuilt from those, here, without its feature. A change
// of rules (RULES_VERSION in core/text/stem.ts) or of the dictionary changes the version, and the
// `search-reindex` job catches up within minutes, a batch at a time; until then the old entries are
// still found by the words both versions read alike.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../db/index.js';
import { fromJson } from '../db/helpers.js';
import { ANALYZER_VERSION } from '../text/stem.js';
import { syncSearchSources } from './sources.js';
import { entryTokens } from './tokens.js';
import { shareTheLoop, SLICE_MS } from './turns.js';
import './tables.js';

const BATCH = 100;

/**
 * Rebuilds up to `budgetMs` worth of stale entries; returns how many. A transaction per slice of
 * about SLICE_MS (a long body takes a while to word), and other requests go first between slices:
 * on SQLite an awaited query never lets the event loop run (turns.ts).
 */
export async function reindexStale(db: Db, opts: { budgetMs?: number; batch?: number } = {}): Promise<number> {
  const began = Date.now();
  const budget = opts.budgetMs ?? 20_000;
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('search_documents')
      .select(['id', 'kind', 'network_id', 'title', 'excerpt_source', 'facets'])
      .where('analyzer_version', '!=', ANALYZER_VERSION)
      .orderBy('id')
      .limit(opts.batch ?? BATCH)
      .execute();
    if (rows.length === 0) return done;
    for (let i = 0; i < rows.length;) {
      await shareTheLoop();
      await db.transaction().execute(async (trx) => {
        const sliceBegan = performance.now();
        do {
          const r = rows[i++]!;
          const tokens = entryTokens({
            kind: r.kind,
            networkId: r.network_id,
            facets: fromJson<Record<string, string[]>>(r.facets, {}),
            title: r.title,
            body: r.excerpt_source,
          });
          await trx
            .updateTable('search_documents')
            .set({ search_text: tokens.join(' '), analyzer_version: ANALYZER_VERSION })
            .where('id', '=', r.id)
            .execute();
        } while (i < rows.length && performance.now() - sliceBegan < SLICE_MS);
      });
      await yieldToLoop();
    }
    done += rows.length;
    if (Date.now() - began > budget) return done;
  }
}

/**
 * The periodic job (core/jobs/core-jobs.ts): stale entries rebuilt, 20 seconds of work a minute at
 * most, then the search sources' own entries brought up to date (core/search/sources.ts).
 */
export const searchReindexJob = {
  name: 'search-reindex',
  everyMs: 60_000,
  run: async (wasl: { db: Db }) => (await reindexStale(wasl.db)) + (await syncSearchSources(wasl.db)),
};
