// Public pages of the services directory: search, a service, a town's services, the leaflet, the map.
import type { VNode } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Ltr, Pagination, Phone, UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { WEEK, localParts, zonedInstant, type Weekday } from '../opening-hours.js';
import { CATEGORIES, GROUPS } from '../taxonomy.js';
import { categoryLabel, groupLabel, type ServiceCard, type ScheduleRow, type Place } from '../queries.js';
import { ConfirmedLine, Credit, OpeningLine, ServiceCardView, ServicesHead, openingText, tr } from './components.js';
import { DISTRICTS, MAP_HEIGHT, MAP_WIDTH } from '../map/districts.generated.js';
import type { Translator } from '../../../core/i18n/index.js';

export type SearchValues = {
  q?: string;
  town?: string;
  category?: string;
  group?: string;
  open_now?: boolean;
  free?: boolean;
};

export function SearchForm(p: {
  values: SearchValues;
  townOptions: { pcode: string; name: string }[];
  action?: string;
}) {
  const { t } = usePage().i18n;
  const v = p.values;
  return (
    <form method="get" action={p.action ?? '/services'} class="svc-search" role="search">
      <div class="field">
        <label for="f-q">{t('services.search.what')}</label>
        <input
          id="f-q"
          type="search"
          name="q"
          value={v.q ?? ''}
          dir="auto"
          placeholder={t('services.search.placeholder')}
        />
      </div>
      <div class="field">
        <label for="f-town">{t('services.search.town')}</label>
        <input
          id="f-town"
          type="text"
          name="town"
          value={v.town ?? ''}
          dir="auto"
          list="svc-towns"
          autocomplete="off"
        />
        <datalist id="svc-towns">
          {p.townOptions.map((o) => (
            <option value={o.name}>{o.pcode}</option>
          ))}
        </datalist>
      </div>
      <Select
        name="category"
        label={t('services.search.category')}
        includeEmpty={t('common.all')}
        value={v.category ?? ''}
        options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(c.code, usePage().i18n.locale) }))}
      />
      <Select
        name="group"
        label={t('services.search.group')}
        includeEmpty={t('common.all')}
        value={v.group ?? ''}
        options={GROUPS.map((g) => ({ value: g.code, label: groupLabel(g.code, usePage().i18n.locale) }))}
      />
      <div class="row">
        <label class="checkbox">
          <input type="checkbox" name="open_now" value="1" checked={!!v.open_now} /> {t('services.search.openNow')}
        </label>
        <label class="checkbox">
          <input type="checkbox" name="free" value="1" checked={!!v.free} /> {t('services.search.freeOnly')}
        </label>
      </div>
      <div class="row">
        <button type="submit">{t('common.search')}</button>
        <a href="/services/map">{t('services.map.title')}</a>
      </div>
    </form>
  );
}

export function SearchPage(p: {
  values: SearchValues;
  townOptions: { pcode: string; name: string }[];
  items: ServiceCard[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  town: { pcode: string; name_ar: string; name_en: string } | null;
  townNotFound: boolean;
  nearbyCount: number;
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('services.title')} description={t('services.intro')} head={<ServicesHead />}>
      <h1>{t('services.title')}</h1>
      <p>{t('services.intro')}</p>
      <SearchForm values={p.values} townOptions={p.townOptions} />
      {p.townNotFound ? (
        <p class="notice--warn">{t('services.search.townNotFound', { town: p.values.town ?? '' })}</p>
      ) : null}
      <h2 aria-live="polite">
        {t('common.results', { count: p.total })}
        {p.town
          ? ` — ${t('services.search.inAndNear', { town: i18n.locale === 'ar' ? p.town.name_ar : p.town.name_en, count: p.nearbyCount })}`
          : ''}
      </h2>
      {p.items.length ? (
        <ul class="card-list">
          {p.items.map((c) => (
            <ServiceCardView card={c} now={p.now} />
          ))}
        </ul>
      ) : (
        <p>{t('services.search.nothing')}</p>
      )}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={p.hrefFor} />
      <p class="meta no-print">
        <a href="/api/hsds">{t('services.api.link')}</a> ·{' '}
        <a href="/api/hsds/export/hxl.csv">{t('services.hxl.link')}</a>
      </p>
    </Layout>
  );
}

function hhmm(i18n: Translator, date: string, time: string | null): string {
  if (!time) return '';
  return i18n.time(zonedInstant(date, time.slice(0, 5)));
}

