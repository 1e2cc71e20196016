// Pieces shared by the services pages: opening state in words, a result card, the stylesheet link.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { Phone, UserText } from '../../../core/views/components.js';
import { addDays, localParts, type OpeningState } from '../opening-hours.js';
import type { ServiceCard } from '../queries.js';
import { categoryLabel } from '../queries.js';
import type { Translator } from '../../../core/i18n/index.js';

let stylesheetHref = '/services/assets/services.css';
export function setServicesStylesheet(href: string) {
  stylesheetHref = href;
}
export function ServicesHead() {
  return <link rel="stylesheet" href={stylesheetHref} />;
}

export const tr = (row: { [k: string]: unknown }, field: string, locale: string): string => {
  const a = row[`${field}_ar`] as string | null | undefined;
  const e = row[`${field}_en`] as string | null | undefined;
  return (locale === 'ar' ? a || e : e || a) ?? '';
};

/** "Open now until 14:00", "Opens Saturday at 08:00", "Temporarily closed". */
export function openingText(i18n: Translator, state: OpeningState | null, now: Date): string {
  const { t } = i18n;
  if (!state) return t('services.hours.unknown');
  if (state.open) return t('services.hours.openUntil', { time: i18n.time(state.until) });
  if (!state.opensNext) return t('services.hours.closedForNow');
  const today = localParts(now).date;
  const day = localParts(state.opensNext).date;
  const time = i18n.time(state.opensNext);
  if (day === today) return t('services.hours.opensToday', { time });
  if (day === addDays(today, 1)) return t('services.hours.opensTomorrow', { time });
  if (day <= addDays(today, 6)) return t('services.hours.opensOn', { day: i18n.weekday(state.opensNext), time });
  return t('services.hours.opensOnDate', { date: i18n.date(state.opensNext), time });
}

export function OpeningLine(p: { state: OpeningState | null; now: Date }) {
  const { i18n } = usePage();
  const cls = p.state?.open ? 'svc-open svc-open--yes' : p.state ? 'svc-open svc-open--no' : 'svc-open';
  return <span class={cls}>{openingText(i18n, p.state, p.now)}</span>;
}

export function ConfirmedLine(p: { verifiedAt: string | null; stale: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <span class={p.stale ? 'svc-stale' : 'meta'}>
      {p.verifiedAt ? t('services.confirmedOn', { date: i18n.date(p.verifiedAt) }) : t('services.neverConfirmed')}
      {p.stale ? ` — ${t('services.staleNote')}` : ''}
    </span>
  );
}

export function ServiceCardView(p: { card: ServiceCard; now: Date; heading?: 'h2' | 'h3' }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.card;
  const H = p.heading ?? 'h2';
  const name = tr(c, 'name', i18n.locale);
  const desc = tr(c, 'description', i18n.locale);
  return (
    <li class="card svc-card">
      <H>
        <a href={c.href} dir="auto">
          {name}
        </a>
      </H>
      {c.org ? (
        <p class="meta">
          <bdi>{tr(c.org, 'name', i18n.locale)}</bdi>
        </p>
      ) : null}
      <ul class="tags">
        {c.isFree ? <li class="badge badge--free">{t('services.free')}</li> : null}
        {c.status === 'temporarily closed' ? (
          <li class="badge badge--closed">{t('services.status.temporarilyClosed')}</li>
        ) : null}
        {c.categories.map((code) => (
          <li class="badge">{categoryLabel(code, i18n.locale)}</li>
        ))}
      </ul>
      {desc ? <UserText as="p" text={desc.length > 180 ? `${desc.slice(0, 177)}…` : desc} /> : null}
      <ul class="svc-facts">
        <li>
          <OpeningLine state={c.opening} now={p.now} />
        </li>
        {c.towns.length ? (
          <li>
            {t('services.where')}:{' '}
            {c.towns.slice(0, 4).map((tw, i) => (
              <>
                {i > 0 ? '، ' : ''}
                <a href={`/towns/${tw.pcode}/services`}>{i18n.locale === 'ar' ? tw.name_ar : tw.name_en}</a>
              </>
            ))}
            {c.towns.length > 4 ? ` ${t('services.andMore', { count: c.towns.length - 4 })}` : ''}
            {c.distanceKm !== null && c.distanceKm > 0
              ? ` (${t('services.kmAway', { km: Math.round(c.distanceKm) })})`
              : ''}
          </li>
        ) : null}
        {c.phones.map((ph) => (
          <li>
            {t('services.call')}: <Phone number={ph} />
          </li>
        ))}
        <li>
          <ConfirmedLine verifiedAt={c.verifiedAt} stale={c.stale} />
        </li>
      </ul>
    </li>
  );
}

export function Credit() {
  const { t } = usePage().i18n;
  return <p class="svc-credit">{t('services.map.credit')}</p>;
}

export function Section(p: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.children}
    </section>
  );
}
