// The HSDS tabular data package: datapackage.json and one CSV per object, in both directions.
//
// Export: every stored row, one file per object with the HSDS columns (references included),
// plus a `translations` column (JSON) for objects with human-readable fields (Wasl profile), the
// `closed` column on schedules, the address Wasl derives from a place's town and landmark, and the
// funding, programs, accessibility and organization_identifiers kept from imports.
// Import: the same files (datapackage.json, when present, says which); rows become the same
// records the JSON importer checks and writes (hsds/import.ts), all or nothing.
import type { Db } from '../../../core/db/index.js';
import { fromJson, isSet } from '../../../core/db/helpers.js';
import { parseCsv, CsvSyntaxError, toCsv } from '../../../core/text/csv.js';
import { derivedAddress, loadGraph, ownFields, locationBasic, type Graph } from './export.js';
import { Collector } from './collect.js';
import { SPECS, type ObjectName } from './spec.js';
import { derivedAddressId, splitTranslations } from './text.js';

type Row = Record<string, unknown>;

/**
 * A data-package file. Values are written exactly (neutralization off, no BOM): this is data for
 * programs to read back, and a phone number such as +963… must stay as it is.
 */
function csvFile(cols: string[], rows: Record<string, unknown>[]): string {
  return toCsv([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))], { neutralize: false, bom: false });
}

/** Objects Wasl keeps in `extra`, with their file and the parents they hang from. */
const ORG: [ObjectName, string] = ['organization', 'organization_id'];
const EXTRA_TABLES: Record<string, { file: string; columns: readonly string[]; parents: [ObjectName, string][] }> = {
  funding: {
    file: 'funding.csv',
    columns: ['id', 'organization_id', 'service_id', 'source'],
    parents: [ORG, ['service', 'service_id']],
  },
  programs: {
    file: 'programs.csv',
    columns: ['id', 'organization_id', 'name', 'alternate_name', 'description'],
    parents: [ORG],
  },
  accessibility: {
    file: 'accessibility.csv',
    columns: ['id', 'location_id', 'description', 'details', 'url'],
    parents: [['location', 'location_id']],
  },
  organization_identifiers: {
    file: 'organization_identifiers.csv',
    columns: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'],
    parents: [ORG],
  },
};

const ORDER: ObjectName[] = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'address',
  'phone',
  'schedule',
  'service_area',
  'language',
  'cost_option',
  'required_document',
  'contact',
  'taxonomy',
  'taxonomy_term',
  'attribute',
];

