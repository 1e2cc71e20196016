// Finding and ordering entries, the same on both databases.
//
// The order is total: first the tier — 2 when every query word is in the title, 1 when some are,
// 0 when none is — then the sort key (the minute of publication, then the entry's id: newest
// first, ties to the later entry). Both databases compute it from the same tokens:
//
//   SQLite:     one FTS5 query per tier (the tiers are disjoint: T2, T1 NOT T2, B NOT T1), each
//               walking the index newest first (the FTS rowid is the sort key) and stopping at
//               the page's end;
//   PostgreSQL: the matches are counted up to the cap with the GIN index first. Fewer than the
//               cap: all of them are tiered by whether they are among the title matches (key sets
//               from the index's bitmap, joined: no row's tsvector is unpacked) and ordered in the
//               database. As many as the cap: the newest n of the title matches, the newest 2n of
//               the matches with a title word and the newest 2n of all matches (walks of the
//               sort-key index that stop early, as the matches are dense), each tiered by its row's
//               tsvector, then ordered — that bounded set provably holds the first n of the whole
//               order. A walk is never asked of a query with few matches: it would read most of the
//               table (seconds at 100,000).
//
// So nothing is ranked over all matches in JavaScript, and `total` counts matches up to a cap.
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/index.js';
import type { QueryTerm } from '../text/stem.js';
import { TITLE_MARK, facetToken, kindToken, networkToken } from './tokens.js';

/** A token, matched whole or (for the word being typed) as a prefix. */
type Leaf = { token: string; prefix: boolean };
export type Expr = { and: Expr[] } | { or: Expr[] } | Leaf;

export type Filters = { kinds?: string[]; networkId?: number; facets: [string, string][] };

export type Plan = {
  /** every word, anywhere, and the filters: the matches */
  all: Expr;
  /** every word in the title, and the filters */
  allInTitle: Expr;
  /** some word in the title (only with several words) */
  someInTitle: Expr | null;
  /** every word in the title (tier 2), without the filters */
  titleAll: Expr;
};

const leaf = (token: string, prefix = false): Leaf => ({ token, prefix });
const and = (parts: Expr[]): Expr => (parts.length === 1 ? parts[0]! : { and: parts });
const or = (parts: Expr[]): Expr => (parts.length === 1 ? parts[0]! : { or: parts });

function termExpr(t: QueryTerm, mark: string, withPrefix: boolean): Expr {
  return or([
    ...t.forms.map((f) => leaf(mark + f)),
    ...(withPrefix ? t.prefixes.map((p) => leaf(mark + p, true)) : []),
  ]);
}

/** The expressions of a query; `prefix`: the last term's prefixes are used too. */
export function planQuery(terms: QueryTerm[], filters: Filters, prefix: boolean): Plan {
  const last = terms.length - 1;
  const words = terms.map((t, i) => termExpr(t, '', prefix && i === last));
  const inTitle = terms.map((t, i) => termExpr(t, TITLE_MARK, prefix && i === last));
  const f: Expr[] = [];
  if (filters.kinds) f.push(or(filters.kinds.map((k) => leaf(kindToken(k)))));
  if (filters.networkId != null) f.push(leaf(networkToken(filters.networkId)));
  for (const [key, value] of filters.facets) f.push(leaf(facetToken(key, value)));
  const titleAll = and(inTitle);
  return {
    all: and([...f, ...words]),
    allInTitle: and([...f, ...inTitle]),
    someInTitle: terms.length > 1 ? and([...f, ...words, or(inTitle)]) : null,
    titleAll,
  };
}

// ——— rendering (tokens are letters and digits; quoting still escapes, so no input reaches either syntax) ———

export function fts5(e: Expr): string {
  if ('token' in e) return `"${e.token.replace(/"/g, '""')}"${e.prefix ? '*' : ''}`;
  const parts = 'and' in e ? e.and : e.or;
  return `(${parts.map(fts5).join('and' in e ? ' AND ' : ' OR ')})`;
}

export function tsquery(e: Expr): string {
  if ('token' in e) return `'${e.token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${e.prefix ? ':*' : ''}`;
  const parts = 'and' in e ? e.and : e.or;
  return `(${parts.map(tsquery).join('and' in e ? ' & ' : ' | ')})`;
}

// ——— execution ———

export type Ranked = { key: number; tier: number }[];

/** The first `n` entries of the order (sort keys with their tiers), and the matches counted up to `cap`. */
export async function rankedKeys(
  db: Db,
  dialect: Dialect,
  plan: Plan,
  n: number,
  cap: number,
): Promise<{ total: number; ranked: Ranked }> {
  return dialect === 'sqlite' ? rankedSqlite(db, plan, n, cap) : rankedPostgres(db, plan, n, cap);
}

