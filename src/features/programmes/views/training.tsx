// Training pages: courses (public), cohorts with sessions, roster, scores and certificates,
// attendance (a phone-sized form that needs no JavaScript), trainees.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Phone, UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { ageBands, consentKey, formatCode, genders } from '../rules.js';
import {
  DayText,
  Figure,
  ProgrammesStyles,
  TownLink,
  day,
  label,
  named,
  pick,
  type OrgMap,
  type TownMap,
} from './shared.js';

type Option = { value: string; label: string };
type Course = {
  id: number;
  project_id: number;
  title_ar: string;
  title_en: string;
  topic_ar: string;
  topic_en: string;
  objectives_ar: string;
  objectives_en: string;
  hours: number;
  min_attendance_pct: number;
  min_post_score: number | null;
};

function Rule(p: { course: Pick<Course, 'min_attendance_pct' | 'min_post_score'> }) {
  const { t } = usePage().i18n;
  return (
    <>
      {p.course.min_post_score === null
        ? t('programmes.course.rule', { pct: p.course.min_attendance_pct })
        : t('programmes.course.ruleWithTest', { pct: p.course.min_attendance_pct, score: p.course.min_post_score })}
    </>
  );
}

export function TrainingsPage(p: {
  groups: { project: { id: number; name_ar: string; name_en: string }; courses: (Course & { cohorts: number })[] }[];
  trained: number | null;
  completed: number | null;
  threshold: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('programmes.trainings.title')}>
      <h1>{t('programmes.trainings.title')}</h1>
      <ul class="figures">
        <li>
          <strong>
            <Figure value={p.trained} threshold={p.threshold} />
          </strong>
          {t('programmes.ind.trained')}
        </li>
        <li>
          <strong>
            <Figure value={p.completed} threshold={p.threshold} />
          </strong>
          {t('programmes.ind.completed')}
        </li>
      </ul>
      {p.groups.length === 0 ? <p>{t('programmes.trainings.none')}</p> : null}
      {p.groups.map((g) => (
        <section>
          <h2>
            <a href={`/projects/${g.project.id}`}>{pick(i18n, g.project.name_ar, g.project.name_en)}</a>
          </h2>
          <ul class="card-list">
            {g.courses.map((c) => (
              <li class="card">
                <h3>
                  <a href={`/trainings/${c.id}`}>{pick(i18n, c.title_ar, c.title_en)}</a>
                </h3>
                {pick(i18n, c.topic_ar, c.topic_en) ? (
                  <UserText as="p" text={pick(i18n, c.topic_ar, c.topic_en)} />
                ) : null}
                <p class="meta">
                  {t('programmes.course.hoursCount', { count: c.hours })} ·{' '}
                  {t('programmes.course.cohortsCount', { count: c.cohorts })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href="/certificates">{t('programmes.cert.verifyTitle')}</a>
      </p>
    </Layout>
  );
}

export function CoursePage(p: {
  course: Course;
  projectName: string;
  cohortTowns: string[];
  cohorts: number;
  towns: TownMap;
  figures: { trained: (number | null)[]; completed: (number | null)[] };
  threshold: number;
  canManage: boolean;
  canContribute: boolean;
  myCohorts: { id: number; label: string; start_date: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.course;
  const objectives = pick(i18n, c.objectives_ar, c.objectives_en);
  return (
    <Layout title={pick(i18n, c.title_ar, c.title_en)}>
      <p class="meta">
        <a href={`/projects/${c.project_id}`}>
          <bdi>{p.projectName}</bdi>
        </a>
      </p>
      <h1>{pick(i18n, c.title_ar, c.title_en)}</h1>
      <dl class="facts">
        {pick(i18n, c.topic_ar, c.topic_en) ? (
          <>
            <dt>{t('programmes.course.topic')}</dt>
            <dd>
              <UserText text={pick(i18n, c.topic_ar, c.topic_en)} />
            </dd>
          </>
        ) : null}
        <dt>{t('programmes.course.hours')}</dt>
        <dd>{t('programmes.course.hoursCount', { count: c.hours })}</dd>
        <dt>{t('programmes.course.completion')}</dt>
        <dd>
          <Rule course={c} />
        </dd>
        <dt>{t('programmes.course.cohorts')}</dt>
        <dd>
          {t('programmes.course.cohortsCount', { count: p.cohorts })}
          {p.cohortTowns.length ? (
            <>
              {' — '}
              {p.cohortTowns.map((pc, i) => (
                <>
                  {i > 0 ? t('programmes.listSeparator') : ''}
                  <TownLink pcode={pc} towns={p.towns} />
                </>
              ))}
            </>
          ) : null}
        </dd>
      </dl>
      {objectives ? (
        <>
          <h2>{t('programmes.course.objectives')}</h2>
          <div dir="auto" class="prose pre-line">
            {objectives}
          </div>
        </>
      ) : null}
      <h2>{t('programmes.project.figures')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th></th>
              {genders.map((g) => (
                <th>{label.gender(i18n, g)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('programmes.ind.trained')}</th>
              {p.figures.trained.map((v) => (
                <td>
                  <Figure value={v} threshold={p.threshold} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('programmes.ind.completed')}</th>
              {p.figures.completed.map((v) => (
                <td>
                  <Figure value={v} threshold={p.threshold} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {p.canManage || p.canContribute ? (
        <section class="no-print">
          {p.myCohorts.length ? (
            <>
              <h2>{t('programmes.cohort.mine')}</h2>
              <ul>
                {p.myCohorts.map((co) => (
                  <li>
                    <a href={`/programmes/cohorts/${co.id}`}>
                      <UserText text={co.label} />
                    </a>{' '}
                    <span class="meta">
                      <DayText value={co.start_date} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p class="actions">
            {p.canContribute ? (
              <a class="button secondary" href={`/trainings/${c.id}/cohorts/new`}>
                {t('programmes.cohort.new')}
              </a>
            ) : null}
            {p.canManage ? (
              <a class="button secondary" href={`/trainings/${c.id}/edit`}>
                {t('common.edit')}
              </a>
            ) : null}
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

export function CourseFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
}) {
  const { t } = usePage().i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.isNew ? t('programmes.course.new') : t('programmes.course.edit');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Field
          name="title_ar"
          label={t('programmes.form.titleAr')}
          value={String(v.title_ar ?? '')}
          error={e.title_ar}
          required
        />
        <Field
          name="title_en"
          label={t('programmes.form.titleEn')}
          value={String(v.title_en ?? '')}
          error={e.title_en}
          required
        />
        <Field
          name="topic_ar"
          label={t('programmes.form.topicAr')}
          value={String(v.topic_ar ?? '')}
          error={e.topic_ar}
        />
        <Field
          name="topic_en"
          label={t('programmes.form.topicEn')}
          value={String(v.topic_en ?? '')}
          error={e.topic_en}
        />
        <Field
          name="objectives_ar"
          label={t('programmes.form.objectivesAr')}
          value={String(v.objectives_ar ?? '')}
          error={e.objectives_ar}
          multiline
          rows={4}
        />
        <Field
          name="objectives_en"
          label={t('programmes.form.objectivesEn')}
          value={String(v.objectives_en ?? '')}
          error={e.objectives_en}
          multiline
          rows={4}
        />
        <Field
          name="hours"
          type="number"
          label={t('programmes.course.hours')}
          value={String(v.hours ?? '')}
          error={e.hours}
          required
        />
        <Field
          name="min_attendance_pct"
          type="number"
          label={t('programmes.course.minAttendance')}
          value={String(v.min_attendance_pct ?? '80')}
          error={e.min_attendance_pct}
          required
        />
        <Field
          name="min_post_score"
          type="number"
          label={t('programmes.course.minPostScore')}
          hint={t('programmes.course.minPostScoreHint')}
          value={String(v.min_post_score ?? '')}
          error={e.min_post_score}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function CohortFormPage(p: {
  action: string;
  courseTitle: string;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgOptions: Option[];
  townOptions: Option[];
}) {
  const { t } = usePage().i18n;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout title={t('programmes.cohort.new')}>
      <h1>{t('programmes.cohort.new')}</h1>
      <p class="meta">
        <bdi>{p.courseTitle}</bdi>
      </p>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Select
          name="organization_id"
          label={t('programmes.cohort.organizer')}
          value={String(v.organization_id ?? '')}
          options={p.orgOptions}
          error={e.organization_id}
        />
        <Field
          name="label"
          label={t('programmes.cohort.label')}
          hint={t('programmes.cohort.labelHint')}
          value={String(v.label ?? '')}
          error={e.label}
          required
        />
        <Field
          name="start_date"
          type="date"
          label={t('programmes.form.startDate')}
          value={String(v.start_date ?? '')}
          error={e.start_date}
          required
        />
        <Field
          name="end_date"
          type="date"
          label={t('programmes.form.endDate')}
          value={String(v.end_date ?? '')}
          error={e.end_date}
          required
        />
        <Select
          name="town_pcode"
          label={t('programmes.cohort.venue')}
          value={String(v.town_pcode ?? '')}
          options={p.townOptions}
          error={e.town_pcode}
        />
        <Field
          name="trainers"
          label={t('programmes.cohort.trainers')}
          value={String(v.trainers ?? '')}
          error={e.trainers}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

type Roster = {
  id: number;
  trainee_id: number;
  name: string;
  gender: string;
  pre_score: number | null;
  post_score: number | null;
  attended: number;
  sessions: number;
  completed: boolean;
  certificate_id: number | null;
  certificate_code: string | null;
  revoked_at: string | null;
}[];

export function CohortPage(p: {
  cohort: {
    id: number;
    course_id: number;
    organization_id: number;
    label: string;
    start_date: string;
    end_date: string;
    town_pcode: string;
    trainers: string;
    title_ar: string;
    title_en: string;
    min_attendance_pct: number;
    min_post_score: number | null;
  };
  orgs: OrgMap;
  towns: TownMap;
  sessions: { id: number; held_on: string; topic: string }[];
  roster: Roster;
  candidates: { id: number; name: string }[];
  today: string;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.cohort;
  const e = p.errors ?? {};
  const completed = p.roster.filter((r) => r.completed).length;
  const due = p.roster.filter((r) => r.completed && r.certificate_id === null).length;
  return (
    <Layout title={`${c.label} — ${pick(i18n, c.title_ar, c.title_en)}`}>
      <p class="meta">
        <a href={`/trainings/${c.course_id}`}>{pick(i18n, c.title_ar, c.title_en)}</a> ·{' '}
        <a href="/programmes">{t('programmes.home.title')}</a>
      </p>
      <h1>
        <UserText text={c.label} />
      </h1>
      <p class="meta">
        {t('common.dateRange', { from: day(i18n, c.start_date), to: day(i18n, c.end_date) })} ·{' '}
        <TownLink pcode={c.town_pcode} towns={p.towns} /> · {named(i18n, p.orgs.get(c.organization_id))}
      </p>
      {c.trainers ? (
        <p>
          {t('programmes.cohort.trainers')}: <UserText text={c.trainers} />
        </p>
      ) : null}
      <p class="small">
        {t('programmes.course.completion')}: <Rule course={c} />
      </p>
      <FormErrorSummary message={e._form} />

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
        <p>{t('programmes.session.none')}</p>
      )}
      <details open={!!(e.held_on || e.topic)}>
        <summary>{t('programmes.session.add')}</summary>
        <Form action={`/programmes/cohorts/${c.id}/sessions`}>
          <Field
            name="held_on"
            type="date"
            label={t('programmes.activity.date')}
            value={p.today}
            error={e.held_on}
            required
          />
          <Field name="topic" label={t('programmes.session.topic')} error={e.topic} />
          <button type="submit">{t('common.add')}</button>
        </Form>
      </details>

      <h2 id="trainees">{t('programmes.cohort.roster', { count: p.roster.length })}</h2>
      <p class="small">{t('programmes.cohort.completedCount', { count: completed })}</p>
      {p.roster.length ? (
        <Form action={`/programmes/cohorts/${c.id}/scores`}>
          <div class="table-wrap">
            <table class="roster">
              <thead>
                <tr>
                  <th>{t('programmes.trainee.name')}</th>
                  <th>{t('programmes.attendance.title')}</th>
                  <th>{t('programmes.cohort.preScore')}</th>
                  <th>{t('programmes.cohort.postScore')}</th>
                  <th>{t('programmes.cohort.completed')}</th>
                  <th>{t('programmes.cert.title')}</th>
                </tr>
              </thead>
              <tbody>
                {p.roster.map((r) => (
                  <tr>
                    <td>
                      <a href={`/programmes/trainees/${r.trainee_id}`}>
                        <bdi>{r.name}</bdi>
                      </a>
                    </td>
                    <td>{t('programmes.attendance.ratio', { attended: r.attended, sessions: r.sessions })}</td>
                    <td>
                      <input
                        class="score"
                        type="number"
                        min={0}
                        max={100}
                        inputMode="numeric"
                        name={`pre_${r.id}`}
                        value={r.pre_score ?? ''}
                        aria-label={`${t('programmes.cohort.preScore')} — ${r.name}`}
                      />
                    </td>
                    <td>
                      <input
                        class="score"
                        type="number"
                        min={0}
                        max={100}
                        inputMode="numeric"
                        name={`post_${r.id}`}
                        value={r.post_score ?? ''}
                        aria-label={`${t('programmes.cohort.postScore')} — ${r.name}`}
                      />
                    </td>
                    <td>{r.completed ? t('common.yes') : t('common.no')}</td>
                    <td>
                      {r.certificate_id !== null && !r.revoked_at ? (
                        <a href={`/programmes/certificates/${r.certificate_id}`}>{t('programmes.cert.open')}</a>
                      ) : r.revoked_at ? (
                        t('programmes.cert.revoked')
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {e.scores ? <p class="error">{e.scores}</p> : null}
          <button type="submit">{t('programmes.cohort.saveScores')}</button>
        </Form>
      ) : (
        <p>{t('programmes.cohort.noTrainees')}</p>
      )}
      {due > 0 ? (
        <Form action={`/programmes/cohorts/${c.id}/certificates`}>
          <p>{t('programmes.cert.due', { count: due })}</p>
          <button type="submit">{t('programmes.cert.issue')}</button>
        </Form>
      ) : null}

      <h2 id="enrol">{t('programmes.cohort.enrol')}</h2>
      {p.candidates.length ? (
        <Form action={`/programmes/cohorts/${c.id}/enrol`}>
          <fieldset class="checklist">
            <legend>{t('programmes.cohort.enrolHint')}</legend>
            {p.candidates.map((tr) => (
              <label class="checkbox">
                <input type="checkbox" name="trainee" value={String(tr.id)} /> <bdi>{tr.name}</bdi>
              </label>
            ))}
          </fieldset>
          {e.trainee ? <p class="error">{e.trainee}</p> : null}
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
  stylesheet: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const s = p.session;
  return (
    <Layout title={t('programmes.attendance.title')} head={<ProgrammesStyles href={p.stylesheet} />}>
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
      {p.taken ? (
        <p class="small">{t('programmes.attendance.alreadyTaken')}</p>
      ) : (
        <p class="small">{t('programmes.attendance.hint')}</p>
      )}
      {p.roster.length === 0 ? (
        <p>{t('programmes.cohort.noTrainees')}</p>
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

export function TraineesPage(p: {
  org: { id: number; name: string };
  otherOrgs: { id: number; name: string }[];
  trainees: { id: number; name: string; gender: string; age_band: string; town_pcode: string }[];
  towns: TownMap;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('programmes.trainee.listTitle')}>
      <h1>{t('programmes.trainee.listTitle')}</h1>
      <p class="meta">
        <bdi>{p.org.name}</bdi>
        {p.otherOrgs.map((o) => (
          <>
            {' · '}
            <a href={`/programmes/trainees?org=${o.id}`}>
              <bdi>{o.name}</bdi>
            </a>
          </>
        ))}
      </p>
      <p class="small">{t('programmes.trainee.privacyNote')}</p>
      <p>
        <a class="button" href={`/programmes/trainees/new?org=${p.org.id}`}>
          {t('programmes.trainee.new')}
        </a>
      </p>
      <p>{t('programmes.trainee.count', { count: p.trainees.length })}</p>
      {p.trainees.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('programmes.trainee.name')}</th>
                <th>{t('programmes.trainee.gender')}</th>
                <th>{t('programmes.ind.ageBand')}</th>
                <th>{t('programmes.activity.town')}</th>
              </tr>
            </thead>
            <tbody>
              {p.trainees.map((tr) => (
                <tr>
                  <td>
                    <a href={`/programmes/trainees/${tr.id}`}>
                      <bdi>{tr.name}</bdi>
                    </a>
                  </td>
                  <td>{label.gender(i18n, tr.gender)}</td>
                  <td>{label.age(i18n, tr.age_band)}</td>
                  <td>{named(i18n, p.towns.get(tr.town_pcode), tr.town_pcode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Layout>
  );
}

/** Registering a trainee (with consent), or — with `editing` — correcting their details. */
export function TraineeFormPage(p: {
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgOptions: Option[];
  townOptions: Option[];
  consentVersion: string;
  editing?: { id: number };
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.editing ? t('programmes.trainee.edit') : t('programmes.trainee.new');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="small">{p.editing ? t('programmes.trainee.editNote') : t('programmes.trainee.minimumNote')}</p>
      <FormErrorSummary message={e._form} />
      <Form action={p.editing ? `/programmes/trainees/${p.editing.id}/edit` : '/programmes/trainees'}>
        {p.editing ? null : (
          <Select
            name="organization_id"
            label={t('programmes.trainee.organization')}
            value={String(v.organization_id ?? '')}
            options={p.orgOptions}
            error={e.organization_id}
          />
        )}
        <Field
          name="name"
          label={t('programmes.trainee.name')}
          value={String(v.name ?? '')}
          error={e.name}
          required
          autocomplete="off"
        />
        <Select
          name="gender"
          label={t('programmes.trainee.gender')}
          value={String(v.gender ?? '')}
          includeEmpty=""
          options={genders.map((g) => ({ value: g, label: label.gender(i18n, g) }))}
          error={e.gender}
        />
        <Select
          name="age_band"
          label={t('programmes.ind.ageBand')}
          value={String(v.age_band ?? '')}
          includeEmpty=""
          options={ageBands.map((a) => ({ value: a, label: label.age(i18n, a) }))}
          error={e.age_band}
        />
        <Select
          name="town_pcode"
          label={t('programmes.activity.town')}
          value={String(v.town_pcode ?? '')}
          options={p.townOptions}
          error={e.town_pcode}
        />
        <Field
          name="affiliation"
          label={t('programmes.trainee.affiliation')}
          hint={t('common.optional')}
          value={String(v.affiliation ?? '')}
          error={e.affiliation}
        />
        <Field
          name="phone"
          type="tel"
          label={t('programmes.trainee.phone')}
          hint={t('common.optional')}
          value={String(v.phone ?? '')}
          error={e.phone}
          autocomplete="off"
        />
        {p.editing ? null : (
          <fieldset class="consent">
            <legend>{t('programmes.trainee.consentTitle')}</legend>
            <p>{t(consentKey(p.consentVersion) as never)}</p>
            <input type="hidden" name="consent_version" value={p.consentVersion} />
            <label class="checkbox">
              <input type="checkbox" name="consent" value="on" required /> {t('programmes.trainee.consentCheckbox')}
            </label>
            {e.consent ? <p class="error">{e.consent}</p> : null}
          </fieldset>
        )}
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function TraineePage(p: {
  trainee: {
    id: number;
    organization_id: number;
    name: string;
    gender: string;
    age_band: string;
    town_pcode: string;
    affiliation: string | null;
    phone: string | null;
    consent_version: string;
    consent_at: string;
  };
  orgName: string;
  towns: TownMap;
  enrolments: {
    id: number;
    cohort_id: number;
    label: string;
    title_ar: string;
    title_en: string;
    certificate_id: number | null;
    revoked_at: string | null;
  }[];
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const tr = p.trainee;
  const e = p.errors ?? {};
  return (
    <Layout title={tr.name}>
      <p class="meta">
        <a href={`/programmes/trainees?org=${tr.organization_id}`}>{t('programmes.trainee.listTitle')}</a> ·{' '}
        <bdi>{p.orgName}</bdi>
      </p>
      <h1>
        <bdi>{tr.name}</bdi>
      </h1>
      <dl class="facts">
        <dt>{t('programmes.trainee.gender')}</dt>
        <dd>{label.gender(i18n, tr.gender)}</dd>
        <dt>{t('programmes.ind.ageBand')}</dt>
        <dd>{label.age(i18n, tr.age_band)}</dd>
        <dt>{t('programmes.activity.town')}</dt>
        <dd>
          <TownLink pcode={tr.town_pcode} towns={p.towns} />
        </dd>
        {tr.affiliation ? (
          <>
            <dt>{t('programmes.trainee.affiliation')}</dt>
            <dd>
              <UserText text={tr.affiliation} />
            </dd>
          </>
        ) : null}
        {tr.phone ? (
          <>
            <dt>{t('programmes.trainee.phone')}</dt>
            <dd>
              <Phone number={tr.phone} />
            </dd>
          </>
        ) : null}
        <dt>{t('programmes.trainee.consentTitle')}</dt>
        <dd>
          {t('programmes.trainee.consentRecorded', { version: tr.consent_version, date: i18n.date(tr.consent_at) })}
        </dd>
      </dl>
      <p>
        <a href={`/programmes/trainees/${tr.id}/edit`}>{t('programmes.trainee.edit')}</a>
      </p>
      <h2>{t('programmes.trainee.courses')}</h2>
      {p.enrolments.length ? (
        <ul>
          {p.enrolments.map((en) => (
            <li>
              <a href={`/programmes/cohorts/${en.cohort_id}`}>{pick(i18n, en.title_ar, en.title_en)}</a> —{' '}
              <bdi>{en.label}</bdi>
              {en.certificate_id !== null && !en.revoked_at ? (
                <>
                  {' · '}
                  <a href={`/programmes/certificates/${en.certificate_id}`}>{t('programmes.cert.open')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('programmes.trainee.noCourses')}</p>
      )}
      <section class="danger-zone">
        <h2>{t('programmes.trainee.removeTitle')}</h2>
        <p>{t('programmes.trainee.removeExplain')}</p>
        <Form action={`/programmes/trainees/${tr.id}/remove`}>
          <label class="checkbox">
            <input type="checkbox" name="confirm" value="on" /> {t('programmes.trainee.removeConfirm')}
          </label>
          {e.confirm ? <p class="error">{e.confirm}</p> : null}
          <button type="submit" class="danger">
            {t('programmes.trainee.remove')}
          </button>
        </Form>
      </section>
    </Layout>
  );
}

export function formatCertificateCode(code: string) {
  return formatCode(code);
}
