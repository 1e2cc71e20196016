// HSDS 3.0 → rows, all or nothing.
//
// Input: an array of services (each with its organization and service_at_locations nested), a
// page as the API returns it ({contents: [...]}) or a single object; organizations and
// service_at_locations in their nested ("full") forms are accepted too. The tabular data package
// arrives here already turned into the same nested records (hsds/tabular.ts).
//
// 1. Walk every record, validate its own fields, and flatten it into rows keyed by id (an object
//    nested in several places — a phone under a service, its location and a contact — is one row
//    with several links). Each problem is reported with the record it belongs to.
// 2. Check references (organizations, locations, taxonomy terms, P-codes) against the rows and
//    the database.
// 3. Match what already exists: same id, or an organization with the same name, a location with
//    the same name in the same town, a taxonomy term with the same code (or name) in the same
//    taxonomy. Matched records are updated, not duplicated.
// 4. Write everything in one transaction, replace the child lists a record brought with it, and
//    index the services for search. If anything was rejected, nothing is written.
import type { Db } from '../../../core/db/index.js';
import { toJson } from '../../../core/db/helpers.js';
import { SPECS, PCODE_EXTENT_TYPE, PCODE_IDENTIFIER_TYPE, type ObjectName } from './spec.js';
import { isUuid, objectProblems } from './validate.js';
import { derivedAddressId, splitTranslations } from './text.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;

export type Rejection = { record: string; reason: string };
export type ImportResult =
  | { ok: true; counts: Partial<Record<ObjectName, { inserted: number; updated: number }>>; serviceIds: string[] }
  | { ok: false; rejected: Rejection[] };

/** Keys each object consumes as nested children (everything else unknown goes to `extra`). */
const CHILD_KEYS: Partial<Record<ObjectName, string[]>> = {
  service: [
    'phones',
    'schedules',
    'service_areas',
    'service_at_locations',
    'languages',
    'organization',
    'cost_options',
    'required_documents',
    'contacts',
    'attributes',
  ],
  organization: ['contacts', 'phones', 'locations', 'attributes', 'services'],
  location: ['languages', 'addresses', 'contacts', 'phones', 'schedules', 'attributes'],
  service_at_location: ['contacts', 'phones', 'schedules', 'location', 'attributes', 'service'],
  contact: ['phones'],
  phone: ['languages'],
  attribute: ['taxonomy_term'],
  taxonomy_term: ['taxonomy_detail'],
  schedule: ['closed'],
};

/** When a record brings one of these lists, children of that kind it no longer lists are removed. */
const REPLACED: Partial<Record<ObjectName, Record<string, [ObjectName, string]>>> = {
  service: {
    phones: ['phone', 'service_id'],
    schedules: ['schedule', 'service_id'],
    service_areas: ['service_area', 'service_id'],
    service_at_locations: ['service_at_location', 'service_id'],
    languages: ['language', 'service_id'],
    cost_options: ['cost_option', 'service_id'],
    required_documents: ['required_document', 'service_id'],
    contacts: ['contact', 'service_id'],
    attributes: ['attribute', 'link_id'],
  },
  organization: {
    contacts: ['contact', 'organization_id'],
    phones: ['phone', 'organization_id'],
    attributes: ['attribute', 'link_id'],
  },
  location: {
    languages: ['language', 'location_id'],
    addresses: ['address', 'location_id'],
    contacts: ['contact', 'location_id'],
    phones: ['phone', 'location_id'],
    schedules: ['schedule', 'location_id'],
    attributes: ['attribute', 'link_id'],
  },
  service_at_location: {
    contacts: ['contact', 'service_at_location_id'],
    phones: ['phone', 'service_at_location_id'],
    schedules: ['schedule', 'service_at_location_id'],
    attributes: ['attribute', 'link_id'],
  },
  contact: { phones: ['phone', 'contact_id'] },
  phone: { languages: ['language', 'phone_id'] },
};
/** Tables whose rows may hang from several parents: unlinked first, deleted once they hang from none. */
const MULTI_LINK: Partial<Record<ObjectName, string[]>> = {
  phone: ['location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id'],
  contact: ['organization_id', 'service_id', 'service_at_location_id', 'location_id'],
  language: ['service_id', 'location_id', 'phone_id'],
  schedule: ['service_id', 'location_id', 'service_at_location_id'],
};

