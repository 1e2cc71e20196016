// Finding services: the search (words, town and the towns near it, category, target group, open
// now, free), a town's services, the towns that have any (for the map and the town field), and
// everything a service's page shows.
import type { Db, Dialect } from '../../../core/db/index.js';
import { isSet } from '../../../core/db/helpers.js';
import { searchDocuments } from '../../../core/search/index.js';
import { normalizeArabic } from '../../../core/text/normalize.js';
import { findTowns, getTown, nearbyTowns } from '../../../core/towns/queries.js';
import {
  PUBLIC_STATUSES,
  SEARCH_KIND,
  getService,
  inChunks,
  isPublic,
  rulesForPlace,
  schedulesFor,
  serviceCards,
  serviceOpenAt,
  serviceOpening,
  servicePlaces,
  type ScheduleRow,
  type ServiceCard,
  type ServiceRow,
} from '../queries.js';
import { termId } from '../taxonomy.js';

export const NEARBY_KM = 15;
export const PAGE_SIZE = 20;
/** When nothing matches in and near a town: this many of the nearest matching services, up to this far. */
export const NEAREST_COUNT = 5;
export const NEAREST_MAX_KM = 150;
/** When nothing is open now: this many of the matching services that open soonest. */
export const OPENS_NEXT_COUNT = 5;
/** The leaflet lists the services of towns within this distance too. */
export const LEAFLET_NEARBY_KM = 25;

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

// ——— search ———

export type SearchFilters = {
  q?: string;
  town?: string;
  category?: string;
  group?: string;
  openNow?: boolean;
  free?: boolean;
  page: number;
};

async function idsWithTerm(db: Db, id: string): Promise<Set<string>> {
  const rows = await db.selectFrom('svc_attributes').select('link_id').where('taxonomy_term_id', '=', id).execute();
  return new Set(rows.map((r) => r.link_id!).filter(Boolean));
}

/** Service ids in these towns (a place there or an area covering it), with the nearest distance. */
async function servicesInTowns(db: Db, distances: Map<string, number>): Promise<Map<string, number>> {
  const pcodes = [...distances.keys()];
  const [atPlaces, inAreas] = await Promise.all([
    inChunks(pcodes, (part) =>
      db
        .selectFrom('svc_service_at_locations as sal')
        .innerJoin('svc_locations as l', 'l.id', 'sal.location_id')
        .select(['sal.service_id', 'l.town_pcode'])
        .where('l.town_pcode', 'in', part)
        .execute(),
    ),
    inChunks(pcodes, (part) =>
      db.selectFrom('svc_service_areas').select(['service_id', 'town_pcode']).where('town_pcode', 'in', part).execute(),
    ),
  ]);
  const out = new Map<string, number>();
  for (const r of [...atPlaces, ...inAreas]) {
    if (!r.service_id || !r.town_pcode) continue;
    const d = distances.get(r.town_pcode)!;
    if (!out.has(r.service_id) || out.get(r.service_id)! > d) out.set(r.service_id, d);
  }
  return out;
}

/**
 * The nearest of these services to a point, by the gazetteer's coordinates of the towns where they
 * are (a place there, or an area covering it): id → km, nearest first, ties by id.
 */
async function nearestServices(
  db: Db,
  ids: string[],
  from: { lat: number; lon: number },
  opts: { count: number; maxKm: number },
): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const wanted = new Set(ids);
  const [atPlaces, inAreas] = await Promise.all([
    db
      .selectFrom('svc_service_at_locations as sal')
      .innerJoin('svc_locations as l', 'l.id', 'sal.location_id')
      .innerJoin('towns as t', 't.pcode', 'l.town_pcode')
      .select(['sal.service_id', 't.lat', 't.lon'])
      .execute(),
    db
      .selectFrom('svc_service_areas as a')
      .innerJoin('towns as t', 't.pcode', 'a.town_pcode')
      .select(['a.service_id', 't.lat', 't.lon'])
      .execute(),
  ]);
  const best = new Map<string, number>();
  for (const r of [...atPlaces, ...inAreas]) {
    if (!r.service_id || !wanted.has(r.service_id) || r.lat == null || r.lon == null) continue;
    const km = Math.round(distanceKm(from.lat, from.lon, r.lat, r.lon) * 10) / 10;
    if (km > opts.maxKm) continue;
    if (!best.has(r.service_id) || best.get(r.service_id)! > km) best.set(r.service_id, km);
  }
  const sorted = [...best].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.count);
  return new Map(sorted);
}

