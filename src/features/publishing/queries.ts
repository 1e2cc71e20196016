// Publishing: items of every kind, their workflow, revisions, search index entries and listings.
// Every function takes `db` first and returns plain rows; routes decide who may call what.
import type { Selectable } from 'kysely';
import type { Db } from '../../core/db/index.js';
import { fromJson } from '../../core/db/helpers.js';
import { indexDocument, removeDocument } from '../../core/search/index.js';
import { slugify } from '../../core/text/slug.js';
import { markdownToText } from '../../core/text/markdown.js';
import type { ItemKind, ItemStatus, PubItemsTable } from './tables.js';

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

// ——— URLs ———

export function itemPath(item: { id: number; kind: ItemKind; title: string; page_key?: string | null }): string {
  if (item.kind === 'page' && item.page_key) return `/pages/${item.page_key}`;
  return `/${KIND_SEGMENT[item.kind]}/${item.id}/${slugify(item.title)}`;
}

// ——— reading ———

export async function getItem(db: Db, id: number): Promise<ItemRow | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) return null;
  return (await db.selectFrom('pub_items').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getPageByKey(db: Db, networkId: number, key: string, lang: string): Promise<ItemRow | null> {
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('kind', '=', 'page')
    .where('page_key', '=', key)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.find((r) => r.lang === lang) ?? rows[0] ?? null;
}

export type TownRef = { pcode: string; name_ar: string; name_en: string };
export type OrgRef = { id: number; name_ar: string; name_en: string };
export type Cover = { id: string; variants: Record<string, string>; width: number | null; height: number | null };

export async function itemTowns(db: Db, ids: number[]): Promise<Map<number, TownRef[]>> {
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

export async function itemTopics(db: Db, ids: number[]): Promise<Map<number, string[]>> {
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

/** Adds towns, topics, organization and cover to item rows, keeping their order. */
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

export type ListFilters = {
  networkId: number;
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

function publishedQuery(db: Db, f: ListFilters) {
  let q = db.selectFrom('pub_items as i').where('i.status', '=', 'published').where('i.network_id', '=', f.networkId);
  if (f.kinds) q = f.kinds.length ? q.where('i.kind', 'in', f.kinds) : q.where('i.id', '<', 0);
  if (f.town)
    q = q.where('i.id', 'in', db.selectFrom('pub_item_towns').select('item_id').where('town_pcode', '=', f.town));
  if (f.topic)
    q = q.where('i.id', 'in', db.selectFrom('pub_item_topics').select('item_id').where('topic', '=', f.topic));
  if (f.organizationId) q = q.where('i.organization_id', '=', f.organizationId);
  if (f.lang) q = q.where('i.lang', '=', f.lang as 'ar' | 'en');
  if (f.year) {
    const [from, to] = yearRange(f.year);
    q = q.where('i.published_at', '>=', from).where('i.published_at', '<', to);
  }
  if (f.resourceType) q = q.where('i.resource_type', '=', f.resourceType);
  if (f.collection) q = q.where('i.collection', '=', f.collection);
  if (f.featured) q = q.where('i.featured', '=', 1);
  if (f.localIssueId) q = q.where('i.local_issue_id', '=', f.localIssueId);
  if (f.excludeId) q = q.where('i.id', '!=', f.excludeId);
  return q;
}

/** Published items, newest first, with the total for pagination. */
export async function listPublished(
  db: Db,
  f: ListFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ItemCard[] }> {
  const [count, rows] = await Promise.all([
    publishedQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    publishedQuery(db, f)
      .selectAll('i')
      .orderBy('i.published_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), items: await toCards(db, rows) };
}

/** Years that have published items of these kinds, newest first (for the year filter). */
export async function publishedYears(db: Db, networkId: number, kinds: ItemKind[]): Promise<number[]> {
  const rows = await publishedQuery(db, { networkId, kinds }).select('i.published_at').execute();
  const years = new Set<number>();
  for (const r of rows) if (r.published_at) years.add(new Date(r.published_at).getUTCFullYear());
  return [...years].sort((a, b) => b - a);
}

/** Organizations that have published items (for filters). */
export async function publishingOrganizations(db: Db, networkId: number): Promise<OrgRef[]> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
}

/** Towns named by published items (for filters), with how many items each. */
export async function publishedTowns(db: Db, networkId: number): Promise<(TownRef & { n: number })[]> {
  const rows = await db
    .selectFrom('pub_item_towns as it')
    .innerJoin('pub_items as i', 'i.id', 'it.item_id')
    .leftJoin('towns', 'towns.pcode', 'it.town_pcode')
    .select((eb) => [
      'it.town_pcode',
      eb.fn.max('towns.name_ar').as('name_ar'),
      eb.fn.max('towns.name_en').as('name_en'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('i.status', '=', 'published')
    .where('i.network_id', '=', networkId)
    .groupBy('it.town_pcode')
    .execute();
  return rows
    .map((r) => ({
      pcode: r.town_pcode,
      name_ar: r.name_ar ?? r.town_pcode,
      name_en: r.name_en ?? r.town_pcode,
      n: Number(r.n),
    }))
    .sort((a, b) => a.name_ar.localeCompare(b.name_ar, 'ar') || (a.pcode < b.pcode ? -1 : 1));
}

export type KeyFigures = { activities: number; towns: number; resources: number; organizations: number };

export async function keyFigures(db: Db, networkId: number): Promise<KeyFigures> {
  const base = db.selectFrom('pub_items').where('status', '=', 'published').where('network_id', '=', networkId);
  const [activities, resources, orgs, towns] = await Promise.all([
    base
      .where('kind', '=', 'activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base
      .where('kind', '=', 'resource')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base
      .where('organization_id', 'is not', null)
      .select((eb) => eb.fn.count<number>('organization_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('pub_item_towns as it')
      .innerJoin('pub_items as i', 'i.id', 'it.item_id')
      .where('i.status', '=', 'published')
      .where('i.network_id', '=', networkId)
      .where('i.kind', '=', 'activity')
      .select((eb) => eb.fn.count<number>('it.town_pcode').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    activities: Number(activities.n),
    resources: Number(resources.n),
    organizations: Number(orgs.n),
    towns: Number(towns.n),
  };
}

/** Published activities whose day is today or later: the network's upcoming public events. */
export async function upcomingActivities(db: Db, networkId: number, now: Date, limit: number): Promise<ItemCard[]> {
  const today = now.toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('status', '=', 'published')
    .where('network_id', '=', networkId)
    .where('kind', '=', 'activity')
    .where('activity_date', '>=', today)
    .orderBy('activity_date')
    .orderBy('id')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** Published local-issue dossiers about a town. */
export async function issuesInTown(db: Db, networkId: number, pcode: string, limit: number) {
  return listPublished(db, { networkId, kinds: ['local_issue'], town: pcode }, { limit, offset: 0 });
}

/** Items related to one: same local issue, then same towns or topics, newest first. */
export async function relatedItems(db: Db, item: ItemRow, limit: number): Promise<ItemCard[]> {
  const [towns, topics] = await Promise.all([
    db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', item.id).execute(),
    db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', item.id).execute(),
  ]);
  const townCodes = towns.map((t) => t.town_pcode);
  const topicKeys = topics.map((t) => t.topic);
  if (!townCodes.length && !topicKeys.length && !item.local_issue_id) return [];
  const rows = await db
    .selectFrom('pub_items as i')
    .selectAll('i')
    .where('i.status', '=', 'published')
    .where('i.network_id', '=', item.network_id)
    .where('i.id', '!=', item.id)
    .where('i.kind', '!=', 'page')
    .where((eb) =>
      eb.or([
        ...(item.local_issue_id
          ? [eb('i.local_issue_id', '=', item.local_issue_id), eb('i.id', '=', item.local_issue_id)]
          : []),
        ...(townCodes.length
          ? [eb('i.id', 'in', db.selectFrom('pub_item_towns').select('item_id').where('town_pcode', 'in', townCodes))]
          : []),
        ...(topicKeys.length
          ? [eb('i.id', 'in', db.selectFrom('pub_item_topics').select('item_id').where('topic', 'in', topicKeys))]
          : []),
      ]),
    )
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** Published local-issue dossiers (for the "belongs to dossier" select). */
export async function listIssues(db: Db, networkId: number) {
  return db
    .selectFrom('pub_items')
    .select(['id', 'title', 'lang'])
    .where('network_id', '=', networkId)
    .where('kind', '=', 'local_issue')
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
}

/** The translation link both ways: what this item translates, or what translates it. */
export async function translationOf(db: Db, item: ItemRow): Promise<ItemRow | null> {
  if (item.translation_of) {
    const other = await getItem(db, item.translation_of);
    return other && other.status === 'published' ? other : null;
  }
  return (
    (await db
      .selectFrom('pub_items')
      .selectAll()
      .where('translation_of', '=', item.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirst()) ?? null
  );
}

// ——— workspace ———

/** Items of the given organizations (any status), newest change first. */
export async function listForOrganizations(db: Db, orgIds: number[], limit = 200): Promise<ItemCard[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('organization_id', 'in', orgIds)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** What an editor has to look at: submitted and scheduled items, then the network's own drafts. */
export async function editorQueue(db: Db, networkId: number, limit = 200): Promise<ItemCard[]> {
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('network_id', '=', networkId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['submitted', 'scheduled']),
        eb.and([eb('organization_id', 'is', null), eb('status', '!=', 'published')]),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

export async function itemEvents(db: Db, itemId: number) {
  return db
    .selectFrom('pub_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.action', 'e.comment', 'e.at', 'u.display_name'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.id', 'desc')
    .execute();
}

export async function itemRevisions(db: Db, itemId: number) {
  return db
    .selectFrom('pub_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .select(['r.id', 'r.number', 'r.title', 'r.summary', 'r.body', 'r.byline', 'r.edited_at', 'u.display_name'])
    .where('r.item_id', '=', itemId)
    .orderBy('r.number', 'desc')
    .execute();
}

// ——— writing ———

export type ItemInput = {
  kind: ItemKind;
  organizationId: number | null;
  lang: 'ar' | 'en';
  title: string;
  summary: string;
  body: string;
  byline: string;
  bylinePseudonym: boolean;
  towns: string[];
  topics: string[];
  collection: string | null;
  resourceType: string | null;
  pageKey: string | null;
  translationOf: number | null;
  localIssueId: number | null;
  projectId: number | null;
  activityDate: string | null;
  coverAlt: string;
  filePages: number | null;
  externalUrl: string | null;
};

async function writeTownsAndTopics(trx: Db, itemId: number, towns: string[], topics: string[]) {
  await trx.deleteFrom('pub_item_towns').where('item_id', '=', itemId).execute();
  await trx.deleteFrom('pub_item_topics').where('item_id', '=', itemId).execute();
  const t = [...new Set(towns)];
  const p = [...new Set(topics)];
  if (t.length)
    await trx
      .insertInto('pub_item_towns')
      .values(t.map((town_pcode) => ({ item_id: itemId, town_pcode })))
      .execute();
  if (p.length)
    await trx
      .insertInto('pub_item_topics')
      .values(p.map((topic) => ({ item_id: itemId, topic })))
      .execute();
}

async function logEvent(
  trx: Db,
  itemId: number,
  action: string,
  actorId: number | null,
  now: Date,
  comment: string | null = null,
) {
  await trx
    .insertInto('pub_events')
    .values({ item_id: itemId, action, actor_user_id: actorId, comment, at: now.toISOString() })
    .execute();
}

function contentColumns(input: ItemInput) {
  return {
    organization_id: input.organizationId,
    kind: input.kind,
    lang: input.lang,
    title: input.title,
    summary: input.summary,
    body: input.body,
    byline: input.byline,
    byline_pseudonym: input.bylinePseudonym ? 1 : 0,
    collection: input.kind === 'resource' ? input.collection : null,
    resource_type: input.kind === 'resource' ? input.resourceType : null,
    page_key: input.kind === 'page' ? input.pageKey : null,
    translation_of: input.translationOf,
    local_issue_id: input.kind === 'local_issue' ? null : input.localIssueId,
    project_id: input.projectId,
    activity_date: input.kind === 'activity' ? input.activityDate : null,
    cover_alt: input.coverAlt,
    file_pages: input.kind === 'resource' ? input.filePages : null,
    external_url: input.kind === 'resource' ? input.externalUrl : null,
  };
}

/** A new item (draft unless told otherwise), its towns and topics, and its 'created' event. */
export async function createItem(
  db: Db,
  networkId: number,
  input: ItemInput,
  actorId: number | null,
  now: Date,
  opts: { status?: ItemStatus; source?: { feature: string; id: string } | null } = {},
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const iso = now.toISOString();
    const row = await trx
      .insertInto('pub_items')
      .values({
        ...contentColumns(input),
        network_id: networkId,
        status: opts.status ?? 'draft',
        cover_media_id: null,
        file_media_id: null,
        featured: 0,
        publish_at: null,
        published_at: null,
        first_published_at: null,
        return_comment: null,
        source_feature: opts.source?.feature ?? null,
        source_id: opts.source?.id ?? null,
        created_by: actorId,
        updated_by: actorId,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTownsAndTopics(trx, row.id, input.towns, input.topics);
    await logEvent(trx, row.id, 'created', actorId, now);
    if (opts.status === 'submitted')
      await logEvent(
        trx,
        row.id,
        'submitted',
        actorId,
        now,
        opts.source ? `${opts.source.feature}:${opts.source.id}` : null,
      );
    return row.id;
  });
}

async function addRevision(
  trx: Db,
  item: Pick<ItemRow, 'id' | 'title' | 'summary' | 'body' | 'byline'>,
  actorId: number | null,
  now: Date,
) {
  const last = await trx
    .selectFrom('pub_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('item_id', '=', item.id)
    .executeTakeFirst();
  await trx
    .insertInto('pub_revisions')
    .values({
      item_id: item.id,
      number: Number(last?.n ?? 0) + 1,
      title: item.title,
      summary: item.summary,
      body: item.body,
      byline: item.byline,
      edited_by: actorId,
      edited_at: now.toISOString(),
    })
    .execute();
}

/**
 * Saves an edit. Once an item has been published, every edit adds a revision (the history
 * starts with the version first published), and a published item is re-indexed at once.
 */
export async function updateItem(
  db: Db,
  id: number,
  input: ItemInput,
  actorId: number | null,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pub_items')
      .set({ ...contentColumns(input), updated_by: actorId, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeTownsAndTopics(trx, id, input.towns, input.topics);
    await logEvent(trx, id, 'edited', actorId, now);
    const item = (await trx
      .selectFrom('pub_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()) as ItemRow;
    if (item.first_published_at) await addRevision(trx, item, actorId, now);
    if (item.status === 'published') await indexItem(trx, item);
  });
}

export async function setMedia(db: Db, id: number, column: 'cover_media_id' | 'file_media_id', mediaId: string | null) {
  await db
    .updateTable('pub_items')
    .set(column === 'cover_media_id' ? { cover_media_id: mediaId } : { file_media_id: mediaId })
    .where('id', '=', id)
    .execute();
}

export async function submitItem(db: Db, id: number, actorId: number | null, now: Date, comment: string | null = null) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pub_items')
      .set({ status: 'submitted', updated_at: now.toISOString(), updated_by: actorId })
      .where('id', '=', id)
      .execute();
    await logEvent(trx, id, 'submitted', actorId, now, comment);
  });
}

export async function returnItem(db: Db, id: number, actorId: number, comment: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pub_items')
      .set({
        status: 'returned',
        return_comment: comment,
        publish_at: null,
        updated_at: now.toISOString(),
        updated_by: actorId,
      })
      .where('id', '=', id)
      .execute();
    await logEvent(trx, id, 'returned', actorId, now, comment);
  });
}

/** Publishes now, or schedules when `at` is later than now. */
export async function publishItem(db: Db, id: number, actorId: number | null, now: Date, at: Date | null = null) {
  await db.transaction().execute(async (trx) => {
    if (at && at.getTime() > now.getTime()) {
      await trx
        .updateTable('pub_items')
        .set({ status: 'scheduled', publish_at: at.toISOString(), updated_at: now.toISOString(), updated_by: actorId })
        .where('id', '=', id)
        .execute();
      await logEvent(trx, id, 'scheduled', actorId, now, at.toISOString());
      return;
    }
    await goLive(trx, id, actorId, now);
  });
}

async function goLive(trx: Db, id: number, actorId: number | null, now: Date) {
  const before = (await trx
    .selectFrom('pub_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as ItemRow;
  const iso = now.toISOString();
  await trx
    .updateTable('pub_items')
    .set({
      status: 'published',
      published_at: iso,
      first_published_at: before.first_published_at ?? iso,
      publish_at: null,
      return_comment: null,
      updated_at: iso,
    })
    .where('id', '=', id)
    .execute();
  // The history starts with the version as published; a republished edit adds one more.
  const hasRevision = await trx.selectFrom('pub_revisions').select('id').where('item_id', '=', id).executeTakeFirst();
  if (!hasRevision) await addRevision(trx, before, actorId, now);
  await logEvent(trx, id, 'published', actorId, now);
  const item = (await trx
    .selectFrom('pub_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as ItemRow;
  await indexItem(trx, item);
}

export async function unpublishItem(db: Db, id: number, actorId: number, now: Date, comment: string | null) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pub_items')
      .set({ status: 'unpublished', featured: 0, publish_at: null, updated_at: now.toISOString(), updated_by: actorId })
      .where('id', '=', id)
      .execute();
    await logEvent(trx, id, 'unpublished', actorId, now, comment);
    const item = await trx.selectFrom('pub_items').select(['kind']).where('id', '=', id).executeTakeFirstOrThrow();
    await removeDocument(trx, item.kind, id);
  });
}

export async function setFeatured(db: Db, id: number, featured: boolean, actorId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pub_items')
      .set({ featured: featured ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await logEvent(trx, id, featured ? 'featured' : 'unfeatured', actorId, now);
  });
}

/** Scheduled items whose time has come go live. Cheap (an indexed lookup); called by public pages. */
export async function publishDue(db: Db, now: Date): Promise<number> {
  const due = await db
    .selectFrom('pub_items')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .execute();
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      // Another request may have published it meanwhile.
      const still = await trx.selectFrom('pub_items').select('status').where('id', '=', id).executeTakeFirst();
      if (still?.status === 'scheduled') await goLive(trx, id, null, now);
    });
  }
  return due.length;
}

// ——— search ———

/** The search entry of a published item: title, summary and body as text, and its facets. */
export async function indexItem(db: Db, item: ItemRow): Promise<void> {
  const [towns, topics] = await Promise.all([
    db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', item.id).execute(),
    db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', item.id).execute(),
  ]);
  const publishedAt = item.published_at ?? item.updated_at;
  await indexDocument(db, {
    kind: item.kind,
    refId: item.id,
    networkId: item.network_id,
    organizationId: item.organization_id,
    lang: item.lang,
    title: item.title,
    body: [item.byline_pseudonym ? '' : item.byline, item.summary, markdownToText(item.body)]
      .filter(Boolean)
      .join('\n'),
    facets: {
      town: towns.map((t) => t.town_pcode),
      organization: item.organization_id !== null ? [String(item.organization_id)] : [],
      topic: topics.map((t) => t.topic),
      language: item.lang,
      year: String(new Date(publishedAt).getUTCFullYear()),
    },
    publishedAt,
  });
}

/** Items by id, published only, in the order given (search hits → cards). */
export async function publishedByIds(db: Db, ids: number[]): Promise<Map<number, ItemCard>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
  const cards = await toCards(db, rows);
  return new Map(cards.map((c) => [c.id, c]));
}

/** Everything public, for the sitemap. */
export async function sitemapEntries(db: Db, networkId: number) {
  const rows = await db
    .selectFrom('pub_items')
    .select(['id', 'kind', 'title', 'page_key', 'updated_at', 'published_at'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    url: itemPath(r),
    lastmod: r.updated_at > (r.published_at ?? '') ? r.updated_at : r.published_at!,
  }));
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