async function rankedSqlite(db: Db, plan: Plan, n: number, cap: number) {
  const newest = async (match: string, limit: number) =>
    (
      await sql<{ key: number }>`SELECT rowid AS key FROM search_fts WHERE search_fts MATCH ${match}
        ORDER BY rowid DESC LIMIT ${limit}`.execute(db)
    ).rows.map((r) => r.key);
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM
    (SELECT 1 FROM search_fts WHERE search_fts MATCH ${fts5(plan.all)} LIMIT ${cap})`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  const ranked: Ranked = [];
  if (total === 0 || n === 0) return { total, ranked };
  const tiers: [number, string][] = plan.someInTitle
    ? [
        [2, fts5(plan.allInTitle)],
        [1, `${fts5(plan.someInTitle)} NOT ${fts5(plan.titleAll)}`],
        [0, `${fts5(plan.all)} NOT ${fts5(plan.someInTitle)}`],
      ]
    : [
        [2, fts5(plan.allInTitle)],
        [0, `${fts5(plan.all)} NOT ${fts5(plan.titleAll)}`],
      ];
  for (const [tier, match] of tiers) {
    if (ranked.length >= n) break;
    for (const key of await newest(match, n - ranked.length)) ranked.push({ key, tier });
  }
  return { total, ranked };
}

async function rankedPostgres(db: Db, plan: Plan, n: number, cap: number) {
  // The keys of an expression's matches, up to `limit`; with no order asked, the GIN index can give
  // them as a bitmap without reading any row's tsvector.
  const keysOf = (e: Expr, limit: number) =>
    sql`SELECT sort_key FROM search_documents WHERE tsv @@ ${tsquery(e)}::tsquery LIMIT ${limit}`;
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (${keysOf(plan.all, cap)}) c`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0 || n === 0) return { total, ranked: [] as Ranked };
  const toRanked = (rows: { key: number; tier: number }[]): Ranked =>
    rows.map((r) => ({ key: Number(r.key), tier: Number(r.tier) }));

  if (total < cap) {
    // Few matches: all of them, tiered by whether they are also among the title matches (key sets
    // from the index, complete because they are subsets of the matches), ordered in the database —
    // no row's tsvector is unpacked (they are stored compressed; testing each one was most of the
    // time). No sequential scan: the planner may expect many matches and read the whole table
    // testing every tsvector to find fewer than the cap; the index's bitmap gives them directly.
    const some = plan.someInTitle;
    const ranking = (tx: Db) =>
      sql<{ key: number; tier: number }>`SELECT m.sort_key AS key,
        CASE WHEN t2.sort_key IS NOT NULL THEN 2 ${some ? sql`WHEN t1.sort_key IS NOT NULL THEN 1` : sql``} ELSE 0 END AS tier
      FROM (${keysOf(plan.all, cap)}) m
      LEFT JOIN (${keysOf(plan.allInTitle, cap)}) t2 ON t2.sort_key = m.sort_key
      ${some ? sql`LEFT JOIN (${keysOf(some, cap)}) t1 ON t1.sort_key = m.sort_key` : sql``}
      ORDER BY tier DESC, key DESC LIMIT ${n}`.execute(tx);
    // The setting lasts for a transaction of its own; inside a caller's, it would outlive this query.
    const rows = await (db.isTransaction
      ? ranking(db)
      : db.transaction().execute(async (tx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(tx);
          return ranking(tx);
        }));
    return { total, ranked: toRanked(rows.rows) };
  }

  // Many matches (at least the cap, so they are dense enough for a walk to stop early): the newest n
  // of the title matches, the newest 2n of the matches with a title word and the newest 2n of all
  // matches, each tiered by its row's tsvector, then ordered — that bounded set provably holds the
  // first n of the whole order. Each branch is bounded by its LIMIT before the tier is computed.
  const t2 = tsquery(plan.titleAll);
  const tierOf = plan.someInTitle
    ? sql`CASE WHEN tsv @@ ${t2}::tsquery THEN 2 WHEN tsv @@ ${tsquery(plan.someInTitle)}::tsquery THEN 1 ELSE 0 END`
    : sql`CASE WHEN tsv @@ ${t2}::tsquery THEN 2 ELSE 0 END`;
  const branch = (q: string, limit: number) =>
    sql`SELECT sort_key AS key, ${tierOf} AS tier FROM (SELECT sort_key, tsv FROM search_documents
      WHERE tsv @@ ${q}::tsquery ORDER BY sort_key DESC LIMIT ${limit}) b`;
  const branches = [branch(tsquery(plan.allInTitle), n)];
  if (plan.someInTitle) branches.push(branch(tsquery(plan.someInTitle), 2 * n));
  branches.push(branch(tsquery(plan.all), 2 * n));
  const rows = (await sql<{ key: number; tier: number }>`${sql.join(branches, sql` UNION ALL `)}`.execute(db)).rows;
  const byKey = new Map<number, number>();
  for (const r of toRanked(rows)) byKey.set(r.key, r.tier);
  const ranked = [...byKey]
    .map(([key, tier]) => ({ key, tier }))
    .sort((a, b) => b.tier - a.tier || b.key - a.key)
    .slice(0, n);
  return { total, ranked };
}
