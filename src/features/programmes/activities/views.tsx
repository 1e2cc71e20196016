// Activity and advocacy-visit pages and forms.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { Field, FileField, Form, Select, type FormState, type Option } from '../../../core/views/forms.js';
import { activityKinds, ageBands, genders, institutionTypes, recommendationStatuses } from '../rules.js';
import { DayText, TownLink, label, named, type OrgMap, type TownMap } from '../shared/views.js';

/** Participants by age band (rows) and gender (columns). */
function AgeGenderTable(p: { class?: string; cell: (gender: string, age: string) => ComponentChildren }) {
  const { i18n } = usePage();
  return (
    <div class="table-wrap">
      <table class={p.class}>
        <thead>
          <tr>
            <th>{i18n.t('programmes.ind.ageBand')}</th>
            {genders.map((g) => (
              <th>{label.gender(i18n, g)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ageBands.map((a) => (
            <tr>
              <th scope="row">{label.age(i18n, a)}</th>
              {genders.map((g) => (
                <td>{p.cell(g, a)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CountsGrid(p: { values: Record<string, unknown>; errors: Record<string, string> }) {
  const { i18n } = usePage();
  return (
    <fieldset>
      <legend>{i18n.t('programmes.activity.participantsGrid')}</legend>
      <AgeGenderTable
        class="counts-grid"
        cell={(g, a) => {
          const name = `n_${g}_${a}`;
          return (
            <input
              type="number"
              name={name}
              min={0}
              inputMode="numeric"
              value={String(p.values[name] ?? '0')}
              aria-label={`${label.age(i18n, a)} — ${label.gender(i18n, g)}`}
              aria-invalid={p.errors[name] ? 'true' : undefined}
            />
          );
        }}
      />
    </fieldset>
  );
}

const photoAccept = 'image/jpeg,image/png,image/webp,image/heic';

export type RecordForm = {
  action: string;
  isNew: boolean;
  projectName: string;
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: Option[];
  townOptions: Option[];
  /** the new-activity form also takes photos */
  photos?: boolean;
};

/** The page of an activity or visit form: title, project, the form with its organizer choice. */
function RecordFormPage(p: RecordForm & { title: string; organizer: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={p.title}>
      <h1>{p.title}</h1>
      <p class="meta">
        <bdi>{p.projectName}</bdi>
      </p>
      <Form action={p.action} state={p.state} values={p.values} multipart={p.photos}>
        <Select name="organization_id" label={p.organizer} options={p.orgOptions} />
        {p.children}
        <Field
          name="notes"
          label={t('programmes.activity.notes')}
          hint={t('programmes.activity.notesHint')}
          multiline
          rows={4}
        />
        {p.photos ? (
          <FileField
            name="photos"
            label={t('programmes.activity.photos')}
            hint={t('programmes.activity.photosHint')}
            accept={photoAccept}
            multiple
          />
        ) : null}
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function ActivityFormPage(p: RecordForm) {
  const { i18n } = usePage();
  const { t } = i18n;
  const mine = p.state?.id === p.action ? p.state : null;
  return (
    <RecordFormPage
      {...p}
      photos={p.isNew}
      values={{ kind: 'workshop', ...p.values }}
      title={p.isNew ? t('programmes.activity.new') : t('programmes.activity.edit')}
      organizer={t('programmes.activity.organizer')}
    >
      <Select
        name="kind"
        label={t('programmes.activity.kind')}
        options={activityKinds.map((k) => ({ value: k, label: label.kind(i18n, k) }))}
      />
      <Field name="title" label={t('programmes.activity.title')} required />
      <Field name="held_on" type="date" label={t('programmes.activity.date')} required />
      <Select name="town_pcode" label={t('programmes.activity.town')} options={p.townOptions} />
      <CountsGrid values={mine ? mine.values : p.values} errors={mine ? mine.errors : {}} />
      <Field
        name="summary"
        label={t('programmes.activity.summary')}
        hint={t('programmes.activity.summaryHint')}
        multiline
        rows={4}
      />
    </RecordFormPage>
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
      <Select name="town_pcode" label={t('programmes.activity.town')} options={p.townOptions} />
      <Field name="visited_on" type="date" label={t('programmes.activity.date')} required />
      <Field name="who_went" label={t('programmes.visit.whoWent')} hint={t('programmes.visit.whoWentHint')} />
    </RecordFormPage>
  );
}

/** The breadcrumb, title and facts line of an activity or visit page. */
function RecordHead(p: { href: string; projectName: string; title: string; children: ComponentChildren }) {
  return (
    <>
      <p class="meta">
        <a href={p.href}>
          <bdi>{p.projectName}</bdi>
        </a>
      </p>
      <h1>
        <UserText text={p.title} />
      </h1>
      <p class="meta">{p.children}</p>
    </>
  );
}

export function ActivityPage(p: {
  activity: {
    id: number;
    project_id: number;
    organization_id: number;
    kind: string;
    title: string;
    held_on: string;
    town_pcode: string;
    summary: string;
    notes: string;
    published_url: string | null;
    counts: { gender: string; age_band: string; count: number }[];
    photos: { id: string; variants: Record<string, string> }[];
  };
  projectName: string;
  orgs: OrgMap;
  towns: TownMap;
  isOwn: boolean;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const a = p.activity;
  const total = a.counts.reduce((s, c) => s + c.count, 0);
  const cell = (g: string, age: string) => a.counts.find((c) => c.gender === g && c.age_band === age)?.count ?? 0;
  return (
    <Layout title={a.title}>
      <RecordHead href={`/projects/${a.project_id}/internal`} projectName={p.projectName} title={a.title}>
        {label.kind(i18n, a.kind)} · <DayText value={a.held_on} /> · <TownLink pcode={a.town_pcode} towns={p.towns} /> ·{' '}
        {named(i18n.locale, p.orgs.get(a.organization_id))}
      </RecordHead>
      {a.published_url ? (
        <p class="flash">
          {t('programmes.activity.publishedAt')} <a href={a.published_url}>{a.published_url}</a>
        </p>
      ) : null}
      {a.summary ? <UserText as="p" text={a.summary} /> : null}
      <h2>{t('programmes.activity.participantsCount', { count: total })}</h2>
      <AgeGenderTable cell={(g, age) => i18n.number(cell(g, age))} />
      {p.isOwn ? (
        <section class="private-block">
          <h2>{t('programmes.activity.notes')}</h2>
          <p class="small">{t('programmes.activity.notesHint')}</p>
          {a.notes ? <UserText as="p" text={a.notes} /> : <p>—</p>}
          <h2>{t('programmes.activity.photos')}</h2>
          {a.photos.length ? (
            <ul class="photo-grid">
              {a.photos.map((ph) => {
                const file = ph.variants['640'] ?? ph.variants['320'] ?? Object.values(ph.variants)[0];
                return (
                  <li>
                    <img
                      src={`/programmes/activities/${a.id}/photos/${ph.id}/${file}`}
                      alt={t('programmes.activity.photoAlt')}
                      loading="lazy"
                      width={320}
                    />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t('programmes.activity.noPhotos')}</p>
          )}
          <Form action={`/programmes/activities/${a.id}/photos`} state={p.state} multipart>
            <FileField
              name="photos"
              label={t('programmes.activity.addPhotos')}
              hint={t('programmes.activity.photosHint')}
              accept={photoAccept}
              multiple
            />
            <button type="submit" class="secondary">
              {t('programmes.activity.upload')}
            </button>
          </Form>
          <p class="actions">
            <a class="button secondary" href={`/programmes/activities/${a.id}/edit`}>
              {t('common.edit')}
            </a>
          </p>
          {a.published_url ? null : (
            <Form action={`/programmes/activities/${a.id}/publish`}>
              <p class="small">{t('programmes.activity.publishHint')}</p>
              <button type="submit">{t('programmes.activity.publish')}</button>
            </Form>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

type Recommendation = {
  id: number;
  text: string;
  addressed_to: string;
  response: string;
  status: string;
  followups: { id: number; followed_on: string; note: string; status: string }[];
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
                <DayText value={f.followed_on} /> — {label.status(i18n, f.status)}
                {f.note ? (
                  <>
                    : <UserText text={f.note} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
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
            <Select
              name="status"
              label={t('programmes.recommendations.status')}
              options={recommendationStatuses.map((s) => ({ value: s, label: label.status(i18n, s) }))}
            />
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
