// Blocks the publishing feature adds to the home page, a town's page and an organization's profile.
import { dayAsDate } from '../../../../core/time.js';
import { followHref } from '../../feeds/follow.js';
import { usePage } from '../../../../core/views/context.js';
import { DateText } from '../../../../core/views/components.js';
import type { ItemCard } from '../../queries.js';
import { CardTitle, ItemList, TownLinks } from '../../views/components.js';
import type { KeyFigures } from '../queries.js';

export function HomeSection(p: {
  featured: ItemCard[];
  latest: ItemCard[];
  upcoming: ItemCard[];
  figures: KeyFigures;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      <section aria-labelledby="h-services-search">
        <h2 id="h-services-search">{t('publishing.home.servicesTitle')}</h2>
        <form method="get" action="/services" class="pub-search" role="search">
          <div class="field">
            <label for="f-services-q">{t('publishing.home.servicesLabel')}</label>
            <input id="f-services-q" type="search" name="q" dir="auto" maxLength={100} />
          </div>
          <button type="submit">{t('common.search')}</button>
        </form>
      </section>
      {p.featured.length ? (
        <section aria-labelledby="h-featured">
          <h2 id="h-featured">{t('publishing.home.featured')}</h2>
          <ItemList items={p.featured} showKind headingLevel={3} />
        </section>
      ) : null}
      <section aria-labelledby="h-latest">
        <h2 id="h-latest">{t('publishing.home.latest')}</h2>
        <ItemList items={p.latest} headingLevel={3} empty={t('publishing.home.noActivities')} />
        <p>
          <a href="/activities">{t('publishing.home.allActivities')}</a> ·{' '}
          <a href="/resources">{t('publishing.home.library')}</a> · <a href="/search">{t('publishing.search.title')}</a>
        </p>
      </section>
      {p.upcoming.length ? (
        <section aria-labelledby="h-upcoming">
          <h2 id="h-upcoming">{t('publishing.home.upcoming')}</h2>
          <ul class="card-list">
            {p.upcoming.map((it) => (
              <li class="card">
                <CardTitle href={it.url} title={it.title} lang={it.lang} level={3} />
                <p class="meta">
                  <DateText value={dayAsDate(it.activity_date!)} />
                  {it.towns.length ? (
                    <>
                      {' · '}
                      <TownLinks towns={it.towns} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-pub-figures">
        <h2 id="h-pub-figures">{t('publishing.home.figures')}</h2>
        <ul class="figures">
          <li>
            <strong>{i18n.number(p.figures.activities)}</strong>{' '}
            {t('publishing.figures.activities', { count: p.figures.activities })}
          </li>
          <li>
            <strong>{i18n.number(p.figures.towns)}</strong> {t('publishing.figures.towns', { count: p.figures.towns })}
          </li>
          <li>
            <strong>{i18n.number(p.figures.resources)}</strong>{' '}
            {t('publishing.figures.resources', { count: p.figures.resources })}
          </li>
        </ul>
      </section>
    </>
  );
}

/** A page's publications: the list, a link to all of them when it shows only some, and their feed. */
function ItemsAndFeed(p: {
  items: ItemCard[];
  total: number;
  showKind?: boolean;
  empty: string;
  /** [href, label] */
  all: [string, string];
  feed: [string, string];
}) {
  return (
    <>
      <ItemList items={p.items} showKind={p.showKind} headingLevel={3} empty={p.empty} />
      {p.total > p.items.length ? (
        <p>
          <a href={p.all[0]}>{p.all[1]}</a>
        </p>
      ) : null}
      <p class="pub-feeds">
        <a href={followHref(p.feed[0])}>{p.feed[1]}</a>
      </p>
    </>
  );
}

export function TownSection(p: { pcode: string; activities: ItemCard[]; activityTotal: number; issues: ItemCard[] }) {
  const { t } = usePage().i18n;
  return (
    <>
      <section aria-labelledby="h-town-activities">
        <h2 id="h-town-activities">{t('publishing.town.activities')}</h2>
        <ItemsAndFeed
          items={p.activities}
          total={p.activityTotal}
          empty={t('publishing.town.noActivities')}
          all={[`/activities?town=${p.pcode}`, t('publishing.town.allActivities', { count: p.activityTotal })]}
          feed={[`/feeds/towns/${p.pcode}.xml`, t('publishing.feeds.town')]}
        />
      </section>
      {p.issues.length ? (
        <section aria-labelledby="h-town-issues">
          <h2 id="h-town-issues">{t('publishing.town.issues')}</h2>
          <ItemList items={p.issues} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

export function OrganizationSection(p: { orgId: number; items: ItemCard[]; total: number }) {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-org-publications">
      <h2 id="h-org-publications">{t('publishing.org.publications')}</h2>
      <ItemsAndFeed
        items={p.items}
        total={p.total}
        showKind
        empty={t('publishing.org.none')}
        all={[`/search?org=${p.orgId}`, t('publishing.org.all', { count: p.total })]}
        feed={[`/feeds/organizations/${p.orgId}.xml`, t('publishing.feeds.organization')]}
      />
    </section>
  );
}