export type SearchResult = {
  total: number;
  items: ServiceCard[];
  town: { pcode: string; name_ar: string; name_en: string } | null;
  nearby: { pcode: string; name_ar: string; name_en: string; distanceKm: number }[];
  /** When nothing matched in and near the town: the nearest matching services farther away, with km. */
  nearest: ServiceCard[];
  /** When "open now" left nothing: the matching services that open soonest ("opens next at …"). */
  opensNext: ServiceCard[];
};

export async function searchServices(db: Db, dialect: Dialect, f: SearchFilters, now: Date): Promise<SearchResult> {
  // 0. The public services, lightly (id, cost, status), in name order for browsing.
  const light = await db
    .selectFrom('svc_services')
    .select(['id', 'is_free', 'status'])
    .where('status', 'in', PUBLIC_STATUSES)
    .orderBy('name_ar')
    .orderBy('id')
    .execute();
  const byId = new Map(light.map((r) => [r.id, r]));

  // 1. Which match the words (ranked), or all of them.
  let ids: string[];
  const q = (f.q ?? '').trim();
  if (q) {
    const hits = await searchDocuments(db, dialect, {
      q,
      kinds: [SEARCH_KIND],
      limit: 5000,
      offset: 0,
      now,
      excerpts: false,
    });
    ids = hits.hits.map((h) => h.refId).filter((id) => byId.has(id));
  } else {
    ids = light.map((r) => r.id);
  }
  const order = new Map(ids.map((id, i) => [id, i]));

  // 2. Narrow by town (and nearby towns), category, target group, cost — all together.
  let town: SearchResult['town'] = null;
  let nearby: SearchResult['nearby'] = [];
  let distance: Map<string, number> | null = null;
  let origin: { lat: number; lon: number } | null = null;
  if (f.category) {
    const set = await idsWithTerm(db, termId('categories', f.category));
    ids = ids.filter((id) => set.has(id));
  }
  if (f.group) {
    const set = await idsWithTerm(db, termId('groups', f.group));
    ids = ids.filter((id) => set.has(id));
  }
  if (f.free) ids = ids.filter((id) => isSet(byId.get(id)!.is_free));
  const anywhere = ids;
  if (f.town) {
    const t = await getTown(db, f.town);
    if (t) {
      if (t.lat != null && t.lon != null) origin = { lat: t.lat, lon: t.lon };
      town = { pcode: t.pcode, name_ar: t.name_ar, name_en: t.name_en };
      nearby = (await nearbyTowns(db, t.pcode, { km: NEARBY_KM, limit: 30 })).map((n) => ({
        pcode: n.pcode,
        name_ar: n.name_ar,
        name_en: n.name_en,
        distanceKm: n.distanceKm,
      }));
      const distances = new Map<string, number>([[t.pcode, 0], ...nearby.map((n) => [n.pcode, n.distanceKm] as const)]);
      distance = await servicesInTowns(db, distances);
    } else {
      distance = new Map();
    }
    ids = ids.filter((id) => distance!.has(id));
  }

  // 3. Nearest first when a town is given, then by relevance (or name).
  if (distance) ids.sort((a, b) => distance!.get(a)! - distance!.get(b)! || order.get(a)! - order.get(b)!);

  // 3b. Nothing in or near the town: the nearest matching services farther away, with their distance.
  let nearest: ServiceCard[] = [];
  if (f.town && !ids.length && origin && f.page === 1) {
    const far = await nearestServices(db, anywhere, origin, { count: NEAREST_COUNT, maxKm: NEAREST_MAX_KM });
    nearest = await cardsFor(db, [...far.keys()], now, far);
  }

  // 4. "Open now" needs the hours of every remaining service; otherwise only of the page shown.
  //    When none is open, the ones that open soonest are offered instead of nothing.
  let opensNext: ServiceCard[] = [];
  if (f.openNow && ids.length) {
    const candidates = ids;
    const places = await servicePlaces(db, ids);
    const schedules = await schedulesFor(db, ids, places);
    ids = ids.filter((id) => serviceOpenAt(byId.get(id)!, places.get(id) ?? [], schedules, now));
    if (!ids.length && f.page === 1) {
      const soon = candidates
        .map((id) => {
          const state = serviceOpening(byId.get(id)!, places.get(id) ?? [], schedules, now);
          return { id, at: state && !state.open ? state.opensNext : null };
        })
        .filter((x): x is { id: string; at: Date } => x.at instanceof Date)
        .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, OPENS_NEXT_COUNT)
        .map((x) => x.id);
      opensNext = await cardsFor(db, soon, now, distance);
    }
  }
  const start = (f.page - 1) * PAGE_SIZE;
  const items = await cardsFor(db, ids.slice(start, start + PAGE_SIZE), now, distance);
  return { total: ids.length, items, town, nearby, nearest, opensNext };
}