function dayName(t: Translator['t'], d: Weekday) {
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
  const label = (s: ScheduleRow) => tr(s, 'description', i18n.locale);
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

export type ServicePageProps = {
  service: Record<string, unknown> & { id: string; status: string };
  card: ServiceCard;
  org: { name_ar: string | null; name_en: string | null; memberOrgId: number | null } | null;
  placeHours: { place: Place | null; schedules: ScheduleRow[] }[];
  places: Place[];
  phones: { number: string; description_ar: string | null; description_en: string | null }[];
  languages: { code: string | null; name_ar: string | null; name_en: string | null }[];
  documents: { document_ar: string | null; document_en: string | null }[];
  costs: { option_ar: string | null; option_en: string | null; amount: number | null; currency: string | null }[];
  areas: { pcode: string; name_ar: string; name_en: string }[];
  canManage: boolean;
  now: Date;
  feedback?: { values: Record<string, unknown>; errors?: FieldErrors };
  report?: { values: Record<string, unknown>; errors?: FieldErrors };
};

export function ServicePage(p: ServicePageProps) {
  const { i18n } = usePage();
  const { t } = i18n;
  const s = p.service;
  const L = i18n.locale;
  const name = tr(s, 'name', L);
  const description = tr(s, 'description', L);
  const fb = p.feedback?.values ?? {};
  const fbe = p.feedback?.errors ?? {};
  const rp = p.report?.values ?? {};
  const rpe = p.report?.errors ?? {};
  const textOf = (key: string) => tr(s, key, L);
  return (
    <Layout title={name} description={description.slice(0, 160)} head={<ServicesHead />}>
      <article class="svc-detail">
        <h1 dir="auto">{name}</h1>
        {p.org ? (
          <p class="meta">
            {p.org.memberOrgId ? (
              <a href={`/organizations/${p.org.memberOrgId}`}>
                <bdi>{tr(p.org, 'name', L)}</bdi>
              </a>
            ) : (
              <bdi>{tr(p.org, 'name', L)}</bdi>
            )}
          </p>
        ) : null}
        <ul class="tags">
          {p.card.isFree ? <li class="badge badge--free">{t('services.free')}</li> : null}
          {s.status === 'temporarily closed' ? (
            <li class="badge badge--closed">{t('services.status.temporarilyClosed')}</li>
          ) : null}
          {p.card.categories.map((c) => (
            <li class="badge">{categoryLabel(c, L)}</li>
          ))}
        </ul>
        {textOf('alert') ? (
          <p class="notice--warn" role="note">
            <UserText text={textOf('alert')} />
          </p>
        ) : null}
        <p>
          <OpeningLine state={p.card.opening} now={p.now} />
        </p>
        <p>
          <ConfirmedLine verifiedAt={p.card.verifiedAt} stale={p.card.stale} />
        </p>
        {p.phones.length ? (
          <p class="actions">
            {p.phones.map((ph) => (
              <span class="svc-call">
                {t('services.call')}: <Phone number={ph.number} />
              </span>
            ))}
          </p>
        ) : null}
        {description ? <UserText as="p" text={description} /> : null}

        {p.card.groups.length ? (
          <>
            <h2>{t('services.detail.groups')}</h2>
            <ul class="tags">
              {p.card.groups.map((g) => (
                <li class="badge">{groupLabel(g, L)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {textOf('eligibility_description') ? (
          <>
            <h2>{t('services.detail.eligibility')}</h2>
            <UserText as="p" text={textOf('eligibility_description')} />
          </>
        ) : null}
        {textOf('application_process') ? (
          <>
            <h2>{t('services.detail.howToGet')}</h2>
            <UserText as="p" text={textOf('application_process')} />
          </>
        ) : null}
        {p.documents.length ? (
          <>
            <h2>{t('services.detail.documents')}</h2>
            <ul>
              {p.documents.map((d) => (
                <li dir="auto">{tr(d, 'document', L)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t('services.detail.cost')}</h2>
        <ul>
          {p.costs.length ? (
            p.costs.map((c) => (
              <li>
                <bdi>{tr(c, 'option', L)}</bdi>
                {c.amount ? (
                  <>
                    {' '}
                    — {i18n.number(c.amount)} <Ltr>{c.currency ?? ''}</Ltr>
                  </>
                ) : null}
              </li>
            ))
          ) : (
            <li>{t('services.detail.costUnknown')}</li>
          )}
          {textOf('fees_description') ? (
            <li>
              <UserText text={textOf('fees_description')} />
            </li>
          ) : null}
        </ul>
        {p.languages.length ? (
          <>
            <h2>{t('services.detail.languages')}</h2>
            <p>{p.languages.map((l) => tr(l, 'name', L) || l.code).join('، ')}</p>
          </>
        ) : null}

        <h2>{t('services.detail.where')}</h2>
        {p.places.length ? (
          <ul>
            {p.places.map((pl) => (
              <li>
                <bdi>{tr(pl, 'name', L)}</bdi>
                {pl.town ? (
                  <>
                    {' — '}
                    <a href={`/towns/${pl.town.pcode}/services`}>{L === 'ar' ? pl.town.name_ar : pl.town.name_en}</a>
                  </>
                ) : null}
                {tr(pl, 'landmark', L) ? (
                  <>
                    <br />
                    <span class="meta">
                      {t('services.detail.landmark')}: <UserText text={tr(pl, 'landmark', L)} />
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {p.areas.length ? (
          <p>
            {t('services.detail.area')}:{' '}
            {p.areas.map((a, i) => (
              <>
                {i > 0 ? '، ' : ''}
                <a href={`/towns/${a.pcode}/services`}>{L === 'ar' ? a.name_ar : a.name_en}</a>
              </>
            ))}
          </p>
        ) : null}

        <h2>{t('services.detail.hours')}</h2>
        {p.placeHours.some((h) => h.schedules.length) ? (
          p.placeHours.map((h) =>
            h.schedules.length ? (
              <>
                {p.placeHours.length > 1 && h.place ? (
                  <h3>
                    <bdi>{tr(h.place, 'name', L)}</bdi>
                  </h3>
                ) : null}
                <HoursTable schedules={h.schedules} now={p.now} />
              </>
            ) : null,
          )
        ) : (
          <p>{t('services.hours.unknown')}</p>
        )}
        <p class="meta">{t('services.hours.timeZone')}</p>

        {p.canManage ? (
          <p class="actions no-print">
            <a class="button secondary" href={`/services/${s.id}/edit`}>
              {t('common.edit')}
            </a>
            <a class="button secondary" href={`/services/${s.id}/hours`}>
              {t('services.manage.hours')}
            </a>
          </p>
        ) : null}
      </article>

      <section aria-labelledby="h-feedback" class="no-print" id="feedback">
        <h2 id="h-feedback">{t('services.feedback.title')}</h2>
        <p class="hint">{t('services.feedback.privacy')}</p>
        <FormErrorSummary message={fbe._form} />
        <Form action={`/services/${s.id}/feedback`}>
          <fieldset class="svc-stars">
            <legend>{t('services.feedback.gotService')}</legend>
            {(['yes', 'partly', 'no'] as const).map((v) => (
              <label class="checkbox">
                <input type="radio" name="got_service" value={v} checked={fb.got_service === v} />{' '}
                {t(`services.feedback.got.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset class="svc-stars">
            <legend>{t('services.feedback.rating')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label class="checkbox">
                <input type="radio" name="rating" value={String(n)} checked={String(fb.rating ?? '') === String(n)} />{' '}
                {t('services.feedback.stars', { count: n })}
              </label>
            ))}
            {fbe.rating ? <p class="error">{fbe.rating}</p> : null}
          </fieldset>
          <Field
            name="comment"
            label={t('services.feedback.comment')}
            hint={t('services.feedback.commentHint')}
            value={String(fb.comment ?? '')}
            error={fbe.comment}
            multiline
            rows={3}
            maxLength={2000}
          />
          <div class="svc-hp" aria-hidden="true">
            <label for="f-website">Website</label>
            <input id="f-website" type="text" name="website" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit">{t('common.send')}</button>
        </Form>

        <h2 id="h-report">{t('services.report.title')}</h2>
        <FormErrorSummary message={rpe._form} />
        <Form action={`/services/${s.id}/report`}>
          <Select
            name="wrong_field"
            label={t('services.report.what')}
            value={String(rp.wrong_field ?? 'phone')}
            error={rpe.wrong_field}
            options={(['phone', 'hours', 'place', 'closed', 'other'] as const).map((v) => ({
              value: v,
              label: t(`services.report.field.${v}`),
            }))}
          />
          <Field
            name="comment"
            label={t('services.report.details')}
            value={String(rp.comment ?? '')}
            error={rpe.comment}
            multiline
            rows={3}
            required
            maxLength={2000}
          />
          <div class="svc-hp" aria-hidden="true">
            <label for="f-website2">Website</label>
            <input id="f-website2" type="text" name="website" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit" class="secondary">
            {t('common.send')}
          </button>
        </Form>
      </section>
    </Layout>
  );
}

export function TownServicesPage(p: {
  town: { pcode: string; name_ar: string; name_en: string; adm2_name_ar: string; adm2_name_en: string };
  cards: ServiceCard[];
  now: Date;
  townOptions: { pcode: string; name: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = i18n.locale === 'ar' ? p.town.name_ar : p.town.name_en;
  return (
    <Layout title={t('services.town.title', { town: name })} head={<ServicesHead />}>
      <h1>{t('services.town.title', { town: name })}</h1>
      <p class="meta">
        <a href={`/towns/${p.town.pcode}`}>{name}</a> ·{' '}
        {i18n.locale === 'ar' ? p.town.adm2_name_ar : p.town.adm2_name_en} · <Ltr>{p.town.pcode}</Ltr>
      </p>
      <p class="actions no-print">
        <a class="button secondary" href={`/towns/${p.town.pcode}/services/leaflet`}>
          {t('services.leaflet.link')}
        </a>
        <a class="button secondary" href={`/services?town=${p.town.pcode}`}>
          {t('services.town.nearby')}
        </a>
      </p>
      {p.cards.length ? (
        <ul class="card-list">
          {p.cards.map((c) => (
            <ServiceCardView card={c} now={p.now} />
          ))}
        </ul>
      ) : (
        <p>{t('services.town.none')}</p>
      )}
    </Layout>
  );
}

/** A printable one-page leaflet: no site chrome, the essentials of each service, tel numbers. */
export function LeafletPage(p: {
  town: { pcode: string; name_ar: string; name_en: string };
  cards: ServiceCard[];
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = i18n.locale === 'ar' ? p.town.name_ar : p.town.name_en;
  return (
    <html lang={i18n.lang} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('services.leaflet.title', { town: name })} · ${t('common.siteName')}`}</title>
        <link rel="stylesheet" href={usePage().stylesheet} />
        <ServicesHead />
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
                  <strong dir="auto">{tr(c, 'name', i18n.locale)}</strong>
                  {c.org ? (
                    <>
                      {' — '}
                      <bdi>{tr(c.org, 'name', i18n.locale)}</bdi>
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
            <p>{t('services.town.none')}</p>
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

export type MapTown = { pcode: string; name: string; x: number; y: number; count: number };

export function MapPage(p: { towns: MapTown[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const ar = i18n.locale === 'ar';
  const sorted = [...p.towns].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, i18n.locale));
  return (
    <Layout title={t('services.map.title')} head={<ServicesHead />}>
      <h1>{t('services.map.title')}</h1>
      <p>{t('services.map.intro')}</p>
      <figure class="svc-map">
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="img"
          aria-labelledby="map-title"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id="map-title">{t('services.map.title')}</title>
          {DISTRICTS.map((d) => (
            <path class="district" d={d.d}>
              <title>{ar ? d.name_ar : d.name_en}</title>
            </path>
          ))}
          {DISTRICTS.map((d) => (
            <text class="district-label" x={d.labelX} y={d.labelY}>
              {ar ? d.name_ar : d.name_en}
            </text>
          ))}
          {p.towns.map((tw) => (
            <a href={`/towns/${tw.pcode}/services`}>
              <circle class="town" cx={tw.x} cy={tw.y} r={Math.min(22, 8 + tw.count * 2)}>
                <title>{`${tw.name}: ${t('services.map.count', { count: tw.count })}`}</title>
              </circle>
              <text class="town-label" x={tw.x} y={tw.y - Math.min(22, 8 + tw.count * 2) - 6}>
                {tw.name}
              </text>
            </a>
          ))}
        </svg>
        <figcaption>
          <Credit />
        </figcaption>
      </figure>
      <h2>{t('services.map.list')}</h2>
      <ul>
        {sorted.map((tw) => (
          <li>
            <a href={`/towns/${tw.pcode}/services`}>{tw.name}</a> — {t('services.map.count', { count: tw.count })}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** The block on a town's page (slot 'town'). */
export function TownSection(p: { pcode: string; cards: ServiceCard[]; now: Date }): VNode {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-town-services">
      <h2 id="h-town-services">{t('services.section.title')}</h2>
      {p.cards.length ? (
        <ul class="card-list">
          {p.cards.slice(0, 5).map((c) => (
            <ServiceCardView card={c} now={p.now} heading="h3" />
          ))}
        </ul>
      ) : (
        <p>{t('services.town.none')}</p>
      )}
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
      <ul class="card-list">
        {p.cards.map((c) => (
          <ServiceCardView card={c} now={p.now} heading="h3" />
        ))}
      </ul>
    </section>
  );
}
