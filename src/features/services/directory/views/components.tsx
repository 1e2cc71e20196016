// Pieces the services pages share: opening state in words, the confirmation line, a result card,
// a list of cards, the week of opening hours, the map's credit.
import { localized } from '../../../../core/i18n/localized.js';
import type { Translator } from '../../../../core/i18n/index.js';
import { Empty, Phone, UserText } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import type { FormState } from '../../../../core/views/forms.js';
import { addDays } from '../../../../core/time.js';
import { WEEK, localParts, zonedInstant, type OpeningState, type Weekday } from '../../opening-hours.js';
import { categoryLabel, type ScheduleRow, type ServiceCard } from '../../queries.js';

/**
 * The refused submission as the form at `action` shows it: the route kit names it by the path
 * posted to (with the id as typed, without the query), the form by its action.
 */
export const ownState = (action: string, state: FormState | null | undefined): FormState | null =>
  state ? { ...state, id: action } : null;

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

/** "Free", "Temporarily closed" and the categories, as badges. */
export function ServiceTags(p: { isFree: boolean; status: string; categories: string[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ul class="tags">
      {p.isFree ? <li class="badge badge--free">{t('services.free')}</li> : null}
      {p.status === 'temporarily closed' ? (
        <li class="badge badge--closed">{t('services.status.temporarilyClosed')}</li>
      ) : null}
      {p.categories.map((code) => (
        <li class="badge">{categoryLabel(code, i18n.locale)}</li>
      ))}
    </ul>
  );
}

/** Links to the services of these towns, separated the Arabic way. */
export function TownLinks(p: { towns: { pcode: string; name_ar: string; name_en: string }[] }) {
  const { locale } = usePage().i18n;
  return (
    <>
      {p.towns.map((tw, i) => (
        <>
          {i > 0 ? '، ' : ''}
          <a href={`/towns/${tw.pcode}/services`}>{localized(tw, 'name', locale)}</a>
        </>
      ))}
    </>
  );
}

export function ServiceCardView(p: { card: ServiceCard; now: Date; heading?: 'h2' | 'h3' }) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const c = p.card;
  const H = p.heading ?? 'h2';
  const desc = localized(c, 'description', locale);
  return (
    <li class="card svc-card">
      <H>
        <a href={c.href} dir="auto">
          {localized(c, 'name', locale)}
        </a>
      </H>
      {c.org ? (
        <p class="meta">
          <bdi>{localized(c.org, 'name', locale)}</bdi>
        </p>
      ) : null}
      <ServiceTags isFree={c.isFree} status={c.status} categories={c.categories} />
      {desc ? <UserText as="p" text={desc.length > 180 ? `${desc.slice(0, 177)}…` : desc} /> : null}
      <ul class="svc-facts">
        <li>
          <OpeningLine state={c.opening} now={p.now} />
        </li>
        {c.towns.length ? (
          <li>
            {t('services.where')}: <TownLinks towns={c.towns.slice(0, 4)} />
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

/** Result cards, or the line saying there are none. */
export function CardList(p: { cards: ServiceCard[]; now: Date; empty: string; heading?: 'h2' | 'h3' }) {
  if (!p.cards.length) return <Empty text={p.empty} />;
  return (
    <ul class="card-list">
      {p.cards.map((c) => (
        <ServiceCardView card={c} now={p.now} heading={p.heading} />
      ))}
    </ul>
  );
}

export function Credit() {
  const { t } = usePage().i18n;
  return <p class="svc-credit">{t('services.map.credit')}</p>;
}

function hhmm(i18n: Translator, date: string, time: string | null): string {
  if (!time) return '';
  return i18n.time(zonedInstant(date, time.slice(0, 5)));
}

export function dayName(t: Translator['t'], d: Weekday | string) {
  return t(`services.day.${d}` as never);
}

/** The week (Saturday first) for regular hours, then seasonal hours and closures. */
export function HoursTable(p: { schedules: ScheduleRow[]; now: Date }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const today = localParts(p.now);
  const regular = p.schedules.filter((s) => !s.closed && !s.valid_from && !s.valid_to);
  const seasonal = p.schedules.filter(
    (s) => !s.closed && (s.valid_from || s.valid_to) && (!s.valid_to || s.valid_to >= today.date),
  );
  const closures = p.schedules.filter((s) => s.closed && (!s.valid_to || s.valid_to >= today.date));
  const spans = (rules: ScheduleRow[], day: Weekday) =>
    rules
      .filter((r) => !r.byday || r.byday.split(',').includes(day))
      .filter((r) => r.opens_at && r.closes_at)
      .sort((a, b) => (a.opens_at! < b.opens_at! ? -1 : 1))
      .map((r) => `${hhmm(i18n, today.date, r.opens_at)}–${hhmm(i18n, today.date, r.closes_at)}`)
      .join('، ');
  const label = (s: ScheduleRow) => localized(s, 'description', i18n.locale);
  const range = (s: ScheduleRow) =>
    s.valid_to
      ? t('common.dateRange', {
          from: i18n.date(`${s.valid_from}T12:00:00Z`),
          to: i18n.date(`${s.valid_to}T12:00:00Z`),
        })
      : t('services.hours.from', { date: i18n.date(`${s.valid_from}T12:00:00Z`) });
  return (
    <>
      {regular.length ? (
        <table class="svc-hours">
          <tbody>
            {WEEK.map((d) => (
              <tr class={d === today.weekday ? 'today' : undefined}>
                <th scope="row">{dayName(t, d)}</th>
                <td>{spans(regular, d) || t('services.hours.closedDay')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {seasonal.length ? (
        <ul>
          {seasonal.map((s) => (
            <li>
              <strong>{label(s) || t('services.hours.seasonal')}</strong> ({range(s)}):{' '}
              {WEEK.filter((d) => !s.byday || s.byday.split(',').includes(d))
                .map((d) => dayName(t, d))
                .join('، ')}{' '}
              {hhmm(i18n, today.date, s.opens_at)}–{hhmm(i18n, today.date, s.closes_at)}
            </li>
          ))}
        </ul>
      ) : null}
      {closures.length ? (
        <ul>
          {closures.map((s) => (
            <li class="svc-stale">
              {t('services.hours.closure')}: {label(s) ? <bdi>{label(s)}</bdi> : null} ({range(s)})
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** A row of secondary buttons, each a link ([href, label]); `noPrint` leaves them off paper. */
export function ActionLinks(p: { links: [href: string, label: string][]; noPrint?: boolean }) {
  return (
    <p class={p.noPrint ? 'actions no-print' : 'actions'}>
      {p.links.map(([href, label]) => (
        <a class="button secondary" href={href}>
          {label}
        </a>
      ))}
    </p>
  );
}