/** The cards of these services, in this order. */
async function cardsFor(db: Db, ids: string[], now: Date, distance: Map<string, number> | null) {
  if (!ids.length) return [];
  const full = new Map(
    (await db.selectFrom('svc_services').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]),
  );
  return serviceCards(
    db,
    ids.map((id) => full.get(id)!),
    now,
    distance,
  );
}

/** Everything a service's page shows beyond its card: places and their hours, phones, languages, documents, costs. */
export async function serviceDetail(db: Db, service: ServiceRow, now: Date) {
  const ids = [service.id];
  const [card] = await serviceCards(db, [service], now);
  const places = (await servicePlaces(db, ids)).get(service.id) ?? [];
  const schedules = await schedulesFor(db, ids, new Map([[service.id, places]]));
  const [phones, languages, documents, costs, contacts] = await Promise.all([
    db
      .selectFrom('svc_phones')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('service_id', '=', service.id),
          ...(places.length
            ? [
                eb(
                  'service_at_location_id',
                  'in',
                  places.map((p) => p.salId),
                ),
              ]
            : []),
        ]),
      )
      .orderBy('id')
      .execute(),
    db.selectFrom('svc_languages').selectAll().where('service_id', '=', service.id).orderBy('id').execute(),
    db.selectFrom('svc_required_documents').selectAll().where('service_id', '=', service.id).orderBy('id').execute(),
    db.selectFrom('svc_cost_options').selectAll().where('service_id', '=', service.id).orderBy('id').execute(),
    db.selectFrom('svc_contacts').selectAll().where('service_id', '=', service.id).orderBy('id').execute(),
  ]);
  const placeHours = (places.length ? places : [null]).map((p) => ({
    place: p,
    schedules: rulesForPlace(service.id, p, schedules),
  }));
  return { card: card!, places, placeHours, phones, languages, documents, costs, contacts, areas: card!.towns };
}

// ——— a town ———

/** A town's public services (a place there, or an area covering it), by Arabic name. */
export async function townServiceCards(db: Db, pcode: string, now: Date): Promise<ServiceCard[]> {
  const within = await servicesInTowns(db, new Map([[pcode, 0]]));
  const rows = await inChunks([...within.keys()], (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).where('status', 'in', PUBLIC_STATUSES).execute(),
  );
  rows.sort((a, b) => (a.name_ar ?? '').localeCompare(b.name_ar ?? '', 'ar') || (a.id < b.id ? -1 : 1));
  return serviceCards(db, rows, now);
}

/** A public service (active or temporarily closed) by id, or null. */
export async function publicService(db: Db, id: string) {
  const s = await getService(db, id);
  return s && isPublic(s) ? s : null;
}

/** Towns that have public services, with how many, for the map. */
export async function townsWithServices(db: Db) {
  const rows = await db
    .selectFrom('svc_locations as l')
    .innerJoin('svc_service_at_locations as sal', 'sal.location_id', 'l.id')
    .innerJoin('svc_services as s', 's.id', 'sal.service_id')
    .select(['l.town_pcode as pcode', 's.id'])
    .where('l.town_pcode', 'is not', null)
    .where('s.status', 'in', PUBLIC_STATUSES)
    .unionAll(
      db
        .selectFrom('svc_service_areas as a')
        .innerJoin('svc_services as s', 's.id', 'a.service_id')
        .select(['a.town_pcode as pcode', 's.id'])
        .where('a.town_pcode', 'is not', null)
        .where('s.status', 'in', PUBLIC_STATUSES),
    )
    .execute();
  const counts = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.pcode) continue;
    counts.set(r.pcode, (counts.get(r.pcode) ?? new Set()).add(r.id));
  }
  if (!counts.size) return [];
  const towns = await db
    .selectFrom('towns')
    .select(['pcode', 'name_ar', 'name_en', 'lat', 'lon'])
    .where('pcode', 'in', [...counts.keys()])
    .execute();
  return towns.map((t) => ({ ...t, count: counts.get(t.pcode)!.size }));
}

