// Publishing items as readers and other features see them: kinds and topics, an item's URL, the
// one rule of what is public at a moment (`live`), the cards listings show and the listing query.
// Every function takes `db` first and returns plain rows; routes decide who may call what.
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../../core/db/index.js';
import { fromJson } from '../../core/db/helpers.js';
import { slugify } from '../../core/text/slug.js';
import type { ItemKind, ItemStatus, PubItemsTable } from './tables.js';

// Other features publish through these (the paths and names are stable).
export { publishItem } from './workspace/actions.js';

export type ItemRow = Selectable<PubItemsTable>;

export const KINDS: ItemKind[] = ['activity', 'news', 'opinion', 'local_issue', 'resource', 'page'];
/** The kinds with a public listing, and their URL segment. */
export const KIND_SEGMENT: Record<ItemKind, string> = {
  activity: 'activities',
  news: 'news',
  opinion: 'opinion',
  local_issue: 'local-issues',
  resource: 'resources',
  page: 'pages',
};
export const LISTED_KINDS: Exclude<ItemKind, 'page'>[] = ['activity', 'news', 'opinion', 'local_issue', 'resource'];
export function kindOfSegment(segment: string): ItemKind | null {
  return (Object.entries(KIND_SEGMENT).find(([, s]) => s === segment)?.[0] as ItemKind | undefined) ?? null;
}

export const TOPICS = [
  'water',
  'roads',
  'documentation',
  'elections',
  'local-governance',
  'civic-participation',
  'women',
  'youth',
  'education',
  'health',
  'livelihoods',
  'legal-aid',
  'psychosocial',
  'protection',
] as const;
export type Topic = (typeof TOPICS)[number];

export const RESOURCE_TYPES = ['guide', 'toolkit', 'report', 'leaflet', 'template', 'policy-paper'] as const;
export const COLLECTIONS = ['lessons-learned'] as const;

/** Kinds an organization's staff may write; news and static pages are the network's own. */
export const ORG_KINDS: ItemKind[] = ['activity', 'opinion', 'local_issue', 'resource'];

export const PAGE_SIZE = 12;

export function itemPath(item: { id: number; kind: ItemKind; title: string; page_key?: string | null }): string {
  if (item.kind === 'page' && item.page_key) return `/pages/${item.page_key}`;
  return `/${KIND_SEGMENT[item.kind]}/${item.id}/${slugify(item.title)}`;
}

/** An absolute URL on this site (canonical links, OpenGraph, feeds, the sitemap). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return baseUrl + encodeURI(path);
}

// ——— what is public at a moment ———
//
// A scheduled item is public from its `publish_at` on. The one-minute `publish-due` job
// (workspace/actions.ts) records that, but readers do not wait for it: every read treats a due
// item as published at its `publish_at`, exactly as the job will write it, so a GET never writes.

type Schedulable = { status: ItemStatus; publish_at: string | null };

export function isDue(row: Schedulable, now: Date): boolean {
  return row.status === 'scheduled' && row.publish_at !== null && Date.parse(row.publish_at) <= now.getTime();
}

const later = (a: string, b: string) => (Date.parse(a) > Date.parse(b) ? a : b);

/** The row as readers see it at `now`: a due scheduled item is published at its `publish_at`. */
export function live<R extends Schedulable>(row: R, now: Date): R {
  if (!isDue(row, now)) return row;
  const at = row.publish_at!;
  const out: Record<string, unknown> = { ...row, status: 'published', publish_at: null };
  if ('published_at' in row) out.published_at = at;
  if ('first_published_at' in row) out.first_published_at = (row.first_published_at as string | null) ?? at;
  if ('updated_at' in row) out.updated_at = later(row.updated_at as string, at);
  if ('return_comment' in row) out.return_comment = null;
  return out as R;
}

/** `live` in SQL, on `pub_items as i`. */
export function liveSql(now: Date) {
  return sql<boolean>`(${sql.ref('i.status')} = 'published' or (${sql.ref('i.status')} = 'scheduled' and ${sql.ref('i.publish_at')} <= ${now.toISOString()}))`;
}

