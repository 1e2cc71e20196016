// Licensing with local councils, read: councils (network-wide reference), one row per member ×
// council with status, dates, documents and a visit log. A member reads its own rows (the queries
// take the acting organization ids); coordinators read the network view.
import { rowIn, rowsOf, orgName } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import type { LicenceStatus } from '../tables.js';

export const licenceStatuses: LicenceStatus[] = [
  'not_started',
  'preparing',
  'applied',
  'visit_scheduled',
  'licensed',
  'renewal_due',
  'refused',
];

/** Days before expiry at which the organization is reminded (and the row shows "renewal due"). */
export const EXPIRY_REMINDER_DAYS = 60;

export async function listCouncils(db: Db, networkId: number) {
  return db
    .selectFrom('coord_councils')
    .leftJoin('towns', 'towns.pcode', 'coord_councils.town_pcode')
    .selectAll('coord_councils')
    .select(['towns.name_ar as town_name_ar', 'towns.name_en as town_name_en'])
    .where('coord_councils.network_id', '=', networkId)
    .where('coord_councils.archived_at', 'is', null)
    .orderBy('coord_councils.name_ar')
    .execute();
}

/** A council of the network that has not been archived (archived ones take no new files or edits). */
export async function getCouncil(db: Db, networkId: number, id: number) {
  return rowIn(db, 'coord_councils', id, { network_id: networkId, archived_at: null });
}

/**
 * Does removing this record have to keep it (archive)? A council some licence file refers to; a
 * licence file with documents or visits. Otherwise it is deleted.
 */
export async function licensingHistory(db: Db, kind: 'council' | 'licence', id: number): Promise<boolean> {
  if (kind === 'council')
    return !!(await db.selectFrom('coord_licences').select('id').where('council_id', '=', id).executeTakeFirst());
  const [doc, visit] = await Promise.all([
    db.selectFrom('coord_licence_documents').select('id').where('licence_id', '=', id).executeTakeFirst(),
    db.selectFrom('coord_licence_visits').select('id').where('licence_id', '=', id).executeTakeFirst(),
  ]);
  return !!(doc || visit);
}

const councilName = ['coord_councils.name_ar as council_name_ar', 'coord_councils.name_en as council_name_en'] as const;

const licenceColumns = [
  'coord_licences.id',
  'coord_licences.organization_id',
  'coord_licences.council_id',
  'coord_licences.status',
  'coord_licences.applied_on',
  'coord_licences.visit_on',
  'coord_licences.licensed_on',
  'coord_licences.expires_on',
  'coord_licences.notes',
  'coord_licences.updated_at',
  ...orgName,
  ...councilName,
] as const;

function licenceQuery(db: Db) {
  return (
    db
      .selectFrom('coord_licences')
      .innerJoin('organizations', 'organizations.id', 'coord_licences.organization_id')
      .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
      .select(licenceColumns)
      .where('organizations.status', '=', 'active')
      // an archived file is kept (export, a reopened file) but shown nowhere
      .where('coord_licences.archived_at', 'is', null)
  );
}

/** The acting organizations' own rows. */
export async function listOwnLicences(db: Db, actingOrgIds: number[]) {
  if (!actingOrgIds.length) return [];
  return licenceQuery(db)
    .where('coord_licences.organization_id', 'in', actingOrgIds)
    .orderBy('coord_councils.name_ar')
    .execute();
}

/** Every member's rows (coordinators only; the route checks). */
export async function listNetworkLicences(db: Db, networkId: number) {
  return licenceQuery(db)
    .where('organizations.network_id', '=', networkId)
    .orderBy('organizations.name_ar')
    .orderBy('coord_councils.name_ar')
    .execute();
}

export async function getLicence(db: Db, id: number) {
  return licenceQuery(db).select(['organizations.network_id']).where('coord_licences.id', '=', id).executeTakeFirst();
}

export async function listLicenceDocuments(db: Db, licenceId: number, orgId: number) {
  return rowsOf(db, 'coord_licence_documents', { licence_id: licenceId, organization_id: orgId }, ['id']);
}

export async function listVisits(db: Db, licenceId: number, orgId: number) {
  return rowsOf(db, 'coord_licence_visits', { licence_id: licenceId, organization_id: orgId }, ['-visit_on']);
}

/** Visits with the council they were to. */
function visits(db: Db) {
  return db
    .selectFrom('coord_licence_visits')
    .innerJoin('coord_licences', 'coord_licences.id', 'coord_licence_visits.licence_id')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .select(['coord_licence_visits.id', 'coord_licence_visits.licence_id', 'coord_licence_visits.visit_on'])
    .select(councilName);
}

/** Visits from `today` on, for the given licences' organizations (planned visits). */
export async function plannedVisits(db: Db, scope: { networkId: number } | { orgIds: number[] }, today: string) {
  let q = visits(db)
    .innerJoin('organizations', 'organizations.id', 'coord_licence_visits.organization_id')
    .select(['coord_licence_visits.who_went', 'coord_licence_visits.met_whom', ...orgName])
    .where('coord_licence_visits.visit_on', '>=', today)
    .where('organizations.status', '=', 'active')
    .where('coord_licences.archived_at', 'is', null);
  if ('networkId' in scope) q = q.where('organizations.network_id', '=', scope.networkId);
  else {
    if (!scope.orgIds.length) return [];
    q = q.where('coord_licence_visits.organization_id', 'in', scope.orgIds);
  }
  return q.orderBy('coord_licence_visits.visit_on').limit(100).execute();
}

export async function listOwnVisits(db: Db, actingOrgId: number) {
  return visits(db)
    .where('coord_licence_visits.organization_id', '=', actingOrgId)
    .orderBy('coord_licence_visits.visit_on', 'desc')
    .limit(100)
    .execute();
}
