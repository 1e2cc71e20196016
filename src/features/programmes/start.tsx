// What waits in programmes for a member's staff, on their start page (/start): sessions of the past
// week whose attendance was not taken, certificates earned but not issued, and holders' requests
// to correct a certificate. Nothing to do: no block.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/index.js';
import type { Section } from '../../core/views/sections.js';
import { usePage } from '../../core/views/context.js';
import { UserText } from '../../core/views/components.js';
import { addDays, damascusDay } from '../../core/time.js';
import { openCorrectionRequests } from './certificates/queries.js';
import { cohortRoster, getCohort, listCohorts, sessionsWithoutAttendance } from './training/queries.js';
import { DayText } from './common/views.js';

/** Cohorts running or ended in the last three months, with the certificates they owe. */
async function certificatesDue(db: Db, organizationIds: number[], today: string) {
  const recent = (await listCohorts(db, { organizationIds })).filter(
    (co) => co.start_date <= today && co.end_date >= addDays(today, -90),
  );
  const due: { id: number; label: string; count: number }[] = [];
  for (const co of recent) {
    const cohort = await getCohort(db, co.id);
    const count = cohort
      ? (await cohortRoster(db, cohort)).filter((r) => r.completed && r.certificate_id === null).length
      : 0;
    if (count) due.push({ id: co.id, label: co.label, count });
  }
  return due;
}

type Waiting = {
  sessions: { id: number; held_on: string; topic: string; label: string }[];
  requests: { certificate_id: number; created_at: string }[];
  due: { id: number; label: string; count: number }[];
};

function StartBlock(p: Waiting) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section class="start-block" aria-labelledby="start-programmes">
      <h2 id="start-programmes">{t('programmes.start.title')}</h2>
      <ul>
        {p.sessions.map((s) => (
          <li>
            {t('programmes.start.noAttendance')}{' '}
            <a href={`/programmes/sessions/${s.id}/attendance`}>
              <UserText text={s.label} /> — <DayText value={s.held_on} />
            </a>
          </li>
        ))}
        {p.due.map((co) => (
          <li>
            <a href={`/programmes/cohorts/${co.id}#trainees`}>
              {t('programmes.cert.due', { count: co.count })} — <UserText text={co.label} />
            </a>
          </li>
        ))}
        {p.requests.map((r) => (
          <li>
            <a href={`/programmes/certificates/${r.certificate_id}#requests`}>
              {t('programmes.start.correction', { date: i18n.date(r.created_at) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function loadStart(req: FastifyRequest) {
  const organizationIds = [...req.actor.orgRoles.keys()];
  if (!organizationIds.length) return null;
  const db = req.server.wasl.db;
  const today = damascusDay(req.now);
  const [sessions, requests, due] = await Promise.all([
    sessionsWithoutAttendance(db, organizationIds, addDays(today, -6), today),
    openCorrectionRequests(db, organizationIds),
    certificatesDue(db, organizationIds, today),
  ]);
  if (!sessions.length && !requests.length && !due.length) return null;
  return <StartBlock sessions={sessions} requests={requests} due={due} />;
}

export const programmesSections: Section[] = [{ slot: 'start', order: 30, load: (req) => loadStart(req) }];
