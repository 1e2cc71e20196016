// A town's services: its own page, the printable one-page leaflet, and the blocks other features'
// pages show (a town's page, an organization's profile).
import type { VNode } from 'preact';
import { localized } from '../../../../core/i18n/localized.js';
import { Empty, Ltr, Phone } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { ServiceCard } from '../../queries.js';
import { CardList, openingText } from './components.js';

type Town = { pcode: string; name_ar: string; name_en: string };

export function TownServicesPage(p: {
  town: Town & { adm2_name_ar: string; adm2_name_en: string };
  cards: ServiceCard[];
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = localized(p.town, 'name', i18n.locale);
  return (
    <Layout title={t('services.town.title', { town: name })}>
      <h1>{t('services.town.title', { town: name })}</h1>
      <p class="meta">
        <a href={`/towns/${p.town.pcode}`}>{name}</a> · {localized(p.town, 'adm2_name', i18n.locale)} ·{' '}
        <Ltr>{p.town.pcode}</Ltr>
      </p>
      <p class="actions no-print">
        <a class="button secondary" href={`/towns/${p.town.pcode}/services/leaflet`}>
          {t('services.leaflet.link')}
        </a>
        <a class="button secondary" href={`/services?town=${p.town.pcode}`}>
          {t('services.town.nearby')}
        </a>
      </p>
      <CardList cards={p.cards} now={p.now} empty={t('services.town.none')} />
    </Layout>
  );
}

/** A printable one-page leaflet: no site chrome, the essentials of each service, tel numbers. */
export function LeafletPage(p: { town: Town; cards: ServiceCard[]; now: Date }) {
  const { i18n, stylesheet } = usePage();
  const { t, locale } = i18n;
  const name = localized(p.town, 'name', locale);
  return (
    <html lang={i18n.lang} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('services.leaflet.title', { town: name })} · ${t('common.siteName')}`}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <main class="leaflet">
          <h1>{t('services.leaflet.title', { town: name })}</h1>
          <p class="meta">{t('services.leaflet.printed', { date: i18n.date(p.now) })}</p>
          {p.cards.length ? (
            <ol>
              {p.cards.map((c) => (
                <li>
                  <strong dir="auto">{localized(c, 'name', locale)}</strong>
                  {c.org ? (
                    <>
                      {' — '}
                      <bdi>{localized(c.org, 'name', locale)}</bdi>
                    </>
                  ) : null}
                  {c.isFree ? ` · ${t('services.free')}` : ''}
                  <br />
                  {openingText(i18n, c.opening, p.now)}
                  {c.phones[0] ? (
                    <>
                      <br />
                      <span class="phone">
                        <Phone number={c.phones[0]} />
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <Empty text={t('services.town.none')} />
          )}
          <p class="meta">{t('services.leaflet.footer')}</p>
          <p class="no-print">
            <a href={`/towns/${p.town.pcode}/services`}>{t('common.back')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** The block on a town's page (slot 'town'). */
export function TownSection(p: { pcode: string; cards: ServiceCard[]; now: Date }): VNode {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-town-services">
      <h2 id="h-town-services">{t('services.section.title')}</h2>
      <CardList cards={p.cards.slice(0, 5)} now={p.now} empty={t('services.town.none')} heading="h3" />
      <p>
        <a href={`/towns/${p.pcode}/services`}>{t('services.section.all', { count: p.cards.length })}</a>
      </p>
    </section>
  );
}

/** The block on an organization's profile (slot 'organization'). */
export function OrganizationSection(p: { cards: ServiceCard[]; now: Date }): VNode | null {
  const { t } = usePage().i18n;
  if (!p.cards.length) return null;
  return (
    <section aria-labelledby="h-org-services">
      <h2 id="h-org-services">{t('services.section.orgTitle')}</h2>
      <CardList cards={p.cards} now={p.now} empty="" heading="h3" />
    </section>
  );
}
