// A cohort, for the running member's staff: sessions, the roster with attendance and scores,
// completion and certificates, enrolment; and attendance, a phone-sized form that needs no
// JavaScript.
import { localized } from '../../../../core/i18n/localized.js';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { DataTable, Empty, UserText } from '../../../../core/views/components.js';
import { Checkboxes, Field, Form, type FormState } from '../../../../core/views/forms.js';
import { DayText, TownLink, day, named, type OrgMap, type TownMap } from '../../shared/views.js';
import type { CohortRow, RosterRow } from '../queries.js';
import { Rule } from './courses.js';

/** The refused submission of the form posted to `action`, if that is the one. */
const stateOf = (state: FormState | null, action: string) => (state?.id === action ? state : null);

function Roster(p: { cohortId: number; roster: RosterRow[]; error?: string }) {
  const { t } = usePage().i18n;
  const score = (r: RosterRow, which: 'pre' | 'post') => (
    <input
      class="score"
      type="number"
      min={0}
      max={100}
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
          {
            label: t('programmes.trainee.name'),
            rowHeader: true,
            cell: (r) => (
              <a href={`/programmes/trainees/${r.trainee_id}`}>
                <bdi>{r.name}</bdi>
              </a>
            ),
          },
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
              r.revoked_at ? (
                t('programmes.cert.revoked')
              ) : r.certificate_id !== null ? (
                <a href={`/programmes/certificates/${r.certificate_id}`}>{t('programmes.cert.open')}</a>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {p.error ? <p class="error">{p.error}</p> : null}
      <button type="submit">{t('programmes.cohort.saveScores')}</button>
    </Form>
  );
}

export function CohortPage(p: {
  cohort: CohortRow;
  orgs: OrgMap;
  towns: TownMap;
  sessions: { id: number; held_on: string; topic: string }[];
  roster: RosterRow[];
  candidates: { id: number; name: string }[];
  today: string;
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
        <TownLink pcode={c.town_pcode} towns={p.towns} /> · {named(locale, p.orgs.get(c.organization_id))}
      </p>
      {c.trainers ? (
        <p>
          {t('programmes.cohort.trainers')}: <UserText text={c.trainers} />
        </p>
      ) : null}
      <p class="small">
        {t('programmes.course.completion')}: <Rule course={c} />
      </p>

      <h2 id="sessions">{t('programmes.session.title', { count: p.sessions.length })}</h2>
      {p.sessions.length ? (
        <ol class="sessions">
          {p.sessions.map((s) => (
            <li>
              <DayText value={s.held_on} />{' '}
              {s.topic ? (
                <>
                  — <UserText text={s.topic} />
                </>
              ) : null}{' '}
              <a class="button secondary" href={`/programmes/sessions/${s.id}/attendance`}>
                {t('programmes.attendance.take')}
              </a>
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

      <h2 id="trainees">{t('programmes.cohort.roster', { count: p.roster.length })}</h2>
      <p class="small">{t('programmes.cohort.completedCount', { count: completed })}</p>
      {p.roster.length ? (
        <Roster cohortId={c.id} roster={p.roster} error={scores ? Object.values(scores.errors)[0] : undefined} />
      ) : (
        <Empty text={t('programmes.cohort.noTrainees')} />
      )}
      {due > 0 ? (
        <Form action={`${base}/certificates`} state={p.state}>
          <p>{t('programmes.cert.due', { count: due })}</p>
          <button type="submit">{t('programmes.cert.issue')}</button>
        </Form>
      ) : null}

      <h2 id="enrol">{t('programmes.cohort.enrol')}</h2>
      {p.candidates.length ? (
        <Form action={`${base}/enrol`} state={p.state}>
          <Checkboxes
            name="trainee"
            legend={t('programmes.cohort.enrolHint')}
            options={p.candidates.map((tr) => ({ value: String(tr.id), label: tr.name }))}
          />
          <button type="submit">{t('programmes.cohort.enrolSubmit')}</button>
        </Form>
      ) : (
        <p>
          {t('programmes.cohort.noCandidates')}{' '}
          <a href={`/programmes/trainees/new?org=${c.organization_id}`}>{t('programmes.trainee.new')}</a>
        </p>
      )}
    </Layout>
  );
}

/** One form, one large checkbox per trainee: works on a phone without JavaScript. */
export function AttendancePage(p: {
  session: { id: number; cohort_id: number; held_on: string; topic: string; label: string };
  roster: { id: number; name: string }[];
  present: Map<number, boolean>;
  taken: boolean;
}) {
  const { t } = usePage().i18n;
  const s = p.session;
  return (
    <Layout title={t('programmes.attendance.title')}>
      <p class="meta">
        <a href={`/programmes/cohorts/${s.cohort_id}`}>
          <bdi>{s.label}</bdi>
        </a>
      </p>
      <h1>{t('programmes.attendance.title')}</h1>
      <p>
        <DayText value={s.held_on} />{' '}
        {s.topic ? (
          <>
            — <UserText text={s.topic} />
          </>
        ) : null}
      </p>
      <p class="small">{p.taken ? t('programmes.attendance.alreadyTaken') : t('programmes.attendance.hint')}</p>
      {p.roster.length === 0 ? (
        <Empty text={t('programmes.cohort.noTrainees')} />
      ) : (
        <Form action={`/programmes/sessions/${s.id}/attendance`} class="attendance-form">
          <ul class="attendance-list">
            {p.roster.map((r) => (
              <li>
                <label class="attendance-item">
                  <input type="checkbox" name="present" value={String(r.id)} checked={p.present.get(r.id) ?? false} />
                  <bdi>{r.name}</bdi>
                </label>
              </li>
            ))}
          </ul>
          <button type="submit" class="attendance-submit">
            {t('programmes.attendance.save')}
          </button>
        </Form>
      )}
    </Layout>
  );
}
