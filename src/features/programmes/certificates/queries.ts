// Certificates: issued to those who completed, verified in public by their code, revoked.
import type { Db } from '../../../core/db/index.js';
import { newCertificateCode } from '../rules.js';
import { cohortRoster, type CohortRow } from '../training/queries.js';

/** Issues a certificate to every trainee of the cohort who completed and has none yet. */
export async function issueCertificates(db: Db, cohort: CohortRow, now: Date): Promise<number> {
  const roster = await cohortRoster(db, cohort);
  const due = roster.filter((r) => r.completed && r.certificate_id === null);
  for (const r of due) {
    // A collision among 31^12 codes is practically impossible; retry anyway rather than fail.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newCertificateCode();
      const clash = await db
        .selectFrom('programme_certificates')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirst();
      if (clash) continue;
      await db
        .insertInto('programme_certificates')
        .values({ enrolment_id: r.id, code, name_en: null, issued_at: now.toISOString(), revoked_at: null })
        .execute();
      break;
    }
  }
  return due.length;
}

const certificateColumns = [
  'programme_certificates.id',
  'programme_certificates.code',
  'programme_certificates.name_en',
  'programme_certificates.issued_at',
  'programme_certificates.revoked_at',
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

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

export async function getCertificate(db: Db, id: number) {
  return (await certificateQuery(db).where('programme_certificates.id', '=', id).executeTakeFirst()) ?? null;
}

/** For public verification: a valid (not revoked) certificate by its code, or null. */
export async function findValidCertificate(db: Db, code: string) {
  const row = await certificateQuery(db)
    .where('programme_certificates.code', '=', code)
    .where('programme_certificates.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function revokeCertificate(db: Db, id: number, now: Date) {
  await db
    .updateTable('programme_certificates')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function setCertificateNameEn(db: Db, id: number, nameEn: string | null) {
  await db.updateTable('programme_certificates').set({ name_en: nameEn }).where('id', '=', id).execute();
}
