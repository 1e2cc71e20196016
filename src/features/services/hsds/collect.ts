// HSDS 3.0 records → rows, before anything is checked against the database (hsds/import.ts).
//
// Walks every record — an array of services (each with its organization and service_at_locations
// nested), a page as the API returns it ({contents: [...]}), a single object, or the records the
// tabular package turns into (hsds/tabular.ts) — validates each object's own fields, and flattens
// it into rows keyed by id: an object nested in several places (a phone under a service, its
// location and a contact) is one row with several links. Each problem is reported with the record
// it belongs to.
import { flag } from '../../../core/db/helpers.js';
import { SPECS, PCODE_IDENTIFIER_TYPE, type ObjectName } from './spec.js';
import { isUuid, objectProblems } from './validate.js';
import { derivedAddressId, splitTranslations } from './text.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;

export type Rejection = { record: string; reason: string };

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