const WRITE_ORDER: ObjectName[] = [
  'organization',
  'taxonomy',
  'taxonomy_term',
  'location',
  'address',
  'service',
  'service_at_location',
  'contact',
  'phone',
  'schedule',
  'attribute',
  'language',
  'cost_option',
  'service_area',
  'required_document',
];

function describe(name: ObjectName, obj: Obj): string {
  const id = typeof obj.id === 'string' ? obj.id : '(no id)';
  const label =
    typeof obj.name === 'string'
      ? ` "${obj.name.slice(0, 60)}"`
      : typeof obj.number === 'string'
        ? ` ${obj.number}`
        : '';
  return `${name} ${id}${label}`;
}

export class Collector {
  rows = Object.fromEntries(Object.keys(SPECS).map((n) => [n, new Map<string, Row>()])) as Record<
    ObjectName,
    Map<string, Row>
  >;
  rejected: Rejection[] = [];
  /** object id → child list keys the record brought */
  present = new Map<string, { name: ObjectName; keys: Set<string> }>();
  /** where each id was first seen, for messages */
  where = new Map<string, string>();

  reject(record: string, reason: string) {
    this.rejected.push({ record, reason });
  }

  /** Validates and flattens one object; returns its id, or null if it has none usable. */
  add(
    name: ObjectName,
    obj: unknown,
    where: string,
    links: Record<string, string | null | undefined> = {},
  ): string | null {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      this.reject(where, `${name}: must be an object`);
      return null;
    }
    const o = obj as Obj;
    const label = `${where} (${describe(name, o)})`;
    const problems = objectProblems(name, o);
    for (const key of CHILD_KEYS[name] ?? []) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      const single =
        key === 'organization' ||
        key === 'location' ||
        key === 'service' ||
        key === 'taxonomy_term' ||
        key === 'taxonomy_detail';
      if (key === 'closed') {
        if (typeof v !== 'boolean') problems.push('closed: must be true or false');
      } else if (single ? typeof v !== 'object' || Array.isArray(v) : !Array.isArray(v)) {
        problems.push(`${key}: must be ${single ? 'an object' : 'a list'}`);
      }
    }
    if (problems.length) this.reject(label, problems.join('; '));
    if (!isUuid(o.id)) return null;
    const id = o.id.toLowerCase();
    const spec = SPECS[name];
    const row: Row = { id };
    const extra: Obj = {};
    const known = new Set(['id', 'translations', ...(CHILD_KEYS[name] ?? [])]);
    for (const f of spec.fields) {
      if (f.name === 'id') continue;
      if (f.extra) continue;
      known.add(f.name);
      if (f.tr) continue;
      const v = o[f.name];
      row[f.name] = v === undefined ? null : typeof v === 'string' && f.kind === 'uuid' ? v.toLowerCase() : v;
    }
    Object.assign(row, splitTranslations(name, o));
    for (const [k, v] of Object.entries(o)) if (!known.has(k) && v !== undefined) extra[k] = v;
    row.extra = extra;
    if (name === 'schedule') row.closed = o.closed === true ? 1 : 0;
    if (
      name === 'location' &&
      o.external_identifier_type === PCODE_IDENTIFIER_TYPE &&
      typeof o.external_identifier === 'string'
    ) {
      // The community's P-code: a gazetteer town, not an outside identifier.
      row.town_pcode = o.external_identifier.toUpperCase();
      row.external_identifier = null;
      row.external_identifier_type = null;
    }
    for (const [col, value] of Object.entries(links)) if (value) row[col] = value.toLowerCase();

    const map = this.rows[name];
    const before = map.get(id);
    if (!before) {
      map.set(id, row);
      this.where.set(`${name}:${id}`, label);
    } else {
      // The same object nested in several places: it must say the same thing each time.
      const fkCols = new Set(spec.fields.filter((f) => f.fk).map((f) => f.name));
      for (const [k, v] of Object.entries(row)) {
        if (fkCols.has(k) || k === 'id') {
          if (v == null) continue;
          if (before[k] == null) before[k] = v;
          else if (before[k] !== v && fkCols.has(k)) this.reject(label, `${k}: linked to both ${before[k]} and ${v}`);
          continue;
        }
        if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) {
          this.reject(
            label,
            `given again with a different ${k === 'extra' ? 'content' : k} than at ${this.where.get(`${name}:${id}`)}`,
          );
          break;
        }
      }
    }
    const keys = (CHILD_KEYS[name] ?? []).filter((k) => Array.isArray(o[k]));
    if (keys.length) {
      const p = this.present.get(id) ?? { name, keys: new Set<string>() };
      for (const k of keys) p.keys.add(k);
      this.present.set(id, p);
    }
    return id;
  }

  list(o: Obj, key: string): unknown[] {
    const v = o[key];
    return Array.isArray(v) ? v : [];
  }

  organization(o: unknown, where: string): string | null {
    const id = this.add('organization', o, where);
    if (!id) return null;
    const obj = o as Obj;
    this.list(obj, 'contacts').forEach((c, i) => this.contact(c, `${where}.contacts[${i}]`, { organization_id: id }));
    this.list(obj, 'phones').forEach((p, i) => this.phone(p, `${where}.phones[${i}]`, { organization_id: id }));
    this.list(obj, 'locations').forEach((l, i) =>
      this.location(l, `${where}.locations[${i}]`, { organization_id: id }),
    );
    this.list(obj, 'attributes').forEach((a, i) => this.attribute(a, `${where}.attributes[${i}]`, id));
    this.list(obj, 'services').forEach((s, i) => this.service(s, `${where}.services[${i}]`, { organization_id: id }));
    return id;
  }

  service(s: unknown, where: string, links: { organization_id?: string } = {}): string | null {
    const obj = (s && typeof s === 'object' ? s : {}) as Obj;
    let orgId = links.organization_id ?? (typeof obj.organization_id === 'string' ? obj.organization_id : null);
    if (obj.organization && typeof obj.organization === 'object') {
      orgId = this.organization(obj.organization, `${where}.organization`) ?? orgId;
    }
    const id = this.add('service', s, where, { organization_id: orgId });
    if (!id) return null;
    if (!orgId)
      this.reject(
        `${where} (${describe('service', obj)})`,
        'organization: a service needs its organization (nested, or organization_id)',
      );
    this.list(obj, 'phones').forEach((p, i) => this.phone(p, `${where}.phones[${i}]`, { service_id: id }));
    this.list(obj, 'schedules').forEach((x, i) =>
      this.add('schedule', x, `${where}.schedules[${i}]`, { service_id: id }),
    );
    this.list(obj, 'service_areas').forEach((x, i) =>
      this.add('service_area', x, `${where}.service_areas[${i}]`, { service_id: id }),
    );
    this.list(obj, 'service_at_locations').forEach((x, i) =>
      this.serviceAtLocation(x, `${where}.service_at_locations[${i}]`, { service_id: id }),
    );
    this.list(obj, 'languages').forEach((x, i) =>
      this.add('language', x, `${where}.languages[${i}]`, { service_id: id }),
    );
    this.list(obj, 'cost_options').forEach((x, i) =>
      this.add('cost_option', x, `${where}.cost_options[${i}]`, { service_id: id }),
    );
    this.list(obj, 'required_documents').forEach((x, i) =>
      this.add('required_document', x, `${where}.required_documents[${i}]`, { service_id: id }),
    );
    this.list(obj, 'contacts').forEach((c, i) => this.contact(c, `${where}.contacts[${i}]`, { service_id: id }));
    this.list(obj, 'attributes').forEach((a, i) => this.attribute(a, `${where}.attributes[${i}]`, id));
    return id;
  }

  serviceAtLocation(x: unknown, where: string, links: { service_id?: string } = {}): string | null {
    const obj = (x && typeof x === 'object' ? x : {}) as Obj;
    let serviceId = links.service_id ?? (typeof obj.service_id === 'string' ? obj.service_id : null);
    if (obj.service && typeof obj.service === 'object')
      serviceId = this.service(obj.service, `${where}.service`) ?? serviceId;
    let locationId = typeof obj.location_id === 'string' ? obj.location_id : null;
    if (obj.location && typeof obj.location === 'object')
      locationId = this.location(obj.location, `${where}.location`) ?? locationId;
    const id = this.add('service_at_location', x, where, { service_id: serviceId, location_id: locationId });
    if (!id) return null;
    const label = `${where} (${describe('service_at_location', obj)})`;
    if (!serviceId) this.reject(label, 'service: missing (nest it, or give service_id)');
    if (!locationId) this.reject(label, 'location: missing (nest it, or give location_id)');
    this.list(obj, 'contacts').forEach((c, i) =>
      this.contact(c, `${where}.contacts[${i}]`, { service_at_location_id: id }),
    );
    this.list(obj, 'phones').forEach((p, i) => this.phone(p, `${where}.phones[${i}]`, { service_at_location_id: id }));
    this.list(obj, 'schedules').forEach((s, i) =>
      this.add('schedule', s, `${where}.schedules[${i}]`, { service_at_location_id: id }),
    );
    this.list(obj, 'attributes').forEach((a, i) => this.attribute(a, `${where}.attributes[${i}]`, id));
    return id;
  }

  location(l: unknown, where: string, links: { organization_id?: string } = {}): string | null {
    const id = this.add('location', l, where, links);
    if (!id) return null;
    const obj = l as Obj;
    const row = this.rows.location.get(id)!;
    this.list(obj, 'languages').forEach((x, i) =>
      this.add('language', x, `${where}.languages[${i}]`, { location_id: id }),
    );
    this.list(obj, 'addresses').forEach((a, i) => {
      const aid = typeof (a as Obj)?.id === 'string' ? ((a as Obj).id as string).toLowerCase() : '';
      if (aid === derivedAddressId(id)) {
        // The address Wasl derives from town + landmark: keep the landmark, not a copy.
        const parts = splitTranslations('address', a as Obj);
        row.landmark_ar = parts.address_1_ar !== parts.city_ar ? parts.address_1_ar : null;
        row.landmark_en = parts.address_1_en !== parts.city_en ? parts.address_1_en : null;
        return;
      }
      this.add('address', a, `${where}.addresses[${i}]`, { location_id: id });
    });
    this.list(obj, 'contacts').forEach((c, i) => this.contact(c, `${where}.contacts[${i}]`, { location_id: id }));
    this.list(obj, 'phones').forEach((p, i) => this.phone(p, `${where}.phones[${i}]`, { location_id: id }));
    this.list(obj, 'schedules').forEach((s, i) =>
      this.add('schedule', s, `${where}.schedules[${i}]`, { location_id: id }),
    );
    this.list(obj, 'attributes').forEach((a, i) => this.attribute(a, `${where}.attributes[${i}]`, id));
    return id;
  }

  contact(c: unknown, where: string, links: Record<string, string>): string | null {
    const id = this.add('contact', c, where, links);
    if (!id) return null;
    this.list(c as Obj, 'phones').forEach((p, i) => this.phone(p, `${where}.phones[${i}]`, { contact_id: id }));
    return id;
  }

  phone(p: unknown, where: string, links: Record<string, string>): string | null {
    const id = this.add('phone', p, where, links);
    if (!id) return null;
    this.list(p as Obj, 'languages').forEach((x, i) =>
      this.add('language', x, `${where}.languages[${i}]`, { phone_id: id }),
    );
    return id;
  }

  attribute(a: unknown, where: string, linkId: string): string | null {
    const obj = (a && typeof a === 'object' ? a : {}) as Obj;
    let termId = typeof obj.taxonomy_term_id === 'string' ? obj.taxonomy_term_id : null;
    if (obj.taxonomy_term && typeof obj.taxonomy_term === 'object')
      termId = this.term(obj.taxonomy_term, `${where}.taxonomy_term`) ?? termId;
    return this.add('attribute', a, where, { link_id: linkId, taxonomy_term_id: termId });
  }

  term(t: unknown, where: string): string | null {
    const obj = (t && typeof t === 'object' ? t : {}) as Obj;
    let taxonomyId = typeof obj.taxonomy_id === 'string' ? obj.taxonomy_id : null;
    if (obj.taxonomy_detail && typeof obj.taxonomy_detail === 'object')
      taxonomyId = this.add('taxonomy', obj.taxonomy_detail, `${where}.taxonomy_detail`) ?? taxonomyId;
    return this.add('taxonomy_term', t, where, { taxonomy_id: taxonomyId });
  }

  /** One top-level record of unknown kind. */
  record(x: unknown, where: string) {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return this.reject(where, 'must be an object (a service)');
    const o = x as Obj;
    if ('status' in o || 'service_at_locations' in o) this.service(o, where);
    else if ('location' in o || ('location_id' in o && 'service_id' in o)) this.serviceAtLocation(o, where);
    else if ('services' in o || 'locations' in o || 'description' in o) this.organization(o, where);
    else this.service(o, where);
  }
}

