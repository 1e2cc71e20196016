// The public directory: search, a service's page (its address carries a cosmetic slug; any other
// slug, or none, is a 301 to the canonical one, percent-encoded), a town's services and its
// printable leaflet, and the map.
import QRCode from 'qrcode';
import { getTown } from '../../../core/towns/queries.js';
import { notFound, page, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import { servicePath } from '../queries.js';
import { searchQuery } from '../schemas.js';
import {
  LEAFLET_NEARBY_KM,
  PAGE_SIZE,
  leafletEntries,
  resolveTown,
  searchServices,
  suggestedTowns,
  townServiceCards,
  townsWithServices,
} from './queries.js';
import { publicServiceLoader, servicePageProps } from './service-page.js';
import { MapPage } from './views/map.js';
import { SearchPage, type SearchValues } from './views/search.js';
import { ServicePage } from './views/service.js';
import { LeafletPage, TownServicesPage } from './views/town.js';

const access = 'public' as const;

/** The address of a page of results for the same search. */
function searchHref(query: SearchValues, page: number): string {
  const u = new URLSearchParams();
  if (query.q) u.set('q', query.q);
  if (query.town) u.set('town', query.town);
  if (query.category) u.set('category', query.category);
  if (query.group) u.set('group', query.group);
  if (query.open_now) u.set('open_now', '1');
  if (query.free) u.set('free', '1');
  if (page > 1) u.set('page', String(page));
  const s = u.toString();
  return s ? `/services?${s}` : '/services';
}

/** The town named by :pcode (any case), or 404. */
async function town(c: AnyCtx) {
  const pcode = String(c.params.pcode).toUpperCase();
  if (!/^C\d{4,6}$/.test(pcode)) notFound();
  return (await getTown(c.db, pcode)) ?? notFound();
}

export const directoryRoutes = [
  page('/services', {
    access,
    query: searchQuery,
    async render(c) {
      const { query } = c;
      const towns = await suggestedTowns(c.db);
      const where = await resolveTown(c.db, query.town, towns);
      const result = await searchServices(
        c.db,
        c.wasl.dialect,
        {
          q: query.q,
          town: where.pcode,
          category: query.category,
          group: query.group,
          openNow: query.open_now,
          free: query.free,
          page: query.page,
        },
        c.now,
      );
      return (
        <SearchPage
          values={query}
          towns={towns}
          items={result.items}
          total={result.total}
          page={query.page}
          pageCount={Math.max(1, Math.ceil(result.total / PAGE_SIZE))}
          hrefFor={(n) => searchHref(query, n)}
          town={result.town}
          townNotFound={where.notFound}
          nearbyCount={result.nearby.length}
          nearest={result.nearest}
          opensNext={result.opensNext}
          now={c.now}
        />
      );
    },
  }),

  page('/services/map', {
    access,
    render: async (c) => <MapPage towns={await townsWithServices(c.db)} />,
  }),

  page('/services/:id', {
    access,
    load: publicServiceLoader,
    render: (c, s) => redirectTo(c.reply, servicePath(s), 301),
  }),

  page('/services/:id/:slug', {
    access,
    load: publicServiceLoader,
    async render(c, s) {
      const canonical = servicePath(s);
      if (`/services/${c.params.id}/${c.params.slug}` !== canonical) return redirectTo(c.reply, canonical, 301);
      return <ServicePage {...await servicePageProps(c, s)} />;
    },
  }),

  page('/towns/:pcode/services', {
    access,
    load: town,
    async render(c, t) {
      if (c.params.pcode !== t.pcode) return redirectTo(c.reply, `/towns/${t.pcode}/services`, 301);
      return <TownServicesPage town={t} cards={await townServiceCards(c.db, t.pcode, c.now)} now={c.now} />;
    },
  }),

  page('/towns/:pcode/services/leaflet', {
    access,
    load: town,
    async render(c, t) {
      if (c.params.pcode !== t.pcode) return redirectTo(c.reply, `/towns/${t.pcode}/services/leaflet`, 301);
      const entries = await leafletEntries(c.db, t.pcode, c.now);
      const townUrl = `${c.wasl.config.baseUrl}/towns/${t.pcode}/services`;
      const svg = await QRCode.toString(townUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return (
        <LeafletPage
          town={t}
          {...entries}
          nearbyKm={LEAFLET_NEARBY_KM}
          townUrl={townUrl}
          qr={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
          now={c.now}
        />
      );
    },
  }),
];
