// Reading a tabular data package (a directory or zip of CSV files — or JSON files of flat records
// with the same names — and datapackage.json): every file is either used or named as refused,
// the version is told from its files and columns (HSDS 3.0, or an older one read through
// hsds/legacy.ts; a mix is refused in one message), ids that are not UUIDs become stable UUIDs
// (the same package imported again updates the same records; the id as given is kept as
// `original_id`), and the rows become the records hsds/import.ts checks and writes, all or nothing.
import { fromJson } from '../../../core/db/helpers.js';
import { parseCsv, CsvSyntaxError } from '../../../core/text/csv.js';
import { Collector, landmarkOf } from './collect.js';
import {
  convertLegacyRows,
  detectVersion,
  legacyFile,
  type Cells,
  type Converted,
  type KeptKey,
  type SourcedRow,
  type Target,
} from './legacy.js';
import { SPECS, type ObjectName } from './spec.js';
import { EXTRA_TABLES, METADATA_COLUMNS, csvColumns, type DataPackage } from './tabular.js';
import { derivedAddressId, uuidV5 } from './text.js';
import { isUuid } from './validate.js';

type Row = Record<string, unknown>;

/** What became of one file of the package. */
export type FileEntry = {
  file: string;
  status: 'used' | 'refused' | 'notRead';
  /** why a file was not read: not a data file, or a JSON document of nested records (import it alone) */
  why?: 'notData' | 'document';
  rows: number;
  /** what its rows became (HSDS 3.0 objects, or records kept with their parent) */
  as: string;
  /** read under an older name (services_at_location.csv → service_at_location) */
  legacy?: boolean;
  /** present but not listed in datapackage.json */
  unlisted?: boolean;
};

export type PackageRead = {
  collector: Collector;
  files: FileEntry[];
  version: '3.0' | 'legacy' | 'mixed';
  /** ids that were not UUIDs, given stable UUIDs */
  mappedIds: number;
};

type Sheet = { file: string; key: string; header: string[]; rows: SourcedRow[] };

const PACKAGE = 'datapackage.json';
const META_COLUMNS = ['id', 'name', 'language', 'character_set'];
const CHARSETS = /^(utf-?8|(us-)?ascii)$/i;

/** The HSDS 3.0 file names and what each holds. */
const V3_FILES = new Map<string, { to: Target; columns: readonly string[] }>([
  ...(Object.keys(SPECS) as ObjectName[]).map(
    (n) => [SPECS[n].csv, { to: n as Target, columns: csvColumns(n) }] as const,
  ),
  ...Object.entries(EXTRA_TABLES).map(([k, t]) => [t.file, { to: k as Target, columns: t.columns }] as const),
  ['metadata.csv', { to: 'metadata', columns: METADATA_COLUMNS }],
  ['meta_table_descriptions.csv', { to: 'meta', columns: META_COLUMNS }],
  ['meta_table_description.csv', { to: 'meta', columns: META_COLUMNS }],
]);

/** Parents records kept in `extra` hang from: funding with its service or organization, and so on. */
const KEPT_PARENTS: Record<KeptKey, [ObjectName, string][]> = {
  ...(Object.fromEntries(Object.entries(EXTRA_TABLES).map(([k, t]) => [k, t.parents])) as Record<
    Exclude<KeptKey, 'payments_accepted'>,
    [ObjectName, string][]
  >),
  payments_accepted: [['service', 'service_id']],
};

/** What an id column points at. */
const REF_SPACE: Record<string, string> = {
  organization_id: 'organization',
  parent_organization_id: 'organization',
  service_id: 'service',
  location_id: 'location',
  contact_id: 'contact',
  service_at_location_id: 'service_at_location',
  taxonomy_term_id: 'taxonomy_term',
  taxonomy_id: 'taxonomy',
  phone_id: 'phone',
  program_id: 'programs',
};
/** The object a link_entity / resource_type names ('services', 'Service', 'service_at_location'). */
function objectNamed(raw: string | undefined): ObjectName | null {
  const n = (raw ?? '').trim().toLowerCase().replace(/s$/, '').replace(/ /g, '_');
  return n in SPECS ? (n as ObjectName) : n === 'services_at_location' ? 'service_at_location' : null;
}

/** A flat table given as JSON: an array of records whose values are all plain (or translations). */
export function isFlatTable(doc: unknown): doc is Record<string, unknown>[] {
  return (
    Array.isArray(doc) &&
    doc.length > 0 &&
    doc.every(
      (r) =>
        r &&
        typeof r === 'object' &&
        !Array.isArray(r) &&
        Object.entries(r as Row).every(([k, v]) => k === 'translations' || v === null || typeof v !== 'object'),
    )
  );
}

