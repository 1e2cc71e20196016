import type { VNode } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';

type Network = {
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  region_ar: string;
  region_en: string;
};

export function HomePage(p: {
  network: Network | null;
  orgs: { id: number; name_ar: string; name_en: string }[];
  townCount: number;
  sections: VNode[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const ar = i18n.locale === 'ar';
  const n = p.network;
  return (
    <Layout title={t('home.title')} description={n ? (ar ? n.description_ar : n.description_en) : undefined}>
      <section class="intro">
        <h1>{n ? (ar ? n.name_ar : n.name_en) : t('common.siteName')}</h1>
        {n ? <p>{ar ? n.description_ar : n.description_en}</p> : <p>{t('home.empty')}</p>}
        {n ? <p class="meta">{ar ? n.region_ar : n.region_en}</p> : null}
      </section>
      <section aria-labelledby="h-figures">
        <h2 id="h-figures">{t('home.figures')}</h2>
        <ul class="figures">
          <li>
            <strong>{i18n.number(p.orgs.length)}</strong> {t('home.memberOrganizations', { count: p.orgs.length })}
          </li>
          <li>
            <strong>{i18n.number(p.townCount)}</strong> {t('home.towns', { count: p.townCount })}
          </li>
        </ul>
      </section>
      {p.sections}
      <section aria-labelledby="h-members">
        <h2 id="h-members">{t('home.members')}</h2>
        <ul>
          {p.orgs.map((o) => (
            <li>
              <a href={`/organizations/${o.id}`}>{ar ? o.name_ar : o.name_en}</a>
            </li>
          ))}
        </ul>
        <p>
          <a href="/towns">{t('home.findTown')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** What waits for the person: each feature's block, or a quiet line when nothing does. */
export function StartPage(p: { sections: VNode[] }) {
  const { i18n, actor } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('home.start.title')}>
      <h1>{t('home.start.greeting', { name: actor.user?.displayName ?? '' })}</h1>
      {p.sections.length ? p.sections : <p class="meta">{t('home.start.nothing')}</p>}
      <p>
        <a href="/notifications">{t('home.start.notifications')}</a> · <a href="/">{t('home.start.site')}</a>
      </p>
    </Layout>
  );
}
