// Activity pages and forms, and what the advocacy-visit pages share with them (visit-views.tsx).
import type { ComponentChildren } from 'preact';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import {
  ConfirmButton,
  Field,
  FileField,
  Form,
  Select,
  TownField,
  type FormState,
  type Option,
} from '../../../core/views/forms.js';
import { activityKinds, ageBands, genders } from '../rules.js';
import { DangerZone } from '../common/danger.js';
import { DayText, TownLink, label, named, type OrgMap, type TownMap } from '../common/views.js';

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
  /** the new-activity form also takes photos */
  photos?: boolean;
  /** editing: deleting the record, or why it cannot be */
  removal?: { action: string; blocked: string | null };
};

/** The page of an activity or visit form: title, project, the form with its organizer choice. */
export function RecordFormPage(p: RecordForm & { title: string; organizer: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={p.title}>
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
      {p.removal ? (
        <DangerZone
          action={p.removal.action}
          what={String(p.values.title ?? p.values.institution_name ?? '')}
          blocked={p.removal.blocked}
          state={p.state}
        />
      ) : null}
    </TitledLayout>
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
      <TownField name="town_pcode" label={t('programmes.activity.town')} required />
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

/** The breadcrumb, title and facts line of an activity or visit page. */
export function RecordHead(p: { href: string; projectName: string; title: string; children: ComponentChildren }) {
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
                    <ConfirmButton
                      action={`/programmes/activities/${a.id}/photos/${ph.id}/delete`}
                      label={t('programmes.activity.deletePhoto')}
                      question={`${t('programmes.activity.deletePhotoQuestion')} ${t('common.cannotUndo')}`}
                      confirm={t('common.deleteConfirmButton')}
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
