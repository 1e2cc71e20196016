// The HSDS tabular data package: datapackage.json and one CSV per object, in both directions.
//
// Export: every stored row, one file per object with the HSDS columns (references included),
// plus a `translations` column (JSON) for objects with human-readable fields (Wasl profile), the
// `closed` column on schedules, the address Wasl derives from a place's town and landmark, and the
// funding, programs, accessibility and organization_identifiers kept from imports.
// Import: hsds/tabular-import.ts (every file used or refused by name, older versions read too).
import type { Db } from '../../../core/db/index.js';
import { fromJson, isSet } from '../../../core/db/helpers.js';
import { toCsv } from '../../../core/text/csv.js';
import { derivedAddress, loadGraph, ownFields, locationBasic, type Graph } from './export.js';
import { SPECS, type ObjectName } from './spec.js';

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
export const EXTRA_TABLES: Record<
  string,
  { file: string; columns: readonly string[]; parents: [ObjectName, string][] }
> = {
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

/** The change history HSDS keeps per record (metadata.csv; `metadata` lists in JSON). */
export const METADATA_COLUMNS = [
  'id',
  'resource_id',
  'resource_type',
  'last_action_date',
  'last_action_type',
  'field_name',
  'previous_value',
  'replacement_value',
  'updated_by',
] as const;

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
  const kept: [string, { file: string; columns: readonly string[]; parents: [ObjectName, string][] }][] = [
    ...Object.entries(EXTRA_TABLES),
    ['metadata', { file: 'metadata.csv', columns: METADATA_COLUMNS, parents: ORDER.map((n) => [n, 'resource_id']) }],
  ];
  for (const [key, t] of kept) {
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