/** The records of an HSDS JSON document: an array, an API page, or one object. */
export function recordsOf(doc: unknown): { records: unknown[]; error?: string } {
  if (Array.isArray(doc)) return { records: doc };
  if (doc && typeof doc === 'object') {
    const o = doc as Obj;
    if (Array.isArray(o.contents)) return { records: o.contents };
    if ('id' in o) return { records: [o] };
  }
  return { records: [], error: 'expected an array of services, an HSDS page ({"contents": [...]}) or one object' };
}

export function collectJson(doc: unknown): Collector {
  const c = new Collector();
  const { records, error } = recordsOf(doc);
  if (error) c.reject('document', error);
  records.forEach((r, i) => c.record(r, `[${i}]`));
  return c;
}

const CHUNK = 300;
async function existingIds(db: Db, table: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table as 'svc_services')
      .select('id')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

const norm = (s: unknown) => (typeof s === 'string' ? s.trim().toLowerCase().replace(/\s+/g, ' ') : '');

/** References, P-codes and matching against what the database already has. Mutates the rows' ids. */
async function resolve(db: Db, c: Collector): Promise<Map<string, string>> {
  const remap = new Map<string, string>();
  // Organizations by name.
  const orgs = [...c.rows.organization.values()];
  const knownOrgs = await existingIds(
    db,
    'svc_organizations',
    orgs.map((o) => o.id as string),
  );
  const newOrgs = orgs.filter((o) => !knownOrgs.has(o.id as string));
  if (newOrgs.length) {
    const all = await db.selectFrom('svc_organizations').select(['id', 'name_ar', 'name_en']).execute();
    for (const o of newOrgs) {
      const match = all.find(
        (e) => (o.name_ar && norm(e.name_ar) === norm(o.name_ar)) || (o.name_en && norm(e.name_en) === norm(o.name_en)),
      );
      if (match) remap.set(o.id as string, match.id);
    }
  }
  // Taxonomies by name, terms by code (or name) within their taxonomy.
  const taxes = [...c.rows.taxonomy.values()];
  const knownTax = await existingIds(
    db,
    'svc_taxonomies',
    taxes.map((t) => t.id as string),
  );
  if (taxes.some((t) => !knownTax.has(t.id as string))) {
    const all = await db.selectFrom('svc_taxonomies').select(['id', 'name_ar', 'name_en', 'uri']).execute();
    for (const t of taxes.filter((x) => !knownTax.has(x.id as string))) {
      const match = all.find(
        (e) =>
          (t.uri && e.uri === t.uri) ||
          (t.name_en && norm(e.name_en) === norm(t.name_en)) ||
          (t.name_ar && norm(e.name_ar) === norm(t.name_ar)),
      );
      if (match) remap.set(t.id as string, match.id);
    }
  }
  const terms = [...c.rows.taxonomy_term.values()];
  const knownTerms = await existingIds(
    db,
    'svc_taxonomy_terms',
    terms.map((t) => t.id as string),
  );
  if (terms.some((t) => !knownTerms.has(t.id as string))) {
    const all = await db
      .selectFrom('svc_taxonomy_terms')
      .select(['id', 'code', 'name_en', 'name_ar', 'taxonomy_id'])
      .execute();
    for (const t of terms.filter((x) => !knownTerms.has(x.id as string))) {
      const tax = t.taxonomy_id ? (remap.get(t.taxonomy_id as string) ?? t.taxonomy_id) : null;
      const match = all.find(
        (e) =>
          e.taxonomy_id === tax &&
          ((t.code && e.code === t.code) ||
            (!t.code &&
              ((t.name_en && norm(e.name_en) === norm(t.name_en)) ||
                (t.name_ar && norm(e.name_ar) === norm(t.name_ar))))),
      );
      if (match) remap.set(t.id as string, match.id);
    }
  }
  // Locations: same name in the same town (or at the same coordinates).
  const locs = [...c.rows.location.values()];
  const knownLocs = await existingIds(
    db,
    'svc_locations',
    locs.map((l) => l.id as string),
  );
  if (locs.some((l) => !knownLocs.has(l.id as string))) {
    const all = await db
      .selectFrom('svc_locations')
      .select(['id', 'name_ar', 'name_en', 'town_pcode', 'latitude', 'longitude'])
      .execute();
    for (const l of locs.filter((x) => !knownLocs.has(x.id as string))) {
      const sameName = (e: (typeof all)[number]) =>
        (l.name_ar && norm(e.name_ar) === norm(l.name_ar)) || (l.name_en && norm(e.name_en) === norm(l.name_en));
      const match = all.find(
        (e) =>
          sameName(e) &&
          ((l.town_pcode && e.town_pcode === l.town_pcode) ||
            (l.latitude != null && e.latitude === l.latitude && e.longitude === l.longitude)),
      );
      if (match) remap.set(l.id as string, match.id);
    }
  }
  if (remap.size) {
    for (const name of Object.keys(c.rows) as ObjectName[]) {
      const fks = ['id', ...SPECS[name].fields.filter((f) => f.fk || f.name === 'parent_id').map((f) => f.name)];
      const map = c.rows[name];
      for (const [key, row] of [...map]) {
        for (const col of fks)
          if (typeof row[col] === 'string' && remap.has(row[col] as string)) row[col] = remap.get(row[col] as string);
        if (row.id !== key) {
          map.delete(key);
          map.set(row.id as string, row);
          const p = c.present.get(key);
          if (p) {
            c.present.delete(key);
            c.present.set(row.id as string, p);
          }
        }
      }
    }
  }

  // References must lead somewhere.
  const refs: [ObjectName, string, ObjectName][] = [
    ['service', 'organization_id', 'organization'],
    ['service_at_location', 'service_id', 'service'],
    ['service_at_location', 'location_id', 'location'],
    ['location', 'organization_id', 'organization'],
    ['address', 'location_id', 'location'],
    ['attribute', 'taxonomy_term_id', 'taxonomy_term'],
    ['taxonomy_term', 'taxonomy_id', 'taxonomy'],
    ['contact', 'organization_id', 'organization'],
    ['contact', 'service_id', 'service'],
    ['contact', 'location_id', 'location'],
    ['contact', 'service_at_location_id', 'service_at_location'],
    ['phone', 'organization_id', 'organization'],
    ['phone', 'service_id', 'service'],
    ['phone', 'location_id', 'location'],
    ['phone', 'contact_id', 'contact'],
    ['phone', 'service_at_location_id', 'service_at_location'],
    ['schedule', 'service_id', 'service'],
    ['schedule', 'location_id', 'location'],
    ['schedule', 'service_at_location_id', 'service_at_location'],
    ['language', 'service_id', 'service'],
    ['language', 'location_id', 'location'],
    ['language', 'phone_id', 'phone'],
    ['cost_option', 'service_id', 'service'],
    ['service_area', 'service_id', 'service'],
    ['required_document', 'service_id', 'service'],
  ];
  for (const [name, col, target] of refs) {
    const wanted = [
      ...new Set([...c.rows[name].values()].map((r) => r[col] as string | null).filter((v): v is string => !!v)),
    ];
    const missing = wanted.filter((id) => !c.rows[target].has(id));
    if (!missing.length) continue;
    const found = await existingIds(db, SPECS[target].table, missing);
    for (const r of c.rows[name].values()) {
      const ref = r[col] as string | null;
      if (ref && !c.rows[target].has(ref) && !found.has(ref))
        c.reject(c.where.get(`${name}:${r.id}`) ?? `${name} ${r.id}`, `${col}: no ${target} with id ${ref}`);
    }
  }
  // Service areas that name a P-code, and locations in a town, must name a real one.
  for (const a of c.rows.service_area.values()) {
    if (a.extent_type === PCODE_EXTENT_TYPE && typeof a.extent === 'string') a.town_pcode = a.extent.toUpperCase();
  }
  const pcodes = [
    ...new Set(
      [...c.rows.location.values(), ...c.rows.service_area.values()]
        .map((r) => r.town_pcode as string | undefined)
        .filter((p): p is string => !!p),
    ),
  ];
  const knownTowns = new Set<string>();
  for (let i = 0; i < pcodes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('towns')
      .select('pcode')
      .where('pcode', 'in', pcodes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) knownTowns.add(r.pcode);
  }
  for (const [name, rows] of [
    ['location', c.rows.location],
    ['service_area', c.rows.service_area],
  ] as const) {
    for (const r of rows.values()) {
      if (r.town_pcode && !knownTowns.has(r.town_pcode as string))
        c.reject(
          c.where.get(`${name}:${r.id}`) ?? `${name} ${r.id}`,
          `P-code ${r.town_pcode as string} is not in the gazetteer`,
        );
    }
  }
  return remap;
}

