// Licensing, written: councils, a member's licence file at a council with its documents, and
// the visit log.
import { deleteIn, updateIn } from '../../../core/db/rows.js';
import { licensingHistory } from './queries.js';
import type { Db } from '../../../core/db/index.js';
import type { CoordCouncilsTable, CoordLicenceVisitsTable, CoordLicencesTable } from '../tables.js';

export type CouncilInput = Omit<CoordCouncilsTable, 'id' | 'network_id' | 'created_at' | 'updated_at' | 'archived_at'>;

export async function saveCouncil(db: Db, networkId: number, id: number | null, input: CouncilInput, now: Date) {
  if (id === null) {
    const row = await db
      .insertInto('coord_councils')
      .values({ network_id: networkId, ...input, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await updateIn(db, 'coord_councils', id, { network_id: networkId }, { ...input, updated_at: now.toISOString() });
  return id;
}

export type LicenceInput = Pick<
  CoordLicencesTable,
  'status' | 'applied_on' | 'visit_on' | 'licensed_on' | 'expires_on' | 'notes'
>;

export async function createLicence(
  db: Db,
  orgId: number,
  councilId: number,
  docs: string[],
  userId: number | null,
  now: Date,
): Promise<number> {
  const existing = await db
    .selectFrom('coord_licences')
    .select(['id', 'archived_at'])
    .where('organization_id', '=', orgId)
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  if (existing) {
    // One file per organization and council: opening it again brings an archived one back.
    if (existing.archived_at)
      await db
        .updateTable('coord_licences')
        .set({ archived_at: null, updated_by: userId, updated_at: now.toISOString() })
        .where('id', '=', existing.id)
        .execute();
    return existing.id;
  }
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

/** Saves a licence file; a new expiry date (other than `previousExpiry`) gets its own reminder. */
export async function updateLicence(
  db: Db,
  id: number,
  orgId: number,
  input: LicenceInput,
  userId: number,
  now: Date,
  previousExpiry?: string | null,
) {
  const reminder = previousExpiry !== undefined && input.expires_on !== previousExpiry ? { reminded_for: null } : {};
  const values = { ...input, ...reminder, updated_by: userId, updated_at: now.toISOString() };
  await updateIn(db, 'coord_licences', id, { organization_id: orgId }, values);
}

export async function addLicenceDocument(
  db: Db,
  licenceId: number,
  orgId: number,
  name: string,
  submittedOn: string | null = null,
) {
  await db
    .insertInto('coord_licence_documents')
    .values({ licence_id: licenceId, organization_id: orgId, name, submitted_on: submittedOn })
    .execute();
}

/** Marks a document handed in on a day (or not handed in); false when it is not this file's. */
export async function setDocumentSubmitted(
  db: Db,
  licenceId: number,
  orgId: number,
  docId: number,
  submittedOn: string | null,
): Promise<boolean> {
  const owner = { licence_id: licenceId, organization_id: orgId };
  return updateIn(db, 'coord_licence_documents', docId, owner, { submitted_on: submittedOn });
}

/** Corrects a document's name or the day it was handed in; false when it is not this file's. */
export async function updateLicenceDocument(
  db: Db,
  licenceId: number,
  orgId: number,
  docId: number,
  input: { name: string; submitted_on: string | null },
): Promise<boolean> {
  return updateIn(db, 'coord_licence_documents', docId, { licence_id: licenceId, organization_id: orgId }, input);
}

/** Removes a document from a file's list (nothing refers to one); false when it is not this file's. */
export async function deleteLicenceDocument(db: Db, licenceId: number, orgId: number, docId: number) {
  return deleteIn(db, 'coord_licence_documents', docId, { licence_id: licenceId, organization_id: orgId });
}

export type VisitInput = Pick<CoordLicenceVisitsTable, 'visit_on' | 'who_went' | 'met_whom' | 'outcome' | 'next_step'>;

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

/** Corrects a visit's record; false when it is not this file's. */
export async function updateVisit(db: Db, licenceId: number, orgId: number, visitId: number, input: VisitInput) {
  return updateIn(db, 'coord_licence_visits', visitId, { licence_id: licenceId, organization_id: orgId }, input);
}

/** Removes a visit; a lesson written about it keeps its text and loses the link (ON DELETE SET NULL). */
export async function deleteVisit(db: Db, licenceId: number, orgId: number, visitId: number) {
  return deleteIn(db, 'coord_licence_visits', visitId, { licence_id: licenceId, organization_id: orgId });
}

/**
 * Removes a council (inside its network) or a licence file (inside its organization): archived
 * when `licensingHistory` says history depends on it, deleted otherwise. One transaction.
 */
export async function removeLicensingRecord(
  db: Db,
  kind: 'council' | 'licence',
  id: number,
  owner: { network_id: number } | { organization_id: number },
  now: Date,
): Promise<'archived' | 'deleted'> {
  return db.transaction().execute(async (trx) => {
    const history = await licensingHistory(trx, kind, id);
    if (kind === 'council') {
      const where = owner as { network_id: number };
      if (history) await updateIn(trx, 'coord_councils', id, where, { archived_at: now.toISOString() });
      else await deleteIn(trx, 'coord_councils', id, where);
    } else {
      const where = owner as { organization_id: number };
      if (history) await updateIn(trx, 'coord_licences', id, where, { archived_at: now.toISOString() });
      else await deleteIn(trx, 'coord_licences', id, where);
    }
    return history ? 'archived' : 'deleted';
  });
}
