// Licensing with local councils: councils (network-wide reference), one row per member ×
// council with status, dates, documents and a visit log. A member reads its own rows (the
// queries take the acting organization ids); coordinators read the network view.
import type { Db } from '../../core/db/index.js';
import type { LicenceStatus } from './tables.js';

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
    .orderBy('coord_councils.name_ar')
    .execute();
}

export async function getCouncil(db: Db, networkId: number, id: number) {
  return db
    .selectFrom('coord_councils')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
}

export type CouncilInput = {
  name_ar: string;
  name_en: string;
  town_pcode: string;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  notes: string;
};

export async function saveCouncil(db: Db, networkId: number, id: number | null, input: CouncilInput, now: Date) {
  if (id === null) {
    const row = await db
      .insertInto('coord_councils')
      .values({ network_id: networkId, ...input, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await db
    .updateTable('coord_councils')
    .set({ ...input, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .execute();
  return id;
}

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
  'organizations.name_ar as org_name_ar',
  'organizations.name_en as org_name_en',
  'coord_councils.name_ar as council_name_ar',
  'coord_councils.name_en as council_name_en',
] as const;

function licenceQuery(db: Db) {
  return db
    .selectFrom('coord_licences')
    .innerJoin('organizations', 'organizations.id', 'coord_licences.organization_id')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .select(licenceColumns)
    .where('organizations.status', '=', 'active');
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

export type LicenceInput = {
  status: LicenceStatus;
  applied_on: string | null;
  visit_on: string | null;
  licensed_on: string | null;
  expires_on: string | null;
  notes: string;
};

export async function createLicence(
  db: Db,
  orgId: number,
  councilId: number,
  docs: string[],
  userId: number | null,
  now: Date,
): Promise<number | null> {
  const existing = await db
    .selectFrom('coord_licences')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  if (existing) return existing.id;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coord_licences')
      .values({
        organization_id: orgId,
        council_id: councilId,
        status: 'not_started',
        applied_on: null,
        visit_on: null,
        licensed_on: null,
        expires_on: null,
        notes: '',
        reminded_for: null,
        updated_by: userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (docs.length)
      await trx
        .insertInto('coord_licence_documents')
        .values(docs.map((name) => ({ licence_id: row.id, organization_id: orgId, name, submitted_on: null })))
        .execute();
    return row.id;
  });
}

export async function updateLicence(db: Db, id: number, orgId: number, input: LicenceInput, userId: number, now: Date) {
  await db
    .updateTable('coord_licences')
    .set({ ...input, updated_by: userId, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

export async function listLicenceDocuments(db: Db, licenceId: number, orgId: number) {
  return db
    .selectFrom('coord_licence_documents')
    .selectAll()
    .where('licence_id', '=', licenceId)
    .where('organization_id', '=', orgId)
    .orderBy('id')
    .execute();
}

export async function addLicenceDocument(db: Db, licenceId: number, orgId: number, name: string) {
  await db
    .insertInto('coord_licence_documents')
    .values({ licence_id: licenceId, organization_id: orgId, name, submitted_on: null })
    .execute();
}

export async function setDocumentSubmitted(
  db: Db,
  licenceId: number,
  orgId: number,
  docId: number,
  submittedOn: string | null,
) {
  await db
    .updateTable('coord_licence_documents')
    .set({ submitted_on: submittedOn })
    .where('id', '=', docId)
    .where('licence_id', '=', licenceId)
    .where('organization_id', '=', orgId)
    .execute();
}

export async function listVisits(db: Db, licenceId: number, orgId: number) {
  return db
    .selectFrom('coord_licence_visits')
    .selectAll()
    .where('licence_id', '=', licenceId)
    .where('organization_id', '=', orgId)
    .orderBy('visit_on', 'desc')
    .execute();
}

export type VisitInput = { visit_on: string; who_went: string; met_whom: string; outcome: string; next_step: string };

export async function addVisit(db: Db, licenceId: number, orgId: number, input: VisitInput, userId: number, now: Date) {
  const row = await db
    .insertInto('coord_licence_visits')
    .values({
      licence_id: licenceId,
      organization_id: orgId,
      ...input,
      created_by: userId,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Visits from `today` on, for the given licences' organizations (planned visits). */
export async function plannedVisits(db: Db, scope: { networkId: number } | { orgIds: number[] }, today: string) {
  let q = db
    .selectFrom('coord_licence_visits')
    .innerJoin('coord_licences', 'coord_licences.id', 'coord_licence_visits.licence_id')
    .innerJoin('organizations', 'organizations.id', 'coord_licence_visits.organization_id')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .select([
      'coord_licence_visits.id',
      'coord_licence_visits.licence_id',
      'coord_licence_visits.visit_on',
      'coord_licence_visits.who_went',
      'coord_licence_visits.met_whom',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
      'coord_councils.name_ar as council_name_ar',
      'coord_councils.name_en as council_name_en',
    ])
    .where('coord_licence_visits.visit_on', '>=', today)
    .where('organizations.status', '=', 'active');
  if ('networkId' in scope) q = q.where('organizations.network_id', '=', scope.networkId);
  else {
    if (!scope.orgIds.length) return [];
    q = q.where('coord_licence_visits.organization_id', 'in', scope.orgIds);
  }
  return q.orderBy('coord_licence_visits.visit_on').limit(100).execute();
}

/** A visit of one of the acting organizations (for lessons learned about it). */
export async function getOwnVisit(db: Db, visitId: number, actingOrgId: number) {
  return db
    .selectFrom('coord_licence_visits')
    .select(['id', 'visit_on', 'licence_id'])
    .where('id', '=', visitId)
    .where('organization_id', '=', actingOrgId)
    .executeTakeFirst();
}

export async function listOwnVisits(db: Db, actingOrgId: number) {
  return db
    .selectFrom('coord_licence_visits')
    .innerJoin('coord_licences', 'coord_licences.id', 'coord_licence_visits.licence_id')
    .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
    .select([
      'coord_licence_visits.id',
      'coord_licence_visits.visit_on',
      'coord_councils.name_ar as council_name_ar',
      'coord_councils.name_en as council_name_en',
    ])
    .where('coord_licence_visits.organization_id', '=', actingOrgId)
    .orderBy('coord_licence_visits.visit_on', 'desc')
    .limit(100)
    .execute();
}
