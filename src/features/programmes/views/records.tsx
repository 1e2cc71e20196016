// Activity and advocacy-visit pages and forms.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { activityKinds, ageBands, genders, institutionTypes, recommendationStatuses } from '../rules.js';
import { DayText, TownLink, label, named, pick, type OrgMap, type TownMap } from './shared.js';

type Option = { value: string; label: string };

function CountsGrid(p: { values: Record<string, unknown>; errors: FieldErrors }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('programmes.activity.participantsGrid')}</legend>
      <div class="table-wrap">
        <table class="counts-grid">
          <thead>
            <tr>
              <th>{t('programmes.ind.ageBand')}</th>
              {genders.map((g) => (
                <th>{label.gender(i18n, g)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ageBands.map((a) => (
              <tr>
                <th scope="row">{label.age(i18n, a)}</th>
                {genders.map((g) => {
                  const name = `n_${g}_${a}`;
                  return (
                    <td>
                      <input
                        type="number"
                        name={name}
                        min={0}
                        inputMode="numeric"
                        value={String(p.values[name] ?? '0')}
                        aria-label={`${label.age(i18n, a)} — ${label.gender(i18n, g)}`}
                        aria-invalid={p.errors[name] ? 'true' : undefined}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

export function ActivityFormPage(p: {
  action: string;
  isNew: boolean;
  projectName: string;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgOptions: Option[];
  townOptions: Option[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.isNew ? t('programmes.activity.new') : t('programmes.activity.edit');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="meta">
        <bdi>{p.projectName}</bdi>
      </p>
      <FormErrorSummary message={e._form} />
      <Form action={p.action} multipart={p.isNew}>
        <Select
          name="organization_id"
          label={t('programmes.activity.organizer')}
          value={String(v.organization_id ?? '')}
          options={p.orgOptions}
          error={e.organization_id}
        />
        <Select
          name="kind"
          label={t('programmes.activity.kind')}
          value={String(v.kind ?? 'workshop')}
          options={activityKinds.map((k) => ({ value: k, label: label.kind(i18n, k) }))}
          error={e.kind}
        />
        <Field
          name="title"
          label={t('programmes.activity.title')}
          value={String(v.title ?? '')}
          error={e.title}
          required
        />
        <Field
          name="held_on"
          type="date"
          label={t('programmes.activity.date')}
          value={String(v.held_on ?? '')}
          error={e.held_on}
          required
        />
        <Select
          name="town_pcode"
          label={t('programmes.activity.town')}
          value={String(v.town_pcode ?? '')}
          options={p.townOptions}
          error={e.town_pcode}
        />
        <CountsGrid values={v} errors={e} />
        <Field
          name="summary"
          label={t('programmes.activity.summary')}
          hint={t('programmes.activity.summaryHint')}
          value={String(v.summary ?? '')}
          error={e.summary}
          multiline
          rows={4}
        />
        <Field
          name="notes"
          label={t('programmes.activity.notes')}
          hint={t('programmes.activity.notesHint')}
          value={String(v.notes ?? '')}
          error={e.notes}
          multiline
          rows={4}
        />
        {p.isNew ? (
          <div class="field">
            <label for="f-photos">{t('programmes.activity.photos')}</label>
            <input
              id="f-photos"
              type="file"
              name="photos"
              accept="image/jpeg,image/png,image/webp,image/heic"
              multiple
            />
            <p class="hint">{t('programmes.activity.photosHint')}</p>
            {e.photos ? <p class="error">{e.photos}</p> : null}
          </div>
        ) : null}
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
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
    photos: { id: string; isPublic: boolean; variants: Record<string, string> }[];
  };
  projectName: string;
  orgs: OrgMap;
  towns: TownMap;
  isOwn: boolean;
  canPublish: boolean;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const a = p.activity;
  const e = p.errors ?? {};
  const total = a.counts.reduce((s, c) => s + c.count, 0);
  const cell = (g: string, age: string) => a.counts.find((c) => c.gender === g && c.age_band === age)?.count ?? 0;
  return (
    <Layout title={a.title}>
      <p class="meta">
        <a href={`/projects/${a.project_id}/internal`}>
          <bdi>{p.projectName}</bdi>
        </a>
      </p>
      <h1>
        <UserText text={a.title} />
      </h1>
      <p class="meta">
        {label.kind(i18n, a.kind)} · <DayText value={a.held_on} /> · <TownLink pcode={a.town_pcode} towns={p.towns} /> ·{' '}
        {named(i18n, p.orgs.get(a.organization_id))}
      </p>
      {a.published_url ? (
        <p class="flash">
          {t('programmes.activity.publishedAt')} <a href={a.published_url}>{a.published_url}</a>
        </p>
      ) : null}
      {a.summary ? <UserText as="p" text={a.summary} /> : null}
      <h2>{t('programmes.activity.participantsCount', { count: total })}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('programmes.ind.ageBand')}</th>
              {genders.map((g) => (
                <th>{label.gender(i18n, g)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ageBands.map((age) => (
              <tr>
                <th scope="row">{label.age(i18n, age)}</th>
                {genders.map((g) => (
                  <td>{i18n.number(cell(g, age))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
          <Form action={`/programmes/activities/${a.id}/photos`} multipart>
            <div class="field">
              <label for="f-photos">{t('programmes.activity.addPhotos')}</label>
              <input
                id="f-photos"
                type="file"
                name="photos"
                accept="image/jpeg,image/png,image/webp,image/heic"
                multiple
              />
              <p class="hint">{t('programmes.activity.photosHint')}</p>
              {e.photos ? <p class="error">{e.photos}</p> : null}
            </div>
            <button type="submit" class="secondary">
              {t('programmes.activity.upload')}
            </button>
          </Form>
          <p class="actions">
            <a class="button secondary" href={`/programmes/activities/${a.id}/edit`}>
              {t('common.edit')}
            </a>
          </p>
          {p.canPublish && !a.published_url ? (
            <Form action={`/programmes/activities/${a.id}/publish`}>
              <p class="small">{t('programmes.activity.publishHint')}</p>
              <FormErrorSummary message={e._publish} />
              <button type="submit">{t('programmes.activity.publish')}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

export function VisitFormPage(p: {
  action: string;
  isNew: boolean;
  projectName: string;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgOptions: Option[];
  townOptions: Option[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.isNew ? t('programmes.visit.new') : t('programmes.visit.edit');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="meta">
        <bdi>{p.projectName}</bdi>
      </p>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Select
          name="organization_id"
          label={t('programmes.visit.organizer')}
          value={String(v.organization_id ?? '')}
          options={p.orgOptions}
          error={e.organization_id}
        />
        <Select
          name="institution_type"
          label={t('programmes.visit.institutionType')}
          value={String(v.institution_type ?? 'local_council')}
          options={institutionTypes.map((k) => ({ value: k, label: label.institution(i18n, k) }))}
          error={e.institution_type}
        />
        <Field
          name="institution_name"
          label={t('programmes.visit.institution')}
          value={String(v.institution_name ?? '')}
          error={e.institution_name}
          required
        />
        <Select
          name="town_pcode"
          label={t('programmes.activity.town')}
          value={String(v.town_pcode ?? '')}
          options={p.townOptions}
          error={e.town_pcode}
        />
        <Field
          name="visited_on"
          type="date"
          label={t('programmes.activity.date')}
          value={String(v.visited_on ?? '')}
          error={e.visited_on}
          required
        />
        <Field
          name="who_went"
          label={t('programmes.visit.whoWent')}
          hint={t('programmes.visit.whoWentHint')}
          value={String(v.who_went ?? '')}
          error={e.who_went}
        />
        <Field
          name="notes"
          label={t('programmes.activity.notes')}
          hint={t('programmes.activity.notesHint')}
          value={String(v.notes ?? '')}
          error={e.notes}
          multiline
          rows={4}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
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
    recommendations: {
      id: number;
      text: string;
      addressed_to: string;
      response: string;
      status: string;
      followups: { id: number; followed_on: string; note: string; status: string }[];
    }[];
  };
  projectName: string;
  orgs: OrgMap;
  towns: TownMap;
  isOwn: boolean;
  today: string;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const vi = p.visit;
  const e = p.errors ?? {};
  const v = p.values ?? {};
  return (
    <Layout title={vi.institution_name}>
      <p class="meta">
        <a href={`/projects/${vi.project_id}/internal#visits`}>
          <bdi>{p.projectName}</bdi>
        </a>
      </p>
      <h1>
        <UserText text={vi.institution_name} />
      </h1>
      <p class="meta">
        {label.institution(i18n, vi.institution_type)} · <TownLink pcode={vi.town_pcode} towns={p.towns} /> ·{' '}
        <DayText value={vi.visited_on} /> · {named(i18n, p.orgs.get(vi.organization_id))}
      </p>
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
              <details>
                <summary>{t('programmes.recommendations.followUp')}</summary>
                <Form action={`/programmes/recommendations/${r.id}/follow-up`}>
                  <Select
                    name="status"
                    label={t('programmes.recommendations.status')}
                    value={r.status}
                    options={recommendationStatuses.map((s) => ({ value: s, label: label.status(i18n, s) }))}
                  />
                  <Field
                    name="response"
                    label={t('programmes.recommendations.response')}
                    value={r.response}
                    multiline
                    rows={2}
                  />
                  <Field name="note" label={t('programmes.recommendations.note')} multiline rows={2} />
                  <Field
                    name="followed_on"
                    type="date"
                    label={t('programmes.activity.date')}
                    value={p.today}
                    required
                  />
                  <button type="submit">{t('common.save')}</button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {p.isOwn ? (
        <>
          <h2>{t('programmes.recommendations.add')}</h2>
          <FormErrorSummary message={e._form} />
          <Form action={`/programmes/visits/${vi.id}/recommendations`}>
            <Field
              name="text"
              label={t('programmes.recommendations.text')}
              value={String(v.text ?? '')}
              error={e.text}
              multiline
              rows={3}
              required
            />
            <Field
              name="addressed_to"
              label={t('programmes.recommendations.addressedTo')}
              value={String(v.addressed_to ?? '')}
              error={e.addressed_to}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

export function orgOptions(i18n: Parameters<typeof pick>[0], ids: number[], orgs: OrgMap): Option[] {
  return ids.map((id) => ({ value: String(id), label: named(i18n, orgs.get(id), String(id)) }));
}
export function townOptions(
  i18n: Parameters<typeof pick>[0],
  towns: { pcode: string; name_ar: string; name_en: string }[],
): Option[] {
  return towns.map((tn) => ({ value: tn.pcode, label: `${pick(i18n, tn.name_ar, tn.name_en)} (${tn.pcode})` }));
}
