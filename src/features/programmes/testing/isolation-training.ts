// Programmes' isolation probes for training (see isolation.ts): a cohort of one member with its
// sessions, trainees (name, phone, affiliation), attendance, scores and certificates — its staff
// only, not the network's admins; a certificate's public page shows the name, course and date only.
import type { Kysely } from 'kysely';
import { rowState, who, type Probe } from '../../../testing/isolation.js';
import type { Client } from '../../../testing/app.js';
import { isSet } from '../../../core/db/helpers.js';
import type { Database } from '../../../core/db/schema.js';
import { issueCertificates, revokeCertificate } from '../certificates/queries.js';
import { CURRENT_CONSENT_VERSION } from '../rules.js';
import { createTrainee } from '../trainees/queries.js';
import { addSession, enrol, getCohort, saveAttendance, saveCohort } from '../training/queries.js';
import type { Org, Rule } from './isolation.js';

export type TrainingProbeContext = {
  db: Kysely<Database>;
  now: Date;
  orgId: (o: Org) => number;
  staff: (...orgs: Org[]) => Rule;
  TOWN: string;
  DAY: string;
  count: { sessions: (cohortId: number) => Promise<number>; trainees: (organizationId: number) => Promise<number> };
  probes: Probe[];
  spec: { key: string };
  tag: string;
  projectId: number;
  courseId: number;
  exports: string[];
  internalIndicators: string;
};