/** The package's table name for a file: services.json and services.csv are the same table. */
export const tableKey = (file: string) => `${file.replace(/\.(csv|json)$/i, '').toLowerCase()}.csv`;

function sheetOf(file: string, text: string, c: Collector): Sheet | 'document' | null {
  const key = tableKey(file);
  if (/\.json$/i.test(file)) {
    const doc = fromJson<unknown>(text, undefined);
    if (doc === undefined) {
      c.reject('', 'unreadable', { file });
      return null;
    }
    if (!isFlatTable(doc)) return 'document';
    const header = [...new Set(doc.flatMap((r) => Object.keys(r)))];
    const rows = doc.map((r, i) => ({ file, line: i + 1, v: cellsOf(Object.entries(r)) }));
    return { file, key, header, rows };
  }
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    c.reject(`line ${e instanceof CsvSyntaxError ? e.line : 1}`, 'badCsv', { file });
    return null;
  }
  const [head, ...rest] = records;
  const header = (head?.fields ?? []).map((h) => h.trim());
  const rows: SourcedRow[] = [];
  for (const r of rest) {
    if (r.fields.length !== header.length) {
      c.reject(`line ${r.line}`, 'fieldCount', { file, params: { expected: header.length, found: r.fields.length } });
      continue;
    }
    rows.push({ file, line: r.line, v: cellsOf(header.map((h, i) => [h, r.fields[i]])) });
  }
  return { file, key, header, rows };
}

/** Columns of free text in HSDS 3.0: kept exactly as given (other values are trimmed). */
const FREE_TEXT = new Set(
  Object.values(SPECS).flatMap((s) => s.fields.filter((f) => f.kind === 'text').map((f) => f.name)),
);
for (const coded of Object.values(SPECS).flatMap((s) => s.fields.filter((f) => f.kind !== 'text')))
  FREE_TEXT.delete(coded.name);

/** Non-blank values by column, coded ones trimmed (a translations object as its JSON). */
function cellsOf(entries: [string, unknown][]): Cells {
  const v: Cells = {};
  for (const [k, raw] of entries) {
    if (raw === null || raw === undefined) continue;
    const s = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    const col = k.trim();
    if (s.trim() !== '') v[col] = FREE_TEXT.has(col) ? s : s.trim();
  }
  return v;
}

