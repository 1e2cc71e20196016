// Finding and ordering entries, the same on both databases.
//
// The order is total: first the tier — 2 when every query word is in the title, 1 when some are,
// 0 when none is — then the sort key (the minute of publication, then the entry's id: newest
// first, ties to the later entry). Both databases compute it from the same tokens:
//
//   SQLite:     one FTS5 query per tier (the tiers are disjoint: T2, T1 NOT T2, B NOT T1), each
//               walking the index newest first (the FTS rowid is the sort key) and stopping at
//               the page's end;
//   PostgreSQL: the kinds and the network are read from the entry's columns (kind, network_id),
//               not from its tokens, whose index lists are as long as the table; the title and
//               the facets from head_tsv (migration 0711: a small tsvector beside the whole
//               entry's tsv), so a row is tiered without unpacking its tsv. The matches are
//               counted up to the cap by a walk of the newest entries when a probe of the newest
//               100 finds them dense, else from the GIN index's bitmap (never a scan testing row
//               after row's tsv to find few). Fewer than the cap: that same query tiers and orders
//               them all. As many as the cap: the newest n of the title matches, the newest 2n of
//               the matches with a title word and the newest 2n of all matches (walks of the
//               sort-key index — of the kind's, for one kind — that stop early, as the matches are
//               dense; or the index's bitmap when the planner finds them few), each tiered, then
//               ordered — that bounded set provably holds the first n of the whole order.
//
// So nothing is ranked over all matches in JavaScript, and `total` counts matches up to a cap.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../db/index.js';
import type { QueryTerm } from '../text/stem.js';
import { TITLE_MARK, facetToken, kindToken, networkToken } from './tokens.js';

/** A token, matched whole or (for the word being typed) as a prefix. */
type Leaf = { token: string; prefix: boolean };
export type Expr = { and: Expr[] } | { or: Expr[] } | Leaf;

export type Filters = { kinds?: string[]; networkId?: number; facets: [string, string][] };