export async function trainingProbes(x: TrainingProbeContext): Promise<void> {
  const { db, now, orgId, staff, TOWN, DAY, count, probes, spec, tag, projectId, courseId, exports } = x;
  const { internalIndicators } = x;
  const cohortOwner: Org = spec.key === 'P1' ? 'A' : 'C';
  const cohortStaff = staff(cohortOwner);
  const co = {
    label: `${tag}COHORT${cohortOwner}`,
    trainers: `${tag}TRAINERS${cohortOwner}`,
    topic: `${tag}SESSION${cohortOwner}`,
    trainee: `${tag}TRAINEE${cohortOwner}`,
    other: `${tag}OTHERTRAINEE${cohortOwner}`,
    revoked: `${tag}REVOKED${cohortOwner}`,
    phone: spec.key === 'P1' ? '+963944710001' : '+963944710002',
    affiliation: `${tag}AFFILIATION${cohortOwner}`,
  };
  const cohortId = await saveCohort(
    db,
    courseId,
    {
      organization_id: orgId(cohortOwner),
      label: co.label,
      start_date: DAY,
      end_date: DAY,
      town_pcode: TOWN,
      trainers: co.trainers,
    },
    now,
  );
  const sessionId = await addSession(db, cohortId, { held_on: DAY, topic: co.topic }, now);
  const trainee = (name: string, extra: { phone?: string; affiliation?: string } = {}) =>
    createTrainee(
      db,
      orgId(cohortOwner),
      {
        name,
        gender: 'f',
        age_band: 'a18_24',
        town_pcode: TOWN,
        affiliation: extra.affiliation ?? null,
        phone: extra.phone ?? null,
        consent_version: CURRENT_CONSENT_VERSION,
      },
      null,
      now,
    );
  const certified = await trainee(co.trainee, { phone: co.phone, affiliation: co.affiliation });
  const revoked = await trainee(co.revoked);
  const other = await trainee(co.other);
  await enrol(db, cohortId, [certified, revoked, other], now);
  const enrolments = await db
    .selectFrom('programme_enrolments')
    .select(['id', 'trainee_id'])
    .where('cohort_id', '=', cohortId)
    .execute();
  const enrolmentOf = (traineeId: number) => enrolments.find((e) => e.trainee_id === traineeId)!.id;
  await saveAttendance(
    db,
    sessionId,
    enrolments.map((e) => e.id),
    new Set([enrolmentOf(certified), enrolmentOf(revoked)]),
  );
  await issueCertificates(db, (await getCohort(db, cohortId))!, DAY, now);
  const certs = await db
    .selectFrom('programme_certificates')
    .select(['id', 'code', 'enrolment_id'])
    .where('enrolment_id', 'in', [enrolmentOf(certified), enrolmentOf(revoked)])
    .execute();
  const cert = certs.find((c) => c.enrolment_id === enrolmentOf(certified))!;
  const revokedCert = certs.find((c) => c.enrolment_id === enrolmentOf(revoked))!;
  await revokeCertificate(db, revokedCert.id, null, now);
  // (Not `?lang=en`: it would switch the client's language for the rest of the run.)
  const publicCert = [`/certificates/${cert.code}`];
  const otherEnrolment = enrolmentOf(other);

  probes.push({
    name: `programmes: ${spec.key} ${cohortOwner}'s cohort and scores`,
    marker: co.label,
    readers: cohortStaff,
    pages: [`/programmes/cohorts/${cohortId}`],
    lists: [`/trainings/${courseId}`, `/projects/${projectId}/internal`, '/programmes', ...publicCert],
    write: {
      writers: cohortStaff,
      send: (c, n) =>
        c.post(`/programmes/cohorts/${cohortId}/scores`, {
          [`pre_${otherEnrolment}`]: String(n % 101),
          [`post_${otherEnrolment}`]: String(Math.floor(n / 101) % 101),
        }),
      state: rowState(db, 'programme_enrolments', ['pre_score', 'post_score'], otherEnrolment),
    },
  });
  probes.push({
    name: `programmes: ${spec.key} ${cohortOwner}'s cohort trainers and sessions`,
    marker: co.trainers,
    readers: cohortStaff,
    pages: [`/programmes/cohorts/${cohortId}`],
    lists: [`/trainings/${courseId}`, ...publicCert],
    write: {
      writers: cohortStaff,
      send: (c, n) => c.post(`/programmes/cohorts/${cohortId}/sessions`, { held_on: DAY, topic: `جلسة ${n}` }),
      state: () => count.sessions(cohortId),
    },
  });
  probes.push({
    name: `programmes: ${spec.key} ${cohortOwner}'s attendance`,
    marker: co.topic,
    readers: cohortStaff,
    pages: [`/programmes/sessions/${sessionId}/attendance`],
    lists: [`/trainings/${courseId}`],
    write: {
      writers: cohortStaff,
      // Turns the third trainee's presence over, whatever it was.
      send: async (c) => {
        const rows = await attendance(sessionId);
        const present = rows.filter((r) => (r.enrolment_id === otherEnrolment ? !r.present : r.present));
        return c.post(`/programmes/sessions/${sessionId}/attendance`, {
          present: present.map((r) => String(r.enrolment_id)),
        });
      },
      state: () => attendance(sessionId),
    },
  });

  // Trainees: the owning member's staff only — network admins included only as that member's staff.
  const traineeLists = [
    '/programmes/trainees',
    `/programmes/trainees?org=${orgId(cohortOwner)}`,
    `/projects/${projectId}/internal`,
    internalIndicators,
    exports[0]!, // CSV: the XLSX is compressed, a marker would not show in it
    exports[2]!,
  ];
  probes.push({
    name: `programmes: ${cohortOwner}'s trainee`,
    marker: co.other,
    readers: cohortStaff,
    pages: [`/programmes/trainees/${other}`],
    lists: traineeLists,
    write: {
      writers: cohortStaff,
      send: (c: Client, n) =>
        c.post('/programmes/trainees', {
          organization_id: String(orgId(cohortOwner)),
          name: `متدربة ${n}`,
          gender: 'f',
          age_band: 'a25_35',
          town_pcode: TOWN,
          affiliation: '',
          phone: '',
          consent_version: CURRENT_CONSENT_VERSION,
          consent: 'on',
        }),
      state: () => count.trainees(orgId(cohortOwner)),
    },
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s trainee (correcting their details)`,
    marker: co.other,
    readers: cohortStaff,
    pages: [`/programmes/trainees/${other}/edit`],
    write: {
      writers: cohortStaff,
      send: (c: Client, n) =>
        c.post(`/programmes/trainees/${other}/edit`, {
          name: co.other,
          gender: 'f',
          age_band: 'a18_24',
          town_pcode: TOWN,
          affiliation: `تصحيح ${n}`,
          phone: '',
        }),
      state: () =>
        db.selectFrom('programme_trainees').select(['name', 'affiliation']).where('id', '=', other).executeTakeFirst(),
    },
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s trainee's phone`,
    marker: co.phone.slice(4),
    readers: cohortStaff,
    pages: [`/programmes/trainees/${certified}`],
    lists: [...publicCert, `/programmes/cohorts/${cohortId}`, '/programmes/trainees'],
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s trainee's affiliation`,
    marker: co.affiliation,
    readers: cohortStaff,
    pages: [`/programmes/trainees/${certified}`],
    lists: [...publicCert, ...exports.slice(0, 1)],
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s certificate (staff pages)`,
    marker: cert.code,
    readers: cohortStaff,
    pages: [`/programmes/certificates/${cert.id}`, `/programmes/certificates/${cert.id}/print`],
    lists: [`/trainings/${courseId}`, '/programmes'],
    write: {
      writers: cohortStaff,
      send: (c, n) => c.post(`/programmes/certificates/${cert.id}/english`, { name_en: `Trainee ${n}` }),
      state: rowState(db, 'programme_certificates', ['name_en', 'revoked_at'], cert.id),
    },
  });
  // Anyone with the code verifies the certificate: the name, the course and the date.
  probes.push({
    name: `programmes: ${cohortOwner}'s certificate (public verification)`,
    marker: co.trainee,
    readers: who.everyone,
    pages: [`/certificates/${cert.code}`],
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s revoked certificate`,
    marker: co.revoked,
    readers: who.nobody,
    pages: [`/certificates/${revokedCert.code}`],
  });
  probes.push({
    name: `programmes: ${cohortOwner}'s revoked certificate (staff page)`,
    marker: revokedCert.code,
    readers: cohortStaff,
    pages: [`/programmes/certificates/${revokedCert.id}`],
  });

  async function attendance(sessionId: number) {
    const rows = await db
      .selectFrom('programme_attendance')
      .select(['enrolment_id', 'present'])
      .where('session_id', '=', sessionId)
      .orderBy('enrolment_id')
      .execute();
    return rows.map((r) => ({ enrolment_id: r.enrolment_id, present: isSet(r.present) }));
  }
}
