// What the public pages read besides listings: filter choices, key figures, upcoming events,
// related items, translations and static pages — all of it public at `now` (queries.ts `live`).
import type { Db } from '../../../core/db/index.js';
import { damascusDay } from '../../../core/time.js';
import { listOrganizations } from '../../organizations/queries.js';
import {
  getItem,
  live,
  liveCards,
  liveSql,
  visibility,
  publicQuery,
  type ItemCard,
  type ItemRow,
  type TownRef,
} from '../queries.js';
import type { ItemKind } from '../tables.js';

/** Years that have public items of these kinds, newest first (for the year filter). */
export async function publishedYears(db: Db, networkId: number, kinds: ItemKind[], now: Date): Promise<number[]> {
  const v = await visibility(db, networkId, now);
  const rows = await publicQuery(db, { networkId, kinds, now }, v).select(v.time.as('published_at')).execute();
  const years = new Set<number>();
  for (const r of rows) if (r.published_at) years.add(new Date(r.published_at).getUTCFullYear());
  return [...years].sort((a, b) => b - a);
}

/** Towns named by public items (for filters), with how many items each. */
export async function publishedTowns(db: Db, networkId: number, now: Date): Promise<(TownRef & { n: number })[]> {
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
    .where((await visibility(db, networkId, now)).where)
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

export async function filterOptions(db: Db, networkId: number, kinds: ItemKind[], now: Date) {
  const [towns, orgs, years] = await Promise.all([
    publishedTowns(db, networkId, now),
    listOrganizations(db, networkId),
    publishedYears(db, networkId, kinds, now),
  ]);
  return { towns, orgs, years };
}

export type KeyFigures = { activities: number; towns: number; resources: number; organizations: number };

export async function keyFigures(db: Db, networkId: number, now: Date): Promise<KeyFigures> {
  const v = await visibility(db, networkId, now);
  const count = (kind: ItemKind) =>
    publicQuery(db, { networkId, now, kinds: [kind] }, v)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const [activities, resources, orgs, towns] = await Promise.all([
    count('activity'),
    count('resource'),
    publicQuery(db, { networkId, now }, v)
      .where('i.organization_id', 'is not', null)
      .select((eb) => eb.fn.count<number>('i.organization_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('pub_item_towns as it')
      .innerJoin('pub_items as i', 'i.id', 'it.item_id')
      .where(v.where)
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

/** Public activities whose day is today (in Damascus) or later: the network's upcoming public events. */
export async function upcomingActivities(db: Db, networkId: number, now: Date, limit: number): Promise<ItemCard[]> {
  const v = await visibility(db, networkId, now);
  const rows = await publicQuery(db, { networkId, now, kinds: ['activity'] }, v)
    .selectAll('i')
    .where('i.activity_date', '>=', damascusDay(now))
    .orderBy('i.activity_date')
    .orderBy('i.id')
    .limit(limit)
    .execute();
  return liveCards(db, rows, now);
}

/** Items related to one: same local issue, then same towns or topics, newest first. */
export async function relatedItems(db: Db, item: ItemRow, limit: number, now: Date): Promise<ItemCard[]> {
  const [towns, topics] = await Promise.all([
    db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', item.id).execute(),
    db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', item.id).execute(),
  ]);
  const townCodes = towns.map((t) => t.town_pcode);
  const topicKeys = topics.map((t) => t.topic);
  if (!townCodes.length && !topicKeys.length && !item.local_issue_id) return [];
  const v = await visibility(db, item.network_id, now);
  const rows = await publicQuery(db, { networkId: item.network_id, now, excludeId: item.id }, v)
    .selectAll('i')
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
    .orderBy(v.time, 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  return liveCards(db, rows, now);
}

/** The translation link both ways: what this item translates, or what translates it (public only). */
export async function translationOf(db: Db, item: ItemRow, now: Date): Promise<ItemRow | null> {
  if (item.translation_of) {
    const other = await getItem(db, item.translation_of);
    const seen = other && live(other, now);
    return seen && seen.status === 'published' ? seen : null;
  }
  const row = await db
    .selectFrom('pub_items as i')
    .selectAll('i')
    .where('i.translation_of', '=', item.id)
    .where(liveSql(now))
    .orderBy('i.id')
    .executeTakeFirst();
  return row ? live(row, now) : null;
}

/** A published local-issue dossier by id, as a card, or null. */
export async function publishedDossier(db: Db, id: number | null, now: Date): Promise<ItemCard | null> {
  const row = id ? await getItem(db, id) : null;
  const seen = row && live(row, now);
  return seen && seen.status === 'published' ? ((await liveCards(db, [seen], now))[0] ?? null) : null;
}

/** A static page by key, in the reader's language when both exist. */
export async function getPageByKey(
  db: Db,
  networkId: number,
  key: string,
  lang: string,
  now: Date,
): Promise<ItemRow | null> {
  const rows = await db
    .selectFrom('pub_items as i')
    .selectAll('i')
    .where('i.network_id', '=', networkId)
    .where('i.kind', '=', 'page')
    .where('i.page_key', '=', key)
    .where(liveSql(now))
    .orderBy('i.id')
    .execute();
  const row = rows.find((r) => r.lang === lang) ?? rows[0] ?? null;
  return row ? live(row, now) : null;
}
