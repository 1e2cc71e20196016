// The services directory's shared reads, used by every area: a service and its organization,
// its places, tags and hours, the card a list shows, whether it is public, its address. Plain rows
// out; views turn them into HTML. Searching is in directory/queries.ts, the search index in
// search-index.ts.
import type { Db } from '../../core/db/index.js';
import { isSet } from '../../core/db/helpers.js';
import { DAY } from '../../core/time.js';
import { localized } from '../../core/i18n/localized.js';
import { slugify } from '../../core/text/slug.js';
import {
  combineStates,
  isOpenAt,
  openingState,
  parseByday,
  type OpeningState,
  type ScheduleRule,
} from './opening-hours.js';
import { CATEGORIES, GROUPS, TAXONOMIES } from './taxonomy.js';
import type { SvcSchedulesTable, SvcServicesTable } from './tables.js';

export const SEARCH_KIND = 'service';
/** Details not confirmed for this long are flagged to the organization and marked in public. */
export const STALE_AFTER_DAYS = 183;
/** What the public site and the open API show; other services are their organization's own. */
export const PUBLIC_STATUSES = ['active', 'temporarily closed'];
const CHUNK = 400;

export type ServiceRow = SvcServicesTable;
export type ScheduleRow = SvcSchedulesTable;

export function servicePath(s: { id: string; name_en: string | null; name_ar: string | null }): string {
  return `/services/${s.id}/${slugify(s.name_en || s.name_ar || 'service')}`;
}

/** Shown to the public (and in the open API): active or temporarily closed. */
export const isPublic = (s: { status: string }): boolean => PUBLIC_STATUSES.includes(s.status);

/** When the details were last confirmed: the organization's stamp, else the imported HSDS date. */
export function verifiedAt(s: { verified_at: string | null; assured_date: string | null }): string | null {
  return s.verified_at ?? (s.assured_date ? `${s.assured_date}T00:00:00.000Z` : null);
}

export function isStale(s: { verified_at: string | null; assured_date: string | null }, now: Date): boolean {
  const at = verifiedAt(s);
  return !at || now.getTime() - Date.parse(at) > STALE_AFTER_DAYS * DAY;
}

/** Runs a query per slice of ids (a long IN list is refused by the databases). */
export async function inChunks<T>(ids: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
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
    closed: isSet(s.closed),
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

// ——— result cards ———

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
      isFree: isSet(s.is_free),
      towns: [...towns.values()],
      distanceKm: distance?.get(s.id) ?? null,
      phones: [...new Set([...own, ...fromPlaces])].slice(0, 2),
      opening: serviceOpening(s, pl, schedules, now),
      verifiedAt: verifiedAt(s),
      stale: isStale(s, now),
      categories: t.categories,
      groups: t.groups,
    };
  });
}

// ——— one service, one place, one organization ———

const UUIDISH = /^[0-9a-f-]{36}$/i;

/** A service by its id (any case); null for anything that is not one. */
export async function getService(db: Db, id: string) {
  if (!UUIDISH.test(id)) return null;
  return (
    (await db.selectFrom('svc_services').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst()) ?? null
  );
}
export type ServiceRecord = NonNullable<Awaited<ReturnType<typeof getService>>>;

/** A place by its id (any case); null for anything that is not one. */
export async function getLocation(db: Db, id: string) {
  if (!UUIDISH.test(id)) return null;
  return (
    (await db.selectFrom('svc_locations').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst()) ?? null
  );
}

export async function getServiceOrganization(db: Db, id: string) {
  return (await db.selectFrom('svc_organizations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}
export type ServiceOrganization = NonNullable<Awaited<ReturnType<typeof getServiceOrganization>>>;

/** The directory's record of a member organization (made the first time it adds a service or place). */
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

// ——— labels of the reference terms ———

const termLabel = (terms: { code: string; ar: string; en: string }[], code: string, locale: string) => {
  const term = terms.find((x) => x.code === code);
  return term ? localized({ name_ar: term.ar, name_en: term.en }, 'name', locale) : code;
};
export const categoryLabel = (code: string, locale: string): string => termLabel(CATEGORIES, code, locale);
export const groupLabel = (code: string, locale: string): string => termLabel(GROUPS, code, locale);
