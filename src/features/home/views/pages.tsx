import type { VNode } from 'preact';
import { meetsAccess } from '../../../core/auth/access.js';
import type { NetworksTable } from '../../../core/db/core-tables.js';
import { localized } from '../../../core/i18n/localized.js';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';

type Network = Pick<
  NetworksTable,
  'name_ar' | 'name_en' | 'description_ar' | 'description_en' | 'region_ar' | 'region_en'
>;

/** A figure of the home page: the number above its noun, or one sentence when there is none yet. */
function Tile(p: { count: number; label: string }) {
  const { i18n } = usePage();
  return (
    <li>
      {p.count ? (
        <>
          <strong>{i18n.number(p.count)}</strong> {p.label}
        </>
      ) : (
        p.label
      )}
    </li>
  );
}

export function HomePage(p: {
  network: Network | null;
  orgs: { id: number; name_ar: string; name_en: string }[];
  townCount: number;
  sections: VNode[];
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const n = p.network;
  const description = n ? localized(n, 'description', locale) : '';
  return (
    <Layout title={t('home.title')} description={description || undefined}>
      <section class="intro">
        <h1>{n ? localized(n, 'name', locale) : t('common.siteName')}</h1>
        {n ? <p>{description}</p> : <p>{t('home.empty')}</p>}
        {n ? <p class="meta">{localized(n, 'region', locale)}</p> : null}
      </section>
      <section aria-labelledby="h-figures">
        <h2 id="h-figures">{t('home.figures')}</h2>
        <ul class="figures">
          <Tile count={p.orgs.length} label={t('home.figure.organizations', { count: p.orgs.length })} />
          <Tile count={p.townCount} label={t('home.figure.towns', { count: p.townCount })} />
        </ul>
      </section>
      {p.sections}
      <section aria-labelledby="h-members">
        <h2 id="h-members">{t('home.members')}</h2>
        <ul>
          {p.orgs.map((o) => (
            <li>
              <a href={`/organizations/${o.id}`}>{localized(o, 'name', locale)}</a>
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

/**
 * What waits for the person (each feature's `start` block, the first one the new notifications),
 * or a clear line that nothing does; then every area they can work in — the header's staff links,
 * described — and the way to their notifications, account and the public site.
 */
export function StartPage(p: { sections: VNode[] }) {
  const { i18n, actor, staffNav } = usePage();
  const { t } = i18n;
  const areas = staffNav.filter((n) => n.href !== '/start' && meetsAccess(actor, n.access ?? 'public'));
  return (
    <Layout title={t('home.start.title')}>
      <h1>{t('account.greeting', { name: actor.user?.displayName ?? '' })}</h1>
      {p.sections.length ? (
        p.sections
      ) : (
        <section class="start-block start-block--empty" aria-labelledby="h-nothing">
          <h2 id="h-nothing">{t('home.start.nothing')}</h2>
          <p>{areas.length ? t('home.start.nothingStaff') : t('home.start.nothingMember')}</p>
        </section>
      )}
      {areas.length ? (
        <section aria-labelledby="h-areas">
          <h2 id="h-areas">{t('home.start.areas')}</h2>
          <ul class="start-areas">
            {areas.map((a) => (
              <li>
                <a href={a.href}>{t(a.labelKey)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="actions">
        <a href="/notifications">{t('home.start.notifications')}</a>
        <a href="/account">{t('home.start.account')}</a>
        <a href="/">{t('home.start.site')}</a>
      </p>
    </Layout>
  );
}
