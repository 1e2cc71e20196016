import type { VNode } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Form, Field } from '../../../core/views/forms.js';

type Town = {
  pcode: string;
  name_ar: string;
  name_en: string;
  adm3_name_ar: string;
  adm3_name_en: string;
  adm2_name_ar: string;
  adm2_name_en: string;
  adm1_name_ar: string;
  adm1_name_en: string;
  data_note?: string | null;
};

export function townName(t: { name_ar: string; name_en: string }, locale: string) {
  return locale === 'ar' ? t.name_ar : t.name_en;
}

export function TownsSearchPage(p: { q: string; results: Town[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const ar = i18n.locale === 'ar';
  return (
    <Layout title={t('towns.search.title')}>
      <h1>{t('towns.search.title')}</h1>
      <Form action="/towns" method="get" class="form">
        <Field name="q" type="search" label={t('towns.search.label')} value={p.q} hint={t('towns.search.hint')} />
        <button type="submit">{t('common.search')}</button>
      </Form>
      {p.q ? (
        p.results.length ? (
          <ul class="card-list">
            {p.results.map((r) => (
              <li class="card">
                <a href={`/towns/${r.pcode}`}>{townName(r, i18n.locale)}</a>{' '}
                <span class="meta">
                  — {ar ? r.adm3_name_ar : r.adm3_name_en}، {ar ? r.adm2_name_ar : r.adm2_name_en} ·{' '}
                  <span class="code">{r.pcode}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('towns.search.none')}</p>
        )
      ) : null}
    </Layout>
  );
}

export function TownPage(p: {
  town: Town;
  orgs: { id: number; name_ar: string; name_en: string }[];
  nearby: { pcode: string; name_ar: string; name_en: string; distanceKm: number }[];
  sections: VNode[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const ar = i18n.locale === 'ar';
  const town = p.town;
  return (
    <Layout title={townName(town, i18n.locale)}>
      <h1>{townName(town, i18n.locale)}</h1>
      <p class="meta">
        {ar ? town.adm3_name_ar : town.adm3_name_en}، {ar ? town.adm2_name_ar : town.adm2_name_en}،{' '}
        {ar ? town.adm1_name_ar : town.adm1_name_en} · {t('towns.pcode')} <span class="code">{town.pcode}</span>
      </p>
      <section aria-labelledby="h-orgs">
        <h2 id="h-orgs">{t('towns.organizations')}</h2>
        {p.orgs.length ? (
          <ul>
            {p.orgs.map((o) => (
              <li>
                <a href={`/organizations/${o.id}`}>{ar ? o.name_ar : o.name_en}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('towns.noOrganizations')}</p>
        )}
      </section>
      {p.sections}
      {p.nearby.length ? (
        <section aria-labelledby="h-nearby">
          <h2 id="h-nearby">{t('towns.nearby')}</h2>
          <ul class="tags">
            {p.nearby.map((n) => (
              <li>
                <a class="badge" href={`/towns/${n.pcode}`}>
                  {townName(n, i18n.locale)} ({t('towns.km', { km: Math.round(n.distanceKm) })})
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="small">{t('towns.credit')}</p>
    </Layout>
  );
}