/** When a live item was published: its `publish_at` while the job has not recorded it yet. */
export const liveTime = sql<string>`coalesce(${sql.ref('i.publish_at')}, ${sql.ref('i.published_at')})`;

/** What is public, in SQL on `pub_items as i`, and the time to order it by. */
export type Visibility = { where: RawBuilder<boolean>; time: RawBuilder<string> };

const RECORDED: Visibility = {
  where: sql<boolean>`${sql.ref('i.status')} = 'published'`,
  time: sql<string>`${sql.ref('i.published_at')}`,
};

/**
 * What is public in a network at `now`: plain `status = 'published'`, which keeps the listing
 * index's order, unless an item is due and not yet recorded by the job (a minute at most); then
 * `liveSql`, ordered by `liveTime`. Both are exact; the first is what the index is for.
 */
export async function visibility(db: Db, networkId: number, now: Date): Promise<Visibility> {
  const due = await db
    .selectFrom('pub_items')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .where('network_id', '=', networkId)
    .limit(1)
    .executeTakeFirst();
  return due ? { where: liveSql(now), time: liveTime } : RECORDED;
}

// ——— reading ———

export async function getItem(db: Db, id: number): Promise<ItemRow | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) return null;
  return (await db.selectFrom('pub_items').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** An item another feature created from one of its records, if any. */
export async function findBySource(db: Db, feature: string, id: string): Promise<ItemRow | null> {
  return (
    (await db
      .selectFrom('pub_items')
      .selectAll()
      .where('source_feature', '=', feature)
      .where('source_id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export type TownRef = { pcode: string; name_ar: string; name_en: string };
export type OrgRef = { id: number; name_ar: string; name_en: string };
export type Cover = { id: string; variants: Record<string, string>; width: number | null; height: number | null };

async function itemTowns(db: Db, ids: number[]): Promise<Map<number, TownRef[]>> {
  const out = new Map<number, TownRef[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('pub_item_towns as it')
    .leftJoin('towns', 'towns.pcode', 'it.town_pcode')
    .select(['it.item_id', 'it.town_pcode', 'towns.name_ar', 'towns.name_en'])
    .where('it.item_id', 'in', ids)
    .orderBy('it.item_id')
    .orderBy('it.town_pcode')
    .execute();
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({ pcode: r.town_pcode, name_ar: r.name_ar ?? r.town_pcode, name_en: r.name_en ?? r.town_pcode });
    out.set(r.item_id, list);
  }
  return out;
}

async function itemTopics(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('pub_item_topics')
    .select(['item_id', 'topic'])
    .where('item_id', 'in', ids)
    .orderBy('topic')
    .execute();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r.topic]);
  return out;
}

async function organizationsById(db: Db, ids: number[]): Promise<Map<number, OrgRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function mediaRows(
  db: Db,
  ids: (string | null)[],
): Promise<Map<string, Cover & { mime: string; bytes: number }>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(['id', 'variants', 'width', 'height', 'mime', 'bytes'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        variants: fromJson<Record<string, string>>(r.variants, {}),
        width: r.width,
        height: r.height,
        mime: r.mime,
        bytes: r.bytes,
      },
    ]),
  );
}

export type ItemCard = {
  id: number;
  kind: ItemKind;
  status: ItemStatus;
  title: string;
  summary: string;
  lang: 'ar' | 'en';
  byline: string;
  byline_pseudonym: number;
  published_at: string | null;
  activity_date: string | null;
  resource_type: string | null;
  collection: string | null;
  featured: number;
  url: string;
  organization: OrgRef | null;
  towns: TownRef[];
  topics: string[];
  cover: Cover | null;
  cover_alt: string;
};

