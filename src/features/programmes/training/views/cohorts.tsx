// A cohort, for the running member's staff: its sessions (attendance taken or not, a sheet to
// print), the roster with attendance and scores, completion and certificates (dated as chosen),
// enrolment and bulk import, correcting and deleting the cohort.
import { localized } from '../../../../core/i18n/localized.js';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { DataTable, Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import { Checkboxes, Field, Form, type FormState } from '../../../../core/views/forms.js';
import { DangerZone } from '../../common/danger.js';
import { TownLink, day, named, traineeNameColumn, type OrgMap, type TownMap } from '../../common/views.js';
import type { CohortRow, RosterRow, SessionListRow } from '../queries.js';
import { Rule } from './courses.js';
import { SessionWhen } from './sessions.js';

/** The refused submission of the form posted to `action`, if that is the one. */
const stateOf = (state: FormState | null, action: string) => (state?.id === action ? state : null);

function Roster(p: { cohortId: number; roster: RosterRow[]; error?: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const score = (r: RosterRow, which: 'pre' | 'post') => (
    <input
      class="score"
      inputMode="numeric"
      name={`${which}_${r.id}`}
      value={(which === 'pre' ? r.pre_score : r.post_score) ?? ''}
      aria-label={`${t(which === 'pre' ? 'programmes.cohort.preScore' : 'programmes.cohort.postScore')} — ${r.name}`}
    />
  );
  return (
    <Form action={`/programmes/cohorts/${p.cohortId}/scores`} summary={false}>
      <DataTable
        class="roster"
        rows={p.roster}
        columns={[
          traineeNameColumn(i18n, (r: RosterRow) => ({ id: r.trainee_id, name: r.name })),
          {
            label: t('programmes.attendance.title'),
            cell: (r) => t('programmes.attendance.ratio', { attended: r.attended, sessions: r.sessions }),
          },
          { label: t('programmes.cohort.preScore'), cell: (r) => score(r, 'pre') },
          { label: t('programmes.cohort.postScore'), cell: (r) => score(r, 'post') },
          { label: t('programmes.cohort.completed'), cell: (r) => (r.completed ? t('common.yes') : t('common.no')) },
          {
            label: t('programmes.cert.title'),
            cell: (r) =>
              r.certificate_id === null ? (
                '—'
              ) : (
                <a href={`/programmes/certificates/${r.certificate_id}`}>
                  {r.revoked_at ? t('programmes.cert.revoked') : t('programmes.cert.open')}
                </a>
              ),
          },
          {
            label: <span class="visually-hidden">{t('programmes.enrolment.remove')}</span>,
            cell: (r) => <a href={`/programmes/enrolments/${r.id}/remove`}>{t('programmes.enrolment.remove')}</a>,
          },
        ]}
      />
      <p class="small">{t('programmes.cohort.scoresHint')}</p>
      {p.error ? <p class="error">{p.error}</p> : null}
      <button type="submit">{t('programmes.cohort.saveScores')}</button>
    </Form>
  );
}

function Sessions(p: { cohortId: number; sessions: SessionListRow[]; today: string; state: FormState | null }) {
  const { t } = usePage().i18n;
  const base = `/programmes/cohorts/${p.cohortId}`;
  return (
    <>
      <h2 id="sessions">{t('programmes.session.title', { count: p.sessions.length })}</h2>
      {p.sessions.length ? (
        <ol class="sessions">
          {p.sessions.map((s) => (
            <li>
              <SessionWhen session={s} />{' '}
              {s.taken ? (
                <StatusBadge label={t('programmes.attendance.taken')} tone="ok" />
              ) : s.held_on <= p.today ? (
                <StatusBadge label={t('programmes.attendance.notTaken')} tone="warn" />
              ) : null}
              <span class="actions">
                <a class="button secondary" href={`/programmes/sessions/${s.id}/attendance`}>
                  {t('programmes.attendance.take')}
                </a>
                <a href={`/programmes/sessions/${s.id}/sheet`}>{t('programmes.sheet.print')}</a>
                <a href={`/programmes/sessions/${s.id}/edit`}>{t('common.edit')}</a>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <Empty text={t('programmes.session.none')} />
      )}
      <details open={!!stateOf(p.state, `${base}/sessions`)}>
        <summary>{t('programmes.session.add')}</summary>
        <Form action={`${base}/sessions`} state={p.state} values={{ held_on: p.today }}>
          <Field name="held_on" type="date" label={t('programmes.activity.date')} required />
          <Field name="topic" label={t('programmes.session.topic')} />
          <button type="submit">{t('common.add')}</button>
        </Form>
      </details>
    </>
  );
}

export function CohortPage(p: {
  cohort: CohortRow;
  orgs: OrgMap;
  towns: TownMap;
  sessions: SessionListRow[];
  roster: RosterRow[];
  candidates: { id: number; name: string }[];
  today: string;
  /** certificates that still stand: the cohort is then not deleted */
  standing: number;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const c = p.cohort;
  const base = `/programmes/cohorts/${c.id}`;
  const completed = p.roster.filter((r) => r.completed).length;
  const due = p.roster.filter((r) => r.completed && r.certificate_id === null).length;
  const scores = stateOf(p.state, `${base}/scores`);
  const courseTitle = localized(c, 'title', locale);
  return (
    <Layout title={`${c.label} — ${courseTitle}`}>
      <p class="meta">
        <a href={`/trainings/${c.course_id}`}>{courseTitle}</a> · <a href="/programmes">{t('programmes.home.title')}</a>
      </p>
      <h1>
        <UserText text={c.label} />
      </h1>
      <p class="meta">
        {t('common.dateRange', { from: day(i18n, c.start_date), to: day(i18n, c.end_date) })} ·{' '}
        <TownLink pcode={c.town_pcode} towns={p.towns} /> · {named(locale, p.orgs.get(c.organization_id))} ·{' '}
        <a href={`${base}/edit`}>{t('common.edit')}</a>
      </p>
      {c.trainers ? (
        <p>
          {t('programmes.cohort.trainers')}: <UserText text={c.trainers} />
        </p>
      ) : null}
      <p class="small">
        {t('programmes.course.completion')}: <Rule course={c} />
      </p>

      <Sessions cohortId={c.id} sessions={p.sessions} today={p.today} state={p.state} />

      <h2 id="trainees">{t('programmes.cohort.roster', { count: p.roster.length })}</h2>
      <p class="small">{t('programmes.cohort.completedCount', { count: completed })}</p>
      {p.roster.length ? (
        <Roster cohortId={c.id} roster={p.roster} error={scores ? Object.values(scores.errors)[0] : undefined} />
      ) : (
        <Empty text={t('programmes.cohort.noTrainees')} />
      )}
      {due > 0 ? (
        <Form action={`${base}/certificates`} state={p.state} values={{ issued_on: c.end_date }}>
          <p>{t('programmes.cert.due', { count: due })}</p>
          <Field
            name="issued_on"
            type="date"
            label={t('programmes.cert.issuedOn')}
            hint={t('programmes.cert.issuedOnHint')}
            required
          />
          <button type="submit">{t('programmes.cert.issue')}</button>
        </Form>
      ) : null}

      <h2 id="enrol">{t('programmes.cohort.enrol')}</h2>
      {p.candidates.length ? (
        <Form action={`${base}/enrol`} state={p.state}>
          <Checkboxes
            name="trainee"
            legend={t('programmes.cohort.enrolHint')}
            options={p.candidates.map((tr) => ({ value: String(tr.id), label: <bdi>{tr.name}</bdi> }))}
          />
          <button type="submit">{t('programmes.cohort.enrolSubmit')}</button>
        </Form>
      ) : (
        <p>{t('programmes.cohort.noCandidates')}</p>
      )}
      <p class="actions">
        <a href={`/programmes/trainees/new?org=${c.organization_id}`}>{t('programmes.trainee.new')}</a>
        <a href={`/programmes/trainees/import?org=${c.organization_id}&cohort=${c.id}`}>
          {t('programmes.import.title')}
        </a>
      </p>

      <DangerZone
        title={t('programmes.cohort.deleteTitle')}
        action={`${base}/delete`}
        what={c.label}
        explain={t('programmes.cohort.deleteExplain')}
        blocked={p.standing ? t('programmes.cohort.cannotDelete', { count: p.standing }) : null}
        state={p.state}
      />
    </Layout>
  );
}
