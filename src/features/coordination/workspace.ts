// Member workspaces: documents with versions, internal notes, people and roles, item-by-item
// sharing, emergency access and departures. Every query that reads org-private rows takes the
// acting organization id (the organization whose workspace is open, or whose member asks).
import type { Db } from '../../core/db/index.js';
import type { Sharing } from './tables.js';
import { HOUR } from '../../core/time.js';

export type WorkspaceItem = {
  id: number;
  organization_id: number;
  kind: 'document' | 'note';
  title: string;
  body: string;
  sharing: Sharing;
  created_at: string;
  updated_at: string;
  author: string | null;
};

const itemColumns = [
  'coord_items.id',
  'coord_items.organization_id',
  'coord_items.kind',
  'coord_items.title',
  'coord_items.body',
  'coord_items.sharing',
  'coord_items.created_at',
  'coord_items.updated_at',
  'users.display_name as author',
] as const;

/** Items owned by the acting organization (its own workspace). */
export async function listOwnItems(db: Db, actingOrgId: number): Promise<WorkspaceItem[]> {
  return db
    .selectFrom('coord_items')
    .leftJoin('users', 'users.id', 'coord_items.created_by')
    .select(itemColumns)
    .where('coord_items.organization_id', '=', actingOrgId)
    .orderBy('coord_items.updated_at', 'desc')
    .orderBy('coord_items.id', 'desc')
    .execute();
}

