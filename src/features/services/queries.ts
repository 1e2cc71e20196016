// Reading the services directory: search, a service's page, a town's services, an organization's
// services, coverage. Plain rows out; views turn them into HTML.
import type { Db, Dialect } from '../../core/db/index.js';
import { fromJson } from '../../core/db/helpers.js';
import { indexDocument, removeDocument, searchDocuments } from '../../core/search/index.js';
import { getTown, nearbyTowns } from '../../core/towns/queries.js';
import { slugify } from '../../core/text/slug.js';
import {
  combineStates,
  isOpenAt,
  openingState,
  parseByday,
  type OpeningState,
  type ScheduleRule,
} from './opening-hours.js';
import { CATEGORIES, GROUPS, TAXONOMIES, termId } from './taxonomy.js';
import { pick } from './hsds/text.js';
import type { SvcSchedulesTable, SvcServicesTable } from './tables.js';

export const SEARCH_KIND = 'service';
/** Details not confirmed for this long are flagged to the organization and marked in public. */
export const STALE_AFTER_DAYS = 183;
export const NEARBY_KM = 15;
export const PAGE_SIZE = 20;
/** What the public site and the open API show; other services are their organization's own. */
export const PUBLIC_STATUSES = ['active', 'temporarily closed'];
const CHUNK = 400;
const DAY_MS = 86_400_000;

export type ServiceRow = SvcServicesTable;
export type ScheduleRow = SvcSchedulesTable;

export function servicePath(s: { id: string; name_en: string | null; name_ar: string | null }): string {
  return `/services/${s.id}/${slugify(s.name_en || s.name_ar || 'service')}`;
}

export function isStale(s: { verified_at: string | null; assured_date: string | null }, now: Date): boolean {
  const at = s.verified_at ?? (s.assured_date ? `${s.assured_date}T00:00:00Z` : null);
  return !at || now.getTime() - Date.parse(at) > STALE_AFTER_DAYS * DAY_MS;
}