function isFree(costs: Row[]): number {
  return costs.length > 0 && costs.every((c) => c.amount === 0) ? 1 : 0;
}

/** Validates and writes; nothing is written when anything is rejected. */
export async function importCollected(
  db: Db,
  c: Collector,
  opts: { now: Date; networkId: number | null; reindex: (db: Db, serviceIds: string[]) => Promise<void> },
): Promise<ImportResult> {
  await resolve(db, c);
  if (c.rejected.length) return { ok: false, rejected: c.rejected };
  const iso = opts.now.toISOString();
  const counts: Partial<Record<ObjectName, { inserted: number; updated: number }>> = {};
  const serviceIds = new Set<string>(c.rows.service.keys());

  await db.transaction().execute(async (trx) => {
    const members =
      c.rows.organization.size > 0
        ? await trx.selectFrom('organizations').select(['id', 'name_ar', 'name_en']).execute()
        : [];
    const linkedMembers = new Set(
      (
        await trx
          .selectFrom('svc_organizations')
          .select('member_org_id')
          .where('member_org_id', 'is not', null)
          .execute()
      ).map((r) => r.member_org_id),
    );
    for (const name of WRITE_ORDER) {
      const spec = SPECS[name];
      const rows = [...c.rows[name].values()];
      if (!rows.length) continue;
      const existing = await existingIds(
        trx,
        spec.table,
        rows.map((r) => r.id as string),
      );
      counts[name] = { inserted: rows.length - existing.size, updated: existing.size };
      for (const r of rows) {
        const values: Row = { ...r, extra: toJson(r.extra ?? {}) };
        if (name === 'organization') {
          values.updated_at = iso;
          values.created_at = iso;
          if (!existing.has(r.id as string)) {
            values.network_id = opts.networkId;
            const member = members.find(
              (m) =>
                (r.name_ar && norm(m.name_ar) === norm(r.name_ar)) ||
                (r.name_en && norm(m.name_en) === norm(r.name_en)),
            );
            values.member_org_id = member && !linkedMembers.has(member.id) ? member.id : null;
            if (member) linkedMembers.add(member.id);
          }
        } else if (name === 'location') {
          values.updated_at = iso;
          values.created_at = iso;
        } else if (name === 'service') {
          values.is_free = isFree([...c.rows.cost_option.values()].filter((x) => x.service_id === r.id));
          values.verified_at = r.assured_date ? `${r.assured_date as string}T00:00:00.000Z` : null;
          values.created_at = iso;
        }
        const { id, ...update } = values;
        delete update.created_at;
        if (name === 'organization') {
          delete update.network_id;
          delete update.member_org_id;
        }
        await trx
          .insertInto(spec.table as 'svc_services')
          .values(values as never)
          .onConflict((oc) => oc.column('id').doUpdateSet(update as never))
          .execute();
        void id;
      }
    }
    // Lists a record brought replace the ones it had.
    for (const [parentId, { name, keys }] of c.present) {
      for (const key of keys) {
        const target = REPLACED[name]?.[key];
        if (!target) continue;
        const [child, col] = target;
        const keep = [...c.rows[child].values()].filter((r) => r[col] === parentId).map((r) => r.id as string);
        const table = SPECS[child].table as 'svc_phones';
        if (MULTI_LINK[child]) {
          let q = trx
            .updateTable(table)
            .set({ [col]: null } as never)
            .where(col as 'id', '=', parentId);
          if (keep.length) q = q.where('id', 'not in', keep);
          await q.execute();
        } else {
          let q = trx.deleteFrom(table).where(col as 'id', '=', parentId);
          if (keep.length) q = q.where('id', 'not in', keep);
          await q.execute();
        }
      }
    }
    for (const [name, cols] of Object.entries(MULTI_LINK) as [ObjectName, string[]][]) {
      let q = trx.deleteFrom(SPECS[name].table as 'svc_phones');
      for (const col of cols) q = q.where(col as 'id', 'is', null);
      await q.execute();
    }
    // Cost options may have changed for services that were not themselves in the file.
    for (const sid of new Set([...c.rows.cost_option.values()].map((x) => x.service_id as string))) serviceIds.add(sid);
    for (const sid of serviceIds) {
      const costs = await trx.selectFrom('svc_cost_options').select('amount').where('service_id', '=', sid).execute();
      await trx
        .updateTable('svc_services')
        .set({ is_free: isFree(costs as Row[]) })
        .where('id', '=', sid)
        .execute();
    }
    // Services whose organization or places changed are re-indexed too.
    const touchedOrgs = [...c.rows.organization.keys()];
    const touchedLocs = [...c.rows.location.keys()];
    if (touchedOrgs.length)
      for (let i = 0; i < touchedOrgs.length; i += CHUNK)
        for (const r of await trx
          .selectFrom('svc_services')
          .select('id')
          .where('organization_id', 'in', touchedOrgs.slice(i, i + CHUNK))
          .execute())
          serviceIds.add(r.id);
    if (touchedLocs.length)
      for (let i = 0; i < touchedLocs.length; i += CHUNK)
        for (const r of await trx
          .selectFrom('svc_service_at_locations')
          .select('service_id')
          .where('location_id', 'in', touchedLocs.slice(i, i + CHUNK))
          .execute())
          serviceIds.add(r.service_id);
    await opts.reindex(trx, [...serviceIds]);
  });
  return { ok: true, counts, serviceIds: [...serviceIds] };
}

export async function importHsdsJson(
  db: Db,
  doc: unknown,
  opts: { now: Date; networkId: number | null; reindex: (db: Db, serviceIds: string[]) => Promise<void> },
): Promise<ImportResult> {
  return importCollected(db, collectJson(doc), opts);
}
