// Atom 1.0 feeds (30 entries) per kind, the lessons-learned collection, everything, a town and an
// organization; and the sitemap. Endpoints: they answer XML, not pages.
import { localized } from '../../../core/i18n/localized.js';
import { endpoint, notFound, parseId, type AnyCtx } from '../../../core/http/route.js';
import { getTown } from '../../../core/towns/queries.js';
import { siteNetwork } from '../permissions.js';
import { getDefaultNetwork, listOrganizations } from '../../organizations/queries.js';
import { publishedTowns } from '../public/queries.js';
import {
  KIND_SEGMENT,
  LISTED_KINDS,
  TOPICS,
  absoluteUrl,
  kindOfSegment,
  listPublished,
  type ItemCard,
  type ListFilters,
} from '../queries.js';
import { feedTitle } from '../views/components.js';
import { atomFeed, sendAtom, sitemap, type FeedEntry } from './atom.js';
import { feedDates, sitemapEntries } from './queries.js';

const FEED_SIZE = 30;

const absolute = (c: AnyCtx, path: string) => absoluteUrl(c.wasl.config.baseUrl, path);

async function feedEntries(c: AnyCtx, items: ItemCard[]): Promise<FeedEntry[]> {
  const dates = await feedDates(c.db, items, c.now);
  return items.map((it) => {
    const row = dates.get(it.id);
    return {
      id: `${c.wasl.config.baseUrl}/${KIND_SEGMENT[it.kind]}/${it.id}`,
      url: absolute(c, it.url),
      title: it.title,
      summary: it.summary,
      lang: it.lang,
      author: it.byline || (it.organization ? localized(it.organization, 'name', it.lang) : c.t('common.siteName')),
      published: row?.first_published_at ?? it.published_at ?? '',
      updated: it.published_at ?? row?.updated_at ?? '',
      categories: it.topics,
    };
  });
}

type FeedOpts = { title: string; self: string; html: string; filters: Omit<ListFilters, 'networkId' | 'now'> };

async function sendFeed(c: AnyCtx, opts: FeedOpts) {
  const net = await siteNetwork(c);
  const { items } = await listPublished(
    c.db,
    { networkId: net, now: c.now, kinds: LISTED_KINDS, ...opts.filters },
    { limit: FEED_SIZE, offset: 0 },
  );
  const entries = await feedEntries(c, items);
  const xml = atomFeed({
    id: absolute(c, opts.self),
    title: `${opts.title} · ${c.t('common.siteName')}`,
    selfUrl: absolute(c, opts.self),
    htmlUrl: absolute(c, opts.html),
    lang: c.locale,
    updated: entries[0]?.updated || c.now.toISOString(),
    entries,
  });
  return sendAtom(c, xml);
}

/** /feeds/<kind>.xml, lessons-learned.xml and all.xml */
function namedFeed(c: AnyCtx, name: string): FeedOpts {
  if (name === 'all') return { title: c.t('publishing.feeds.all'), self: '/feeds/all.xml', html: '/', filters: {} };
  if (name === 'lessons-learned')
    return {
      title: feedTitle(c.t, 'lessons'),
      self: '/feeds/lessons-learned.xml',
      html: '/resources/lessons-learned',
      filters: { kinds: ['resource'], collection: 'lessons-learned' },
    };
  const kind = kindOfSegment(name);
  if (!kind || kind === 'page') notFound();
  return { title: feedTitle(c.t, kind), self: `/feeds/${name}.xml`, html: `/${name}`, filters: { kinds: [kind] } };
}

export const feedRoutes = [
  endpoint('GET', '/feeds/:file', {
    access: 'public',
    handle(c) {
      const name = /^([a-z-]+)\.xml$/.exec(c.params.file)?.[1] ?? notFound();
      return sendFeed(c, namedFeed(c, name));
    },
  }),

  endpoint('GET', '/feeds/towns/:file', {
    access: 'public',
    async handle(c) {
      const pcode = /^(C\d{4,6})\.xml$/i.exec(c.params.file)?.[1] ?? notFound();
      const town = (await getTown(c.db, pcode.toUpperCase())) ?? notFound();
      return sendFeed(c, {
        title: c.t('publishing.feeds.townNamed', { town: localized(town, 'name', c.locale) }),
        self: `/feeds/towns/${town.pcode}.xml`,
        html: `/towns/${town.pcode}`,
        filters: { town: town.pcode },
      });
    },
  }),

  endpoint('GET', '/feeds/organizations/:file', {
    access: 'public',
    async handle(c) {
      const id = parseId(/^(\d{1,10})\.xml$/.exec(c.params.file)?.[1]) ?? notFound();
      const org =
        (await c.db
          .selectFrom('organizations')
          .select(['id', 'name_ar', 'name_en'])
          .where('id', '=', id)
          .where('status', '=', 'active')
          .executeTakeFirst()) ?? notFound();
      return sendFeed(c, {
        title: c.t('publishing.feeds.orgNamed', { org: localized(org, 'name', c.locale) }),
        self: `/feeds/organizations/${org.id}.xml`,
        html: `/organizations/${org.id}`,
        filters: { organizationId: org.id },
      });
    },
  }),

  endpoint('GET', '/sitemap.xml', {
    access: 'public',
    async handle(c) {
      const base = c.wasl.config.baseUrl;
      const net = (await getDefaultNetwork(c.db))?.id;
      const [entries, towns, orgs] = net
        ? await Promise.all([
            sitemapEntries(c.db, net, c.now),
            publishedTowns(c.db, net, c.now),
            listOrganizations(c.db, net),
          ])
        : [[], [], []];
      const urls = [
        { loc: `${base}/` },
        ...LISTED_KINDS.map((k) => ({ loc: `${base}/${KIND_SEGMENT[k]}` })),
        { loc: `${base}/resources/lessons-learned` },
        ...TOPICS.map((tp) => ({ loc: `${base}/topics/${tp}` })),
        ...towns.map((tn) => ({ loc: `${base}/towns/${tn.pcode}` })),
        ...orgs.map((o) => ({ loc: `${base}/organizations/${o.id}` })),
        ...entries.map((e) => ({ loc: base + e.url, lastmod: e.lastmod })),
      ];
      return c.reply
        .header('cache-control', 'public, max-age=3600')
        .type('application/xml; charset=utf-8')
        .send(sitemap(urls));
    },
  }),
];