async function inChunks<T>(ids: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

export function toRule(s: ScheduleRow): ScheduleRule | null {
  if (s.freq && s.freq !== 'WEEKLY') return null;
  return {
    byday: parseByday(s.byday),
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    validFrom: s.valid_from,
    validTo: s.valid_to,
    closed: s.closed === 1,
  };
}

// ——— tags (categories, target groups) ———

export type Tags = { categories: string[]; groups: string[]; clusters: string[] };

export async function serviceTags(db: Db, serviceIds: string[]): Promise<Map<string, Tags>> {
  const rows = await inChunks(serviceIds, (part) =>
    db
      .selectFrom('svc_attributes as a')
      .innerJoin('svc_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
      .select(['a.link_id', 't.code', 't.taxonomy_id'])
      .where('a.link_id', 'in', part)
      .execute(),
  );
  const out = new Map<string, Tags>();
  for (const id of serviceIds) out.set(id, { categories: [], groups: [], clusters: [] });
  for (const r of rows) {
    const tags = out.get(r.link_id!);
    if (!tags || !r.code) continue;
    if (r.taxonomy_id === TAXONOMIES.categories.id) tags.categories.push(r.code);
    else if (r.taxonomy_id === TAXONOMIES.groups.id) tags.groups.push(r.code);
    else if (r.taxonomy_id === TAXONOMIES.clusters.id) tags.clusters.push(r.code);
  }
  return out;
}

// ——— places and hours ———

export type Place = {
  salId: string;
  locationId: string;
  name_ar: string | null;
  name_en: string | null;
  landmark_ar: string | null;
  landmark_en: string | null;
  latitude: number | null;
  longitude: number | null;
  town: { pcode: string; name_ar: string; name_en: string; lat: number | null; lon: number | null } | null;
};

/** Above this many ids, whole tables are read once instead of in chunks of ids. */
const READ_ALL_ABOVE = 1500;

export async function servicePlaces(db: Db, serviceIds: string[]): Promise<Map<string, Place[]>> {
  const wanted = new Set(serviceIds);
  const query = (part: string[] | null) => {
    let q = db
      .selectFrom('svc_service_at_locations as sal')
      .innerJoin('svc_locations as l', 'l.id', 'sal.location_id')
      .leftJoin('towns as t', 't.pcode', 'l.town_pcode')
      .select([
        'sal.id as salId',
        'sal.service_id',
        'l.id as locationId',
        'l.name_ar',
        'l.name_en',
        'l.landmark_ar',
        'l.landmark_en',
        'l.latitude',
        'l.longitude',
        't.pcode',
        't.name_ar as town_ar',
        't.name_en as town_en',
        't.lat',
        't.lon',
      ]);
    if (part) q = q.where('sal.service_id', 'in', part);
    return q.orderBy('sal.id').execute();
  };
  const rows =
    serviceIds.length > READ_ALL_ABOVE
      ? (await query(null)).filter((r) => wanted.has(r.service_id))
      : await inChunks(serviceIds, (part) => query(part));
  const out = new Map<string, Place[]>();
  for (const r of rows) {
    const list = out.get(r.service_id) ?? [];
    list.push({
      salId: r.salId,
      locationId: r.locationId,
      name_ar: r.name_ar,
      name_en: r.name_en,
      landmark_ar: r.landmark_ar,
      landmark_en: r.landmark_en,
      latitude: r.latitude,
      longitude: r.longitude,
      town: r.pcode ? { pcode: r.pcode, name_ar: r.town_ar!, name_en: r.town_en!, lat: r.lat, lon: r.lon } : null,
    });
    out.set(r.service_id, list);
  }
  return out;
}

export type AreaTown = { pcode: string; name_ar: string; name_en: string };

export async function serviceAreaTowns(db: Db, serviceIds: string[]): Promise<Map<string, AreaTown[]>> {
  const rows = await inChunks(serviceIds, (part) =>
    db
      .selectFrom('svc_service_areas as a')
      .innerJoin('towns as t', 't.pcode', 'a.town_pcode')
      .select(['a.service_id', 't.pcode', 't.name_ar', 't.name_en'])
      .where('a.service_id', 'in', part)
      .orderBy('t.name_ar')
      .execute(),
  );
  const out = new Map<string, AreaTown[]>();
  for (const r of rows) out.set(r.service_id!, [...(out.get(r.service_id!) ?? []), r]);
  return out;
}

/** Schedules that concern these services (their own, their places' and their locations'), indexed. */
export async function schedulesFor(db: Db, serviceIds: string[], places: Map<string, Place[]>): Promise<ScheduleIndex> {
  if (serviceIds.length > READ_ALL_ABOVE)
    return indexSchedules(await db.selectFrom('svc_schedules').selectAll().execute());
  const salIds = [...places.values()].flat().map((p) => p.salId);
  const locIds = [...places.values()].flat().map((p) => p.locationId);
  const [a, b, c] = await Promise.all([
    inChunks(serviceIds, (part) =>
      db.selectFrom('svc_schedules').selectAll().where('service_id', 'in', part).execute(),
    ),
    inChunks(salIds, (part) =>
      db.selectFrom('svc_schedules').selectAll().where('service_at_location_id', 'in', part).execute(),
    ),
    inChunks(locIds, (part) => db.selectFrom('svc_schedules').selectAll().where('location_id', 'in', part).execute()),
  ]);
  const byId = new Map<string, ScheduleRow>();
  for (const x of [...a, ...b, ...c]) byId.set(x.id, x);
  return indexSchedules([...byId.values()]);
}

export type ScheduleIndex = {
  bySal: Map<string, ScheduleRow[]>;
  byLocation: Map<string, ScheduleRow[]>;
  byService: Map<string, ScheduleRow[]>;
};

/** Schedules grouped by what they hang from, so a service's rules are found without scanning. */
export function indexSchedules(rows: ScheduleRow[]): ScheduleIndex {
  const idx: ScheduleIndex = { bySal: new Map(), byLocation: new Map(), byService: new Map() };
  const add = (m: Map<string, ScheduleRow[]>, k: string, r: ScheduleRow) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of rows) {
    if (r.service_at_location_id) add(idx.bySal, r.service_at_location_id, r);
    else if (r.service_id) add(idx.byService, r.service_id, r);
    else if (r.location_id) add(idx.byLocation, r.location_id, r);
  }
  return idx;
}

/** The rules that govern one place of a service: the place's own, else its location's, else the service's. */
export function rulesForPlace(serviceId: string, place: Place | null, idx: ScheduleIndex): ScheduleRow[] {
  if (place) {
    const own = idx.bySal.get(place.salId);
    if (own?.length) return own;
    const loc = idx.byLocation.get(place.locationId);
    if (loc?.length) return loc;
  }
  return idx.byService.get(serviceId) ?? [];
}

function ruleSets(service: { id: string }, places: Place[], idx: ScheduleIndex): ScheduleRule[][] {
  return (places.length ? places : [null])
    .map((p) =>
      rulesForPlace(service.id, p, idx)
        .map(toRule)
        .filter((r): r is ScheduleRule => r !== null),
    )
    .filter((rules) => rules.length);
}

/** Open now / opens next for a service (any of its places); null when no hours are known. */
export function serviceOpening(
  service: { id: string; status: string },
  places: Place[],
  idx: ScheduleIndex,
  now: Date,
): OpeningState | null {
  if (service.status === 'temporarily closed') return { open: false, opensNext: null, closure: null };
  return combineStates(ruleSets(service, places, idx).map((rules) => openingState(rules, now)));
}

/** Just whether the service is open at this instant. */
export function serviceOpenAt(service: { id: string; status: string }, places: Place[], idx: ScheduleIndex, now: Date) {
  if (service.status === 'temporarily closed') return false;
  return ruleSets(service, places, idx).some((rules) => isOpenAt(rules, now));
}

// ——— search index ———

async function termNames(db: Db): Promise<Map<string, { ar: string; en: string }>> {
  const rows = await db.selectFrom('svc_taxonomy_terms').select(['id', 'name_ar', 'name_en']).execute();
  return new Map(rows.map((r) => [r.id, { ar: r.name_ar ?? '', en: r.name_en ?? '' }]));
}

/** Indexes (or removes, when not public) the services' search documents. */
export async function indexServices(db: Db, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length) return;
  const services = await inChunks(serviceIds, (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).execute(),
  );
  const orgIds = services.map((s) => s.organization_id);
  const orgs = new Map(
    (
      await inChunks(orgIds, (part) =>
        db
          .selectFrom('svc_organizations')
          .select(['id', 'name_ar', 'name_en', 'member_org_id', 'network_id'])
          .where('id', 'in', part)
          .execute(),
      )
    ).map((o) => [o.id, o]),
  );
  const ids = services.map((s) => s.id);
  const [tags, places, areas, names] = await Promise.all([
    serviceTags(db, ids),
    servicePlaces(db, ids),
    serviceAreaTowns(db, ids),
    termNames(db),
  ]);
  for (const id of serviceIds) if (!services.some((s) => s.id === id)) await removeDocument(db, SEARCH_KIND, id);
  for (const s of services) {
    if (!PUBLIC_STATUSES.includes(s.status)) {
      await removeDocument(db, SEARCH_KIND, s.id);
      continue;
    }
    const org = orgs.get(s.organization_id);
    const t = tags.get(s.id)!;
    const p = places.get(s.id) ?? [];
    const a = areas.get(s.id) ?? [];
    const termIds = [
      ...t.categories.map((c) => termId('categories', c)),
      ...t.groups.map((g) => termId('groups', g)),
      ...t.clusters.map((c) => termId('clusters', c)),
    ];
    const body = [
      s.description_ar,
      s.description_en,
      s.alternate_name_ar,
      s.alternate_name_en,
      s.eligibility_description_ar,
      s.eligibility_description_en,
      s.application_process_ar,
      s.application_process_en,
      s.fees_description_ar,
      s.fees_description_en,
      org?.name_ar,
      org?.name_en,
      ...termIds.flatMap((tid) => [names.get(tid)?.ar, names.get(tid)?.en]),
      ...p.flatMap((pl) => [
        pl.name_ar,
        pl.name_en,
        pl.landmark_ar,
        pl.landmark_en,
        pl.town?.name_ar,
        pl.town?.name_en,
      ]),
      ...a.flatMap((tw) => [tw.name_ar, tw.name_en]),
      s.is_free ? 'مجاني مجانية مجانا free' : '',
    ]
      .filter(Boolean)
      .join('\n');
    await indexDocument(db, {
      kind: SEARCH_KIND,
      refId: s.id,
      networkId: org?.network_id ?? null,
      organizationId: org?.member_org_id ?? null,
      lang: 'ar',
      title: [s.name_ar, s.name_en].filter(Boolean).join(' — '),
      body,
      facets: {
        town: [...p.map((pl) => pl.town?.pcode ?? ''), ...a.map((tw) => tw.pcode)],
        category: t.categories,
        group: t.groups,
      },
      publishedAt: s.last_modified ?? s.created_at,
    });
  }
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

export type ServiceCard = {
  id: string;
  href: string;
  name_ar: string | null;
  name_en: string | null;
  description_ar: string | null;
  description_en: string | null;
  org: { name_ar: string | null; name_en: string | null; memberOrgId: number | null } | null;
  status: string;
  isFree: boolean;
  towns: { pcode: string; name_ar: string; name_en: string }[];
  distanceKm: number | null;
  phones: string[];
  opening: OpeningState | null;
  verifiedAt: string | null;
  stale: boolean;
  categories: string[];
  groups: string[];
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

export type SearchResult = {
  total: number;
  items: ServiceCard[];
  town: { pcode: string; name_ar: string; name_en: string } | null;
  nearby: { pcode: string; name_ar: string; name_en: string; distanceKm: number }[];
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
  if (f.town) {
    const t = await getTown(db, f.town);
    if (t) {
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
  if (f.category) {
    const set = await idsWithTerm(db, termId('categories', f.category));
    ids = ids.filter((id) => set.has(id));
  }
  if (f.group) {
    const set = await idsWithTerm(db, termId('groups', f.group));
    ids = ids.filter((id) => set.has(id));
  }
  if (f.free) ids = ids.filter((id) => byId.get(id)!.is_free === 1);

  // 3. Nearest first when a town is given, then by relevance (or name).
  if (distance) ids.sort((a, b) => distance!.get(a)! - distance!.get(b)! || order.get(a)! - order.get(b)!);

  // 4. "Open now" needs the hours of every remaining service; otherwise only of the page shown.
  if (f.openNow && ids.length) {
    const places = await servicePlaces(db, ids);
    const schedules = await schedulesFor(db, ids, places);
    ids = ids.filter((id) => serviceOpenAt(byId.get(id)!, places.get(id) ?? [], schedules, now));
  }
  const start = (f.page - 1) * PAGE_SIZE;
  const page = ids.slice(start, start + PAGE_SIZE);
  const full = new Map(
    (page.length ? await db.selectFrom('svc_services').selectAll().where('id', 'in', page).execute() : []).map((r) => [
      r.id,
      r,
    ]),
  );
  const items = await serviceCards(
    db,
    page.map((id) => full.get(id)!),
    now,
    distance,
  );
  return { total: ids.length, items, town, nearby };
}

/** Everything a result card shows, for a handful of services. */
export async function serviceCards(
  db: Db,
  services: ServiceRow[],
  now: Date,
  distance: Map<string, number> | null = null,
): Promise<ServiceCard[]> {
  if (!services.length) return [];
  const ids = services.map((s) => s.id);
  const [places, areas, tags, orgs, phones] = await Promise.all([
    servicePlaces(db, ids),
    serviceAreaTowns(db, ids),
    serviceTags(db, ids),
    inChunks(
      services.map((s) => s.organization_id),
      (part) =>
        db
          .selectFrom('svc_organizations')
          .select(['id', 'name_ar', 'name_en', 'member_org_id'])
          .where('id', 'in', part)
          .execute(),
    ),
    inChunks(ids, (part) =>
      db
        .selectFrom('svc_phones')
        .select(['service_id', 'number', 'id'])
        .where('service_id', 'in', part)
        .orderBy('id')
        .execute(),
    ),
  ]);
  const schedules = await schedulesFor(db, ids, places);
  // Phones of the places, for services that list none of their own.
  const salIds = [...places.values()].flat().map((p) => p.salId);
  const placePhones = await inChunks(salIds, (part) =>
    db
      .selectFrom('svc_phones')
      .select(['service_at_location_id', 'number', 'id'])
      .where('service_at_location_id', 'in', part)
      .orderBy('id')
      .execute(),
  );
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return services.map((s) => {
    const pl = places.get(s.id) ?? [];
    const towns = new Map<string, { pcode: string; name_ar: string; name_en: string }>();
    for (const p of pl)
      if (p.town) towns.set(p.town.pcode, { pcode: p.town.pcode, name_ar: p.town.name_ar, name_en: p.town.name_en });
    for (const a of areas.get(s.id) ?? []) towns.set(a.pcode, a);
    const own = phones.filter((p) => p.service_id === s.id).map((p) => p.number);
    const salSet = new Set(pl.map((p) => p.salId));
    const fromPlaces = placePhones.filter((p) => salSet.has(p.service_at_location_id!)).map((p) => p.number);
    const org = orgById.get(s.organization_id);
    const t = tags.get(s.id)!;
    return {
      id: s.id,
      href: servicePath(s),
      name_ar: s.name_ar,
      name_en: s.name_en,
      description_ar: s.description_ar,
      description_en: s.description_en,
      org: org ? { name_ar: org.name_ar, name_en: org.name_en, memberOrgId: org.member_org_id } : null,
      status: s.status,
      isFree: s.is_free === 1,
      towns: [...towns.values()],
      distanceKm: distance?.get(s.id) ?? null,
      phones: [...new Set([...own, ...fromPlaces])].slice(0, 2),
      opening: serviceOpening(s, pl, schedules, now),
      verifiedAt: s.verified_at ?? (s.assured_date ? `${s.assured_date}T00:00:00.000Z` : null),
      stale: isStale(s, now),
      categories: t.categories,
      groups: t.groups,
    };
  });
}

// ——— one service ———

export async function getService(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (
    (await db.selectFrom('svc_services').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst()) ?? null
  );
}

export async function getServiceOrganization(db: Db, id: string) {
  return (await db.selectFrom('svc_organizations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

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

export function localized(row: Record<string, unknown>, field: string, locale: string): string {
  return pick(row, field, locale);
}

// ——— a town, an organization ———

export async function townServiceCards(db: Db, pcode: string, now: Date): Promise<ServiceCard[]> {
  const within = await servicesInTowns(db, new Map([[pcode, 0]]));
  const rows = await inChunks([...within.keys()], (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).where('status', 'in', PUBLIC_STATUSES).execute(),
  );
  rows.sort((a, b) => (a.name_ar ?? '').localeCompare(b.name_ar ?? '', 'ar') || (a.id < b.id ? -1 : 1));
  return serviceCards(db, rows, now);
}

export async function svcOrganizationForMember(db: Db, memberOrgId: number) {
  return (
    (await db
      .selectFrom('svc_organizations')
      .selectAll()
      .where('member_org_id', '=', memberOrgId)
      .executeTakeFirst()) ?? null
  );
}

export async function organizationServiceRows(db: Db, svcOrgId: string) {
  return db.selectFrom('svc_services').selectAll().where('organization_id', '=', svcOrgId).orderBy('name_ar').execute();
}

export async function organizationLocations(db: Db, svcOrgId: string) {
  return db
    .selectFrom('svc_locations as l')
    .leftJoin('towns as t', 't.pcode', 'l.town_pcode')
    .select([
      'l.id',
      'l.name_ar',
      'l.name_en',
      'l.landmark_ar',
      'l.landmark_en',
      'l.town_pcode',
      'l.latitude',
      'l.longitude',
      't.name_ar as town_ar',
      't.name_en as town_en',
    ])
    .where('l.organization_id', '=', svcOrgId)
    .orderBy('l.name_ar')
    .execute();
}

export async function getLocation(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (
    (await db.selectFrom('svc_locations').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst()) ?? null
  );
}

// ——— feedback ———

export async function pendingFeedback(db: Db) {
  return db
    .selectFrom('svc_feedback as f')
    .innerJoin('svc_services as s', 's.id', 'f.service_id')
    .select([
      'f.id',
      'f.kind',
      'f.got_service',
      'f.rating',
      'f.wrong_field',
      'f.comment',
      'f.created_at',
      's.id as service_id',
      's.name_ar',
      's.name_en',
    ])
    .where('f.status', '=', 'pending')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .limit(200)
    .execute();
}

export async function approvedFeedbackForOrganization(db: Db, svcOrgId: string) {
  return db
    .selectFrom('svc_feedback as f')
    .innerJoin('svc_services as s', 's.id', 'f.service_id')
    .select([
      'f.id',
      'f.kind',
      'f.got_service',
      'f.rating',
      'f.wrong_field',
      'f.comment',
      'f.created_at',
      'f.resolved_at',
      's.id as service_id',
      's.name_ar',
      's.name_en',
    ])
    .where('s.organization_id', '=', svcOrgId)
    .where('f.status', '=', 'approved')
    .orderBy('f.created_at', 'desc')
    .limit(100)
    .execute();
}

// ——— coverage ———

export type Coverage = {
  towns: {
    pcode: string;
    name_ar: string;
    name_en: string;
    adm2_ar: string;
    adm2_en: string;
    counts: Record<string, number>;
  }[];
  categories: string[];
};

/** Public services per town (where a place is, or an area it covers) and category, for the towns where members work. */
export async function coverage(db: Db): Promise<Coverage> {
  const memberTowns = await db
    .selectFrom('organization_towns as ot')
    .innerJoin('organizations as o', 'o.id', 'ot.organization_id')
    .select('ot.town_pcode')
    .where('o.status', '=', 'active')
    .execute();
  const public_ = await db.selectFrom('svc_services').select('id').where('status', 'in', PUBLIC_STATUSES).execute();
  const ids = public_.map((s) => s.id);
  const [places, areas, tags] = await Promise.all([
    servicePlaces(db, ids),
    serviceAreaTowns(db, ids),
    serviceTags(db, ids),
  ]);
  const counts = new Map<string, Record<string, number>>();
  for (const id of ids) {
    const towns = new Set<string>([
      ...(places.get(id) ?? []).map((p) => p.town?.pcode).filter((p): p is string => !!p),
      ...(areas.get(id) ?? []).map((a) => a.pcode),
    ]);
    for (const t of towns) {
      const c = counts.get(t) ?? {};
      for (const cat of tags.get(id)?.categories ?? []) c[cat] = (c[cat] ?? 0) + 1;
      counts.set(t, c);
    }
  }
  const pcodes = [...new Set([...memberTowns.map((m) => m.town_pcode), ...counts.keys()])];
  const towns = await inChunks(pcodes, (part) =>
    db
      .selectFrom('towns')
      .select(['pcode', 'name_ar', 'name_en', 'adm2_name_ar', 'adm2_name_en'])
      .where('pcode', 'in', part)
      .execute(),
  );
  towns.sort((a, b) => a.adm2_name_ar.localeCompare(b.adm2_name_ar, 'ar') || a.name_ar.localeCompare(b.name_ar, 'ar'));
  return {
    towns: towns.map((t) => ({
      pcode: t.pcode,
      name_ar: t.name_ar,
      name_en: t.name_en,
      adm2_ar: t.adm2_name_ar,
      adm2_en: t.adm2_name_en,
      counts: counts.get(t.pcode) ?? {},
    })),
    categories: CATEGORIES.map((c) => c.code),
  };
}

export function categoryLabel(code: string, locale: string): string {
  const c = CATEGORIES.find((x) => x.code === code);
  return c ? (locale === 'ar' ? c.ar : c.en) : code;
}
export function groupLabel(code: string, locale: string): string {
  const g = GROUPS.find((x) => x.code === code);
  return g ? (locale === 'ar' ? g.ar : g.en) : code;
}

export function extraOf(row: { extra: string }): Record<string, unknown> {
  return fromJson<Record<string, unknown>>(row.extra, {});
}
