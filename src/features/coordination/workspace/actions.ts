// Member workspaces, written: items and their versions, sharing, people's roles, emergency access,
// and leaving the network (asked for, cancelled, completed by the job after the waiting period).
import { deleteIn, insertRow, updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import type { WaslServices } from '../../../core/services.js';
import { audit } from '../../../core/audit/index.js';
import { flag } from '../../../core/db/helpers.js';
import { DAY, HOUR } from '../../../core/time.js';
import { deleteMediaFiles, type SavedFile } from '../files.js';
import type { Sharing } from '../tables.js';
import { pendingDeparture, pendingDepartures } from './queries.js';
import { staffOf, tellPeople } from '../notify.js';
import { columnOf, nextNumber } from '../records.js';

type VersionFile = SavedFile & { note: string };

function versionRow(
  itemId: number,
  orgId: number,
  version: number,
  file: VersionFile,
  userId: number | null,
  at: string,
) {
  return {
    item_id: itemId,
    organization_id: orgId,
    version,
    media_id: file.mediaId,
    filename: file.filename,
    mime: file.mime,
    bytes: file.bytes,
    note: file.note,
    uploaded_by: userId,
    created_at: at,
  };
}

export async function createItem(
  db: Db,
  actingOrgId: number,
  input: { kind: 'document' | 'note'; title: string; body: string; userId: number | null; file?: VersionFile },
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await insertRow(trx, 'coord_items', {
      organization_id: actingOrgId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      sharing: 'private',
      created_by: input.userId,
      created_at: iso,
      updated_at: iso,
    });
    if (input.file)
      await trx
        .insertInto('coord_document_versions')
        .values(versionRow(id, actingOrgId, 1, input.file, input.userId, iso))
        .execute();
    return id;
  });
}

export async function addVersion(
  db: Db,
  itemId: number,
  actingOrgId: number,
  file: VersionFile,
  userId: number | null,
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const owner = { item_id: itemId, organization_id: actingOrgId };
    const version = await nextNumber(trx, 'coord_document_versions', 'version', owner);
    await trx
      .insertInto('coord_document_versions')
      .values(versionRow(itemId, actingOrgId, version, file, userId, iso))
      .execute();
    await updateIn(trx, 'coord_items', itemId, { organization_id: actingOrgId }, { updated_at: iso });
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
  const values = { title: input.title, body: input.body, updated_at: now.toISOString() };
  await updateIn(db, 'coord_items', itemId, { organization_id: actingOrgId }, values);
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
    const active = { id: orgIds, network_id: networkId, status: 'active' };
    const valid = (await columnOf(trx, 'organizations', 'id', active)).filter((id) => id !== actingOrgId);
    const effective: Sharing = sharing === 'orgs' && !valid.length ? 'private' : sharing;
    const owner = { organization_id: actingOrgId };
    if (!(await updateIn(trx, 'coord_items', itemId, owner, { sharing: effective, updated_at: now.toISOString() })))
      return;
    await trx.deleteFrom('coord_item_shares').where('item_id', '=', itemId).execute();
    if (effective === 'orgs')
      await trx
        .insertInto('coord_item_shares')
        .values(valid.map((organization_id) => ({ item_id: itemId, organization_id })))
        .execute();
  });
}