/** Adds towns, topics, organization and cover to item rows (as `live` gives them), keeping their order. */
export async function toCards(db: Db, rows: ItemRow[]): Promise<ItemCard[]> {
  const ids = rows.map((r) => r.id);
  const [towns, topics, orgs, media] = await Promise.all([
    itemTowns(db, ids),
    itemTopics(db, ids),
    organizationsById(
      db,
      rows.map((r) => r.organization_id).filter((i): i is number => i !== null),
    ),
    mediaRows(
      db,
      rows.map((r) => r.cover_media_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    summary: r.summary,
    lang: r.lang,
    byline: r.byline,
    byline_pseudonym: r.byline_pseudonym,
    published_at: r.published_at,
    activity_date: r.activity_date,
    resource_type: r.resource_type,
    collection: r.collection,
    featured: r.featured,
    url: itemPath(r),
    organization: r.organization_id !== null ? (orgs.get(r.organization_id) ?? null) : null,
    towns: towns.get(r.id) ?? [],
    topics: topics.get(r.id) ?? [],
    cover: r.cover_media_id ? (media.get(r.cover_media_id) ?? null) : null,
    cover_alt: r.cover_alt,
  }));
}

/** Rows as readers see them at `now`, as cards. */
export async function liveCards(db: Db, rows: ItemRow[], now: Date): Promise<ItemCard[]> {
  return toCards(
    db,
    rows.map((r) => live(r, now)),
  );
}

export type ListFilters = {
  networkId: number;
  /** what is public is decided at this moment (see `live`) */
  now: Date;
  kinds?: ItemKind[];
  town?: string | null;
  organizationId?: number | null;
  topic?: string | null;
  lang?: string | null;
  year?: number | null;
  resourceType?: string | null;
  collection?: string | null;
  featured?: boolean;
  localIssueId?: number | null;
  excludeId?: number | null;
};

function yearRange(year: number): [string, string] {
  return [new Date(Date.UTC(year, 0, 1)).toISOString(), new Date(Date.UTC(year + 1, 0, 1)).toISOString()];
}

/** Public items matching the filters, on `pub_items as i`. */
export function publicQuery(db: Db, f: ListFilters, v: Visibility) {
  let q = db.selectFrom('pub_items as i').where(v.where).where('i.network_id', '=', f.networkId);
  if (f.kinds) q = f.kinds.length ? q.where('i.kind', 'in', f.kinds) : q.where('i.id', '<', 0);
  if (f.town)
    q = q.where('i.id', 'in', db.selectFrom('pub_item_towns').select('item_id').where('town_pcode', '=', f.town));
  if (f.topic)
    q = q.where('i.id', 'in', db.selectFrom('pub_item_topics').select('item_id').where('topic', '=', f.topic));
  if (f.organizationId) q = q.where('i.organization_id', '=', f.organizationId);
  if (f.lang) q = q.where('i.lang', '=', f.lang as 'ar' | 'en');
  if (f.year) {
    const [from, to] = yearRange(f.year);
    q = q.where(v.time, '>=', from).where(v.time, '<', to);
  }
  if (f.resourceType) q = q.where('i.resource_type', '=', f.resourceType);
  if (f.collection) q = q.where('i.collection', '=', f.collection);
  if (f.featured) q = q.where('i.featured', '=', 1);
  if (f.localIssueId) q = q.where('i.local_issue_id', '=', f.localIssueId);
  if (f.excludeId) q = q.where('i.id', '!=', f.excludeId);
  return q;
}

/** Public items, newest first, with the total for pagination. */
export async function listPublished(
  db: Db,
  f: ListFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ItemCard[] }> {
  const v = await visibility(db, f.networkId, f.now);
  const [count, rows] = await Promise.all([
    publicQuery(db, f, v)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    publicQuery(db, f, v)
      .selectAll('i')
      .orderBy(v.time, 'desc')
      .orderBy('i.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), items: await liveCards(db, rows, f.now) };
}

/**
 * Items by id, public only, as a map (search hits → cards). Without `now`, only what is recorded
 * as published; with it, also what is due (see `live`).
 */
export async function publishedByIds(db: Db, ids: number[], now?: Date): Promise<Map<number, ItemCard>> {
  if (!ids.length) return new Map();
  let q = db.selectFrom('pub_items as i').selectAll('i').where('i.id', 'in', ids);
  q = now ? q.where(liveSql(now)) : q.where('i.status', '=', 'published');
  const rows = await q.execute();
  const cards = now ? await liveCards(db, rows, now) : await toCards(db, rows);
  return new Map(cards.map((c) => [c.id, c]));
}
