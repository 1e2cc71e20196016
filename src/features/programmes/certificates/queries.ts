// Certificates: issued to those who completed, with the date the member chose (by default the
// cohort's last day); verified in public by their code; revoked with a reason and reissued with a
// new code (the old one no longer verifies); holders' requests for a correction.
import type { Db } from '../../../core/db/index.js';
import { rowsOf } from '../../../core/db/rows.js';
import { damascusDay } from '../../../core/time.js';
import { newCertificateCode } from '../rules.js';
import { cohortRoster, type CohortRow } from '../training/queries.js';

/** A code no certificate has, or had before a reissue (a collision among 31^12 is practically impossible). */
async function freshCode(db: Db): Promise<string> {
  for (;;) {
    const code = newCertificateCode();
    const [now, before] = await Promise.all([
      db.selectFrom('programme_certificates').select('id').where('code', '=', code).executeTakeFirst(),
      db.selectFrom('programme_replaced_codes').select('id').where('code', '=', code).executeTakeFirst(),
    ]);
    if (!now && !before) return code;
  }
}

/** Issues a certificate dated `issuedOn` to every trainee of the cohort who completed and has none yet. */
export async function issueCertificates(db: Db, cohort: CohortRow, issuedOn: string, now: Date): Promise<number> {
  const due = (await cohortRoster(db, cohort)).filter((r) => r.completed && r.certificate_id === null);
  for (const r of due)
    await db
      .insertInto('programme_certificates')
      .values({
        enrolment_id: r.id,
        code: await freshCode(db),
        name_en: null,
        issued_at: now.toISOString(),
        issued_on: issuedOn,
        revoked_at: null,
        revoke_reason: null,
      })
      .execute();
  return due.length;
}

const certificateColumns = [
  'programme_certificates.id',
  'programme_certificates.enrolment_id',
  'programme_certificates.code',
  'programme_certificates.name_en',
  'programme_certificates.issued_at',
  'programme_certificates.issued_on',
  'programme_certificates.revoked_at',
  'programme_certificates.revoke_reason',
  'programme_enrolments.trainee_id',
  'programme_trainees.name',
  'programme_trainees.gender',
  'programme_cohorts.id as cohort_id',
  'programme_cohorts.organization_id',
  'programme_cohorts.label',
  'programme_cohorts.start_date',
  'programme_cohorts.end_date',
  'programme_cohorts.town_pcode',
  'programme_courses.id as course_id',
  'programme_courses.title_ar',
  'programme_courses.title_en',
  'programme_courses.hours',
  'programme_courses.project_id',
] as const;

function certificateQuery(db: Db) {
  return db
    .selectFrom('programme_certificates')
    .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
    .innerJoin('programme_trainees', 'programme_trainees.id', 'programme_enrolments.trainee_id')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
    .select(certificateColumns);
}

/** A certificate with the day it carries (certificates from before it was chosen: their issue day). */
const dated = <R extends { issued_on: string | null; issued_at: string }>(row: R | undefined) =>
  row ? { ...row, issued_on: row.issued_on ?? damascusDay(row.issued_at) } : null;

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

export async function getCertificate(db: Db, id: number) {
  return dated(await certificateQuery(db).where('programme_certificates.id', '=', id).executeTakeFirst());
}

/** For public verification: a valid (not revoked) certificate by its code, or null. */
export async function findValidCertificate(db: Db, code: string) {
  return dated(
    await certificateQuery(db)
      .where('programme_certificates.code', '=', code)
      .where('programme_certificates.revoked_at', 'is', null)
      .executeTakeFirst(),
  );
}

export async function revokeCertificate(db: Db, id: number, reason: string | null, now: Date) {
  await db
    .updateTable('programme_certificates')
    .set({ revoked_at: now.toISOString(), revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * A revoked certificate issued again with a new code and the date chosen; the old code is kept in
 * its history and no longer verifies. Answers the new code.
 */
export async function reissueCertificate(db: Db, cert: CertificateRow, issuedOn: string, now: Date) {
  const code = await freshCode(db);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('programme_replaced_codes')
      .values({
        certificate_id: cert.id,
        code: cert.code,
        issued_on: cert.issued_on,
        revoked_at: cert.revoked_at ?? now.toISOString(),
        reason: cert.revoke_reason,
      })
      .execute();
    await trx
      .updateTable('programme_certificates')
      .set({ code, issued_on: issuedOn, issued_at: now.toISOString(), revoked_at: null, revoke_reason: null })
      .where('id', '=', cert.id)
      .execute();
  });
  return code;
}

export const replacedCodes = (db: Db, certificateId: number) =>
  rowsOf(db, 'programme_replaced_codes', { certificate_id: certificateId }, ['id']);

export async function setCertificateNameEn(db: Db, id: number, nameEn: string | null) {
  await db.updateTable('programme_certificates').set({ name_en: nameEn }).where('id', '=', id).execute();
}

// ——— holders' requests for a correction ———

export async function addCorrectionRequest(db: Db, certificateId: number, message: string, now: Date) {
  await db
    .insertInto('programme_correction_requests')
    .values({
      certificate_id: certificateId,
      message,
      created_at: now.toISOString(),
      handled_at: null,
      handled_by: null,
    })
    .execute();
}

export const correctionRequests = (db: Db, certificateId: number) =>
  rowsOf(db, 'programme_correction_requests', { certificate_id: certificateId }, ['-id']);

/** Marks the certificate's open requests handled (the correction was made, or answered). */
export async function handleCorrectionRequests(db: Db, certificateId: number, userId: number, now: Date) {
  await db
    .updateTable('programme_correction_requests')
    .set({ handled_at: now.toISOString(), handled_by: userId })
    .where('certificate_id', '=', certificateId)
    .where('handled_at', 'is', null)
    .execute();
}

/** Open requests for these members' certificates, oldest first (the start page). */
export async function openCorrectionRequests(db: Db, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return db
    .selectFrom('programme_correction_requests')
    .innerJoin('programme_certificates', 'programme_certificates.id', 'programme_correction_requests.certificate_id')
    .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
    .select(['programme_correction_requests.certificate_id', 'programme_correction_requests.created_at'])
    .where('programme_cohorts.organization_id', 'in', organizationIds)
    .where('programme_correction_requests.handled_at', 'is', null)
    .orderBy('programme_correction_requests.id')
    .execute();
}

/** Handled requests are kept a month, then deleted (they hold what a person wrote). */
export async function purgeHandledRequests(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const res = await db.deleteFrom('programme_correction_requests').where('handled_at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}
