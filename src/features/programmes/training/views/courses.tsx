// Course pages: the public list and page (figures hidden below the threshold), the course form, and
// the form that starts a cohort.
import type { Selectable } from 'kysely';
import { localized } from '../../../../core/i18n/localized.js';
import { FiguresNote } from '../../../../core/views/figures.js';
import type { Cell } from '../../indicators/report.js';
import { Layout, TitledLayout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { DataTable, Empty, UserText } from '../../../../core/views/components.js';
import { Field, Form, Select, TownField, type FormState, type Option } from '../../../../core/views/forms.js';
import { DangerZone } from '../../common/danger.js';
import { genders } from '../../rules.js';
import type { ProgrammeCoursesTable } from '../../tables.js';
import {
  ActionButtons,
  DatedLinks,
  Figure,
  Figures,
  Joined,
  OptionalFact,
  TownLink,
  label,
  type TownMap,
} from '../../common/views.js';

export type CourseView = Omit<Selectable<ProgrammeCoursesTable>, 'created_at' | 'updated_at'>;

/** The completion rule in words. */
export function Rule(p: { course: Pick<CourseView, 'min_attendance_pct' | 'min_post_score'> }) {
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
  groups: {
    project: { id: number; name_ar: string; name_en: string };
    courses: (CourseView & { cohorts: number })[];
  }[];
  trained: Cell | number;
  completed: Cell | number;
  threshold: number;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  return (
    <TitledLayout title={t('programmes.trainings.title')}>
      <Figures
        threshold={p.threshold}
        items={[
          { value: p.trained, label: t('programmes.ind.trained') },
          { value: p.completed, label: t('programmes.ind.completed') },
        ]}
      />
      {p.groups.length === 0 ? <Empty text={t('programmes.trainings.none')} /> : null}
      {p.groups.map((g) => (
        <section>
          <h2>
            <a href={`/projects/${g.project.id}`}>{localized(g.project, 'name', locale)}</a>
          </h2>
          <ul class="card-list">
            {g.courses.map((c) => {
              const topic = localized(c, 'topic', locale);
              return (
                <li class="card">
                  <h3>
                    <a href={`/trainings/${c.id}`}>{localized(c, 'title', locale)}</a>
                  </h3>
                  {topic ? <UserText as="p" text={topic} /> : null}
                  <p class="meta">
                    {t('programmes.course.hoursCount', { count: c.hours })} ·{' '}
                    {t('programmes.course.cohortsCount', { count: c.cohorts })}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p>
        <a href="/certificates">{t('programmes.cert.verifyTitle')}</a>
      </p>
    </TitledLayout>
  );
}

export function CoursePage(p: {
  course: CourseView;
  projectName: string;
  cohortTowns: string[];
  cohorts: number;
  towns: TownMap;
  figures: { trained: (Cell | number)[]; completed: (Cell | number)[] };
  threshold: number;
  canManage: boolean;
  canContribute: boolean;
  myCohorts: { id: number; label: string; start_date: string }[];
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const c = p.course;
  const title = localized(c, 'title', locale);
  const topic = localized(c, 'topic', locale);
  const objectives = localized(c, 'objectives', locale);
  const rows = [
    { label: t('programmes.ind.trained'), cells: p.figures.trained },
    { label: t('programmes.ind.completed'), cells: p.figures.completed },
  ];
  return (
    <Layout title={title}>
      <p class="meta">
        <a href={`/projects/${c.project_id}`}>
          <bdi>{p.projectName}</bdi>
        </a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <OptionalFact term={t('programmes.course.topic')} shown={topic}>
          <UserText text={topic} />
        </OptionalFact>
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
              <Joined>
                {p.cohortTowns.map((pc) => (
                  <TownLink pcode={pc} towns={p.towns} />
                ))}
              </Joined>
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
      <DataTable
        rows={rows}
        columns={[
          { label: '', rowHeader: true, cell: (r) => r.label },
          ...genders.map((g, i) => ({
            label: label.gender(i18n, g),
            cell: (r: (typeof rows)[number]) => <Figure value={r.cells[i]!} threshold={p.threshold} />,
          })),
        ]}
      />
      <FiguresNote
        figures={rows.flatMap((r) => r.cells.filter((x): x is Cell => typeof x === 'object'))}
        threshold={p.threshold}
      />
      {p.canManage || p.canContribute ? (
        <section class="no-print">
          <DatedLinks
            title={t('programmes.cohort.mine')}
            items={p.myCohorts.map((co) => ({
              href: `/programmes/cohorts/${co.id}`,
              text: co.label,
              day: co.start_date,
            }))}
          />
          <ActionButtons
            class="actions"
            links={[
              { href: `/trainings/${c.id}/cohorts/new`, label: t('programmes.cohort.new'), show: p.canContribute },
              { href: `/trainings/${c.id}/edit`, label: t('common.edit'), show: p.canManage },
            ]}
          />
        </section>
      ) : null}
    </Layout>
  );
}

export function CourseFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state: FormState | null;
  /** editing: deleting the course while no cohort ran it */
  removal?: { action: string; blocked: string | null };
}) {
  const { t } = usePage().i18n;
  const title = p.isNew ? t('programmes.course.new') : t('programmes.course.edit');
  const optional = t('programmes.form.englishOptional');
  return (
    <TitledLayout title={title}>
      <Form action={p.action} state={p.state} values={{ min_attendance_pct: '80', ...p.values }}>
        <Field name="title_ar" label={t('programmes.form.titleAr')} required />
        <Field name="title_en" label={t('programmes.form.titleEn')} hint={optional} />
        <Field name="topic_ar" label={t('programmes.form.topicAr')} />
        <Field name="topic_en" label={t('programmes.form.topicEn')} hint={optional} />
        <Field name="objectives_ar" label={t('programmes.form.objectivesAr')} multiline rows={4} />
        <Field name="objectives_en" label={t('programmes.form.objectivesEn')} hint={optional} multiline rows={4} />
        <Field name="hours" inputmode="numeric" label={t('programmes.course.hours')} required />
        <Field name="min_attendance_pct" inputmode="numeric" label={t('programmes.course.minAttendance')} required />
        <Field
          name="min_post_score"
          inputmode="numeric"
          label={t('programmes.course.minPostScore')}
          hint={t('programmes.course.minPostScoreHint')}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
      {p.removal ? (
        <DangerZone
          title={t('programmes.course.deleteTitle')}
          action={p.removal.action}
          what={String(p.values.title_ar ?? '')}
          blocked={p.removal.blocked}
          state={p.state}
        />
      ) : null}
    </TitledLayout>
  );
}

/** A new cohort of a course, or (with `editing`) its details corrected: the member stays. */
export function CohortFormPage(p: {
  action: string;
  courseTitle: string;
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: Option[];
  editing?: boolean;
}) {
  const { t } = usePage().i18n;
  const title = p.editing ? t('programmes.cohort.edit') : t('programmes.cohort.new');
  return (
    <TitledLayout title={title}>
      <p class="meta">
        <bdi>{p.courseTitle}</bdi>
      </p>
      <Form action={p.action} state={p.state} values={p.values}>
        {p.editing ? null : (
          <Select name="organization_id" label={t('programmes.cohort.organizer')} options={p.orgOptions} />
        )}
        <Field name="label" label={t('programmes.cohort.label')} hint={t('programmes.cohort.labelHint')} required />
        <Field name="start_date" type="date" label={t('programmes.form.startDate')} required />
        <Field name="end_date" type="date" label={t('programmes.form.endDate')} required />
        <TownField name="town_pcode" label={t('programmes.cohort.venue')} required />
        <Field name="trainers" label={t('programmes.cohort.trainers')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
  );
}