export type KnownTown = { pcode: string; name_ar: string; name_en: string };

/** Names of the towns where services are, for the town field's suggestions (cheap: distinct P-codes). */
export async function suggestedTowns(db: Db): Promise<KnownTown[]> {
  const rows = await db
    .selectFrom('svc_locations')
    .select('town_pcode as pcode')
    .where('town_pcode', 'is not', null)
    .union(db.selectFrom('svc_service_areas').select('town_pcode as pcode').where('town_pcode', 'is not', null))
    .execute();
  const pcodes = rows.map((r) => r.pcode!).filter(Boolean);
  return inChunks(pcodes, (part) =>
    db.selectFrom('towns').select(['pcode', 'name_ar', 'name_en']).where('pcode', 'in', part).execute(),
  );
}

/** The town a search names: a P-code, a known town's name in any common spelling, or the gazetteer's best match. */
export async function resolveTown(db: Db, text: string | undefined, known: KnownTown[]) {
  if (!text) return { pcode: undefined, notFound: false };
  if (/^c\d{4,6}$/i.test(text)) return { pcode: text.toUpperCase(), notFound: false };
  const n = normalizeArabic(text);
  const exact = known.find((k) => normalizeArabic(k.name_ar) === n || normalizeArabic(k.name_en) === n);
  if (exact) return { pcode: exact.pcode, notFound: false };
  const found = await findTowns(db, text, { limit: 5, adm1: 'SY02' });
  return found[0] ? { pcode: found[0].pcode, notFound: false } : { pcode: undefined, notFound: true };
}

// ——— the printed leaflet ———

export type LeafletEntry = {
  card: ServiceCard;
  /** The rules of the place in (or nearest to) the town, else the service's own. */
  schedules: ScheduleRow[];
  landmark: { landmark_ar: string | null; landmark_en: string | null } | null;
};

/** How many services of nearby towns a one-page leaflet lists. */
export const LEAFLET_NEARBY_COUNT = 6;

/**
 * What a town's leaflet prints: its own services and those of towns within LEAFLET_NEARBY_KM
 * (nearest first, with km), each with its weekly hours and the landmark of its place — never
 * whether it is open at the moment of printing.
 */
export async function leafletEntries(db: Db, pcode: string, now: Date) {
  const nearby = await nearbyTowns(db, pcode, { km: LEAFLET_NEARBY_KM, limit: 2000 });
  const distances = new Map<string, number>([[pcode, 0], ...nearby.map((n) => [n.pcode, n.distanceKm] as const)]);
  const within = await servicesInTowns(db, distances);
  const rows = await inChunks([...within.keys()], (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).where('status', 'in', PUBLIC_STATUSES).execute(),
  );
  const byName = (a: ServiceRow, b: ServiceRow) =>
    (a.name_ar ?? '').localeCompare(b.name_ar ?? '', 'ar') || (a.id < b.id ? -1 : 1);
  const own = rows.filter((r) => within.get(r.id) === 0).sort(byName);
  const others = rows
    .filter((r) => within.get(r.id)! > 0)
    .sort((a, b) => within.get(a.id)! - within.get(b.id)! || byName(a, b));
  const shown = [...own, ...others.slice(0, LEAFLET_NEARBY_COUNT)];
  const ids = shown.map((r) => r.id);
  const [cards, places] = await Promise.all([serviceCards(db, shown, now, within), servicePlaces(db, ids)]);
  const schedules = await schedulesFor(db, ids, places);
  const entries: LeafletEntry[] = cards.map((card) => {
    const pl = places.get(card.id) ?? [];
    const place =
      [...pl].sort(
        (a, b) => (distances.get(a.town?.pcode ?? '') ?? Infinity) - (distances.get(b.town?.pcode ?? '') ?? Infinity),
      )[0] ?? null;
    const landmark = place && (place.landmark_ar || place.landmark_en) ? place : null;
    return {
      card,
      schedules: rulesForPlace(card.id, place, schedules),
      landmark: landmark ? { landmark_ar: landmark.landmark_ar, landmark_en: landmark.landmark_en } : null,
    };
  });
  return {
    own: entries.slice(0, own.length),
    nearby: entries.slice(own.length),
    moreNearby: Math.max(0, others.length - LEAFLET_NEARBY_COUNT),
  };
}
