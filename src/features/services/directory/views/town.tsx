// A town's services: its own page, the printable one-page leaflet, and the blocks other features'
// pages show (a town's page, an organization's profile).
import type { VNode } from 'preact';
import { localized } from '../../../../core/i18n/localized.js';
import { Empty, Ltr, Phone } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { TitledLayout } from '../../../../core/views/Layout.js';
import type { Translator } from '../../../../core/i18n/index.js';
import { WEEK, localParts, zonedInstant } from '../../opening-hours.js';
import type { ScheduleRow, ServiceCard } from '../../queries.js';
import type { LeafletEntry } from '../queries.js';
import { ActionLinks, CardList, TownLinks, dayName } from './components.js';

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
    <TitledLayout title={t('services.town.title', { town: name })}>
      <p class="meta">
        <a href={`/towns/${p.town.pcode}`}>{name}</a> · {localized(p.town, 'adm2_name', i18n.locale)} ·{' '}
        <Ltr>{p.town.pcode}</Ltr>
      </p>
      <ActionLinks
        noPrint
        links={[
          [`/towns/${p.town.pcode}/services/leaflet`, t('services.leaflet.link')],
          [`/services?town=${p.town.pcode}`, t('services.town.nearby')],
        ]}
      />
      <CardList cards={p.cards} now={p.now} empty={t('services.town.none')} />
    </TitledLayout>
  );
}

/** Regular weekly hours in one line, days with the same hours together: "السبت–الخميس ٠٨:٠٠–١٤:٠٠". */
export function weekLine(i18n: Translator, schedules: ScheduleRow[], now: Date): string {
  const date = localParts(now).date;
  const regular = schedules.filter((s) => !s.closed && !s.valid_from && !s.valid_to && s.opens_at && s.closes_at);
  const at = (time: string) => i18n.time(zonedInstant(date, time.slice(0, 5)));
  const spans = WEEK.map((d) =>
    regular
      .filter((r) => !r.byday || r.byday.split(',').includes(d))
      .sort((a, b) => (a.opens_at! < b.opens_at! ? -1 : 1))
      .map((r) => `${at(r.opens_at!)}–${at(r.closes_at!)}`)
      .join('، '),
  );
  const parts: string[] = [];
  for (let i = 0; i < WEEK.length;) {
    let j = i;
    while (j + 1 < WEEK.length && spans[j + 1] === spans[i]) j++;
    if (spans[i]) {
      const days = i === j ? dayName(i18n.t, WEEK[i]!) : `${dayName(i18n.t, WEEK[i]!)}–${dayName(i18n.t, WEEK[j]!)}`;
      parts.push(`${days} ${spans[i]}`);
    }
    i = j + 1;
  }
  return parts.join('؛ ');
}

function LeafletItem(p: { entry: LeafletEntry; now: Date }) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const c = p.entry.card;
  const hours = weekLine(i18n, p.entry.schedules, p.now);
  const landmark = p.entry.landmark ? localized(p.entry.landmark, 'landmark', locale) : '';
  const km = c.distanceKm !== null && c.distanceKm > 0 ? Math.round(c.distanceKm) : null;
  return (
    <li>
      <strong dir="auto">{localized(c, 'name', locale)}</strong>
      {c.org ? (
        <>
          {' — '}
          <bdi>{localized(c.org, 'name', locale)}</bdi>
        </>
      ) : null}
      {c.isFree ? ` · ${t('services.free')}` : ''}
      {c.towns.length && km !== null ? (
        <>
          <br />
          <TownLinks towns={c.towns.slice(0, 2)} /> ({t('services.kmAway', { km })})
        </>
      ) : null}
      <br />
      <span class="leaflet-hours">
        {t('services.leaflet.hours')}: {hours || t('services.leaflet.noHours')}
      </span>
      {landmark ? (
        <>
          <br />
          {t('services.leaflet.landmark')}: <bdi>{landmark}</bdi>
        </>
      ) : null}
      {c.phones.length ? (
        <>
          <br />
          <span class="phone">
            {c.phones.map((ph, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <Phone number={ph} />
              </>
            ))}
          </span>
        </>
      ) : null}
    </li>
  );
}

/**
 * A printable one-page (A4) leaflet, no site chrome: the town's services and those of nearby towns
 * (with the distance), each with its weekly hours, landmark and phones; the site's address and a QR
 * code to the town's page. It never says whether a service is open at the moment of printing.
 */
export function LeafletPage(p: {
  town: Town;
  own: LeafletEntry[];
  nearby: LeafletEntry[];
  moreNearby: number;
  nearbyKm: number;
  townUrl: string;
  qr: string;
  now: Date;
}) {
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
          {p.own.length ? (
            <ol class="leaflet-own">
              {p.own.map((e) => (
                <LeafletItem entry={e} now={p.now} />
              ))}
            </ol>
          ) : (
            <Empty text={t('services.town.none')} />
          )}
          <h2>{t('services.leaflet.nearbyTitle', { km: p.nearbyKm })}</h2>
          {p.nearby.length ? (
            <ol class="leaflet-nearby">
              {p.nearby.map((e) => (
                <LeafletItem entry={e} now={p.now} />
              ))}
            </ol>
          ) : (
            <p class="meta">{t('services.leaflet.noneNearby')}</p>
          )}
          {p.moreNearby ? <p class="meta">{t('services.leaflet.moreNearby', { count: p.moreNearby })}</p> : null}
          <footer class="leaflet-site">
            <img src={p.qr} alt="" width={96} height={96} />
            <p>
              {t('services.leaflet.site')}
              <br />
              <Ltr>{p.townUrl}</Ltr>
            </p>
          </footer>
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
