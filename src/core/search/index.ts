// The search core. Features index their public items here and the site searches them.
//
// The database only decides WHICH rows match (FTS5 MATCH on SQLite, tsvector @@ tsquery on
// PostgreSQL, both over the same app-built search_text); ranking happens here, in one formula, so
// both dialects return identical pages for identical data. See README.md in this folder.
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/index.js';
import { toJson } from '../db/helpers.js';
import { indexTokens, lightStem, queryTerms } from '../text/stem.js';

/** Ranking reads at most this many of the newest matching rows; `total` never exceeds it. */
// The newest 1,000 matches are ranked: on 100,000 items a common word otherwise costs seconds
// (bench/publishing-search.ts), and older matches rarely beat newer ones on recency.
export const SEARCH_CANDIDATE_CAP = 1000;
/** Title words are written this many times into search_text, so a title hit outweighs a body hit. */
const TITLE_REPEAT = 3;
const EXCERPT_SOURCE_CHARS = 2000;
const EXCERPT_LEAD_CHARS = 60;
const EXCERPT_WINDOW_CHARS = 240;
const RECENCY_HALF_LIFE_DAYS = 365;
const DAY_MS = 86_400_000;
const FACET_KEY = /^[a-z][a-z0-9_]*$/;
// Beyond this a query is not a search but a load test; the extra words are ignored.
const MAX_QUERY_WORDS = 12;

export type SearchDocumentInput = {
  kind: string;
  refId: string | number;
  networkId?: number | null;
  organizationId?: number | null;
  lang: 'ar' | 'en';
  title: string;
  /** Plain text (features turn Markdown into text first); never rendered as HTML. */
  body: string;
  facets?: Record<string, string[] | string>;
  /** ISO-8601 */
  publishedAt: string;
};

export type ExcerptSegment = { text: string; marked: boolean };

export type SearchHit = {
  kind: string;
  refId: string;
  title: string;
  lang: string;
  publishedAt: string;
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
  now?: Date;
  /** false: hits come without excerpts (cheaper when only the ranked ids are needed). Default true. */
  excerpts?: boolean;
};

function isoOrThrow(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`search: publishedAt is not a date: ${value}`);
  return d.toISOString();
}

function normalizeFacets(facets: SearchDocumentInput['facets']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(facets ?? {})) {
    if (!FACET_KEY.test(key)) throw new Error(`search: facet key must match ${FACET_KEY}: ${key}`);
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    out[key] = [...new Set(values)];
  }
  return out;
}

function excerptSource(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_SOURCE_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', EXCERPT_SOURCE_CHARS);
  return flat.slice(0, cut > EXCERPT_SOURCE_CHARS / 2 ? cut : EXCERPT_SOURCE_CHARS);
}

/** Adds or replaces the search entry of one item (unique by kind + refId). */
export async function indexDocument(db: Db, doc: SearchDocumentInput): Promise<void> {
  const titleTokens = indexTokens(doc.title);
  const searchText = [...Array.from({ length: TITLE_REPEAT }, () => titleTokens).flat(), ...indexTokens(doc.body)];
  const row = {
    network_id: doc.networkId ?? null,
    organization_id: doc.organizationId ?? null,
    lang: doc.lang,
    title: doc.title,
    excerpt_source: excerptSource(doc.body),
    search_text: searchText.join(' '),
    facets: toJson(normalizeFacets(doc.facets)),
    published_at: isoOrThrow(doc.publishedAt),
  };
  await db
    .insertInto('search_documents')
    .values({ kind: doc.kind, ref_id: String(doc.refId), ...row })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(row))
    .execute();
}

export async function removeDocument(db: Db, kind: string, refId: string | number): Promise<void> {
  await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', '=', String(refId)).execute();
}

/** One query word: matches a token equal to an `exact` form or starting with a `prefix` form. */
type QueryWord = { exact: string[]; prefix: string[] };

function planQuery(q: string): QueryWord[] {
  const terms = queryTerms(q).slice(0, MAX_QUERY_WORDS);
  return terms.map((forms, i) => {
    if (i < terms.length - 1) return { exact: forms, prefix: [] };
    // The last word may still be being typed: its surface forms match as prefixes. The Snowball
    // stem is broad already and stays exact.
    const prefix = [...new Set([forms[0], lightStem(forms[0])])].filter((p) => p.length >= 2);
    return { exact: forms.filter((f) => !prefix.some((p) => f.startsWith(p))), prefix };
  });
}

function tokenMatches(token: string, word: QueryWord): boolean {
  return word.exact.includes(token) || word.prefix.some((p) => token.startsWith(p));
}

// Terms are letters and digits only (tokenize guarantees it); quoting still escapes, so no input
// can reach the MATCH or tsquery syntax.
function fts5Match(words: QueryWord[]): string {
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return words
    .map((w) => `(${[...w.exact.map(quote), ...w.prefix.map((t) => `${quote(t)}*`)].join(' OR ')})`)
    .join(' AND ');
}

function pgTsquery(words: QueryWord[]): string {
  const quote = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return words
    .map((w) => `(${[...w.exact.map(quote), ...w.prefix.map((t) => `${quote(t)}:*`)].join(' | ')})`)
    .join(' & ');
}

/**
 * Score = Σ over query words of ln(1 + matching tokens in search_text), times a recency factor
 * falling from 1 (published now) to ½ (long ago) with a one-year half-life. Title words are
 * repeated in search_text, and a token's forms each count, so a title hit or the exact form of a
 * word weighs more than a variant in the body.
 */