export type Plan = {
  // SQLite's expressions: the filters (kinds, network, facets) as tokens.
  /** every word, anywhere, and the filters: the matches */
  all: Expr;
  /** every word in the title, and the filters */
  allInTitle: Expr;
  /** some word in the title (only with several words) */
  someInTitle: Expr | null;
  /** every word in the title (tier 2), without the filters */
  titleAll: Expr;
  /** The pieces, for PostgreSQL, which reads the kinds and the network from columns. */
  parts: { words: Expr[]; inTitle: Expr[]; facets: Expr[]; kinds?: string[]; networkId?: number };
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
  const facets = filters.facets.map(([key, value]) => leaf(facetToken(key, value)));
  const f: Expr[] = [];
  if (filters.kinds) f.push(or(filters.kinds.map((k) => leaf(kindToken(k)))));
  if (filters.networkId != null) f.push(leaf(networkToken(filters.networkId)));
  f.push(...facets);
  const titleAll = and(inTitle);
  return {
    all: and([...f, ...words]),
    allInTitle: and([...f, ...inTitle]),
    someInTitle: terms.length > 1 ? and([...f, ...words, or(inTitle)]) : null,
    titleAll,
    parts: { words, inTitle, facets, kinds: filters.kinds, networkId: filters.networkId },
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

/**
 * The first `n` entries of the order (sort keys with their tiers), and the matches counted up to
 * `cap`. When `plan` finds nothing and a `fallback` is given (the last word completed as a prefix),
 * the fallback's (`fallback: true`); on PostgreSQL both in one transaction.
 */
export async function rankedKeys(
  db: Db,
  dialect: Dialect,
  plan: Plan,
  n: number,
  cap: number,
  fallback?: Plan,
): Promise<{ total: number; ranked: Ranked; fallback: boolean }> {
  if (dialect === 'sqlite') {
    const found = await rankedSqlite(db, plan, n, cap);
    if (found.total > 0 || !fallback) return { ...found, fallback: false };
    return { ...(await rankedSqlite(db, fallback, n, cap)), fallback: true };
  }
  return rankedPostgres(db, plan, n, cap, fallback);
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

/**
 * PostgreSQL: the newest PROBE entries tell a dense query (at least DENSE of them match: counted
 * by a walk) from a sparse one (counted from the index's bitmap). With tsv in the row (migration
 * 0712) a walk tests a row in ~3 µs, so walking cap / DENSE entries (3,334) costs less than the
 * bitmap of the 30,000 matches or more a query that dense has at 100,000 entries (the word being
 * typed, 'انتخ':*, a third of the newest: ~12 ms walked against ~25 ms from the bitmap).
 */
const PROBE = 100;
const DENSE = 0.3;

async function rankedPostgres(db: Db, first: Plan, n: number, cap: number, fallback?: Plan) {
  const run = async (tx: Db, planned: boolean) => {
    const found = await rankedPlan(tx, first, n, cap, planned);
    if (found.total > 0 || !fallback) return { ...found, fallback: false };
    // The settings the first plan's statements left are this transaction's: back to the defaults.
    if (planned)
      await sql`SELECT set_config('enable_seqscan', 'on', true), set_config('enable_indexscan', 'on', true)`.execute(
        tx,
      );
    return { ...(await rankedPlan(tx, fallback, n, cap, planned)), fallback: true };
  };
  // `planned`: the settings of rankedPlan are this function's own transaction's (inside a caller's,
  // they would outlive these queries, so the planner chooses alone there).
  return db.isTransaction ? run(db, false) : db.transaction().execute((tx) => run(tx, true));
}

async function rankedPlan(tx: Db, plan: Plan, n: number, cap: number, planned: boolean) {
  const { words, inTitle, facets, kinds, networkId } = plan.parts;
  const q = (e: Expr) => sql`${tsquery(e)}::tsquery`;
  // The filters on columns. (Equalities with a constant are tested after the tsvectors whatever
  // their place: the planner moves them to the end.)
  const columns = sql.join(
    [
      ...(networkId != null ? [sql`network_id = ${networkId}`] : []),
      ...(!kinds ? [] : kinds.length === 1 ? [sql`kind = ${kinds[0]}`] : [sql`kind IN (${sql.join(kinds)})`]),
      sql`true`,
    ],
    sql` AND `,
  );
  const matches = sql`tsv @@ ${q(and([...facets, ...words]))}`;
  const titleAll = and(inTitle);
  const titleSome = or(inTitle);
  const tierOf = sql`CASE WHEN head_tsv @@ ${q(titleAll)} THEN 2
    ${inTitle.length > 1 ? sql`WHEN head_tsv @@ ${q(titleSome)} THEN 1` : sql``} ELSE 0 END`;
  const toRanked = (rows: { key: number; tier: number }[]): Ranked =>
    rows.map((r) => ({ key: Number(r.key), tier: Number(r.tier) }));

  // The settings a statement makes apply to the statements after it (each is planned before it
  // runs), so each statement sets, from what it found, those the next one needs — no round trip
  // of its own. The walks want index scans; the count from the bitmap wants neither them nor a
  // sequential scan.
  const setting = (name: string, value: RawBuilder<unknown>) =>
    planned ? sql`set_config(${name}, ${value}, true)` : sql`''`;
  const denseProbe = sql`count(*) = ${PROBE} AND count(*) FILTER (WHERE ${matches}) >= ${Math.ceil(DENSE * PROBE)}`;

  // How dense the matches are among the newest entries: a walk of PROBE of them.
  const probe = await sql<{ seen: number; hits: number }>`SELECT
    ${setting('enable_seqscan', sql`'off'`)} AS s1,
    ${setting('enable_indexscan', sql`CASE WHEN ${denseProbe} THEN 'on' ELSE 'off' END`)} AS s2,
    count(*) AS seen, count(*) FILTER (WHERE ${matches}) AS hits
    FROM (SELECT tsv FROM search_documents WHERE ${columns} ORDER BY sort_key DESC LIMIT ${PROBE}) p`.execute(tx);
  const { seen, hits } = probe.rows[0] ?? { seen: 0, hits: 0 };
  let total = -1;
  if (Number(seen) === PROBE && Number(hits) >= Math.ceil(DENSE * PROBE)) {
    // Dense: counted by walking on from the newest entry until the cap (at most cap / DENSE
    // entries) — shorter than the index's bitmap of every match, which would be most of them.
    const walked = await sql<{ n: number }>`SELECT
      ${setting('enable_indexscan', sql`CASE WHEN count(*) >= ${cap} THEN 'on' ELSE 'off' END`)} AS s,
      count(*) AS n FROM (SELECT 1 FROM
      (SELECT tsv FROM search_documents WHERE ${columns} ORDER BY sort_key DESC LIMIT ${Math.ceil(cap / DENSE)}) w
      WHERE ${matches} LIMIT ${cap}) c`.execute(tx);
    if (Number(walked.rows[0]?.n ?? 0) >= cap) total = cap;
  }
  if (total < 0) {
    // Otherwise from the GIN index's bitmap only. A sequential scan, or a walk of another
    // index, would test row after row's tsv — stored compressed, unpacking it is most of the
    // time — and the planner, which does not know that, prefers them whenever it expects many
    // matches: a misjudged query would read the whole table. One kind is tested in the scan
    // (its index may narrow the bitmap: towns are a hundredth of the entries); a list of kinds
    // and the network after it, outside the fence (OFFSET 0), so no index of theirs is read whole.
    const oneKind = kinds?.length === 1 ? sql`kind = ${kinds[0]} AND ` : sql``;
    const after = sql.join(
      [
        ...(networkId != null ? [sql`network_id = ${networkId}`] : []),
        ...(kinds && kinds.length > 1 ? [sql`kind IN (${sql.join(kinds)})`] : []),
        sql`true`,
      ],
      sql` AND `,
    );
    // Fewer than the cap: these are all the matches, tiered by their head_tsv (small, no tsv
    // unpacked) and ordered in the database. As many as the cap: only the count is used.
    // (Its rows turn index scans back on, for the walks below when there are as many as the cap.)
    const first = await sql<{ key: number; tier: number; total: number }>`SELECT key, tier, total,
      ${setting('enable_indexscan', sql`'on'`)} AS s FROM
      (SELECT sort_key AS key, ${tierOf} AS tier, count(*) OVER () AS total FROM
        (SELECT sort_key, head_tsv FROM
          (SELECT sort_key, head_tsv, kind, network_id FROM search_documents WHERE ${oneKind}${matches} OFFSET 0) f
        WHERE ${after} LIMIT ${cap}) m) t
      ORDER BY tier DESC, key DESC LIMIT ${Math.max(1, n)}`.execute(tx);
    total = Number(first.rows[0]?.total ?? 0);
    if (total < cap || n === 0) return { total, ranked: n === 0 ? [] : toRanked(first.rows) };
  }
  if (n === 0) return { total, ranked: [] as Ranked };

  // Many matches (at least the cap, so they are dense enough for a walk to stop early): the
  // newest n of the title matches, the newest 2n of the matches with a title word and the newest
  // 2n of all matches, each tiered, then ordered — that bounded set provably holds the first n
  // of the whole order. Each branch is bounded by its LIMIT before the tier is computed; a walk
  // tests head_tsv before tsv (conditions of equal cost keep their order).
  const branch = (where: RawBuilder<unknown>, limit: number) =>
    sql`SELECT sort_key AS key, ${tierOf} AS tier FROM (SELECT sort_key, head_tsv FROM search_documents
      WHERE ${columns} AND ${where} ORDER BY sort_key DESC LIMIT ${limit}) b`;
  const branches = [branch(sql`head_tsv @@ ${q(and([...facets, ...inTitle]))}`, n)];
  if (inTitle.length > 1) branches.push(branch(sql`head_tsv @@ ${q(titleSome)} AND ${matches}`, 2 * n));
  branches.push(branch(matches, 2 * n));
  const rows = (await sql<{ key: number; tier: number }>`${sql.join(branches, sql` UNION ALL `)}`.execute(tx)).rows;
  const byKey = new Map<number, number>();
  for (const r of toRanked(rows)) byKey.set(r.key, r.tier);
  const ranked = [...byKey]
    .map(([key, tier]) => ({ key, tier }))
    .sort((a, b) => b.tier - a.tier || b.key - a.key)
    .slice(0, n);
  return { total, ranked };
}
