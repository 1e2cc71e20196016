// HSDS 3.0 records → rows, before anything is checked against the database (hsds/import.ts).
//
// Walks every record — an array of services (each with its organization and service_at_locations
// nested), a page as the API returns it ({contents: [...]}), a single object, or the records the
// tabular package turns into (hsds/tabular-import.ts) — trims its text, validates each object's own
// fields, and flattens it into rows keyed by id: an object nested in several places (a phone under
// a service, its location and a contact) is one row with several links. Each problem is reported
// with the file and record it belongs to (hsds/problems.ts).
import { flag } from '../../../core/db/helpers.js';
import type { Problem, ProblemCode } from './problems.js';
import { SPECS, PCODE_IDENTIFIER_TYPE, type ObjectName } from './spec.js';
import { isUuid, objectProblems } from './validate.js';
import { derivedAddressId, splitTranslations } from './text.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;

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
const SINGLE = new Set(['organization', 'location', 'service', 'taxonomy_term', 'taxonomy_detail']);
/**
 * HSDS objects Wasl keeps verbatim in `extra` and exports again (funding, programs, accessibility,
 * identifiers, change history). Records under any other unknown key are refused, not dropped.
 */
const KEPT_RECORDS = new Set([
  'funding',
  'programs',
  'program',
  'accessibility',
  'organization_identifiers',
  'metadata',
  'capacities',
  'service_capacities',
  'payments_accepted',
]);
const looksLikeRecords = (v: unknown) =>
  (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) ||
  (!!v && typeof v === 'object' && !Array.isArray(v) && 'id' in (v as Obj));

function describe(name: ObjectName, obj: Obj): string {
  // An id that was not a UUID is named as the file gave it (hsds/tabular-import.ts keeps it).
  const id = typeof obj.original_id === 'string' ? obj.original_id : typeof obj.id === 'string' ? obj.id : '(no id)';
  const label =
    typeof obj.name === 'string'
      ? ` "${obj.name.slice(0, 60)}"`
      : typeof obj.number === 'string'
        ? ` ${obj.number}`
        : '';
  return `${name} ${id}${label}`;
}

/**
 * The object with blank values left out (as if not given) and coded values trimmed (ids, enums,
 * e-mails, dates: " active" is "active"). Free text stays exactly as given, so it exports again equal.
 */
export function trimmed(o: Obj, name?: ObjectName): Obj {
  const out: Obj = {};
  const free = new Set(name ? SPECS[name].fields.filter((f) => f.kind === 'text').map((f) => f.name) : []);
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') out[k] = free.has(k) ? v : t;
    } else out[k] = v;
  }
  return out;
}

export class Collector {
  rows = Object.fromEntries(Object.keys(SPECS).map((n) => [n, new Map<string, Row>()])) as Record<
    ObjectName,
    Map<string, Row>
  >;
  problems: Problem[] = [];
  /** object id → child list keys the record brought */
  present = new Map<string, { name: ObjectName; keys: Set<string> }>();
  /** where each id was first seen (file and record), for messages */
  where = new Map<string, { file: string; record: string }>();
  /** the file being read, named in every problem */
  file: string;
  /** UUIDs given to ids that were not UUIDs → the id as given, to name it in problems */
  given = new Map<string, string>();

  constructor(file = 'JSON') {
    this.file = file;
  }

  reject(
    record: string,
    code: ProblemCode,
    more: { field?: string; value?: string; params?: Problem['params']; file?: string } = {},
  ) {
    this.problems.push({
      file: more.file ?? this.file,
      record,
      field: more.field ?? '',
      value: more.value ?? '',
      code,
      ...(more.params ? { params: more.params } : {}),
    });
  }

  /** Where a row was first seen, for a problem found later (references, P-codes). */
  rejectRow(
    name: ObjectName,
    id: string,
    code: ProblemCode,
    more: { field?: string; value?: string; params?: Problem['params'] },
  ) {
    const at = this.where.get(`${name}:${id}`) ?? { file: this.file, record: `${name} ${id}` };
    this.reject(at.record, code, { ...more, file: at.file });
  }

