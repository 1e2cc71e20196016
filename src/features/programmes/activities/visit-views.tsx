// Advocacy-visit pages and forms: the visit with its recommendations and their follow-up
// history; correcting or deleting a recommendation or a follow-up on its own page.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { Field, Form, Select, TownField, type FormState } from '../../../core/views/forms.js';
import { institutionTypes, recommendationStatuses } from '../rules.js';
import { DangerZone } from '../common/danger.js';
import { DayText, TownLink, label, named, type OrgMap, type TownMap } from '../common/views.js';
import { RecordFormPage, RecordHead, type RecordForm } from './views.js';

type FollowupRow = { id: number; followed_on: string; note: string; status: string };

/** One line of a recommendation's history: when, what status, what was noted. */
function Followup(p: { f: FollowupRow }) {
  const { i18n } = usePage();
  return (
    <>
      <DayText value={p.f.followed_on} /> — {label.status(i18n, p.f.status)}
      {p.f.note ? (
        <>
          : <UserText text={p.f.note} />
        </>
      ) : null}
    </>
  );
}

/** The status choices of a follow-up. */
function StatusSelect() {
  const { i18n } = usePage();
  return (
    <Select
      name="status"
      label={i18n.t('programmes.recommendations.status')}
      options={recommendationStatuses.map((s) => ({ value: s, label: label.status(i18n, s) }))}
    />
  );
}

export function VisitFormPage(p: RecordForm) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <RecordFormPage
      {...p}
      values={{ institution_type: 'local_council', ...p.values }}
      title={p.isNew ? t('programmes.visit.new') : t('programmes.visit.edit')}
      organizer={t('programmes.visit.organizer')}
    >
      <Select
        name="institution_type"
        label={t('programmes.visit.institutionType')}
        options={institutionTypes.map((k) => ({ value: k, label: label.institution(i18n, k) }))}
      />
      <Field name="institution_name" label={t('programmes.visit.institution')} required />
      <TownField name="town_pcode" label={t('programmes.activity.town')} required />
      <Field name="visited_on" type="date" label={t('programmes.activity.date')} required />
      <Field name="who_went" label={t('programmes.visit.whoWent')} hint={t('programmes.visit.whoWentHint')} />
    </RecordFormPage>
  );
}

type Recommendation = {
  id: number;
  text: string;
  addressed_to: string;
  response: string;
  status: string;
  followups: FollowupRow[];
};

