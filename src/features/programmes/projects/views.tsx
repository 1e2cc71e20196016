// Project pages: the public list and page, the internal page (targets, activities, visits,
// courses and the person's own cohorts), and the project form.
import type { Selectable } from 'kysely';
import { localized } from '../../../core/i18n/localized.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Empty, StatusBadge, UserText } from '../../../core/views/components.js';
import type { FormState } from '../../../core/views/forms.js';
import type { Cell, TargetProgress } from '../indicators/report.js';
import { progress } from '../rules.js';
import { TargetForm } from './forms.js';
import type { ProgrammeProjectsTable } from '../tables.js';
import {
  ActionButtons,
  DatedLinks,
  DayText,
  Figure,
  Figures,
  Joined,
  OptionalFact,
  TownLink,
  day,
  label,
  named,
  type OrgMap,
  type TownMap,
} from '../common/views.js';

export type ProjectView = Selectable<ProgrammeProjectsTable> & {
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

export function ProjectsPage(p: { projects: (ProjectView & { internal: boolean })[]; canCreate: boolean }) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  return (
    <TitledLayout title={t('programmes.projects.title')}>
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
      {p.projects.length === 0 ? <Empty text={t('programmes.projects.none')} /> : null}
      <ul class="card-list">
        {p.projects.map((pr) => {
          const supporter = localized(pr, 'supporter', locale);
          return (
            <li class="card">
              <h2>
                <a href={`/projects/${pr.id}`}>{localized(pr, 'name', locale)}</a>
              </h2>
              {pr.is_public ? null : <span class="badge badge--corner">{t('programmes.project.internalOnly')}</span>}
              <p class="meta">
                {supporter ? (
                  <>
                    {t('programmes.project.supporter')}: <bdi>{supporter}</bdi> ·{' '}
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
          );
        })}
      </ul>
    </TitledLayout>
  );
}

export function TargetsTable(p: { targets: TargetProgress[]; threshold: number; editBase?: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <DataTable
      class="targets"
      rows={p.targets}
      empty={t('programmes.targets.none')}
      columns={[
        {
          label: t('programmes.targets.indicator'),
          rowHeader: true,
          cell: (tg) => (
            <>
              <UserText text={localized(tg, 'label', i18n.locale)} />
              <br />
              <span class="small">{label.metric(i18n, tg.metric)}</span>
            </>
          ),
        },
        { label: t('programmes.targets.target'), cell: (tg) => i18n.number(tg.target) },
        {
          label: t('programmes.targets.actual'),
          // a person metric's protected figure; an unset manual value is a dash, never "fewer than"
          cell: (tg) =>
            tg.figure ? (
              <Figure value={tg.figure} threshold={p.threshold} />
            ) : tg.actual === null ? (
              '—'
            ) : (
              i18n.number(tg.actual)
            ),
        },
        {
          label: t('programmes.targets.progress'),
          cell: (tg) =>
            tg.actual === null ? (
              '—'
            ) : (
              <>
                <meter min={0} max={1} value={Math.min(1, progress(tg.actual, tg.target))}></meter>{' '}
                {i18n.percent(progress(tg.actual, tg.target))}
              </>
            ),
        },
        p.editBase ? { label: '', cell: (tg) => <a href={`${p.editBase}/${tg.id}/edit`}>{t('common.edit')}</a> } : null,
      ]}
    />
  );
}

function ProjectHeader(p: { project: ProjectView; orgs: OrgMap; towns: TownMap }) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const pr = p.project;
  const supporter = localized(pr, 'supporter', locale);
  const summary = localized(pr, 'summary', locale);
  const goals = localized(pr, 'goals', locale);
  const orgLink = (id: number) => <a href={`/organizations/${id}`}>{named(locale, p.orgs.get(id))}</a>;
  return (
    <>
      <h1>{localized(pr, 'name', locale)}</h1>
      <dl class="facts">
        <OptionalFact term={t('programmes.project.supporter')} shown={supporter}>
          <bdi>{supporter}</bdi>
        </OptionalFact>
        <dt>{t('programmes.project.period')}</dt>
        <dd>
          <Period p={pr} />
        </dd>
        <dt>{t('programmes.project.coordinator')}</dt>
        <dd>{orgLink(pr.coordinator_org_id)}</dd>
        <dt>{t('programmes.project.members')}</dt>
        <dd>
          <Joined>{pr.memberOrgIds.map(orgLink)}</Joined>
        </dd>
        {pr.towns?.length ? (
          <>
            <dt>{t('programmes.project.towns')}</dt>
            <dd>
              <Joined>
                {pr.towns.map((tn) => (
                  <TownLink pcode={tn.pcode} towns={p.towns} />
                ))}
              </Joined>
            </dd>
          </>
        ) : null}
      </dl>
      {summary ? <UserText as="p" text={summary} /> : null}
      {goals ? (
        <>
          <h2>{t('programmes.project.goals')}</h2>
          <div dir="auto" class="prose pre-line">
            {goals}
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
  headline: { trained: Cell; trainedWomen: Cell; activities: number; visits: number };
  courses: { id: number; title_ar: string; title_en: string; hours: number }[];
  reports: { title: string; url: string; held_on: string }[];
  canSeeInternal: boolean;
  canManage: boolean;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const pr = p.project;
  return (
    <Layout title={localized(pr, 'name', locale)} description={localized(pr, 'summary', locale).slice(0, 160)}>
      <article>
        <ProjectHeader project={pr} orgs={p.orgs} towns={p.towns} />
        {!pr.is_public ? <p class="notice--warn">{t('programmes.project.notPublicNotice')}</p> : null}
        <h2>{t('programmes.project.figures')}</h2>
        <Figures
          threshold={p.threshold}
          items={[
            { value: p.headline.trained, label: t('programmes.ind.trained') },
            { value: p.headline.trainedWomen, label: t('programmes.ind.trainedWomen') },
            { value: p.headline.activities, label: t('programmes.ind.activities'), suppressible: false },
            { value: p.headline.visits, label: t('programmes.ind.visits'), suppressible: false },
          ]}
        />
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
                  <a href={`/trainings/${c.id}`}>{localized(c, 'title', locale)}</a>{' '}
                  <span class="meta">{t('programmes.course.hoursCount', { count: c.hours })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <DatedLinks
          title={t('programmes.project.reports')}
          items={p.reports.map((r) => ({ href: r.url, text: r.title, day: r.held_on }))}
        />
        <ActionButtons
          class="actions no-print"
          links={[
            {
              href: `/projects/${pr.id}/internal`,
              label: t('programmes.project.internalPage'),
              show: p.canSeeInternal,
            },
            { href: `/projects/${pr.id}/edit`, label: t('common.edit'), show: p.canManage },
          ]}
        />
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
  town_pcode: string;
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
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const pr = p.project;
  const orgName = (id: number) => named(locale, p.orgs.get(id));
  return (
    <Layout title={`${localized(pr, 'name', locale)} — ${t('programmes.project.internalPage')}`}>
      <p class="meta">
        <a href={`/projects/${pr.id}`}>{t('programmes.project.publicPage')}</a>
        {' · '}
        <a href="/programmes">{t('programmes.home.title')}</a>
      </p>
      <ProjectHeader project={pr} orgs={p.orgs} towns={p.towns} />
      <p class="notice">{t('programmes.project.internalNotice')}</p>
      <ActionButtons
        class="actions"
        links={[
          { href: `/projects/${pr.id}/edit`, label: t('common.edit'), show: p.canManage },
          { href: `/projects/${pr.id}/courses/new`, label: t('programmes.course.new'), show: p.canManage },
        ]}
      />

      <h2 id="targets">{t('programmes.targets.title')}</h2>
      <TargetsTable
        targets={p.targets}
        threshold={p.threshold}
        editBase={p.canManage ? `/projects/${pr.id}/targets` : undefined}
      />
      <p>
        <a href={`/programmes/indicators?project=${pr.id}`}>{t('programmes.ind.internalTitle')}</a>
      </p>
      {p.canManage ? <TargetForm projectId={pr.id} state={p.state} /> : null}

      <h2 id="activities">{t('programmes.activities.title')}</h2>
      <ActionButtons
        links={[
          { href: `/projects/${pr.id}/activities/new`, label: t('programmes.activity.new'), show: p.canContribute },
        ]}
      />
      <DataTable
        rows={p.activities}
        empty={t('programmes.activities.none')}
        columns={[
          {
            label: t('programmes.activity.title'),
            rowHeader: true,
            cell: (a) => (
              <>
                <a href={`/programmes/activities/${a.id}`}>
                  <UserText text={a.title} />
                </a>
                {a.published_url ? <StatusBadge label={t('programmes.activity.published')} /> : null}
              </>
            ),
          },
          { label: t('programmes.activity.kind'), cell: (a) => label.kind(i18n, a.kind) },
          { label: t('programmes.activity.date'), cell: (a) => <DayText value={a.held_on} /> },
          { label: t('programmes.activity.town'), cell: (a) => <TownLink pcode={a.town_pcode} towns={p.towns} /> },
          { label: t('programmes.activity.organizer'), cell: (a) => orgName(a.organization_id) },
          { label: t('programmes.activity.participants'), numeric: true, cell: (a) => i18n.number(a.participants) },
        ]}
      />

      <h2 id="visits">{t('programmes.visits.title')}</h2>
      <ActionButtons
        links={[{ href: `/projects/${pr.id}/visits/new`, label: t('programmes.visit.new'), show: p.canContribute }]}
      />
      {p.visits.length === 0 ? <Empty text={t('programmes.visits.none')} /> : null}
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
              <DayText value={vi.visited_on} /> · {orgName(vi.organization_id)}
            </p>
            <p class="tags">
              {vi.statuses.map((s) => (
                <span class={`badge status--${s}`}>{label.status(i18n, s)}</span>
              ))}
            </p>
          </li>
        ))}
      </ul>

      <h2 id="courses">{t('programmes.trainings.title')}</h2>
      {p.courses.length === 0 ? <Empty text={t('programmes.trainings.none')} /> : null}
      <ul class="card-list">
        {p.courses.map((c) => {
          const mine = p.myCohorts.filter((co) => co.course_id === c.id);
          return (
            <li class="card">
              <h3>
                <a href={`/trainings/${c.id}`}>{localized(c, 'title', locale)}</a>
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
              <DatedLinks
                items={mine.map((co) => ({
                  href: `/programmes/cohorts/${co.id}`,
                  text: co.label,
                  day: co.start_date,
                  more: (
                    <>
                      {' · '}
                      <TownLink pcode={co.town_pcode} towns={p.towns} />
                    </>
                  ),
                }))}
              />
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
