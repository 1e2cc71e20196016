// What the feeds and the sitemap read: public items at `now` (queries.ts `live`).
import type { Db } from '../../../core/db/index.js';
import { itemPath, live, visibility, type ItemCard } from '../queries.js';

/** First publication and last change of listed items, as readers see them. */
export async function feedDates(
  db: Db,
  items: ItemCard[],
  now: Date,
): Promise<Map<number, { updated_at: string; first_published_at: string | null }>> {
  if (!items.length) return new Map();
  const rows = await db
    .selectFrom('pub_items')
    .select(['id', 'status', 'publish_at', 'updated_at', 'first_published_at'])
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, live(r, now)]));
}

/** Everything public, for the sitemap. */
export async function sitemapEntries(db: Db, networkId: number, now: Date) {
  const rows = await db
    .selectFrom('pub_items as i')
    .select(['i.id', 'i.kind', 'i.title', 'i.page_key', 'i.status', 'i.publish_at', 'i.updated_at', 'i.published_at'])
    .where('i.network_id', '=', networkId)
    .where((await visibility(db, networkId, now)).where)
    .orderBy('i.id')
    .execute();
  return rows
    .map((r) => live(r, now))
    .map((r) => ({
      url: itemPath(r),
      lastmod: r.updated_at > (r.published_at ?? '') ? r.updated_at : r.published_at!,
    }));
}
