// What the workspace reads: an organization's items at every stage, the editors' queue, an item's
// workflow log and revisions, and the choices of the edit form.
import type { Db } from '../../../core/db/index.js';
import { liveCards, liveSql, type ItemCard } from '../queries.js';

/** Items of the given organizations (any status), newest change first. */
export async function listForOrganizations(db: Db, orgIds: number[], now: Date, limit = 200): Promise<ItemCard[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .selectFrom('pub_items')
    .selectAll()
    .where('organization_id', 'in', orgIds)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return liveCards(db, rows, now);
}

/**
 * What an editor has to look at: submitted items, scheduled ones not yet due, and the network's
 * own items that are not public.
 */
export async function editorQueue(db: Db, networkId: number, now: Date, limit = 200): Promise<ItemCard[]> {
  const rows = await db
    .selectFrom('pub_items as i')
    .selectAll('i')
    .where('i.network_id', '=', networkId)
    .where((eb) =>
      eb.and([
        eb.not(liveSql(now)),
        eb.or([eb('i.status', 'in', ['submitted', 'scheduled']), eb('i.organization_id', 'is', null)]),
      ]),
    )
    .orderBy('i.updated_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  return liveCards(db, rows, now);
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
    .select([
      'r.id',
      'r.number',
      'r.title',
      'r.summary',
      'r.body',
      'r.body_html',
      'r.body_html_version',
      'r.byline',
      'r.edited_at',
      'u.display_name',
    ])
    .where('r.item_id', '=', itemId)
    .orderBy('r.number', 'desc')
    .execute();
}

/** Public local-issue dossiers (for the "belongs to dossier" select). */
export async function listIssues(db: Db, networkId: number, now: Date) {
  return db
    .selectFrom('pub_items as i')
    .select(['i.id', 'i.title', 'i.lang'])
    .where('i.network_id', '=', networkId)
    .where('i.kind', '=', 'local_issue')
    .where(liveSql(now))
    .orderBy('i.title')
    .execute();
}

/** Organizations by id, with names, by Arabic name. */
export async function organizationsNamed(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en', 'network_id'])
    .where('id', 'in', ids)
    .orderBy('name_ar')
    .execute();
}

/** The organization's network, or null. */
export async function networkOfOrganization(db: Db, id: number): Promise<number | null> {
  return (
    (await db.selectFrom('organizations').select('network_id').where('id', '=', id).executeTakeFirst())?.network_id ??
    null
  );
}
