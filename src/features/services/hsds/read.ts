// What an import is given — a JSON document, a zip or directory of a tabular package, or one
// table on its own (services.json as flat records) — turned into collected records and an account
// of every file, before anything touches the database (hsds/import.ts writes, all or nothing).
import { strFromU8 } from 'fflate';
import { collectJson, recordsOf, type Collector } from './collect.js';
import { isZip, unzipPackage, type ZipLimits } from './package.js';
import { isFlatTable, readPackage, tableKey, type FileEntry } from './tabular-import.js';
import { LEGACY_FILES } from './legacy.js';
import { SPECS } from './spec.js';
import type { DataPackage } from './tabular.js';

export type Prepared = {
  collector: Collector;
  /** 'json' for a JSON document; else what the package's files say */
  version: 'json' | '3.0' | 'legacy' | 'mixed';
  files: FileEntry[];
  mappedIds: number;
};

/** Keys only HSDS 2.x JSON (its API answers) has: such a document is refused in one message. */
const LEGACY_JSON_KEYS = [
  'regular_schedule',
  'regular_schedules',
  'holiday_schedule',
  'holiday_schedules',
  'physical_address',
  'physical_addresses',
  'postal_address',
  'postal_addresses',
  'services_at_location',
  'service_attributes',
  'accessibility_for_disabilities',
];

/** The pre-3.0 keys in a record and what it nests (two levels down), if any. */
function legacyKeys(x: unknown, depth = 0, found = new Set<string>()): Set<string> {
  if (depth > 3 || !x || typeof x !== 'object') return found;
  for (const item of Array.isArray(x) ? x.slice(0, 5) : [x]) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [k, v] of Object.entries(item)) {
      if (LEGACY_JSON_KEYS.includes(k)) found.add(k);
      legacyKeys(v, depth + 1, found);
    }
  }
  return found;
}

const TABLE_NAMES = new Set([...Object.values(SPECS).map((s) => s.csv), ...LEGACY_FILES.flatMap((f) => f.names)]);

/** A package (files by name), read. */
export function preparePackage(files: DataPackage, opts: { source?: string } = {}): Prepared {
  return readPackage(files, opts);
}

/**
 * One uploaded or named file: a zip is a package; a JSON document of flat records named like a
 * table (services.json, locations.json) is that table alone; any other JSON is HSDS records.
 * Throws when the file cannot be read at all (not JSON, a broken or oversized zip).
 */
export function prepareFile(
  name: string,
  data: Uint8Array,
  opts: { source?: string; limits?: ZipLimits } = {},
): Prepared {
  if (isZip(data)) return readPackage(unzipPackage(data, opts.limits), opts);
  const text = strFromU8(data);
  const doc = JSON.parse(text) as unknown;
  const base = name.split(/[\\/]/).pop()!;
  if (isFlatTable(doc) && TABLE_NAMES.has(tableKey(base))) return readPackage(new Map([[base, text]]), opts);
  const legacy = legacyKeys(recordsOf(doc).records);
  if (legacy.size) {
    const c = collectJson([], base);
    c.reject('', 'json2', { params: { keys: [...legacy].join(', ') } });
    return { collector: c, version: 'json', files: [], mappedIds: 0 };
  }
  return { collector: collectJson(doc, base), version: 'json', files: [], mappedIds: 0 };
}
