// Project pages: the public list and page, the internal page, and the project form.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import type { TargetProgress } from '../indicators.js';
import { progress, targetMetrics } from '../rules.js';
import { DayText, Figure, TownLink, day, label, named, pick, type OrgMap, type TownMap } from './shared.js';

export type ProjectView = {
  id: number;
  name_ar: string;
  name_en: string;
  supporter_ar: string;
  supporter_en: string;
  start_date: string;
  end_date: string | null;
  summary_ar: string;
  summary_en: string;
  goals_ar: string;
  goals_en: string;
  is_public: number;
  coordinator_org_id: number;
  memberOrgIds: number[];
  towns?: { pcode: string; name_ar: string; name_en: string }[];
};

function Period(props: { p: ProjectView }) {
  const { i18n } = usePage();
  return props.p.end_date ? (
    <>{i18n.t('common.dateRange', { from: day(i18n, props.p.start_date), to: day(i18n, props.p.end_date) })}</>
  ) : (
    <>
      {i18n.t('programmes.project.since')} <DayText value={props.p.start_date} />
    </>
  );
}

export function ProjectsPage(p: {
  projects: (ProjectView & { internal: boolean })[];
  orgs: OrgMap;
  canCreate: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('programmes.projects.title')}>
      <h1>{t('programmes.projects.title')}</h1>
      <p>{t('programmes.projects.intro')}</p>
      <p class="actions">
        <a href="/trainings">{t('programmes.trainings.title')}</a>
        <a href="/indicators">{t('programmes.ind.title')}</a>
        {p.canCreate ? (
          <a class="button secondary" href="/projects/new">
            {t('programmes.project.new')}
          </a>
        ) : null}
      </p>
      {p.projects.length === 0 ? <p>{t('programmes.projects.none')}</p> : null}
      <ul class="card-list">
        {p.projects.map((pr) => (
          <li class="card">
            <h2>
              <a href={`/projects/${pr.id}`}>{pick(i18n, pr.name_ar, pr.name_en)}</a>
            </h2>
            {pr.is_public ? null : <span class="badge badge--corner">{t('programmes.project.internalOnly')}</span>}
            <p class="meta">
              {pick(i18n, pr.supporter_ar, pr.supporter_en) ? (
                <>
                  {t('programmes.project.supporter')}: <bdi>{pick(i18n, pr.supporter_ar, pr.supporter_en)}</bdi> ·{' '}
                </>
              ) : null}
              <Period p={pr} />
            </p>
            <p class="meta">
              {t('programmes.project.membersCount', { count: pr.memberOrgIds.length })}
              {pr.internal ? (
                <>
                  {' · '}
                  <a href={`/projects/${pr.id}/internal`}>{t('programmes.project.internalPage')}</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function TargetsTable(p: { targets: TargetProgress[]; threshold: number; onDelete?: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.targets.length) return <p>{t('programmes.targets.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="targets">
        <thead>
          <tr>
            <th>{t('programmes.targets.indicator')}</th>
            <th>{t('programmes.targets.target')}</th>
            <th>{t('programmes.targets.actual')}</th>
            <th>{t('programmes.targets.progress')}</th>
            {p.onDelete ? <th></th> : null}
          </tr>
        </thead>
        <tbody>
          {p.targets.map((tg) => (
            <tr>
              <td>
                <UserText text={pick(i18n, tg.label_ar, tg.label_en)} />
                <br />
                <span class="small">{label.metric(i18n, tg.metric)}</span>
              </td>
              <td>{i18n.number(tg.target)}</td>
              <td>
                <Figure value={tg.actual} threshold={p.threshold} />
              </td>
              <td>
                {tg.actual === null ? (
                  '—'
                ) : (
                  <>
                    <meter min={0} max={1} value={Math.min(1, progress(tg.actual, tg.target))}></meter>{' '}
                    {i18n.percent(progress(tg.actual, tg.target))}
                  </>
                )}
              </td>
              {p.onDelete ? (
                <td>
                  <Form action={p.onDelete} class="inline-form">
                    <input type="hidden" name="target_id" value={String(tg.id)} />
                    <button type="submit" class="secondary">
                      {t('common.delete')}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProjectHeader(p: { project: ProjectView; orgs: OrgMap; towns: TownMap }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const pr = p.project;
  const supporter = pick(i18n, pr.supporter_ar, pr.supporter_en);
  return (
    <>
      <h1>{pick(i18n, pr.name_ar, pr.name_en)}</h1>
      <dl class="facts">
        {supporter ? (
          <>
            <dt>{t('programmes.project.supporter')}</dt>
            <dd>
              <bdi>{supporter}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('programmes.project.period')}</dt>
        <dd>
          <Period p={pr} />
        </dd>
        <dt>{t('programmes.project.coordinator')}</dt>
        <dd>
          <a href={`/organizations/${pr.coordinator_org_id}`}>{named(i18n, p.orgs.get(pr.coordinator_org_id))}</a>
        </dd>
        <dt>{t('programmes.project.members')}</dt>
        <dd>
          {pr.memberOrgIds.map((id, i) => (
            <>
              {i > 0 ? t('programmes.listSeparator') : ''}
              <a href={`/organizations/${id}`}>{named(i18n, p.orgs.get(id))}</a>
            </>
          ))}
        </dd>
        {pr.towns?.length ? (
          <>
            <dt>{t('programmes.project.towns')}</dt>
            <dd>
              {pr.towns.map((tn, i) => (
                <>
                  {i > 0 ? t('programmes.listSeparator') : ''}
                  <TownLink pcode={tn.pcode} towns={p.towns} />
                </>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {pick(i18n, pr.summary_ar, pr.summary_en) ? (
        <UserText as="p" text={pick(i18n, pr.summary_ar, pr.summary_en)} />
      ) : null}
      {pick(i18n, pr.goals_ar, pr.goals_en) ? (
        <>
          <h2>{t('programmes.project.goals')}</h2>
          <div dir="auto" class="prose pre-line">
            {pick(i18n, pr.goals_ar, pr.goals_en)}
          </div>
        </>
      ) : null}
    </>
  );
}

export function ProjectPage(p: {
  project: ProjectView;
  orgs: OrgMap;
  towns: TownMap;
  targets: TargetProgress[];
  threshold: number;
  headline: { trained: number | null; trainedWomen: number | null; activities: number; visits: number };
  courses: { id: number; title_ar: string; title_en: string; hours: number }[];
  reports: { title: string; url: string; held_on: string }[];
  canSeeInternal: boolean;
  canManage: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const pr = p.project;
  return (
    <Layout
      title={pick(i18n, pr.name_ar, pr.name_en)}
      description={pick(i18n, pr.summary_ar, pr.summary_en).slice(0, 160)}
    >
      <article>
        <ProjectHeader project={pr} orgs={p.orgs} towns={p.towns} />
        {!pr.is_public ? <p class="notice--warn">{t('programmes.project.notPublicNotice')}</p> : null}
        <h2>{t('programmes.project.figures')}</h2>
        <ul class="figures">
          <li>
            <strong>
              <Figure value={p.headline.trained} threshold={p.threshold} />
            </strong>
            {t('programmes.ind.trained')}
          </li>
          <li>
            <strong>
              <Figure value={p.headline.trainedWomen} threshold={p.threshold} />
            </strong>
            {t('programmes.ind.trainedWomen')}
          </li>
          <li>
            <strong>{i18n.number(p.headline.activities)}</strong>
            {t('programmes.ind.activities')}
          </li>
          <li>
            <strong>{i18n.number(p.headline.visits)}</strong>
            {t('programmes.ind.visits')}
          </li>
        </ul>
        <h2>{t('programmes.targets.title')}</h2>
        <TargetsTable targets={p.targets} threshold={p.threshold} />
        <p>
          <a href={`/indicators?project=${pr.id}`}>{t('programmes.ind.moreFor')}</a>
        </p>
        {p.courses.length ? (
          <>
            <h2>{t('programmes.trainings.title')}</h2>
            <ul>
              {p.courses.map((c) => (
                <li>
                  <a href={`/trainings/${c.id}`}>{pick(i18n, c.title_ar, c.title_en)}</a>{' '}
                  <span class="meta">{t('programmes.course.hoursCount', { count: c.hours })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {p.reports.length ? (
          <>
            <h2>{t('programmes.project.reports')}</h2>
            <ul>
              {p.reports.map((r) => (
                <li>
                  <a href={r.url}>
                    <UserText text={r.title} />
                  </a>{' '}
                  <span class="meta">
                    <DayText value={r.held_on} />
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {p.canSeeInternal || p.canManage ? (
          <p class="actions no-print">
            {p.canSeeInternal ? (
              <a class="button secondary" href={`/projects/${pr.id}/internal`}>
                {t('programmes.project.internalPage')}
              </a>
            ) : null}
            {p.canManage ? (
              <a class="button secondary" href={`/projects/${pr.id}/edit`}>
                {t('common.edit')}
              </a>
            ) : null}
          </p>
        ) : null}
      </article>
    </Layout>
  );
}

export type ActivityListItem = {
  id: number;
  organization_id: number;
  kind: string;
  title: string;
  held_on: string;
  town_pcode: string;
  participants: number;
  published_url: string | null;
};
export type VisitListItem = {
  id: number;
  organization_id: number;
  institution_type: string;
  institution_name: string;
  town_pcode: string;
  visited_on: string;
  statuses: string[];
};
export type CohortListItem = {
  id: number;
  course_id: number;
  label: string;
  start_date: string;
  end_date: string;
  town_pcode: string;
  organization_id: number;
};

export function ProjectInternalPage(p: {
  project: ProjectView;
  orgs: OrgMap;
  towns: TownMap;
  targets: TargetProgress[];
  threshold: number;
  activities: ActivityListItem[];
  visits: VisitListItem[];
  courses: { id: number; title_ar: string; title_en: string; hours: number; min_attendance_pct: number }[];
  myCohorts: CohortListItem[];
  canManage: boolean;
  canContribute: boolean;
  myOrgIds: number[];
  targetErrors?: FieldErrors;
  targetValues?: Record<string, unknown>;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const pr = p.project;
  const v = p.targetValues ?? {};
  const e = p.targetErrors ?? {};
  return (
    <Layout title={`${pick(i18n, pr.name_ar, pr.name_en)} — ${t('programmes.project.internalPage')}`}>
      <p class="meta">
        <a href={`/projects/${pr.id}`}>{t('programmes.project.publicPage')}</a>
        {' · '}
        <a href="/programmes">{t('programmes.home.title')}</a>
      </p>
      <ProjectHeader project={pr} orgs={p.orgs} towns={p.towns} />
      <p class="notice">{t('programmes.project.internalNotice')}</p>
      {p.canManage ? (
        <p class="actions">
          <a class="button secondary" href={`/projects/${pr.id}/edit`}>
            {t('common.edit')}
          </a>
          <a class="button secondary" href={`/projects/${pr.id}/courses/new`}>
            {t('programmes.course.new')}
          </a>
        </p>
      ) : null}

      <h2 id="targets">{t('programmes.targets.title')}</h2>
      <TargetsTable
        targets={p.targets}
        threshold={p.threshold}
        onDelete={p.canManage ? `/projects/${pr.id}/targets/delete` : undefined}
      />
      <p>
        <a href={`/programmes/indicators?project=${pr.id}`}>{t('programmes.ind.internalTitle')}</a>
      </p>
      {p.canManage ? (
        <details open={Object.keys(e).length > 0}>
          <summary>{t('programmes.targets.add')}</summary>
          <FormErrorSummary message={e._form} />
          <Form action={`/projects/${pr.id}/targets`}>
            <Select
              name="metric"
              label={t('programmes.targets.metric')}
              value={String(v.metric ?? 'trained')}
              options={targetMetrics.map((m) => ({ value: m, label: label.metric(i18n, m) }))}
              error={e.metric}
            />
            <Field
              name="label_ar"
              label={t('programmes.form.labelAr')}
              value={String(v.label_ar ?? '')}
              error={e.label_ar}
              required
            />
            <Field
              name="label_en"
              label={t('programmes.form.labelEn')}
              value={String(v.label_en ?? '')}
              error={e.label_en}
              required
            />
            <Field
              name="target"
              type="number"
              label={t('programmes.targets.target')}
              value={String(v.target ?? '')}
              error={e.target}
              required
            />
            <Field
              name="manual_value"
              type="number"
              label={t('programmes.targets.manualValue')}
              hint={t('programmes.targets.manualHint')}
              value={String(v.manual_value ?? '')}
              error={e.manual_value}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      ) : null}

      <h2 id="activities">{t('programmes.activities.title')}</h2>
      {p.canContribute ? (
        <p>
          <a class="button secondary" href={`/projects/${pr.id}/activities/new`}>
            {t('programmes.activity.new')}
          </a>
        </p>
      ) : null}
      {p.activities.length === 0 ? (
        <p>{t('programmes.activities.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('programmes.activity.title')}</th>
                <th>{t('programmes.activity.kind')}</th>
                <th>{t('programmes.activity.date')}</th>
                <th>{t('programmes.activity.town')}</th>
                <th>{t('programmes.activity.organizer')}</th>
                <th>{t('programmes.activity.participants')}</th>
              </tr>
            </thead>
            <tbody>
              {p.activities.map((a) => (
                <tr>
                  <td>
                    <a href={`/programmes/activities/${a.id}`}>
                      <UserText text={a.title} />
                    </a>
                    {a.published_url ? <span class="badge">{t('programmes.activity.published')}</span> : null}
                  </td>
                  <td>{label.kind(i18n, a.kind)}</td>
                  <td>
                    <DayText value={a.held_on} />
                  </td>
                  <td>
                    <TownLink pcode={a.town_pcode} towns={p.towns} />
                  </td>
                  <td>{named(i18n, p.orgs.get(a.organization_id))}</td>
                  <td>{i18n.number(a.participants)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="visits">{t('programmes.visits.title')}</h2>
      {p.canContribute ? (
        <p>
          <a class="button secondary" href={`/projects/${pr.id}/visits/new`}>
            {t('programmes.visit.new')}
          </a>
        </p>
      ) : null}
      {p.visits.length === 0 ? (
        <p>{t('programmes.visits.none')}</p>
      ) : (
        <ul class="card-list">
          {p.visits.map((vi) => (
            <li class="card">
              <h3>
                <a href={`/programmes/visits/${vi.id}`}>
                  <UserText text={vi.institution_name} />
                </a>
              </h3>
              <p class="meta">
                {label.institution(i18n, vi.institution_type)} · <TownLink pcode={vi.town_pcode} towns={p.towns} /> ·{' '}
                <DayText value={vi.visited_on} /> · {named(i18n, p.orgs.get(vi.organization_id))}
              </p>
              <p class="tags">
                {vi.statuses.map((s) => (
                  <span class={`badge status--${s}`}>{label.status(i18n, s)}</span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2 id="courses">{t('programmes.trainings.title')}</h2>
      {p.courses.length === 0 ? <p>{t('programmes.trainings.none')}</p> : null}
      <ul class="card-list">
        {p.courses.map((c) => {
          const mine = p.myCohorts.filter((co) => co.course_id === c.id);
          return (
            <li class="card">
              <h3>
                <a href={`/trainings/${c.id}`}>{pick(i18n, c.title_ar, c.title_en)}</a>
              </h3>
              <p class="meta">
                {t('programmes.course.hoursCount', { count: c.hours })} ·{' '}
                {t('programmes.course.ruleShort', { pct: c.min_attendance_pct })}
                {p.canManage ? (
                  <>
                    {' · '}
                    <a href={`/trainings/${c.id}/edit`}>{t('common.edit')}</a>
                  </>
                ) : null}
              </p>
              {mine.length ? (
                <ul>
                  {mine.map((co) => (
                    <li>
                      <a href={`/programmes/cohorts/${co.id}`}>
                        <UserText text={co.label} />
                      </a>{' '}
                      <span class="meta">
                        <DayText value={co.start_date} /> · <TownLink pcode={co.town_pcode} towns={p.towns} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {p.canContribute ? (
                <p>
                  <a href={`/trainings/${c.id}/cohorts/new`}>{t('programmes.cohort.new')}</a>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export function ProjectFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgs: { id: number; name_ar: string; name_en: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const members = new Set(
    (Array.isArray(v.members) ? v.members : v.members !== undefined ? [v.members] : []).map((x) => String(x)),
  );
  const title = p.isNew ? t('programmes.project.new') : t('programmes.project.edit');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Field
          name="name_ar"
          label={t('programmes.form.nameAr')}
          value={String(v.name_ar ?? '')}
          error={e.name_ar}
          required
        />
        <Field
          name="name_en"
          label={t('programmes.form.nameEn')}
          value={String(v.name_en ?? '')}
          error={e.name_en}
          required
        />
        <Field
          name="supporter_ar"
          label={t('programmes.form.supporterAr')}
          value={String(v.supporter_ar ?? '')}
          error={e.supporter_ar}
        />
        <Field
          name="supporter_en"
          label={t('programmes.form.supporterEn')}
          value={String(v.supporter_en ?? '')}
          error={e.supporter_en}
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
        />
        <Select
          name="coordinator_org_id"
          label={t('programmes.project.coordinator')}
          value={String(v.coordinator_org_id ?? '')}
          options={p.orgs.map((o) => ({ value: String(o.id), label: pick(i18n, o.name_ar, o.name_en) }))}
          error={e.coordinator_org_id}
        />
        <fieldset>
          <legend>{t('programmes.project.members')}</legend>
          {p.orgs.map((o) => (
            <label class="checkbox">
              <input type="checkbox" name="members" value={String(o.id)} checked={members.has(String(o.id))} />{' '}
              {pick(i18n, o.name_ar, o.name_en)}
            </label>
          ))}
          {e.members ? <p class="error">{e.members}</p> : null}
        </fieldset>
        <Field
          name="towns"
          label={t('programmes.project.towns')}
          hint={t('programmes.form.townsHint')}
          value={String(v.towns ?? '')}
          error={e.towns}
        />
        <Field
          name="summary_ar"
          label={t('programmes.form.summaryAr')}
          value={String(v.summary_ar ?? '')}
          error={e.summary_ar}
          multiline
          rows={3}
        />
        <Field
          name="summary_en"
          label={t('programmes.form.summaryEn')}
          value={String(v.summary_en ?? '')}
          error={e.summary_en}
          multiline
          rows={3}
        />
        <Field
          name="goals_ar"
          label={t('programmes.form.goalsAr')}
          value={String(v.goals_ar ?? '')}
          error={e.goals_ar}
          multiline
        />
        <Field
          name="goals_en"
          label={t('programmes.form.goalsEn')}
          value={String(v.goals_en ?? '')}
          error={e.goals_en}
          multiline
        />
        <label class="checkbox">
          <input
            type="checkbox"
            name="is_public"
            value="on"
            checked={v.is_public === 'on' || v.is_public === true || v.is_public === 1}
          />{' '}
          {t('programmes.form.isPublic')}
        </label>
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}
