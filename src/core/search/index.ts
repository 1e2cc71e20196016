// The search core. Features index their public items here and the site searches them; see
// README.md in this folder. Words are read by core/text/stem.ts (normalization, clitics, endings,
// the dictionary), entries are stored as tokens (tokens.ts), and both databases find and order
// them with the same token queries (query.ts): identical pages on SQLite and PostgreSQL.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db, Dialect } from '../db/index.js';
import { queryTerms } from '../text/stem.js';
import { buildExcerpt, matcher, type ExcerptSegment } from './excerpt.js';
import { planQuery, rankedKeys } from './query.js';
import { entryRow, isFacetKey, type SearchDocumentInput } from './tokens.js';
import { shareTheLoop, SLICE_MS } from './turns.js';
import './tables.js';

export type { ExcerptSegment } from './excerpt.js';
export type { SearchDocumentInput } from './tokens.js';
export { reindexStale, searchReindexJob } from './reindex.js';
export {
  installSearchSources,
  scriptLang,
  searchSources,
  syncSearchSources,
  type SearchSource,
  type SearchSourceLoader,
  type SourceHit,
  type SourceQuery,
  type SourceResult,
} from './sources.js';

/** `total` counts matches up to this many, and results are reachable up to it (unless `maxResults` says more). */
export const SEARCH_CANDIDATE_CAP = 1000;

export type SearchHit = {
  kind: string;
  refId: string;
  title: string;
  lang: string;
  publishedAt: string;
  /** The tier: 2 every query word is in the title, 1 some are, 0 none is. */
  score: number;
  excerpt: ExcerptSegment[];
};

export type SearchOptions = {
  q: string;
  kinds?: string[];
  facets?: Record<string, string>;
  networkId?: number;
  limit: number;
  offset: number;
  /** Accepted for callers; the order no longer depends on the clock (newest first within a tier). */
  now?: Date;
  /** false: hits come without excerpts (cheaper when only the ranked ids are needed). Default true. */
  excerpts?: boolean;
  /** Count and reach up to this many matches instead of SEARCH_CANDIDATE_CAP (a caller that filters afterwards). */
  maxResults?: number;
};

/** Adds or replaces the search entry of one item (unique by kind + refId). */
export async function indexDocument(db: Db, doc: SearchDocumentInput): Promise<void> {
  await shareTheLoop();
  await upsert(db, doc);
}

/**
 * Adds or replaces many entries (a source's `sync`, a batch at a time): one transaction — on
 * SQLite one commit, one fsync — per slice of about SLICE_MS of work, and the event loop runs
 * between slices. Inside a transaction, the entries are written in it.
 */
export async function indexDocuments(db: Db, docs: SearchDocumentInput[]): Promise<void> {
  let i = 0;
  const slice = async (trx: Db) => {
    const began = performance.now();
    do await upsert(trx, docs[i++]!);
    while (i < docs.length && performance.now() - began < SLICE_MS);
  };
  while (i < docs.length) {
    await shareTheLoop();
    if (db.isTransaction) await slice(db);
    else await db.transaction().execute(slice);
    // the next slice starts on a turn of its own
    if (i < docs.length) await yieldToLoop();
  }
}

async function upsert(db: Db, doc: SearchDocumentInput): Promise<void> {
  const { kind, ref_id, ...row } = entryRow(doc);
  await db
    .insertInto('search_documents')
    .values({ kind, ref_id, ...row })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(row))
    .execute();
}

export async function removeDocument(db: Db, kind: string, refId: string | number): Promise<void> {
  await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', '=', String(refId)).execute();
}

/**
 * Searches the index. Every query word must match (a dictionary phrase counts as one word); when
 * whole words find nothing, the last word is completed as a prefix (someone still typing). An
 * empty or punctuation-only query finds nothing.
 */
export async function searchDocuments(
  db: Db,
  dialect: Dialect,
  opts: SearchOptions,
): Promise<{ total: number; hits: SearchHit[] }> {
  const none = { total: 0, hits: [] };
  const terms = queryTerms(opts.q);
  if (terms.length === 0 || (opts.kinds && opts.kinds.length === 0)) return none;
  const facets = Object.entries(opts.facets ?? {});
  if (facets.some(([key]) => !isFacetKey(key))) return none;
  const filters = { kinds: opts.kinds, networkId: opts.networkId, facets };

  const cap = Math.max(1, Math.floor(opts.maxResults ?? SEARCH_CANDIDATE_CAP));
  const offset = Math.max(0, Math.floor(opts.offset));
  const n = Math.max(0, Math.min(cap, offset + Math.max(0, Math.floor(opts.limit))));
  const typing = terms[terms.length - 1]!.prefixes.length > 0;
  const found = await rankedKeys(
    db,
    dialect,
    planQuery(terms, filters, false),
    n,
    cap,
    typing ? planQuery(terms, filters, true) : undefined,
  );
  const prefix = found.fallback;
  const page = found.ranked.slice(offset, n);
  if (page.length === 0) return { total: found.total, hits: [] };

  const withExcerpts = opts.excerpts !== false;
  const rows = await db
    .selectFrom('search_documents')
    .select(['sort_key', 'kind', 'ref_id', 'title', 'lang', 'published_at'])
    .$if(withExcerpts, (q) => q.select('excerpt_source'))
    .where(
      'sort_key',
      'in',
      page.map((p) => p.key),
    )
    .execute();
  const byKey = new Map(rows.map((r) => [Number(r.sort_key), r]));
  const matches = matcher(terms, prefix);
  const hits: SearchHit[] = [];
  for (const p of page) {
    const r = byKey.get(p.key);
    if (!r) continue; // removed between the two reads
    hits.push({
      kind: r.kind,
      refId: r.ref_id,
      title: r.title,
      lang: r.lang,
      publishedAt: r.published_at,
      score: p.tier,
      excerpt: withExcerpts ? buildExcerpt((r as { excerpt_source?: string }).excerpt_source ?? '', matches) : [],
    });
  }
  return { total: found.total, hits };
}
