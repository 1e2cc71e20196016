// A service's page: what it is, for whom, how to get it, what it costs, where and when (the week
// Saturday first, Ramadan hours, closures), how to call; then links to the feedback and report forms.
import { localized } from '../../../../core/i18n/localized.js';
import { Ltr, Phone, UserText } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { FeedbackLinks } from '../../feedback/views.js';
import { groupLabel, type Place, type ScheduleRow, type ServiceCard } from '../../queries.js';
import { ActionLinks, ConfirmedLine, HoursTable, OpeningLine, ServiceTags, TownLinks } from './components.js';

type Bilingual<K extends string> = { [F in `${K}_ar` | `${K}_en`]: string | null };

export type ServicePageProps = {
  service: Record<string, unknown> & { id: string; status: string };
  card: ServiceCard;
  org: { name_ar: string | null; name_en: string | null; memberOrgId: number | null } | null;
  placeHours: { place: Place | null; schedules: ScheduleRow[] }[];
  places: Place[];
  phones: { number: string }[];
  languages: ({ code: string | null } & Bilingual<'name'>)[];
  documents: Bilingual<'document'>[];
  costs: ({ amount: number | null; currency: string | null } & Bilingual<'option'>)[];
  areas: { pcode: string; name_ar: string; name_en: string }[];
  canManage: boolean;
  now: Date;
};

/** A heading and its text, when there is text. */
function Part(p: { title: string; text: string }) {
  return p.text ? (
    <>
      <h2>{p.title}</h2>
      <UserText as="p" text={p.text} />
    </>
  ) : null;
}

export function ServicePage(p: ServicePageProps) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const s = p.service;
  const text = (field: string) => localized(s, field, L);
  const name = text('name');
  const description = text('description');
  return (
    <Layout title={name} description={description.slice(0, 160)}>
      <article class="svc-detail">
        <h1 dir="auto">{name}</h1>
        {p.org ? (
          <p class="meta">
            {p.org.memberOrgId ? (
              <a href={`/organizations/${p.org.memberOrgId}`}>
                <bdi>{localized(p.org, 'name', L)}</bdi>
              </a>
            ) : (
              <bdi>{localized(p.org, 'name', L)}</bdi>
            )}
          </p>
        ) : null}
        <ServiceTags isFree={p.card.isFree} status={s.status} categories={p.card.categories} />
        {text('alert') ? (
          <p class="notice--warn" role="note">
            <UserText text={text('alert')} />
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
        <Part title={t('services.detail.eligibility')} text={text('eligibility_description')} />
        <Part title={t('services.detail.howToGet')} text={text('application_process')} />
        {p.documents.length ? (
          <>
            <h2>{t('services.detail.documents')}</h2>
            <ul>
              {p.documents.map((d) => (
                <li dir="auto">{localized(d, 'document', L)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t('services.detail.cost')}</h2>
        <ul>
          {p.costs.length ? (
            p.costs.map((c) => (
              <li>
                <bdi>{localized(c, 'option', L)}</bdi>
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
          {text('fees_description') ? (
            <li>
              <UserText text={text('fees_description')} />
            </li>
          ) : null}
        </ul>
        {p.languages.length ? (
          <>
            <h2>{t('services.detail.languages')}</h2>
            <p>{p.languages.map((l) => localized(l, 'name', L) || l.code).join('، ')}</p>
          </>
        ) : null}

        <h2>{t('services.detail.where')}</h2>
        {p.places.length ? (
          <ul>
            {p.places.map((pl) => (
              <li>
                <bdi>{localized(pl, 'name', L)}</bdi>
                {pl.town ? (
                  <>
                    {' — '}
                    <TownLinks towns={[pl.town]} />
                  </>
                ) : null}
                {localized(pl, 'landmark', L) ? (
                  <>
                    <br />
                    <span class="meta">
                      {t('services.detail.landmark')}: <UserText text={localized(pl, 'landmark', L)} />
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {p.areas.length ? (
          <p>
            {t('services.detail.area')}: <TownLinks towns={p.areas} />
          </p>
        ) : null}

        <h2>{t('services.detail.hours')}</h2>
        {p.placeHours.some((h) => h.schedules.length) ? (
          p.placeHours.map((h) =>
            h.schedules.length ? (
              <>
                {p.placeHours.length > 1 && h.place ? (
                  <h3>
                    <bdi>{localized(h.place, 'name', L)}</bdi>
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
          <ActionLinks
            noPrint
            links={[
              [`/services/${s.id}/edit`, t('common.edit')],
              [`/services/${s.id}/hours`, t('services.manage.hours')],
            ]}
          />
        ) : null}
      </article>

      <FeedbackLinks serviceId={s.id} />
    </Layout>
  );
}