/** Reads every file of a package into the collector, saying what became of each. */
export function readPackage(files: DataPackage, opts: { source?: string } = {}): PackageRead {
  const c = new Collector(PACKAGE);
  const entries: FileEntry[] = [];
  let listed: Set<string> | null = null;
  let name = '';
  const pkg = files.get(PACKAGE);
  if (pkg !== undefined) {
    const doc = fromJson<{ name?: unknown; resources?: { path?: unknown }[] } | null>(pkg, null);
    if (!doc || !Array.isArray(doc.resources)) c.reject('', 'badDatapackage');
    else {
      listed = new Set(
        doc.resources.map((r) =>
          String(r.path ?? '')
            .split('/')
            .pop()!,
        ),
      );
      name = typeof doc.name === 'string' ? doc.name : '';
    }
    entries.push({ file: PACKAGE, status: 'used', rows: 0, as: '' });
  }
  const sheets: Sheet[] = [];
  for (const file of [...files.keys()].sort()) {
    if (file === PACKAGE) continue;
    if (!/\.(csv|json)$/i.test(file)) {
      entries.push({ file, status: 'notRead', why: 'notData', rows: 0, as: '' });
      continue;
    }
    const sheet = sheetOf(file, files.get(file)!, c);
    if (sheet === 'document') entries.push({ file, status: 'notRead', why: 'document', rows: 0, as: '' });
    else if (sheet) sheets.push(sheet);
    else entries.push({ file, status: 'refused', rows: 0, as: '' });
  }
  for (const path of listed ?? [])
    if (path && !files.has(path)) c.reject('', 'listedMissing', { file: PACKAGE, value: path });

  const version = detectVersion(sheets);
  if (version.version === 'mixed') {
    c.reject('', 'mixedVersions', {
      file: sheets[0]?.file ?? PACKAGE,
      params: { v3: version.v3.join(', '), legacy: version.legacy.join(', ') },
    });
    for (const s of sheets) entries.push({ file: s.file, status: 'refused', rows: s.rows.length, as: '' });
    return { collector: c, files: entries, version: 'mixed', mappedIds: 0 };
  }

  const out: Converted = { objects: {}, kept: {}, metadata: [], meta: [] };
  const eligibility: SourcedRow[] = [];
  const put = (target: Target, rows: SourcedRow[]) => {
    if (target === 'eligibility') eligibility.push(...rows);
    else if (target === 'metadata' || target === 'meta') out[target].push(...rows);
    else if (target in SPECS) (out.objects[target as ObjectName] ??= []).push(...rows);
    else (out.kept[target as KeptKey] ??= []).push(...rows);
  };
  for (const s of sheets) {
    const legacy = version.version === 'legacy' ? legacyFile(s.key) : undefined;
    const v3 = version.version === '3.0' ? V3_FILES.get(s.key) : undefined;
    if (!legacy && !v3) {
      c.reject('', 'unknownFile', { file: s.file, params: { version: version.version } });
      entries.push({ file: s.file, status: 'refused', rows: s.rows.length, as: '' });
      continue;
    }
    const allowed = new Set(legacy ? [...Object.keys(legacy.columns), 'translations'] : v3!.columns);
    for (const col of s.header)
      if (!allowed.has(col))
        c.reject('', 'unknownColumn', { file: s.file, field: col, params: { version: version.version } });
    const to = legacy ? legacy.to : v3!.to;
    const rows = legacy
      ? convertLegacyRows(
          legacy,
          s.rows,
          (target, row) => put(target, [row]),
          (row, code, field, value) => c.reject(`line ${row.line}`, code, { file: row.file, field, value }),
        )
      : s.rows;
    put(to, rows);
    entries.push({
      file: s.file,
      status: 'used',
      rows: s.rows.length,
      as: to,
      ...(legacy && !V3_FILES.has(s.key) ? { legacy: true } : {}),
      ...(listed && !listed.has(s.file) ? { unlisted: true } : {}),
    });
  }
  for (const m of out.meta) {
    const charset = m.v.character_set;
    if (charset && !CHARSETS.test(charset))
      c.reject(`line ${m.line}`, 'charset', { file: m.file, field: 'character_set', value: charset });
  }
  mergeEligibility(out, eligibility, c);
  const mappedIds = mapIds(out, `wasl-hsds|${opts.source ?? name}`, c.given);
  collectRows(out, c);
  return { collector: c, files: entries, version: version.version, mappedIds };
}

/** Older packages' eligibility rows join their service's eligibility_description. */
function mergeEligibility(out: Converted, rows: SourcedRow[], c: Collector) {
  const services = new Map((out.objects.service ?? []).map((r) => [r.v.id, r]));
  for (const e of rows) {
    const s = e.v.service_id ? services.get(e.v.service_id) : undefined;
    if (!s) {
      c.reject(`line ${e.line}`, 'refersToNothing', { file: e.file, field: 'service_id', value: e.v.service_id ?? '' });
      continue;
    }
    if (e.v.eligibility)
      s.v.eligibility_description = [s.v.eligibility_description, e.v.eligibility].filter(Boolean).join('\n');
  }
}

/**
 * Ids that are not UUIDs become UUIDs derived from the package, the kind of record and the id
 * (so references between files still meet, and a second import updates the same records); the id
 * as given is kept as `original_id`. Returns how many ids were given a UUID.
 */
function mapIds(out: Converted, ns: string, given: Map<string, string>): number {
  let mapped = 0;
  const to = (space: string, raw: string) => {
    if (isUuid(raw)) return raw.toLowerCase();
    const id = uuidV5(`${ns}|${space}|${raw}`);
    given.set(id, raw);
    return id;
  };
  const rawIds = new Map<ObjectName, Set<string>>();
  for (const [name, rows] of Object.entries(out.objects) as [ObjectName, SourcedRow[]][])
    rawIds.set(name, new Set(rows.map((r) => r.v.id ?? '')));
  const linkSpace = (r: Cells, typeCol: string, idCol: string) =>
    objectNamed(r[typeCol]) ??
    (['service', 'organization', 'location', 'service_at_location'] as ObjectName[]).find((n) =>
      rawIds.get(n)?.has(r[idCol] ?? ''),
    ) ??
    'service';
  const mapRow = (space: string, r: SourcedRow) => {
    const v = r.v;
    if (v.id && !isUuid(v.id) && !r.generated) {
      v.original_id = v.id;
      mapped++;
    }
    if (v.id) v.id = to(r.space ?? space, v.id);
    for (const [col, target] of Object.entries(REF_SPACE)) if (v[col]) v[col] = to(target, v[col]);
    if (space === 'taxonomy_term' && v.parent_id) v.parent_id = to('taxonomy_term', v.parent_id);
    if (space === 'attribute' && v.link_id) v.link_id = to(linkSpace(v, 'link_entity', 'link_id'), v.link_id);
    if (space === 'metadata' && v.resource_id)
      v.resource_id = to(linkSpace(v, 'resource_type', 'resource_id'), v.resource_id);
  };
  // References are resolved against every file's raw ids before any id changes.
  const all: [string, SourcedRow[]][] = [
    ...Object.entries(out.objects),
    ...Object.entries(out.kept),
    ['metadata', out.metadata],
  ];
  const plan = all.flatMap(([space, rows]) => rows.map((r) => [space, r] as const));
  for (const [space, r] of plan) mapRow(space, r);
  return mapped;
}