/** Deletes an item and then its stored files. */
export async function deleteItem(wasl: WaslServices, itemId: number, actingOrgId: number) {
  const media = await wasl.db.transaction().execute(async (trx) => {
    const owner = { organization_id: actingOrgId };
    const media = await columnOf(trx, 'coord_document_versions', 'media_id', { item_id: itemId, ...owner });
    await deleteIn(trx, 'coord_items', itemId, owner);
    return media;
  });
  await deleteMediaFiles(wasl, media);
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
    const staff = await columnOf(trx, 'memberships', 'user_id', { organization_id: actingOrgId, user_id: userId });
    if (!staff.length) return false;
    if (input.representative)
      await trx
        .updateTable('coord_member_roles')
        .set({ is_representative: 0 })
        .where('organization_id', '=', actingOrgId)
        .execute();
    const values = {
      title: input.title,
      is_executive_director: flag(input.executiveDirector),
      is_representative: flag(input.representative),
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

// ——— emergency access ———

export const EMERGENCY_MAX_HOURS = 72;

export async function openEmergency(
  db: Db,
  orgId: number,
  userId: number,
  reason: string,
  hours: number,
  now: Date,
): Promise<{ id: number; expiresAt: string }> {
  const expiresAt = new Date(now.getTime() + Math.min(hours, EMERGENCY_MAX_HOURS) * HOUR).toISOString();
  const id = await insertRow(db, 'coord_emergency_access', {
    organization_id: orgId,
    user_id: userId,
    reason,
    started_at: now.toISOString(),
    expires_at: expiresAt,
    revoked_at: null,
    acknowledged_at: null,
    acknowledged_by: null,
  });
  return { id, expiresAt };
}

/** Ends the admin's running grant; true when there was one (its ending is then told by the route). */
export async function endEmergency(db: Db, orgId: number, userId: number, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('coord_emergency_access')
    .set({ revoked_at: now.toISOString(), ended_told_at: now.toISOString() })
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Grants that ran out on their own since the last run (the job): the organization's admins are told
 * once, as when an admin ends one. Grants that expired long before this code ran are left untold.
 */
export async function emergencyEndNotices(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const iso = now.toISOString();
  const ended = await db
    .selectFrom('coord_emergency_access')
    .innerJoin('organizations', 'organizations.id', 'coord_emergency_access.organization_id')
    .select(['coord_emergency_access.id', 'coord_emergency_access.organization_id'])
    .where('coord_emergency_access.revoked_at', 'is', null)
    .where('coord_emergency_access.ended_told_at', 'is', null)
    .where('coord_emergency_access.expires_at', '<=', iso)
    .where('coord_emergency_access.expires_at', '>', new Date(now.getTime() - 2 * DAY).toISOString())
    .where('organizations.status', '=', 'active')
    .execute();
  let told = 0;
  for (const g of ended) {
    // Claimed before telling, so two runs at once tell once.
    const claim = await db
      .updateTable('coord_emergency_access')
      .set({ ended_told_at: iso })
      .where('id', '=', g.id)
      .where('ended_told_at', 'is', null)
      .executeTakeFirst();
    if (!Number(claim.numUpdatedRows)) continue;
    const admins = await staffOf(db, g.organization_id, true);
    told += await tellPeople(wasl, 'emergencyEnded', admins, `/workspace/${g.organization_id}`, {}, now);
  }
  return told;
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

// ——— departures ———

export const DEPARTURE_DAYS = 30;

export async function requestDeparture(db: Db, orgId: number, userId: number, now: Date) {
  const existing = await pendingDeparture(db, orgId);
  if (existing) return existing.effective_at;
  const effective = new Date(now.getTime() + DEPARTURE_DAYS * DAY).toISOString();
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

/** Closes the organization's pending departure: cancelled, or completed. */
async function closeDeparture(db: Db, orgId: number, how: 'cancelled' | 'completed', now: Date) {
  const at = now.toISOString();
  await db
    .updateTable('coord_departures')
    .set(how === 'cancelled' ? { cancelled_at: at } : { completed_at: at })
    .where('organization_id', '=', orgId)
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .execute();
}

export async function cancelDeparture(db: Db, orgId: number, now: Date) {
  await closeDeparture(db, orgId, 'cancelled', now);
}

/** Deletes an organization's private coordination data and marks it as having left. */
export async function completeDeparture(wasl: WaslServices, orgId: number, now: Date) {
  const media = await wasl.db.transaction().execute(async (trx) => {
    const docMedia = await columnOf(trx, 'coord_document_versions', 'media_id', { organization_id: orgId });
    const planMedia = await columnOf(trx, 'coord_plan_versions', 'media_id', { organization_id: orgId });
    for (const table of ['coord_items', 'coord_item_shares', 'coord_plans', 'coord_licences', 'coord_lessons'] as const)
      await trx.deleteFrom(table).where('organization_id', '=', orgId).execute();
    await trx.deleteFrom('coord_actions').where('owner_org_id', '=', orgId).execute();
    await trx.deleteFrom('coord_meetings').where('host_org_id', '=', orgId).execute();
    for (const table of ['coord_meeting_invitees', 'coord_member_roles', 'coord_emergency_access'] as const)
      await trx.deleteFrom(table).where('organization_id', '=', orgId).execute();
    await trx
      .updateTable('organizations')
      .set({ status: 'left', updated_at: now.toISOString() })
      .where('id', '=', orgId)
      .execute();
    await closeDeparture(trx, orgId, 'completed', now);
    return [...docMedia, ...planMedia.filter((m) => m !== null)];
  });
  await deleteMediaFiles(wasl, [...new Set(media)]);
  await audit(wasl.db, now, {
    actorUserId: null,
    action: 'coordination.departure.completed',
    targetType: 'organization',
    targetId: orgId,
    organizationId: orgId,
  });
}

/** The job: departures whose waiting period has ended. */
export async function processDepartures(wasl: WaslServices, now: Date): Promise<number[]> {
  const due = await pendingDepartures(wasl.db)
    .select('organization_id')
    .where('effective_at', '<=', now.toISOString())
    .execute();
  const done: number[] = [];
  for (const d of due) {
    await completeDeparture(wasl, d.organization_id, now);
    done.push(d.organization_id);
  }
  return done;
}