function RecommendationItem(p: { r: Recommendation; isOwn: boolean; today: string; state: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const r = p.r;
  const followUp = `/programmes/recommendations/${r.id}/follow-up`;
  return (
    <li class="card" id={`rec-${r.id}`}>
      <p>
        <UserText text={r.text} />
      </p>
      <p class="meta">
        <span class={`badge status--${r.status}`}>{label.status(i18n, r.status)}</span>
        {r.addressed_to ? (
          <>
            {t('programmes.recommendations.addressedTo')}: <UserText text={r.addressed_to} />
          </>
        ) : null}
      </p>
      {r.response ? (
        <p>
          {t('programmes.recommendations.response')}: <UserText text={r.response} />
        </p>
      ) : null}
      {r.followups.length ? (
        <details>
          <summary>{t('programmes.recommendations.history', { count: r.followups.length })}</summary>
          <ul>
            {r.followups.map((f) => (
              <li>
                <Followup f={f} />
                {p.isOwn ? (
                  <>
                    {' · '}
                    <a href={`/programmes/followups/${f.id}/edit`}>{t('common.edit')}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.isOwn ? (
        <p class="small">
          <a href={`/programmes/recommendations/${r.id}/edit`}>{t('programmes.recommendations.edit')}</a>
        </p>
      ) : null}
      {p.isOwn ? (
        <details open={p.state?.id === followUp}>
          <summary>{t('programmes.recommendations.followUp')}</summary>
          <Form
            action={followUp}
            state={p.state}
            idPrefix={`rec${r.id}`}
            values={{ status: r.status, response: r.response, followed_on: p.today }}
          >
            <StatusSelect />
            <Field name="response" label={t('programmes.recommendations.response')} multiline rows={2} />
            <Field name="note" label={t('programmes.recommendations.note')} multiline rows={2} />
            <Field name="followed_on" type="date" label={t('programmes.activity.date')} required />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

export function VisitPage(p: {
  visit: {
    id: number;
    project_id: number;
    organization_id: number;
    institution_type: string;
    institution_name: string;
    town_pcode: string;
    visited_on: string;
    who_went: string;
    notes: string;
    recommendations: Recommendation[];
  };
  projectName: string;
  orgs: OrgMap;
  towns: TownMap;
  isOwn: boolean;
  today: string;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const vi = p.visit;
  return (
    <Layout title={vi.institution_name}>
      <RecordHead
        href={`/projects/${vi.project_id}/internal#visits`}
        projectName={p.projectName}
        title={vi.institution_name}
      >
        {label.institution(i18n, vi.institution_type)} · <TownLink pcode={vi.town_pcode} towns={p.towns} /> ·{' '}
        <DayText value={vi.visited_on} /> · {named(i18n.locale, p.orgs.get(vi.organization_id))}
      </RecordHead>
      {vi.who_went ? (
        <p>
          {t('programmes.visit.whoWent')}: <UserText text={vi.who_went} />
        </p>
      ) : null}
      {p.isOwn ? (
        <section class="private-block">
          <h2>{t('programmes.activity.notes')}</h2>
          {vi.notes ? <UserText as="p" text={vi.notes} /> : <p>—</p>}
          <p>
            <a href={`/programmes/visits/${vi.id}/edit`}>{t('common.edit')}</a>
          </p>
        </section>
      ) : null}
      <h2>{t('programmes.recommendations.title')}</h2>
      {vi.recommendations.length === 0 ? <p>{t('programmes.recommendations.none')}</p> : null}
      <ol class="recommendations">
        {vi.recommendations.map((r) => (
          <RecommendationItem r={r} isOwn={p.isOwn} today={p.today} state={p.state} />
        ))}
      </ol>
      {p.isOwn ? (
        <>
          <h2>{t('programmes.recommendations.add')}</h2>
          <Form action={`/programmes/visits/${vi.id}/recommendations`} state={p.state}>
            <Field name="text" label={t('programmes.recommendations.text')} multiline rows={3} required />
            <Field name="addressed_to" label={t('programmes.recommendations.addressedTo')} />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

type RecommendationFacts = { id: number; visit_id: number; text: string; addressed_to: string };

/** Back to the recommendation on its visit's page. */
function BackToRecommendation(p: { rec: RecommendationFacts }) {
  const { t } = usePage().i18n;
  return (
    <p class="meta">
      <a href={`/programmes/visits/${p.rec.visit_id}#rec-${p.rec.id}`}>{t('programmes.recommendations.title')}</a>
    </p>
  );
}

/** Correcting a recommendation's text, or deleting it with its follow-ups. */
export function RecommendationPage(p: { rec: RecommendationFacts; followups: FollowupRow[]; state: FormState | null }) {
  const { t } = usePage().i18n;
  const base = `/programmes/recommendations/${p.rec.id}`;
  return (
    <Layout title={t('programmes.recommendations.edit')}>
      <BackToRecommendation rec={p.rec} />
      <h1>{t('programmes.recommendations.edit')}</h1>
      <Form action={`${base}/edit`} state={p.state} values={p.rec}>
        <Field name="text" label={t('programmes.recommendations.text')} multiline rows={3} required />
        <Field name="addressed_to" label={t('programmes.recommendations.addressedTo')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <DangerZone
        action={`${base}/delete`}
        what={p.rec.text.slice(0, 80)}
        explain={
          p.followups.length ? t('programmes.recommendations.deleteExplain', { count: p.followups.length }) : undefined
        }
        state={p.state}
      />
    </Layout>
  );
}

/** Correcting a follow-up (its date, status, note), or deleting it: the status follows the latest one. */
export function FollowupPage(p: { followup: FollowupRow; rec: RecommendationFacts; state: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/programmes/followups/${p.followup.id}`;
  return (
    <Layout title={t('programmes.followup.edit')}>
      <BackToRecommendation rec={p.rec} />
      <h1>{t('programmes.followup.edit')}</h1>
      <p>
        <UserText text={p.rec.text} />
      </p>
      <Form action={`${base}/edit`} state={p.state} values={p.followup}>
        <Field name="followed_on" type="date" label={t('programmes.activity.date')} required />
        <StatusSelect />
        <Field name="note" label={t('programmes.recommendations.note')} multiline rows={2} />
        <p class="small">{t('programmes.followup.statusHint')}</p>
        <button type="submit">{t('common.save')}</button>
      </Form>
      <DangerZone
        action={`${base}/delete`}
        what={i18n.date(p.followup.followed_on)}
        explain={t('programmes.followup.statusHint')}
        state={p.state}
      />
    </Layout>
  );
}