export function csvColumns(name: ObjectName): string[] {
  const cols = SPECS[name].fields.map((f) => f.name);
  if (name === 'schedule') cols.push('closed');
  if (SPECS[name].fields.some((f) => f.tr)) cols.push('translations');
  return cols;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function flatRow(name: ObjectName, row: Row, g: Graph): Row {
  const out: Row = { ...ownFields(name, row, { list: true }) };
  for (const f of SPECS[name].fields) if (f.fk && !f.extra && row[f.name] != null) out[f.name] = row[f.name];
  if (name === 'location') Object.assign(out, locationBasic(g, row));
  if (name === 'schedule' && isSet(row.closed as number)) out.closed = 'true';
  return out;
}

export type DataPackage = Map<string, string>;

/** The whole directory as a tabular data package: file name → contents. */
export async function exportTabular(db: Db): Promise<DataPackage> {
  const g = await loadGraph(db, { all: true });
  const files: DataPackage = new Map();
  const byId = (a: Row, b: Row) => ((a.id as string) < (b.id as string) ? -1 : 1);
  const resources: unknown[] = [];
  for (const name of ORDER) {
    const cols = csvColumns(name);
    const rows = [...g[name].values()].sort(byId).map((r) => flatRow(name, r, g));
    if (name === 'address') {
      // Places known by town and landmark get the address Wasl derives (as in the JSON).
      for (const loc of g.location.values()) {
        if ([...g.address.values()].some((a) => a.location_id === loc.id)) continue;
        const address = derivedAddress(g, loc);
        if (address) rows.push({ ...address, location_id: loc.id });
      }
      rows.sort(byId);
    }
    files.set(SPECS[name].csv, csvFile(cols, rows));
    resources.push(resourceOf(SPECS[name].csv, cols));
  }
  for (const [key, t] of Object.entries(EXTRA_TABLES)) {
    const rows = new Map<string, Row>();
    for (const [parent, col] of t.parents) {
      for (const p of [...g[parent].values()].sort(byId)) {
        const list = fromJson<Row>(p.extra as string, {})[key];
        if (!Array.isArray(list)) continue;
        for (const item of list as Row[]) {
          if (!item || typeof item.id !== 'string') continue;
          const r = rows.get(item.id) ?? { ...item };
          r[col] = p.id;
          rows.set(item.id, r);
        }
      }
    }
    const cols = [...t.columns];
    files.set(t.file, csvFile(cols, [...rows.values()].sort(byId)));
    resources.push(resourceOf(t.file, cols));
  }
  files.set(
    'datapackage.json',
    JSON.stringify(
      {
        name: 'wasl-hsds',
        title: 'Wasl services directory (HSDS 3.0, Wasl profile)',
        profile: 'tabular-data-package',
        licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0' }],
        resources,
      },
      null,
      2,
    ),
  );
  return files;
}

function resourceOf(file: string, cols: string[]) {
  return {
    name: file.replace(/\.csv$/, ''),
    path: file,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: { fields: cols.map((c) => ({ name: c, type: c === 'translations' ? 'object' : 'string' })) },
  };
}

// ——— import ———

function typed(name: ObjectName, header: string[], fields: string[]): Row {
  const spec = SPECS[name];
  const out: Row = {};
  header.forEach((col, i) => {
    const raw = fields[i] ?? '';
    if (raw === '') return;
    const f = spec.fields.find((x) => x.name === col);
    if (col === 'translations') {
      out.translations = fromJson<unknown>(raw, raw);
    } else if (col === 'closed' && name === 'schedule') {
      out.closed = raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
    } else if (f && (f.kind === 'number' || f.kind === 'integer')) {
      out[col] = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
    } else {
      out[col] = raw;
    }
  });
  return out;
}

/** Turns the package's files into collected rows (problems named by file and line). */
export function collectTabular(files: DataPackage): Collector {
  const c = new Collector();
  const derived: Row[] = [];
  let wanted: string[] | null = null;
  const pkg = files.get('datapackage.json');
  if (pkg !== undefined) {
    try {
      const doc = JSON.parse(pkg) as { resources?: { path?: unknown }[] };
      if (!Array.isArray(doc.resources)) c.reject('datapackage.json', 'has no "resources" list');
      else wanted = doc.resources.map((r) => String(r.path ?? ''));
    } catch {
      c.reject('datapackage.json', 'is not valid JSON');
    }
  }
  if (wanted) for (const w of wanted) if (!files.has(w)) c.reject('datapackage.json', `lists ${w}, which is missing`);
  const read = (file: string): { header: string[]; rows: { line: number; fields: string[] }[] } | null => {
    if (wanted && !wanted.includes(file)) return null;
    const text = files.get(file);
    if (text === undefined) return null;
    try {
      const [head, ...rows] = parseCsv(text);
      return head ? { header: head.fields.map((h) => h.trim()), rows } : null;
    } catch (e) {
      c.reject(file, e instanceof CsvSyntaxError ? e.message : 'is not valid CSV');
      return null;
    }
  };
  for (const name of [
    'organization',
    'taxonomy',
    'taxonomy_term',
    'location',
    'service',
    'service_at_location',
    'address',
    'contact',
    'phone',
    'schedule',
    'service_area',
    'language',
    'cost_option',
    'required_document',
    'attribute',
  ] as ObjectName[]) {
    const file = SPECS[name].csv;
    const t = read(file);
    if (!t) continue;
    const allowed = new Set(csvColumns(name));
    const unknown = t.header.filter((h) => !allowed.has(h));
    if (unknown.length) c.reject(file, `unknown columns: ${unknown.join(', ')}`);
    for (const r of t.rows) {
      const where = `${file} line ${r.line}`;
      if (r.fields.length !== t.header.length) {
        c.reject(where, `expected ${t.header.length} fields, found ${r.fields.length}`);
        continue;
      }
      const obj = typed(name, t.header, r.fields);
      if (name === 'address' && typeof obj.location_id === 'string' && obj.id === derivedAddressId(obj.location_id)) {
        // Wasl's derived address: it carries the landmark of its place.
        derived.push(obj);
        continue;
      }
      if (name === 'service' && !obj.organization_id)
        c.reject(`${where} (service ${String(obj.id)})`, 'organization_id: is required');
      if (name === 'service_at_location' && (!obj.service_id || !obj.location_id))
        c.reject(`${where} (service_at_location ${String(obj.id)})`, 'service_id and location_id: are required');
      if (name === 'location') {
        c.location(obj, where);
        continue;
      }
      c.add(name, obj, where);
    }
  }
  for (const a of derived) {
    const loc = c.rows.location.get(String(a.location_id).toLowerCase());
    if (!loc) continue;
    const parts = splitTranslations('address', a);
    loc.landmark_ar = parts.address_1_ar !== parts.city_ar ? parts.address_1_ar : null;
    loc.landmark_en = parts.address_1_en !== parts.city_en ? parts.address_1_en : null;
  }
  for (const [key, t] of Object.entries(EXTRA_TABLES)) {
    const table = read(t.file);
    if (!table) continue;
    for (const r of table.rows) {
      const obj: Row = {};
      table.header.forEach((h, i) => {
        if (r.fields[i]) obj[h] = r.fields[i];
      });
      let attached = false;
      // Kept with every parent it names (funding: the service first, then the organization).
      const parents = [...t.parents].reverse();
      for (const [parent, col] of parents) {
        const ref = obj[col];
        if (typeof ref !== 'string') continue;
        const p = c.rows[parent].get(ref.toLowerCase());
        if (!p) continue;
        const item = { ...obj };
        for (const [, k] of parents) delete item[k];
        const extra = p.extra as Row;
        const list = Array.isArray(extra[key]) ? (extra[key] as Row[]) : [];
        if (!list.some((x) => x.id === item.id)) list.push(item);
        extra[key] = list;
        attached = true;
      }
      if (!attached)
        c.reject(
          `${t.file} line ${r.line}`,
          `refers to nothing in this package (${parents.map((p) => p[1]).join(' or ')})`,
        );
    }
  }
  return c;
}
