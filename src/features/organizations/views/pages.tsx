import type { VNode } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Ltr, Phone, UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { fieldsOfWork } from '../schemas.js';

type Org = {
  id: number;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  fields: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
};
type TownRef = { pcode: string; name_ar: string; name_en: string };

export function orgName(o: { name_ar: string; name_en: string }, locale: string) {
  return locale === 'ar' ? o.name_ar : o.name_en;
}

export function orgPath(o: { id: number; name_en: string }, slugify: (s: string) => string) {
  return `/organizations/${o.id}/${slugify(o.name_en)}`;
}

export function OrganizationsPage(p: { orgs: (Org & { href: string; towns: TownRef[] })[]; networkName: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('organizations.list.title')}>
      <h1>{t('organizations.list.title')}</h1>
      <p>{t('organizations.list.intro', { network: p.networkName, count: p.orgs.length })}</p>
      <ul class="card-list">
        {p.orgs.map((o) => (
          <li class="card">
            <h2>
              <a href={o.href}>{orgName(o, i18n.locale)}</a>
            </h2>
            <p class="meta">
              {o.towns.map((tn, i) => (
                <>
                  {i > 0 ? '، ' : ''}
                  <a href={`/towns/${tn.pcode}`}>{i18n.locale === 'ar' ? tn.name_ar : tn.name_en}</a>
                </>
              ))}
            </p>
            <ul class="tags">
              {o.fields.map((f) => (
                <li class="badge">{t(`organizations.field.${f}` as never)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Layout>
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
  const { i18n } = usePage();
  const { t } = i18n;
  const o = p.org;
  const name = orgName(o, i18n.locale);
  const description =
    i18n.locale === 'ar' ? o.description_ar || o.description_en : o.description_en || o.description_ar;
  return (
    <Layout title={name} description={description.slice(0, 160)}>
      <article class="org-profile">
        {p.logoUrl ? <img src={p.logoUrl} alt="" width={96} class="org-logo" /> : null}
        <h1>{name}</h1>
        <p class="meta" lang={i18n.locale === 'ar' ? 'en' : 'ar'} dir="auto">
          {i18n.locale === 'ar' ? o.name_en : o.name_ar}
        </p>
        {description ? <UserText as="p" text={description} /> : null}
        <h2>{t('organizations.profile.fields')}</h2>
        <ul class="tags">
          {o.fields.map((f) => (
            <li class="badge">{t(`organizations.field.${f}` as never)}</li>
          ))}
        </ul>
        <h2>{t('organizations.profile.towns')}</h2>
        <ul>
          {p.towns.map((tn) => (
            <li>
              <a href={`/towns/${tn.pcode}`}>{i18n.locale === 'ar' ? tn.name_ar : tn.name_en}</a>
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

export function OrganizationEditPage(p: {
  action: string;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  isNew: boolean;
}) {
  const { t } = usePage().i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const selected = new Set(Array.isArray(v.fields) ? (v.fields as string[]) : v.fields ? [String(v.fields)] : []);
  return (
    <Layout title={p.isNew ? t('organizations.form.newTitle') : t('organizations.form.editTitle')}>
      <h1>{p.isNew ? t('organizations.form.newTitle') : t('organizations.form.editTitle')}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action} multipart>
        <Field
          name="name_ar"
          label={t('organizations.form.nameAr')}
          value={String(v.name_ar ?? '')}
          error={e.name_ar}
          required
        />
        <Field
          name="name_en"
          label={t('organizations.form.nameEn')}
          value={String(v.name_en ?? '')}
          error={e.name_en}
          required
        />
        <Field
          name="description_ar"
          label={t('organizations.form.descriptionAr')}
          value={String(v.description_ar ?? '')}
          error={e.description_ar}
          multiline
        />
        <Field
          name="description_en"
          label={t('organizations.form.descriptionEn')}
          value={String(v.description_en ?? '')}
          error={e.description_en}
          multiline
        />
        <fieldset>
          <legend>{t('organizations.profile.fields')}</legend>
          {fieldsOfWork.map((f) => (
            <label class="checkbox">
              <input type="checkbox" name="fields" value={f} checked={selected.has(f)} />{' '}
              {t(`organizations.field.${f}` as never)}
            </label>
          ))}
          {e.fields ? <p class="error">{e.fields}</p> : null}
        </fieldset>
        <Field
          name="towns"
          label={t('organizations.form.towns')}
          hint={t('organizations.form.townsHint')}
          value={String(v.towns ?? '')}
          error={e.towns}
        />
        <Field
          name="phone"
          type="tel"
          label={t('organizations.profile.phone')}
          value={String(v.phone ?? '')}
          error={e.phone}
        />
        <Field
          name="email"
          type="email"
          label={t('organizations.profile.email')}
          value={String(v.email ?? '')}
          error={e.email}
        />
        <Field
          name="website"
          type="url"
          label={t('organizations.profile.website')}
          value={String(v.website ?? '')}
          error={e.website}
        />
        <div class="field">
          <label for="f-logo">{t('organizations.form.logo')}</label>
          <input id="f-logo" type="file" name="logo" accept="image/jpeg,image/png,image/webp" />
          {e.logo ? <p class="error">{e.logo}</p> : null}
        </div>
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function StaffPage(p: {
  orgId: number;
  orgName: string;
  staff: { id: number; display_name: string; role: string }[];
  canManage: boolean;
  errors?: FieldErrors;
  invitedLink?: string | null;
}) {
  const { t } = usePage().i18n;
  const e = p.errors ?? {};
  return (
    <Layout title={t('organizations.staff.title')}>
      <h1>
        {t('organizations.staff.title')} — <bdi>{p.orgName}</bdi>
      </h1>
      <table>
        <thead>
          <tr>
            <th>{t('organizations.staff.name')}</th>
            <th>{t('organizations.staff.role')}</th>
            {p.canManage ? <th></th> : null}
          </tr>
        </thead>
        <tbody>
          {p.staff.map((s) => (
            <tr>
              <td>
                <bdi>{s.display_name}</bdi>
              </td>
              <td>{t(`role.${s.role}` as never)}</td>
              {p.canManage ? (
                <td>
                  <Form action={`/organizations/${p.orgId}/staff/remove`} class="inline-form">
                    <input type="hidden" name="user_id" value={String(s.id)} />
                    <button type="submit" class="secondary">
                      {t('organizations.staff.remove')}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {p.canManage ? (
        <>
          <h2>{t('organizations.staff.invite')}</h2>
          <FormErrorSummary message={e._form} />
          <Form action={`/organizations/${p.orgId}/staff/invite`}>
            <Field name="email" type="email" label={t('auth.signup.email')} error={e.email} required />
            <Select
              name="role"
              label={t('organizations.staff.role')}
              value="orgStaff"
              options={[
                { value: 'orgStaff', label: t('role.orgStaff') },
                { value: 'orgAdmin', label: t('role.orgAdmin') },
              ]}
            />
            <button type="submit">{t('common.send')}</button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
