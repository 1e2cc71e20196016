// Trainees: one member's records (name, gender, age band, town, optional affiliation and phone,
// the consent they gave). Corrected and removed on request.
import type { Selectable } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { countOf } from '../../../core/db/rows.js';
import type { ProgrammeTraineesTable } from '../tables.js';
import { enrol, enrolmentsWithTraineeAndCourse, removeEnrolmentsOf } from '../training/queries.js';

export type TraineeInput = Omit<
  Selectable<ProgrammeTraineesTable>,
  'id' | 'organization_id' | 'consent_at' | 'created_by' | 'created_at'
>;

export async function listTrainees(db: Db, organizationId: number) {
  return db
    .selectFrom('programme_trainees')
    .select(['id', 'organization_id', 'name', 'gender', 'age_band', 'town_pcode', 'affiliation'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

/** How many trainees a member has registered. */
export const countTrainees = (db: Db, organizationId: number): Promise<number> =>
  countOf(db, 'programme_trainees', { organization_id: organizationId });

export type TraineeRow = NonNullable<Awaited<ReturnType<typeof getTrainee>>>;

export async function getTrainee(db: Db, id: number) {
  return (await db.selectFrom('programme_trainees').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function createTrainee(
  db: Db,
  organizationId: number,
  input: TraineeInput,
  userId: number | null,
  now: Date,
) {
  const row = await db
    .insertInto('programme_trainees')
    .values({
      ...input,
      organization_id: organizationId,
      consent_at: now.toISOString(),
      created_by: userId,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Registers many trainees at once (an import), all or none, each with the consent recorded for
 * them; enrolled in `cohortId` when one is given. Answers their ids.
 */
export async function createTrainees(
  db: Db,
  organizationId: number,
  inputs: TraineeInput[],
  opts: { userId: number | null; cohortId: number | null },
  now: Date,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const input of inputs) ids.push(await createTrainee(trx, organizationId, input, opts.userId, now));
    if (opts.cohortId !== null) await enrol(trx, opts.cohortId, ids, now);
    return ids;
  });
}

/** Corrects a trainee's details (their right to have wrong data put right); consent is unchanged. */
export async function updateTrainee(db: Db, id: number, input: Omit<TraineeInput, 'consent_version'>) {
  await db.updateTable('programme_trainees').set(input).where('id', '=', id).execute();
}

/**
 * Removal on request: the trainee's row, enrolments, attendance, scores and certificates are
 * deleted (foreign keys cascade; done explicitly too, in one transaction, so it does not depend
 * on the cascade being enabled). Their certificates then verify as "not found".
 */
export async function removeTrainee(db: Db, id: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const removed = await removeEnrolmentsOf(trx, 'trainee_id', id);
    await trx.deleteFrom('programme_trainees').where('id', '=', id).execute();
    return removed;
  });
}

export async function traineeEnrolments(db: Db, traineeId: number) {
  return enrolmentsWithTraineeAndCourse(db)
    .leftJoin('programme_certificates', 'programme_certificates.enrolment_id', 'programme_enrolments.id')
    .select([
      'programme_enrolments.id',
      'programme_cohorts.id as cohort_id',
      'programme_cohorts.label',
      'programme_courses.title_ar',
      'programme_courses.title_en',
      'programme_certificates.id as certificate_id',
      'programme_certificates.revoked_at',
    ])
    .where('programme_enrolments.trainee_id', '=', traineeId)
    .orderBy('programme_cohorts.start_date')
    .execute();
}
