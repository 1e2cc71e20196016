// What the HSDS API reads: the public services matching its filters, and list items in the HSDS
// shapes (services with their organization, service_at_locations with location and service).
import type { Db, Dialect } from '../../../core/db/index.js';
import { containing, containsInsensitive } from '../../../core/db/helpers.js';
import { searchDocuments } from '../../../core/search/index.js';
import { emptyGraph, serviceAtLocationListItem, serviceListItem } from '../hsds/export.js';
import { PUBLIC_STATUSES, SEARCH_KIND, inChunks } from '../queries.js';
import type { Params } from './params.js';

/** Service ids matching the filters (AND), in a stable order (search rank when searching). */
export async function matchingServiceIds(db: Db, dialect: Dialect, p: Params, now: Date): Promise<string[]> {
  let q = db.selectFrom('svc_services').select(['id']).where('status', 'in', PUBLIC_STATUSES);
  if (p.organization_id) q = q.where('organization_id', '=', String(p.organization_id).toLowerCase());
  if (p.modified_after) q = q.where('last_modified', '>=', new Date(String(p.modified_after)).toISOString());
  if (p.taxonomy_term_id)
    q = q.where(
      'id',
      'in',
      db
        .selectFrom('svc_attributes')
        .select('link_id')
        .where('taxonomy_term_id', '=', String(p.taxonomy_term_id).toLowerCase()) as never,
    );
  if (p.taxonomy_id)
    q = q.where(
      'id',
      'in',
      db
        .selectFrom('svc_attributes as a')
        .innerJoin('svc_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
        .select('a.link_id')
        .where('t.taxonomy_id', '=', String(p.taxonomy_id).toLowerCase()) as never,
    );
  const rows = await q.orderBy('id').execute();
  let ids = rows.map((r) => r.id);
  if (p.search) {
    const hits = await searchDocuments(db, dialect, {
      q: String(p.search),
      kinds: [SEARCH_KIND],
      limit: 5000,
      offset: 0,
      now,
      excerpts: false,
    });
    const keep = new Set(ids);
    ids = hits.hits.map((h) => h.refId).filter((id) => keep.has(id));
  }
  return ids;
}

/** The places of these services, in the services' order. */
export async function serviceAtLocationIds(db: Db, serviceIds: string[]): Promise<string[]> {
  const order = new Map(serviceIds.map((id, i) => [id, i]));
  const sals = await inChunks(serviceIds, (part) =>
    db.selectFrom('svc_service_at_locations').select(['id', 'service_id']).where('service_id', 'in', part).execute(),
  );
  sals.sort((a, b) => order.get(a.service_id)! - order.get(b.service_id)! || (a.id < b.id ? -1 : 1));
  return sals.map((s) => s.id);
}

const rowsById = <T extends string>(db: Db, table: T, ids: string[]) =>
  inChunks(ids, (part) =>
    db
      .selectFrom(table as 'svc_services')
      .selectAll()
      .where('id', 'in', part)
      .execute(),
  ) as Promise<Record<string, unknown>[]>;

export async function serviceListItems(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const services = await rowsById(db, 'svc_services', ids);
  const orgs = await rowsById(
    db,
    'svc_organizations',
    services.map((s) => s.organization_id as string),
  );
  const byId = new Map(services.map((s) => [s.id as string, s]));
  const orgById = new Map(orgs.map((o) => [o.id as string, o]));
  return ids
    .map((id) => byId.get(id))
    .filter((s) => s !== undefined)
    .map((s) => serviceListItem(s, orgById.get(s.organization_id as string)));
}

export async function serviceAtLocationListItems(db: Db, salIds: string[]) {
  if (!salIds.length) return [];
  const g = emptyGraph();
  const sals = await rowsById(db, 'svc_service_at_locations', salIds);
  for (const s of sals) g.service_at_location.set(s.id as string, s);
  const ids = (rows: Record<string, unknown>[], col: string) => rows.map((r) => r[col] as string);
  for (const l of await rowsById(db, 'svc_locations', ids(sals, 'location_id'))) g.location.set(l.id as string, l);
  const services = await rowsById(db, 'svc_services', ids(sals, 'service_id'));
  for (const s of services) g.service.set(s.id as string, s);
  for (const o of await rowsById(db, 'svc_organizations', ids(services, 'organization_id')))
    g.organization.set(o.id as string, o);
  const byId = new Map(sals.map((s) => [s.id as string, s]));
  return salIds.map((id) => serviceAtLocationListItem(g, byId.get(id)!));
}

/** A filter: the Arabic or English name (and the code, for terms) contains the text; English case-insensitive. */
export function nameContains(dialect: Dialect, search: string, orCode = false) {
  const like = containing(search);
  const ci = containsInsensitive(dialect);
  return (eb: any) =>
    eb.or([eb('name_ar', 'like', like), eb('name_en', ci, like), ...(orCode ? [eb('code', ci, like)] : [])]);
}