  /** Validates and flattens one object; returns its id, or null if it has none usable. */
  add(
    name: ObjectName,
    given: unknown,
    where: string,
    links: Record<string, string | null | undefined> = {},
  ): string | null {
    if (!given || typeof given !== 'object' || Array.isArray(given)) {
      this.reject(where, 'notObject', { params: { kind: name } });
      return null;
    }
    const o = trimmed(given as Obj, name);
    const label = `${where} (${describe(name, o)})`;
    const problems = objectProblems(name, o);
    for (const key of CHILD_KEYS[name] ?? []) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      if (key === 'closed') {
        if (typeof v !== 'boolean') problems.push({ field: key, value: String(v), code: 'notBoolean' });
      } else if (SINGLE.has(key) ? typeof v !== 'object' || Array.isArray(v) : !Array.isArray(v)) {
        problems.push({ field: key, value: '', code: SINGLE.has(key) ? 'notObject' : 'notList' });
      }
    }
    const spec = SPECS[name];
    const known = new Set([
      'id',
      'translations',
      ...(CHILD_KEYS[name] ?? []),
      ...spec.fields.filter((f) => !f.extra).map((f) => f.name),
    ]);
    const hsds = new Set(spec.fields.map((f) => f.name));
    for (const [k, v] of Object.entries(o))
      if (!known.has(k) && !hsds.has(k) && !KEPT_RECORDS.has(k) && looksLikeRecords(v))
        problems.push({ field: k, value: '', code: 'unknownRecords' });
    for (const p of problems) this.reject(label, p.code, p);
    if (!isUuid(o.id)) return null;
    const id = o.id.toLowerCase();
    const row: Row = { id };
    const extra: Obj = {};
    for (const f of spec.fields) {
      if (f.name === 'id' || f.extra || f.tr) continue;
      const v = o[f.name];
      row[f.name] = v === undefined ? null : typeof v === 'string' && f.kind === 'uuid' ? v.toLowerCase() : v;
    }
    Object.assign(row, splitTranslations(name, o));
    for (const [k, v] of Object.entries(o)) if (!known.has(k) && v !== undefined) extra[k] = v;
    row.extra = extra;
    if (name === 'schedule') row.closed = flag(o.closed === true);
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
    for (const [col, value] of Object.entries(links)) if (value) row[col] = value.trim().toLowerCase();

