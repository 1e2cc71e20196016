// Rows → HSDS 3.0 JSON. Loads the graph of related rows in a few batched queries, then nests it
// the way the HSDS API and the official examples do: references to parents are implied by the
// nesting (no organization_id inside an organization's service), empty lists and absent values
// are left out, and the fields Wasl keeps in `extra` come back verbatim.
import type { Db } from '../../../core/db/index.js';
import { fromJson, isSet } from '../../../core/db/helpers.js';
import { SPECS, PCODE_IDENTIFIER_TYPE, type ObjectName } from './spec.js';
import { derivedAddressId, joinTranslations } from './text.js';

type Row = Record<string, unknown>;
export type Town = {
  pcode: string;
  name_ar: string;
  name_en: string;
  adm2_name_ar: string;
  adm2_name_en: string;
  adm1_name_ar: string;
  adm1_name_en: string;
};

export type Graph = { [N in ObjectName]: Map<string, Row> } & { towns: Map<string, Town> };

const CHUNK = 400;
const chunks = <T>(xs: T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The graph without services the public site does not show (inactive, defunct) and their places
 * in time and space: what the open API and the HXL file publish. Full exports are for admins.
 */
export function onlyPublicServices(g: Graph, publicStatuses: readonly string[]): Graph {
  for (const [id, s] of g.service) if (!publicStatuses.includes(String(s.status))) g.service.delete(id);
  for (const [id, sal] of g.service_at_location)
    if (!g.service.has(String(sal.service_id))) g.service_at_location.delete(id);
  return g;
}

export function emptyGraph(): Graph {
  const g = { towns: new Map() } as Graph;
  for (const name of Object.keys(SPECS) as ObjectName[]) (g as Record<string, unknown>)[name] = new Map();
  return g;
}

/** Rows of `table` whose `column` is one of `ids` (any of several columns when given a list). */
async function rowsWhere(db: Db, table: string, columns: string[], ids: string[]): Promise<Row[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const out: Row[] = [];
  for (const part of chunks(unique)) {
    const rows = await (db as unknown as Db)
      .selectFrom(table as 'svc_services')
      .selectAll()
      .where((eb) => eb.or(columns.map((c) => eb(c as 'id', 'in', part))))
      .execute();
    out.push(...(rows as Row[]));
  }
  return out;
}

function put(g: Graph, name: ObjectName, rows: Row[]) {
  for (const r of rows) g[name].set(r.id as string, r);
}
const idsOf = (m: Map<string, Row>) => [...m.keys()];

/**
 * Loads services (by id, or all of some organizations, or all) with everything HSDS nests in
 * them, or the services behind some service_at_location ids.
 */
export async function loadGraph(
  db: Db,
  sel: { all?: boolean; serviceIds?: string[]; organizationIds?: string[]; salIds?: string[] },
): Promise<Graph> {
  const g = emptyGraph();
  const all = async (name: ObjectName) =>
    put(
      g,
      name,
      (await db
        .selectFrom(SPECS[name].table as 'svc_services')
        .selectAll()
        .execute()) as Row[],
    );
  if (sel.all) {
    for (const name of Object.keys(SPECS) as ObjectName[]) await all(name);
  } else {
    const serviceIds = [...(sel.serviceIds ?? [])];
    if (sel.salIds?.length) {
      const sals = await rowsWhere(db, 'svc_service_at_locations', ['id'], sel.salIds);
      serviceIds.push(...sals.map((s) => s.service_id as string));
    }
    // Rows of `name` whose `column` is one of `ids`, added to the graph; the table is the spec's.
    const load = async (name: ObjectName, column: string, ids: string[]) =>
      put(g, name, await rowsWhere(db, SPECS[name].table, [column], ids));
    // A kind that hangs from several parents: one query per parent column, in this order.
    const loadChildren = async (name: ObjectName, parents: [column: string, ids: string[]][]) => {
      for (const [column, ids] of parents) await load(name, column, ids);
    };
    const valuesOf = (m: Map<string, Row>, column: string) =>
      [...m.values()].map((r) => r[column] as string | null).filter((v): v is string => !!v);
    await load('service', 'id', serviceIds);
    if (sel.organizationIds?.length) await load('service', 'organization_id', sel.organizationIds);
    await load('organization', 'id', [...(sel.organizationIds ?? []), ...valuesOf(g.service, 'organization_id')]);
    const S = idsOf(g.service);
    const O = idsOf(g.organization);
    await load('service_at_location', 'service_id', S);
    const SAL = idsOf(g.service_at_location);
    await load('location', 'organization_id', O);
    await load('location', 'id', valuesOf(g.service_at_location, 'location_id'));
    const L = idsOf(g.location);
    await load('address', 'location_id', L);
    // Contacts and phones hang from any of these; phones from contacts too.
    const contactOwners: [string, string[]][] = [
      ['service_id', S],
      ['organization_id', O],
      ['location_id', L],
      ['service_at_location_id', SAL],
    ];
    await loadChildren('contact', contactOwners);
    await loadChildren('phone', [...contactOwners, ['contact_id', idsOf(g.contact)]]);
    await loadChildren('language', [
      ['service_id', S],
      ['location_id', L],
      ['phone_id', idsOf(g.phone)],
    ]);
    await loadChildren('schedule', [
      ['service_id', S],
      ['location_id', L],
      ['service_at_location_id', SAL],
    ]);
    for (const name of ['service_area', 'cost_option', 'required_document'] as const) await load(name, 'service_id', S);
    await load('attribute', 'link_id', [...S, ...O, ...L, ...SAL]);
    await load('taxonomy_term', 'id', valuesOf(g.attribute, 'taxonomy_term_id'));
    await load('taxonomy', 'id', valuesOf(g.taxonomy_term, 'taxonomy_id'));
  }
  const pcodes = [...g.location.values()].map((l) => l.town_pcode as string | null).filter((p): p is string => !!p);
  for (const part of chunks([...new Set(pcodes)])) {
    const towns = await db
      .selectFrom('towns')
      .select(['pcode', 'name_ar', 'name_en', 'adm2_name_ar', 'adm2_name_en', 'adm1_name_ar', 'adm1_name_en'])
      .where('pcode', 'in', part)
      .execute();
    for (const t of towns) g.towns.set(t.pcode, t);
  }
  return g;
}

type Options = { list?: boolean };

/** An object's own fields: columns, translations, and what was kept in `extra`. */
export function ownFields(name: ObjectName, row: Row, opts: Options = {}): Row {
  const out: Row = {};
  for (const f of SPECS[name].fields) {
    if (f.extra || f.tr || f.fk) continue;
    const v = row[f.name];
    if (v !== null && v !== undefined) out[f.name] = v;
  }
  Object.assign(out, joinTranslations(name, row));
  for (const [k, v] of Object.entries(fromJson<Row>(row.extra as string, {}))) {
    if (opts.list && Array.isArray(v)) continue;
    out[k] = v;
  }
  return out;
}

const byId = (a: Row, b: Row) => ((a.id as string) < (b.id as string) ? -1 : 1);

// Children grouped by parent once per table and column: scanning the whole table for every parent
// made the full export quadratic (2,000 services took over a minute).
type ChildIndex = { size: number; byParent: Map<unknown, Row[]> };
const childIndexes = new WeakMap<Graph, Map<string, ChildIndex>>();

function childrenOf(g: Graph, name: ObjectName, column: string, parentId: string): Row[] {
  let indexes = childIndexes.get(g);
  if (!indexes) childIndexes.set(g, (indexes = new Map()));
  const key = `${name}.${column}`;
  let index = indexes.get(key);
  // A graph is trimmed (onlyPublicServices) or filled before it is read; a changed size rebuilds.
  if (!index || index.size !== g[name].size) {
    const byParent = new Map<unknown, Row[]>();
    for (const r of g[name].values()) {
      const list = byParent.get(r[column]);
      if (list) list.push(r);
      else byParent.set(r[column], [r]);
    }
    for (const list of byParent.values()) list.sort(byId);
    indexes.set(key, (index = { size: g[name].size, byParent }));
  }
  return [...(index.byParent.get(parentId) ?? [])];
}
function setList(out: Row, key: string, items: Row[]) {
  if (items.length) out[key] = items;
}

function termObject(g: Graph, t: Row): Row {
  const out = ownFields('taxonomy_term', t);
  const tax = t.taxonomy_id ? g.taxonomy.get(t.taxonomy_id as string) : undefined;
  if (tax) out.taxonomy_detail = ownFields('taxonomy', tax);
  else if (t.taxonomy_id) out.taxonomy_id = t.taxonomy_id;
  return out;
}

function attributes(g: Graph, linkId: string): Row[] {
  return childrenOf(g, 'attribute', 'link_id', linkId).map((a) => {
    const out = ownFields('attribute', a);
    const term = a.taxonomy_term_id ? g.taxonomy_term.get(a.taxonomy_term_id as string) : undefined;
    if (term) out.taxonomy_term = termObject(g, term);
    else if (a.taxonomy_term_id) out.taxonomy_term_id = a.taxonomy_term_id;
    return out;
  });
}

const languageObject = (l: Row) => ownFields('language', l);
/** The children of one kind, each with its own fields only. */
const ownChildren = (g: Graph, name: ObjectName, col: string, id: string) =>
  childrenOf(g, name, col, id).map((r) => ownFields(name, r));

function phoneObject(g: Graph, p: Row): Row {
  const out = ownFields('phone', p);
  setList(out, 'languages', childrenOf(g, 'language', 'phone_id', p.id as string).map(languageObject));
  return out;
}
const phones = (g: Graph, col: string, id: string) => childrenOf(g, 'phone', col, id).map((p) => phoneObject(g, p));

function contactObject(g: Graph, c: Row): Row {
  const out = ownFields('contact', c);
  setList(out, 'phones', phones(g, 'contact_id', c.id as string));
  return out;
}
const contacts = (g: Graph, col: string, id: string) =>
  childrenOf(g, 'contact', col, id).map((c) => contactObject(g, c));

function scheduleObject(s: Row): Row {
  const out = ownFields('schedule', s);
  if (isSet(s.closed as number)) out.closed = true;
  return out;
}
const schedules = (g: Graph, col: string, id: string) => childrenOf(g, 'schedule', col, id).map(scheduleObject);

export function locationBasic(g: Graph, l: Row): Row {
  const out = ownFields('location', l, { list: true });
  if (l.town_pcode) {
    out.external_identifier = l.town_pcode;
    out.external_identifier_type = PCODE_IDENTIFIER_TYPE;
  }
  return out;
}

// A place and an organization are nested again in every service that refers to them: built once
// per row (the objects are only read, then serialized), they cost one build however often they appear.
const builtLocations = new WeakMap<Row, Row>();
const builtOrganizations = new WeakMap<Row, Row>();

function locationObject(g: Graph, l: Row): Row {
  let out = builtLocations.get(l);
  if (!out) builtLocations.set(l, (out = buildLocationObject(g, l)));
  return out;
}

function buildLocationObject(g: Graph, l: Row): Row {
  const out = { ...ownFields('location', l), ...locationBasic(g, l) };
  setList(out, 'languages', childrenOf(g, 'language', 'location_id', l.id as string).map(languageObject));
  const stored = ownChildren(g, 'address', 'location_id', l.id as string);
  const derived = stored.length ? null : derivedAddress(g, l);
  setList(out, 'addresses', derived ? [derived] : stored);
  setList(out, 'contacts', contacts(g, 'location_id', l.id as string));
  setList(out, 'phones', phones(g, 'location_id', l.id as string));
  setList(out, 'schedules', schedules(g, 'location_id', l.id as string));
  setList(out, 'attributes', attributes(g, l.id as string));
  return out;
}

/** A place known by its town and a landmark becomes an HSDS address without a postal code. */
export function derivedAddress(g: Graph, l: Row): Row | null {
  const town = l.town_pcode ? g.towns.get(l.town_pcode as string) : undefined;
  if (!town) return null;
  const landmarkAr = (l.landmark_ar as string | null) || null;
  const landmarkEn = (l.landmark_en as string | null) || null;
  return {
    ...joinTranslations('address', {
      address_1_ar: landmarkAr ?? town.name_ar,
      address_1_en: landmarkEn ?? town.name_en,
      city_ar: town.name_ar,
      city_en: town.name_en,
      region_ar: town.adm2_name_ar,
      region_en: town.adm2_name_en,
      state_province_ar: town.adm1_name_ar,
      state_province_en: town.adm1_name_en,
    }),
    id: derivedAddressId(l.id as string),
    country: 'SY',
    address_type: 'physical',
  };
}

function salObject(g: Graph, s: Row, withService: boolean): Row {
  const out = ownFields('service_at_location', s);
  setList(out, 'contacts', contacts(g, 'service_at_location_id', s.id as string));
  setList(out, 'phones', phones(g, 'service_at_location_id', s.id as string));
  setList(out, 'schedules', schedules(g, 'service_at_location_id', s.id as string));
  const loc = g.location.get(s.location_id as string);
  if (loc) out.location = locationObject(g, loc);
  setList(out, 'attributes', attributes(g, s.id as string));
  if (withService) {
    const svc = g.service.get(s.service_id as string);
    if (svc) out.service = serviceObject(g, svc, { withOrganization: true, withSals: false });
  }
  return out;
}

export function serviceObject(
  g: Graph,
  s: Row,
  opts: { withOrganization: boolean; withSals: boolean } = { withOrganization: true, withSals: true },
): Row {
  const id = s.id as string;
  const out = ownFields('service', s);
  setList(out, 'phones', phones(g, 'service_id', id));
  setList(out, 'schedules', schedules(g, 'service_id', id));
  setList(out, 'service_areas', ownChildren(g, 'service_area', 'service_id', id));
  if (opts.withSals)
    setList(
      out,
      'service_at_locations',
      childrenOf(g, 'service_at_location', 'service_id', id).map((x) => salObject(g, x, false)),
    );
  setList(out, 'languages', childrenOf(g, 'language', 'service_id', id).map(languageObject));
  if (opts.withOrganization) {
    const org = g.organization.get(s.organization_id as string);
    if (org) out.organization = organizationObject(g, org, false);
  }
  setList(out, 'cost_options', ownChildren(g, 'cost_option', 'service_id', id));
  setList(out, 'required_documents', ownChildren(g, 'required_document', 'service_id', id));
  setList(out, 'contacts', contacts(g, 'service_id', id));
  setList(out, 'attributes', attributes(g, id));
  return out;
}

export function organizationObject(g: Graph, o: Row, withServices: boolean): Row {
  if (withServices) return buildOrganizationObject(g, o, true);
  let out = builtOrganizations.get(o);
  if (!out) builtOrganizations.set(o, (out = buildOrganizationObject(g, o, false)));
  return out;
}

function buildOrganizationObject(g: Graph, o: Row, withServices: boolean): Row {
  const id = o.id as string;
  const out = ownFields('organization', o);
  setList(out, 'contacts', contacts(g, 'organization_id', id));
  setList(out, 'phones', phones(g, 'organization_id', id));
  setList(
    out,
    'locations',
    childrenOf(g, 'location', 'organization_id', id).map((l) => locationObject(g, l)),
  );
  setList(out, 'attributes', attributes(g, id));
  if (withServices)
    setList(
      out,
      'services',
      childrenOf(g, 'service', 'organization_id', id).map((s) =>
        serviceObject(g, s, { withOrganization: false, withSals: true }),
      ),
    );
  return out;
}

export function serviceAtLocationObject(g: Graph, s: Row): Row {
  return salObject(g, s, true);
}

// ——— list items (one-to-one fields only, as the HSDS API lists them) ———

export function organizationListItem(o: Row): Row {
  return ownFields('organization', o, { list: true });
}

export function serviceListItem(s: Row, org: Row | undefined): Row {
  const out = ownFields('service', s, { list: true });
  if (org) out.organization = organizationListItem(org);
  return out;
}

export function serviceAtLocationListItem(g: Graph, sal: Row): Row {
  const out = ownFields('service_at_location', sal, { list: true });
  const loc = g.location.get(sal.location_id as string);
  if (loc) out.location = locationBasic(g, loc);
  const svc = g.service.get(sal.service_id as string);
  if (svc) out.service = serviceListItem(svc, g.organization.get(svc.organization_id as string));
  return out;
}

/** Every service, fully nested: the HSDS JSON export. */
export async function exportAllServices(db: Db): Promise<Row[]> {
  const g = await loadGraph(db, { all: true });
  return [...g.service.values()].sort(byId).map((s) => serviceObject(g, s));
}

/** Services written between turns of the event loop (a large directory takes seconds). */
const SERVICES_PER_TURN = 100;

/**
 * The same export as one JSON text, built a hundred services at a time with a turn of the event
 * loop between (other requests are answered meanwhile); `progress(done, total)` after each batch.
 */
export async function exportAllServicesJson(db: Db, progress?: (done: number, total: number) => void): Promise<string> {
  const g = await loadGraph(db, { all: true });
  const services = [...g.service.values()].sort(byId);
  const parts: string[] = [];
  for (let i = 0; i < services.length; i += SERVICES_PER_TURN) {
    for (const s of services.slice(i, i + SERVICES_PER_TURN)) parts.push(JSON.stringify(serviceObject(g, s)));
    progress?.(Math.min(i + SERVICES_PER_TURN, services.length), services.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return `[${parts.join(',')}]`;
}
