import type { VNode } from 'preact';
import { TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Form, Field } from '../../../core/views/forms.js';
import { Empty } from '../../../core/views/components.js';
import { localized } from '../../../core/i18n/localized.js';

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
  return localized(t, 'name', locale);
}

type NetworkTown = {
  pcode: string;
  name_ar: string;
  name_en: string;
  adm2_pcode: string;
  adm2_name_ar: string;
  adm2_name_en: string;
  orgs: number;
};

/** The towns where members work, by district. */
function NetworkTowns(p: { towns: NetworkTown[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.towns.length) return <Empty text={t('towns.network.none')} />;
  const districts = [...new Set(p.towns.map((x) => x.adm2_pcode))];
  return (
    <section aria-labelledby="h-network-towns">
      <h2 id="h-network-towns">{t('towns.network.title', { count: p.towns.length })}</h2>
      {districts.map((d) => {
        const here = p.towns.filter((x) => x.adm2_pcode === d);
        return (
          <>
            <h3>{localized(here[0], 'adm2_name', i18n.locale)}</h3>
            <ul class="tags">
              {here.map((x) => (
                <li>
                  <a class="badge" href={`/towns/${x.pcode}`}>
                    {localized(x, 'name', i18n.locale)}
                  </a>{' '}
                  <span class="meta">{t('towns.network.orgs', { count: x.orgs })}</span>
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </section>
  );
}

export function TownsSearchPage(p: { q: string; results: Town[]; networkTowns: NetworkTown[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <TitledLayout title={t('towns.search.title')}>
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
                  — {localized(r, 'adm3_name', i18n.locale)}، {localized(r, 'adm2_name', i18n.locale)} ·{' '}
                  <span class="code">{r.pcode}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('towns.search.none')}</p>
        )
      ) : null}
      <NetworkTowns towns={p.networkTowns} />
    </TitledLayout>
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
  const town = p.town;
  return (
    <TitledLayout title={townName(town, i18n.locale)}>
      <p class="meta">
        {localized(town, 'adm3_name', i18n.locale)}، {localized(town, 'adm2_name', i18n.locale)}،{' '}
        {localized(town, 'adm1_name', i18n.locale)} · {t('towns.pcode')} <span class="code">{town.pcode}</span>
      </p>
      <section aria-labelledby="h-orgs">
        <h2 id="h-orgs">{t('towns.organizations')}</h2>
        {p.orgs.length ? (
          <ul>
            {p.orgs.map((o) => (
              <li>
                <a href={`/organizations/${o.id}`}>{localized(o, 'name', i18n.locale)}</a>
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
    </TitledLayout>
  );
}