function scoreOf(searchText: string, publishedAt: string, words: QueryWord[], now: Date): number {
  const tokens = searchText.split(' ');
  let text = 0;
  for (const w of words) {
    let tf = 0;
    for (const t of tokens) if (tokenMatches(t, w)) tf++;
    text += Math.log(1 + tf);
  }
  const ageDays = Math.max(0, (now.getTime() - Date.parse(publishedAt)) / DAY_MS);
  const recency = 0.5 + 0.5 * Math.pow(2, -ageDays / RECENCY_HALF_LIFE_DAYS);
  return Math.round(text * recency * 1e6) / 1e6;
}

/** Searches the index; an empty or punctuation-only query finds nothing. */
export async function searchDocuments(
  db: Db,
  dialect: Dialect,
  opts: SearchOptions,
): Promise<{ total: number; hits: SearchHit[] }> {
  const none = { total: 0, hits: [] };
  const words = planQuery(opts.q);
  if (words.length === 0 || (opts.kinds && opts.kinds.length === 0)) return none;
  const facets = Object.entries(opts.facets ?? {});
  if (facets.some(([key]) => !FACET_KEY.test(key))) return none;

  let query = db
    .selectFrom('search_documents as d')
    .select(['d.id', 'd.kind', 'd.ref_id', 'd.lang', 'd.title', 'd.published_at', 'd.search_text'])
    .where(
      dialect === 'sqlite'
        ? sql<boolean>`d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${fts5Match(words)})`
        : sql<boolean>`d.tsv @@ to_tsquery('simple', ${pgTsquery(words)})`,
    );
  if (opts.kinds) {
    // On SQLite the unary + keeps the planner on the FTS5 match instead of the kind index,
    // which for a rare word is the difference between 26 ms and 233 ms on 100,000 items.
    query =
      dialect === 'sqlite'
        ? query.where(sql<boolean>`+d.kind IN (${sql.join(opts.kinds)})`)
        : query.where('d.kind', 'in', opts.kinds);
  }
  if (opts.networkId != null) query = query.where('d.network_id', '=', opts.networkId);
  for (const [key, value] of facets) {
    query = query.where(
      dialect === 'sqlite'
        ? sql<boolean>`EXISTS (SELECT 1 FROM json_each(d.facets, ${`$."${key}"`}) WHERE json_each.value = ${value})`
        : sql<boolean>`d.facets::jsonb @> ${JSON.stringify({ [key]: [value] })}::jsonb`,
    );
  }
  const candidates = await query
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(SEARCH_CANDIDATE_CAP)
    .execute();

  const now = opts.now ?? new Date();
  const ranked = candidates
    .map((c) => ({ ...c, score: scoreOf(c.search_text, c.published_at, words, now) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.published_at < b.published_at ? 1 : a.published_at > b.published_at ? -1 : 0) ||
        b.id - a.id,
    );
  const offset = Math.max(0, Math.floor(opts.offset));
  const page = ranked.slice(offset, offset + Math.max(0, Math.floor(opts.limit)));
  if (page.length === 0) return { total: ranked.length, hits: [] };
  if (opts.excerpts === false) {
    return {
      total: ranked.length,
      hits: page.map((p) => ({
        kind: p.kind,
        refId: p.ref_id,
        title: p.title,
        lang: p.lang,
        publishedAt: p.published_at,
        score: p.score,
        excerpt: [],
      })),
    };
  }

  const sources = await db
    .selectFrom('search_documents')
    .select(['id', 'excerpt_source'])
    .where(
      'id',
      'in',
      page.map((p) => p.id),
    )
    .execute();
  const sourceById = new Map(sources.map((s) => [s.id, s.excerpt_source]));
  return {
    total: ranked.length,
    hits: page.map((p) => ({
      kind: p.kind,
      refId: p.ref_id,
      title: p.title,
      lang: p.lang,
      publishedAt: p.published_at,
      score: p.score,
      excerpt: buildExcerpt(sourceById.get(p.id) ?? '', words),
    })),
  };
}

const SOURCE_WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * A window of the excerpt source around the first matching word, as plain-text segments; the
 * words that match are `marked` (the view wraps them in <mark>, escaped like any text).
 */
function buildExcerpt(source: string, words: QueryWord[]): ExcerptSegment[] {
  const spans = [...source.matchAll(SOURCE_WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    marked: indexTokens(m[0]).some((t) => words.some((w) => tokenMatches(t, w))),
  }));
  if (spans.length === 0) return source === '' ? [] : [{ text: source.slice(0, EXCERPT_WINDOW_CHARS), marked: false }];
  const first = spans.find((s) => s.marked) ?? spans[0];
  const startSpan = spans.find((s) => s.start >= first.start - EXCERPT_LEAD_CHARS) ?? first;
  const inWindow = spans.filter(
    (s) => s.start >= startSpan.start && (s.end <= startSpan.start + EXCERPT_WINDOW_CHARS || s === first),
  );
  const start = startSpan.start;
  const lastSpan = inWindow[inWindow.length - 1];
  // Closing punctuation after the last word is kept rather than replaced by an ellipsis.
  const end = lastSpan === spans[spans.length - 1] ? source.length : lastSpan.end;

  const segments: ExcerptSegment[] = [];
  const push = (text: string, marked: boolean) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && !last.marked && !marked) last.text += text;
    else segments.push({ text, marked });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const s of inWindow) {
    push(source.slice(at, s.start), false);
    push(source.slice(s.start, s.end), s.marked);
    at = s.end;
  }
  push(source.slice(at, end), false);
  if (end < source.length) push(' …', false);
  return segments;
}