    const map = this.rows[name];
    const before = map.get(id);
    if (!before) {
      map.set(id, row);
      this.where.set(`${name}:${id}`, { file: this.file, record: label });
    } else {
      // The same object nested in several places: it must say the same thing each time.
      const fkCols = new Set(spec.fields.filter((f) => f.fk).map((f) => f.name));
      for (const [k, v] of Object.entries(row)) {
        if (fkCols.has(k) || k === 'id') {
          if (v == null) continue;
          if (before[k] == null) before[k] = v;
          else if (before[k] !== v && fkCols.has(k))
            this.reject(label, 'linkedTwice', { field: k, value: `${String(before[k])} / ${String(v)}` });
          continue;
        }
        if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) {
          const first = this.where.get(`${name}:${id}`)!;
          this.reject(label, 'givenTwice', {
            field: k === 'extra' ? '' : k,
            value: `${first.file} ${first.record}`,
          });
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

  /** Each child under `key`, added as `name` hanging from the parent by `link`. */
  children(o: Obj, key: string, where: string, each: (x: unknown, at: string) => unknown) {
    this.list(o, key).forEach((x, i) => each(x, `${where}.${key}[${i}]`));
  }

  organization(o: unknown, where: string): string | null {
    const id = this.add('organization', o, where);
    if (!id) return null;
    const obj = o as Obj;
    this.children(obj, 'contacts', where, (c, at) => this.contact(c, at, { organization_id: id }));
    this.children(obj, 'phones', where, (p, at) => this.phone(p, at, { organization_id: id }));
    this.children(obj, 'locations', where, (l, at) => this.location(l, at, { organization_id: id }));
    this.children(obj, 'attributes', where, (a, at) => this.attribute(a, at, id));
    this.children(obj, 'services', where, (s, at) => this.service(s, at, { organization_id: id }));
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
    if (!orgId) this.reject(`${where} (${describe('service', obj)})`, 'needsOrganization', { field: 'organization' });
    const own = (name: ObjectName) => (x: unknown, at: string) => this.add(name, x, at, { service_id: id });
    this.children(obj, 'phones', where, (p, at) => this.phone(p, at, { service_id: id }));
    this.children(obj, 'schedules', where, own('schedule'));
    this.children(obj, 'service_areas', where, own('service_area'));
    this.children(obj, 'service_at_locations', where, (x, at) => this.serviceAtLocation(x, at, { service_id: id }));
    this.children(obj, 'languages', where, own('language'));
    this.children(obj, 'cost_options', where, own('cost_option'));
    this.children(obj, 'required_documents', where, own('required_document'));
    this.children(obj, 'contacts', where, (c, at) => this.contact(c, at, { service_id: id }));
    this.children(obj, 'attributes', where, (a, at) => this.attribute(a, at, id));
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
    if (!serviceId) this.reject(label, 'needsService', { field: 'service' });
    if (!locationId) this.reject(label, 'needsLocation', { field: 'location' });
    this.children(obj, 'contacts', where, (c, at) => this.contact(c, at, { service_at_location_id: id }));
    this.children(obj, 'phones', where, (p, at) => this.phone(p, at, { service_at_location_id: id }));
    this.children(obj, 'schedules', where, (s, at) => this.add('schedule', s, at, { service_at_location_id: id }));
    this.children(obj, 'attributes', where, (a, at) => this.attribute(a, at, id));
    return id;
  }

  location(l: unknown, where: string, links: { organization_id?: string } = {}): string | null {
    const id = this.add('location', l, where, links);
    if (!id) return null;
    const obj = l as Obj;
    const row = this.rows.location.get(id)!;
    this.children(obj, 'languages', where, (x, at) => this.add('language', x, at, { location_id: id }));
    this.children(obj, 'addresses', where, (a, at) => {
      const aid = typeof (a as Obj)?.id === 'string' ? ((a as Obj).id as string).trim().toLowerCase() : '';
      if (aid === derivedAddressId(id)) Object.assign(row, landmarkOf(a as Obj));
      else this.add('address', a, at, { location_id: id });
    });
    this.children(obj, 'contacts', where, (c, at) => this.contact(c, at, { location_id: id }));
    this.children(obj, 'phones', where, (p, at) => this.phone(p, at, { location_id: id }));
    this.children(obj, 'schedules', where, (s, at) => this.add('schedule', s, at, { location_id: id }));
    this.children(obj, 'attributes', where, (a, at) => this.attribute(a, at, id));
    return id;
  }

  contact(c: unknown, where: string, links: Record<string, string>): string | null {
    const id = this.add('contact', c, where, links);
    if (id) this.children(c as Obj, 'phones', where, (p, at) => this.phone(p, at, { contact_id: id }));
    return id;
  }

  phone(p: unknown, where: string, links: Record<string, string>): string | null {
    const id = this.add('phone', p, where, links);
    if (id) this.children(p as Obj, 'languages', where, (x, at) => this.add('language', x, at, { phone_id: id }));
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

  /** One top-level record: a service, a service_at_location, a location or an organization. */
  record(x: unknown, where: string) {
    if (!x || typeof x !== 'object' || Array.isArray(x))
      return this.reject(where, 'notObject', { params: { kind: 'service' } });
    const o = x as Obj;
    const has = (...keys: string[]) => keys.some((k) => k in o);
    if (has('location') && has('service', 'service_id')) this.serviceAtLocation(o, where);
    else if (has('location_id') && has('service_id') && !has('status')) this.serviceAtLocation(o, where);
    else if (has('status', 'service_at_locations', 'organization', 'organization_id') && !has('location_type'))
      this.service(o, where);
    else if (has('location_type', 'latitude', 'longitude', 'addresses', 'transportation')) this.location(o, where);
    else if (has('services', 'locations', 'website', 'description')) this.organization(o, where);
    else this.reject(`${where} (${describe('service', o)})`, 'unknownKind');
  }
}

/** The landmark kept in the address Wasl derives from a place's town (not a copy of the town). */
export function landmarkOf(address: Obj): { landmark_ar: string | null; landmark_en: string | null } {
  const parts = splitTranslations('address', trimmed(address, 'address'));
  return {
    landmark_ar: parts.address_1_ar !== parts.city_ar ? parts.address_1_ar! : null,
    landmark_en: parts.address_1_en !== parts.city_en ? parts.address_1_en! : null,
  };
}

/** The records of an HSDS JSON document: an array, an API page, or one object. */
export function recordsOf(doc: unknown): { records: unknown[]; error?: boolean } {
  if (Array.isArray(doc)) return { records: doc };
  if (doc && typeof doc === 'object') {
    const o = doc as Obj;
    if (Array.isArray(o.contents)) return { records: o.contents };
    if ('id' in o) return { records: [o] };
  }
  return { records: [], error: true };
}

export function collectJson(doc: unknown, file = 'JSON'): Collector {
  const c = new Collector(file);
  const { records, error } = recordsOf(doc);
  if (error) c.reject('', 'notHsds');
  records.forEach((r, i) => c.record(r, `[${i}]`));
  return c;
}
