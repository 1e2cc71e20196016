// Organizations' pages: the list of members, a profile, and the profile's form (also used by the
// admin feature to add an organization).
import type { VNode } from 'preact';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Ltr, Phone, UserText } from '../../../core/views/components.js';
import { Checkboxes, Field, FileField, Form, type FieldErrors, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { slugify } from '../../../core/text/slug.js';
import type { OrganizationInput } from '../queries.js';
import { fieldsOfWork } from '../schemas.js';

type Org = Omit<OrganizationInput, 'towns'> & { id: number };
type TownRef = { pcode: string; name_ar: string; name_en: string };

/** A profile's canonical address: its id and a slug of its English name (or, without one, its Arabic name). */
export function orgPath(o: { id: number; name_ar: string; name_en: string }) {
  return `/organizations/${o.id}/${slugify(o.name_en.trim() || o.name_ar)}`;
}

/** The name in the language the page is not in, unless it is the one already shown. */
function other(o: { name_ar: string; name_en: string }, locale: string): string {
  const name = locale === 'ar' ? o.name_en : o.name_ar;
  return name.trim() && name !== localized(o, 'name', locale) ? name : '';
}

function FieldTags(p: { fields: string[] }) {
  const { t } = usePage().i18n;
  return (
    <ul class="tags">
      {p.fields.map((f) => (
        <li class="badge">{t(`organizations.field.${f}` as never)}</li>
      ))}
    </ul>
  );
}

function TownLink(p: { town: TownRef }) {
  const { locale } = usePage().i18n;
  return <a href={`/towns/${p.town.pcode}`}>{localized(p.town, 'name', locale)}</a>;
}

export function OrganizationsPage(p: { orgs: (Org & { towns: TownRef[] })[]; networkName: string }) {
  const { t, locale } = usePage().i18n;
  return (
    <TitledLayout title={t('organizations.list.title')}>
      <p>{t('organizations.list.intro', { network: p.networkName, count: p.orgs.length })}</p>
      <ul class="card-list">
        {p.orgs.map((o) => (
          <li class="card">
            <h2>
              <a href={orgPath(o)}>{localized(o, 'name', locale)}</a>
            </h2>
            <p class="meta">
              {o.towns.map((town, i) => (
                <>
                  {i > 0 ? '، ' : ''}
                  <TownLink town={town} />
                </>
              ))}
            </p>
            <FieldTags fields={o.fields} />
          </li>
        ))}
      </ul>
    </TitledLayout>
  );
}

export function OrganizationPage(p: {
  org: Org;
  towns: TownRef[];
  logoUrl: string | null;
  canEdit: boolean;
  canSeeStaff: boolean;
  sections: VNode[];
}) {
  const { t, locale } = usePage().i18n;
  const o = p.org;
  const name = localized(o, 'name', locale);
  const description = localized(o, 'description', locale);
  return (
    <Layout title={name} description={description.slice(0, 160)}>
      <article class="org-profile">
        {p.logoUrl ? <img src={p.logoUrl} alt="" width={96} class="org-logo" /> : null}
        <h1>{name}</h1>
        {/* the name in the other language, when there is one */}
        {other(o, locale) ? (
          <p class="meta" lang={locale === 'ar' ? 'en' : 'ar'} dir="auto">
            {other(o, locale)}
          </p>
        ) : null}
        {description ? <UserText as="p" text={description} /> : null}
        <h2>{t('organizations.profile.fields')}</h2>
        <FieldTags fields={o.fields} />
        <h2>{t('organizations.profile.towns')}</h2>
        <ul>
          {p.towns.map((town) => (
            <li>
              <TownLink town={town} />
            </li>
          ))}
        </ul>
        {o.phone || o.email || o.website ? (
          <>
            <h2>{t('organizations.profile.contacts')}</h2>
            <ul>
              {o.phone ? (
                <li>
                  {t('organizations.profile.phone')}: <Phone number={o.phone} />
                </li>
              ) : null}
              {o.email ? (
                <li>
                  {t('organizations.profile.email')}:{' '}
                  <a href={`mailto:${o.email}`}>
                    <Ltr>{o.email}</Ltr>
                  </a>
                </li>
              ) : null}
              {o.website ? (
                <li>
                  {t('organizations.profile.website')}:{' '}
                  <a href={o.website} rel="noopener noreferrer">
                    <Ltr>{o.website.replace(/^https?:\/\//, '')}</Ltr>
                  </a>
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
        {p.canEdit || p.canSeeStaff ? (
          <p class="actions no-print">
            {p.canEdit ? (
              <a class="button secondary" href={`/organizations/${o.id}/edit`}>
                {t('common.edit')}
              </a>
            ) : null}
            {p.canSeeStaff ? (
              <a class="button secondary" href={`/organizations/${o.id}/staff`}>
                {t('organizations.staff.title')}
              </a>
            ) : null}
          </p>
        ) : null}
      </article>
      {p.sections}
    </Layout>
  );
}

/**
 * The profile's form, new or existing. The values shown are `state`'s after a refused submission
 * (or `values` and `errors`, as the admin's page passes them), else `values`. Towns already on the
 * profile are checkboxes (untick to remove); more are added by name, P-codes kept behind.
 */
export function OrganizationEditPage(p: {
  action: string;
  values: Record<string, unknown>;
  /** the towns on the profile now */
  towns?: TownRef[];
  errors?: FieldErrors;
  state?: FormState | null;
  isNew: boolean;
}) {
  const { t, locale } = usePage().i18n;
  const title = p.isNew ? t('organizations.form.newTitle') : t('organizations.form.editTitle');
  return (
    <TitledLayout title={title}>
      <Form action={p.action} multipart state={p.state} values={p.values} errors={p.errors}>
        <Field name="name_ar" label={t('organizations.form.nameAr')} required maxLength={120} />
        <Field
          name="name_en"
          label={t('organizations.form.nameEn')}
          hint={t('organizations.form.nameEnHint')}
          maxLength={120}
        />
        <Field name="description_ar" label={t('organizations.form.descriptionAr')} multiline />
        <Field name="description_en" label={t('organizations.form.descriptionEn')} multiline />
        <Checkboxes
          name="fields"
          legend={t('organizations.profile.fields')}
          options={fieldsOfWork.map((f) => ({ value: f, label: t(`organizations.field.${f}` as never) }))}
        />
        {p.towns?.length ? (
          <Checkboxes
            name="towns"
            legend={t('organizations.form.towns')}
            hint={t('organizations.form.townsKeepHint')}
            options={p.towns.map((town) => ({
              value: town.pcode,
              label: <bdi>{localized(town, 'name', locale)}</bdi>,
            }))}
          />
        ) : null}
        <Field
          name="towns_add"
          label={p.towns?.length ? t('organizations.form.townsAdd') : t('organizations.form.towns')}
          hint={t('organizations.form.townsHint', { example: 'C1594' })}
          multiline
          rows={2}
        />
        <Field name="phone" type="tel" label={t('organizations.profile.phone')} />
        <Field name="email" type="email" label={t('organizations.profile.email')} />
        <Field name="website" type="url" label={t('organizations.profile.website')} />
        <FileField name="logo" label={t('organizations.form.logo')} accept="image/jpeg,image/png,image/webp" />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
  );
}