const COLLECT_ORDER: ObjectName[] = [
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
];

/** CSV text as HSDS values: numbers as numbers, translations as an object, `closed` as a flag. */
function typed(name: ObjectName, v: Cells): Row {
  const out: Row = {};
  for (const [col, raw] of Object.entries(v)) {
    const f = SPECS[name].fields.find((x) => x.name === col);
    if (col === 'translations') out.translations = fromJson<unknown>(raw, raw);
    else if (col === 'closed' && name === 'schedule')
      out.closed = /^(true|1)$/i.test(raw) ? true : /^(false|0)$/i.test(raw) ? false : raw;
    else if (f && (f.kind === 'number' || f.kind === 'integer'))
      out[col] = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
    else out[col] = raw;
  }
  return out;
}

function collectRows(out: Converted, c: Collector) {
  const derived: Row[] = [];
  for (const name of COLLECT_ORDER) {
    for (const r of out.objects[name] ?? []) {
      c.file = r.file;
      const where = `line ${r.line}`;
      const obj = typed(name, r.v);
      const label = `${where} (${name} ${r.v.original_id ?? r.v.id ?? ''})`;
      if (name === 'address' && typeof obj.location_id === 'string' && obj.id === derivedAddressId(obj.location_id)) {
        derived.push(obj); // Wasl's derived address: it carries the landmark of its place.
        continue;
      }
      if (name === 'service' && !obj.organization_id) c.reject(label, 'required', { field: 'organization_id' });
      if (name === 'service_at_location')
        for (const col of ['service_id', 'location_id']) if (!obj[col]) c.reject(label, 'required', { field: col });
      c.add(name, obj, where);
    }
  }
  for (const a of derived) {
    const loc = c.rows.location.get(String(a.location_id).toLowerCase());
    if (loc) Object.assign(loc, landmarkOf(a));
  }
  for (const [key, rows] of Object.entries(out.kept) as [KeptKey, SourcedRow[]][])
    for (const r of rows) attach(c, r, key, KEPT_PARENTS[key]);
  for (const r of out.metadata) {
    const parent = (Object.keys(SPECS) as ObjectName[]).find((n) => c.rows[n].has(r.v.resource_id ?? ''));
    attach(c, r, 'metadata', parent ? [[parent, 'resource_id']] : []);
  }
}

/** A record kept with every parent it names (funding: the service, then the organization). */
function attach(c: Collector, r: SourcedRow, key: string, parents: [ObjectName, string][]) {
  let attached = false;
  for (const [parent, col] of [...parents].reverse()) {
    const p = r.v[col] ? c.rows[parent].get(r.v[col]) : undefined;
    if (!p) continue;
    const item: Row = { ...r.v };
    for (const [, k] of parents) delete item[k];
    const extra = p.extra as Row;
    const list = Array.isArray(extra[key]) ? (extra[key] as Row[]) : [];
    if (!list.some((x) => x.id === item.id)) list.push(item);
    extra[key] = list;
    attached = true;
  }
  if (!attached)
    c.reject(`line ${r.line}`, 'refersToNothing', {
      file: r.file,
      field: parents.map((p) => p[1]).join(' / ') || 'resource_id',
      value: parents.map(([, col]) => r.v[col]).find(Boolean) ?? r.v.resource_id ?? '',
    });
}

/** The package's rows, collected (problems named by file and line). */
export function collectTabular(files: DataPackage, opts: { source?: string } = {}): Collector {
  return readPackage(files, opts).collector;
}
