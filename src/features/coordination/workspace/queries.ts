// Member workspaces, read: documents with versions, internal notes, people and roles, what is
// shared, emergency access and departures. Every query that reads org-private rows takes the
// acting organization id (the organization whose workspace is open, or whose member asks).
import { orgName, rowIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import type { Sharing } from '../tables.js';
import { columnOf, rowsWithName } from '../records.js';

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
    .select([...itemColumns, ...orgName])
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
    .select([...itemColumns, ...orgName, 'organizations.network_id', 'organizations.status as org_status'])
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
  const owner = { item_id: itemId, organization_id: actingOrgId };
  return rowsWithName(db, 'coord_document_versions', ['uploaded_by', 'uploader'], owner, ['-version']);
}

export async function getVersion(db: Db, itemId: number, versionId: number, actingOrgId: number) {
  return rowIn(db, 'coord_document_versions', versionId, { item_id: itemId, organization_id: actingOrgId });
}

// ——— organizations and people ———

export async function activeOrganizations(db: Db, networkId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
}

/** An active member organization of the network, or nothing. */
export async function getActiveOrganization(db: Db, networkId: number, id: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Names of organizations by id (the ones a person belongs to), in id order. */
export async function organizationsByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

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

/** People of organizations with their organization (one row per membership); callers filter. */
export function memberPeople(db: Db) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['users.id as user_id', 'users.display_name', 'organizations.id as org_id', ...orgName]);
}

/** User ids of an organization's people. */
export async function memberIds(db: Db, orgId: number): Promise<Set<number>> {
  return new Set(await columnOf(db, 'memberships', 'user_id', { organization_id: orgId }));
}

/**
 * People's roles (`r`) in active member organizations of a network, for people still on the staff
 * (a role outlives nobody's membership).
 */
export function memberRoles(db: Db, networkId: number) {
  return db
    .selectFrom('coord_member_roles as r')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').onRef('m.organization_id', '=', 'r.organization_id'),
    )
    .innerJoin('organizations', 'organizations.id', 'r.organization_id')
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active');
}

/** Executive directors of active member organizations other than `exceptOrgId` (reviewer candidates). */
export async function listExecutiveDirectors(db: Db, networkId: number, exceptOrgId: number | null) {
  let q = memberRoles(db, networkId)
    .innerJoin('users', 'users.id', 'r.user_id')
    .select(['users.id as user_id', 'users.display_name', 'organizations.id as org_id', ...orgName])
    .where('r.is_executive_director', '=', 1);
  if (exceptOrgId !== null) q = q.where('r.organization_id', '!=', exceptOrgId);
  return q.orderBy('organizations.name_ar').execute();
}

// ——— emergency access ———

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

function emergencies(db: Db, orgId: number) {
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
    .orderBy('coord_emergency_access.started_at', 'desc');
}

/** Emergency accesses the organization's admins have not acknowledged yet. */
export async function unacknowledgedEmergencies(db: Db, orgId: number) {
  return emergencies(db, orgId).where('coord_emergency_access.acknowledged_at', 'is', null).execute();
}

export async function emergencyHistory(db: Db, orgId: number) {
  return emergencies(db, orgId).limit(50).execute();
}

// ——— departures ———

/** Departures asked for, neither cancelled nor completed yet. */
export function pendingDepartures(db: Db) {
  return db.selectFrom('coord_departures').where('cancelled_at', 'is', null).where('completed_at', 'is', null);
}

export async function pendingDeparture(db: Db, orgId: number) {
  return pendingDepartures(db).selectAll().where('organization_id', '=', orgId).executeTakeFirst();
}