/** Items other organizations shared with the acting organization by name, or with the whole network. */
export async function listSharedWith(db: Db, actingOrgIds: number[], networkId: number, networkMember: boolean) {
  if (!actingOrgIds.length && !networkMember) return [];
  return db
    .selectFrom('coord_items')
    .innerJoin('organizations', 'organizations.id', 'coord_items.organization_id')
    .leftJoin('users', 'users.id', 'coord_items.created_by')
    .select([...itemColumns, 'organizations.name_ar as org_name_ar', 'organizations.name_en as org_name_en'])
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active')
    .where((eb) => {
      const ors = [];
      if (networkMember) ors.push(eb('coord_items.sharing', 'in', ['network', 'public']));
      if (actingOrgIds.length)
        ors.push(
          eb.and([
            eb('coord_items.sharing', '=', 'orgs'),
            eb(
              'coord_items.id',
              'in',
              eb
                .selectFrom('coord_item_shares')
                .select('coord_item_shares.item_id')
                .where('coord_item_shares.organization_id', 'in', actingOrgIds),
            ),
          ]),
        );
      return eb.or(ors);
    })
    .where((eb) => (actingOrgIds.length ? eb('coord_items.organization_id', 'not in', actingOrgIds) : eb.lit(true)))
    .orderBy('coord_items.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** Public items of one organization (shown on its profile). */
export async function listPublicItems(db: Db, orgId: number) {
  return db
    .selectFrom('coord_items')
    .select(['id', 'kind', 'title', 'updated_at'])
    .where('organization_id', '=', orgId)
    .where('sharing', '=', 'public')
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute();
}

/** One item with the organizations it is shared with (the caller authorizes against those facts). */
export async function getItem(db: Db, id: number) {
  const item = await db
    .selectFrom('coord_items')
    .innerJoin('organizations', 'organizations.id', 'coord_items.organization_id')
    .leftJoin('users', 'users.id', 'coord_items.created_by')
    .select([
      ...itemColumns,
      'organizations.network_id',
      'organizations.status as org_status',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('coord_items.id', '=', id)
    .executeTakeFirst();
  if (!item) return null;
  const shares = await db
    .selectFrom('coord_item_shares')
    .innerJoin('organizations', 'organizations.id', 'coord_item_shares.organization_id')
    .select(['organizations.id', 'organizations.name_ar', 'organizations.name_en'])
    .where('coord_item_shares.item_id', '=', id)
    .orderBy('organizations.name_ar')
    .execute();
  return { ...item, shares };
}

export async function listVersions(db: Db, itemId: number, actingOrgId: number) {
  return db
    .selectFrom('coord_document_versions')
    .leftJoin('users', 'users.id', 'coord_document_versions.uploaded_by')
    .select([
      'coord_document_versions.id',
      'coord_document_versions.version',
      'coord_document_versions.media_id',
      'coord_document_versions.filename',
      'coord_document_versions.mime',
      'coord_document_versions.bytes',
      'coord_document_versions.note',
      'coord_document_versions.created_at',
      'users.display_name as uploader',
    ])
    .where('coord_document_versions.item_id', '=', itemId)
    .where('coord_document_versions.organization_id', '=', actingOrgId)
    .orderBy('coord_document_versions.version', 'desc')
    .execute();
}

export async function getVersion(db: Db, itemId: number, versionId: number, actingOrgId: number) {
  return db
    .selectFrom('coord_document_versions')
    .selectAll()
    .where('id', '=', versionId)
    .where('item_id', '=', itemId)
    .where('organization_id', '=', actingOrgId)
    .executeTakeFirst();
}

export async function createItem(
  db: Db,
  actingOrgId: number,
  input: {
    kind: 'document' | 'note';
    title: string;
    body: string;
    userId: number | null;
    file?: { mediaId: string; filename: string; mime: string; bytes: number; note: string };
  },
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coord_items')
      .values({
        organization_id: actingOrgId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        sharing: 'private',
        created_by: input.userId,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.file) {
      await trx
        .insertInto('coord_document_versions')
        .values({
          item_id: row.id,
          organization_id: actingOrgId,
          version: 1,
          media_id: input.file.mediaId,
          filename: input.file.filename,
          mime: input.file.mime,
          bytes: input.file.bytes,
          note: input.file.note,
          uploaded_by: input.userId,
          created_at: iso,
        })
        .execute();
    }
    return row.id;
  });
}

export async function addVersion(
  db: Db,
  itemId: number,
  actingOrgId: number,
  file: { mediaId: string; filename: string; mime: string; bytes: number; note: string },
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('coord_document_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('item_id', '=', itemId)
      .where('organization_id', '=', actingOrgId)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('coord_document_versions')
      .values({
        item_id: itemId,
        organization_id: actingOrgId,
        version,
        media_id: file.mediaId,
        filename: file.filename,
        mime: file.mime,
        bytes: file.bytes,
        note: file.note,
        uploaded_by: userId,
        created_at: now.toISOString(),
      })
      .execute();
    await trx
      .updateTable('coord_items')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', itemId)
      .where('organization_id', '=', actingOrgId)
      .execute();
    return version;
  });
}

export async function updateItem(
  db: Db,
  itemId: number,
  actingOrgId: number,
  input: { title: string; body: string },
  now: Date,
) {
  await db
    .updateTable('coord_items')
    .set({ title: input.title, body: input.body, updated_at: now.toISOString() })
    .where('id', '=', itemId)
    .where('organization_id', '=', actingOrgId)
    .execute();
}

/** Sharing and its named organizations change together. Unknown or own organizations are dropped. */
export async function setSharing(
  db: Db,
  itemId: number,
  actingOrgId: number,
  networkId: number,
  sharing: Sharing,
  orgIds: number[],
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const valid = orgIds.length
      ? (
          await trx
            .selectFrom('organizations')
            .select('id')
            .where('id', 'in', orgIds)
            .where('network_id', '=', networkId)
            .where('status', '=', 'active')
            .where('id', '!=', actingOrgId)
            .execute()
        ).map((r) => r.id)
      : [];
    const effective: Sharing = sharing === 'orgs' && !valid.length ? 'private' : sharing;
    const res = await trx
      .updateTable('coord_items')
      .set({ sharing: effective, updated_at: now.toISOString() })
      .where('id', '=', itemId)
      .where('organization_id', '=', actingOrgId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return;
    await trx.deleteFrom('coord_item_shares').where('item_id', '=', itemId).execute();
    if (effective === 'orgs')
      await trx
        .insertInto('coord_item_shares')
        .values(valid.map((organization_id) => ({ item_id: itemId, organization_id })))
        .execute();
  });
}

/** Deletes an item; returns the media ids of its files so the caller can remove them. */
export async function deleteItem(db: Db, itemId: number, actingOrgId: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const media = await trx
      .selectFrom('coord_document_versions')
      .select('media_id')
      .where('item_id', '=', itemId)
      .where('organization_id', '=', actingOrgId)
      .execute();
    await trx.deleteFrom('coord_items').where('id', '=', itemId).where('organization_id', '=', actingOrgId).execute();
    return media.map((m) => m.media_id);
  });
}

// ——— people and roles ———

export async function listPeople(db: Db, actingOrgId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('coord_member_roles as r', (j) =>
      j.onRef('r.user_id', '=', 'memberships.user_id').onRef('r.organization_id', '=', 'memberships.organization_id'),
    )
    .select([
      'users.id',
      'users.display_name',
      'users.username',
      'memberships.role',
      'r.title',
      'r.is_executive_director',
      'r.is_representative',
    ])
    .where('memberships.organization_id', '=', actingOrgId)
    .orderBy('users.display_name')
    .execute();
}

/** Title and flags of a staff member. There is one designated representative per organization. */
export async function setPersonRole(
  db: Db,
  actingOrgId: number,
  userId: number,
  input: { title: string; executiveDirector: boolean; representative: boolean },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organization_id', '=', actingOrgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!m) return false;
    if (input.representative)
      await trx
        .updateTable('coord_member_roles')
        .set({ is_representative: 0 })
        .where('organization_id', '=', actingOrgId)
        .execute();
    const values = {
      title: input.title,
      is_executive_director: input.executiveDirector ? 1 : 0,
      is_representative: input.representative ? 1 : 0,
      updated_at: now.toISOString(),
    };
    await trx
      .insertInto('coord_member_roles')
      .values({ organization_id: actingOrgId, user_id: userId, ...values })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet(values))
      .execute();
    return true;
  });
}

/** Executive directors of active member organizations other than `exceptOrgId` (reviewer candidates). */
export async function listExecutiveDirectors(db: Db, networkId: number, exceptOrgId: number | null) {
  let q = db
    .selectFrom('coord_member_roles as r')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').onRef('m.organization_id', '=', 'r.organization_id'),
    )
    .innerJoin('users', 'users.id', 'r.user_id')
    .innerJoin('organizations', 'organizations.id', 'r.organization_id')
    .select([
      'users.id as user_id',
      'users.display_name',
      'organizations.id as org_id',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('r.is_executive_director', '=', 1)
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active');
  if (exceptOrgId !== null) q = q.where('r.organization_id', '!=', exceptOrgId);
  return q.orderBy('organizations.name_ar').execute();
}

/** The designated representative of each active member organization that has one. */
export async function representativeOf(db: Db, orgId: number) {
  return db
    .selectFrom('coord_member_roles as r')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').onRef('m.organization_id', '=', 'r.organization_id'),
    )
    .select('r.user_id')
    .where('r.organization_id', '=', orgId)
    .where('r.is_representative', '=', 1)
    .executeTakeFirst();
}

export async function activeOrganizations(db: Db, networkId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
}

// ——— emergency access ———

export const EMERGENCY_MAX_HOURS = 72;

export async function activeEmergency(db: Db, orgId: number, userId: number, now: Date) {
  return db
    .selectFrom('coord_emergency_access')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('started_at', '<=', now.toISOString())
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

export async function openEmergency(
  db: Db,
  orgId: number,
  userId: number,
  reason: string,
  hours: number,
  now: Date,
): Promise<{ id: number; expiresAt: string }> {
  const expiresAt = new Date(now.getTime() + Math.min(hours, EMERGENCY_MAX_HOURS) * HOUR).toISOString();
  const row = await db
    .insertInto('coord_emergency_access')
    .values({
      organization_id: orgId,
      user_id: userId,
      reason,
      started_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, expiresAt };
}

export async function endEmergency(db: Db, orgId: number, userId: number, now: Date) {
  await db
    .updateTable('coord_emergency_access')
    .set({ revoked_at: now.toISOString() })
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
}

/** Emergency accesses the organization's admins have not acknowledged yet. */
export async function unacknowledgedEmergencies(db: Db, orgId: number) {
  return db
    .selectFrom('coord_emergency_access')
    .leftJoin('users', 'users.id', 'coord_emergency_access.user_id')
    .select([
      'coord_emergency_access.id',
      'coord_emergency_access.reason',
      'coord_emergency_access.started_at',
      'coord_emergency_access.expires_at',
      'coord_emergency_access.revoked_at',
      'users.display_name as by_name',
    ])
    .where('coord_emergency_access.organization_id', '=', orgId)
    .where('coord_emergency_access.acknowledged_at', 'is', null)
    .orderBy('coord_emergency_access.started_at', 'desc')
    .execute();
}

export async function acknowledgeEmergency(db: Db, orgId: number, id: number, userId: number, now: Date) {
  const res = await db
    .updateTable('coord_emergency_access')
    .set({ acknowledged_at: now.toISOString(), acknowledged_by: userId })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function emergencyHistory(db: Db, orgId: number) {
  return db
    .selectFrom('coord_emergency_access')
    .leftJoin('users', 'users.id', 'coord_emergency_access.user_id')
    .select([
      'coord_emergency_access.id',
      'coord_emergency_access.reason',
      'coord_emergency_access.started_at',
      'coord_emergency_access.expires_at',
      'coord_emergency_access.revoked_at',
      'coord_emergency_access.acknowledged_at',
      'users.display_name as by_name',
    ])
    .where('coord_emergency_access.organization_id', '=', orgId)
    .orderBy('coord_emergency_access.started_at', 'desc')
    .limit(50)
    .execute();
}

// ——— departures ———

export const DEPARTURE_DAYS = 30;

export async function pendingDeparture(db: Db, orgId: number) {
  return db
    .selectFrom('coord_departures')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
}

export async function requestDeparture(db: Db, orgId: number, userId: number, now: Date) {
  const existing = await pendingDeparture(db, orgId);
  if (existing) return existing.effective_at;
  const effective = new Date(now.getTime() + DEPARTURE_DAYS * 24 * HOUR).toISOString();
  await db
    .insertInto('coord_departures')
    .values({
      organization_id: orgId,
      requested_by: userId,
      requested_at: now.toISOString(),
      effective_at: effective,
      cancelled_at: null,
      completed_at: null,
    })
    .execute();
  return effective;
}

export async function cancelDeparture(db: Db, orgId: number, now: Date) {
  await db
    .updateTable('coord_departures')
    .set({ cancelled_at: now.toISOString() })
    .where('organization_id', '=', orgId)
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .execute();
}
