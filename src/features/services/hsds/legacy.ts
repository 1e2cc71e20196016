// Tabular packages older than HSDS 3.0 (HSDS 1.x–2.x, as ORServices and many city directories
// still publish them), read into HSDS 3.0's shape. Which version a package is comes from its file
// names and columns; a package that mixes both is refused with one message. The mapping, file by
// file (README.md, "Older packages"):
//
//   services_at_location.csv              → service_at_location
//   physical_addresses.csv / postal_…     → addresses (address_type physical / postal; address_3
//                                           and address_4 joined to address_2)
//   regular_schedules.csv                 → schedules: weekday (1–7 from Monday, or a day's name)
//                                           → byday, freq WEEKLY; times as HH:MM
//   holiday_schedules.csv                 → schedules: start_date/end_date → valid_from/valid_to,
//                                           closed → a closure, else dated hours
//   service_attributes.csv, service_taxonomy.csv (1.x), other_attributes.csv → attributes
//   taxonomy_terms.csv (term) / taxonomy.csv (1.x: name, vocabulary) → taxonomy terms, and a
//                                           taxonomy for each named vocabulary
//   organizations.csv url → website (a missing description becomes the name, as 3.0 needs one)
//   locations.csv                         → location_type physical
//   phones.csv language                   → languages of the phone
//   languages.csv language                → name (and code when it is a language tag)
//   service_areas.csv service_area        → name
//   eligibility.csv                       → the service's eligibility_description
//   payments_accepted.csv, accessibility_for_disabilities.csv, funding.csv, programs.csv → kept
//                                           with their service, location or organization
//   metadata.csv, meta_table_descriptions.csv → as in 3.0
import type { ObjectName } from './spec.js';
import type { ProblemCode } from './problems.js';
import { METADATA_COLUMNS } from './tabular.js';

export type Cells = Record<string, string>;
/** One row of a package file, with where it came from (problems name the file as it was given). */
export type SourcedRow = {
  file: string;
  line: number;
  v: Cells;
  /** the id namespace when it is not the object's own (addresses of two files) */
  space?: string;
  /** made by the conversion (a phone's language), so its id is not one the source gave */
  generated?: boolean;
};
/** Objects Wasl keeps verbatim with a parent (in its `extra`) and exports again. */
export type KeptKey = 'funding' | 'programs' | 'accessibility' | 'organization_identifiers' | 'payments_accepted';

/** A package in HSDS 3.0's shape, ids still as given. */
export type Converted = {
  objects: Partial<Record<ObjectName, SourcedRow[]>>;
  kept: Partial<Record<KeptKey, SourcedRow[]>>;
  metadata: SourcedRow[];
  /** meta_table_descriptions: checked (character set), nothing kept */
  meta: SourcedRow[];
};

export type Target = ObjectName | KeptKey | 'metadata' | 'meta' | 'eligibility';

type LegacyFile = {
  names: string[];
  to: Target;
  /** old column → HSDS 3.0 column ('' drops a column whose content is redundant) */
  columns: Record<string, string>;
  /** ids of this file live apart from another file's of the same object (two address files) */
  space?: string;
  /** what a row becomes beyond renamed columns */
  row?: (v: Cells, add: (target: Target, v: Cells) => void) => Cells | null;
};

const same = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, c]));
const REFS = same('id', 'organization_id', 'service_id', 'location_id', 'service_at_location_id', 'contact_id');

const ISO_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_NAMES: Record<string, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
  mon: 'MO',
  tue: 'TU',
  tues: 'TU',
  wed: 'WE',
  thu: 'TH',
  thur: 'TH',
  thurs: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
  الاثنين: 'MO',
  الإثنين: 'MO',
  الثلاثاء: 'TU',
  الأربعاء: 'WE',
  الاربعاء: 'WE',
  الخميس: 'TH',
  الجمعة: 'FR',
  السبت: 'SA',
  الأحد: 'SU',
  الاحد: 'SU',
};

/** A weekday as 2.x packages write it (1–7 from Monday, a name, an RRULE code, a list), or null. */
export function weekdayCode(raw: string): string | null {
  const days: string[] = [];
  for (const part of raw.split(/[,;/،]+/)) {
    const t = part.trim().toLowerCase();
    if (!t) continue;
    const day = /^[1-7]$/.test(t)
      ? ISO_DAYS[Number(t) - 1]
      : (DAY_NAMES[t] ?? (ISO_DAYS.includes(t.toUpperCase()) ? t.toUpperCase() : null));
    if (!day) return null;
    days.push(day);
  }
  return days.length ? [...new Set(days)].join(',') : null;
}

/** A clock time as 2.x packages write it (9:00, 09:00:00, 9 AM, 5:30 pm) as HH:MM, else as given. */
export function clockTime(raw: string): string {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(raw.trim());
  if (!m) return raw;
  let h = Number(m[1]);
  const min = m[2] ?? '00';
  const pm = m[4]?.toLowerCase().startsWith('p');
  if (m[4]) h = (h % 12) + (pm ? 12 : 0);
  if (h > 24 || Number(min) > 59) return raw;
  return `${String(h === 24 ? 0 : h).padStart(2, '0')}:${min}`;
}

const LANG_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export const LEGACY_FILES: LegacyFile[] = [
  {
    names: ['organizations.csv'],
    to: 'organization',
    columns: {
      ...same('id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id'),
      ...same('year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'),
      url: 'website',
    },
    row: (v) => ({ ...v, description: v.description ?? v.name ?? '' }),
  },
  {
    names: ['programs.csv'],
    to: 'programs',
    columns: same('id', 'organization_id', 'name', 'alternate_name', 'description'),
  },
  {
    names: ['services.csv'],
    to: 'service',
    columns: {
      ...same('id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email'),
      ...same('status', 'interpretation_services', 'application_process', 'wait_time', 'fees', 'accreditations'),
      ...same('licenses', 'fees_description', 'eligibility_description', 'minimum_age', 'maximum_age'),
      ...same('assured_date', 'assurer_email', 'alert', 'last_modified'),
    },
    row: (v) => (v.status ? { ...v, status: v.status.toLowerCase().replace(/[_-]+/g, ' ') } : v),
  },
  {
    names: ['services_at_location.csv', 'service_at_location.csv', 'services_at_locations.csv'],
    to: 'service_at_location',
    columns: same('id', 'service_id', 'location_id', 'description'),
  },
  {
    names: ['locations.csv'],
    to: 'location',
    columns: {
      ...same('id', 'organization_id', 'name', 'alternate_name', 'description', 'transportation'),
      ...same('latitude', 'longitude', 'location_type', 'url', 'external_identifier', 'external_identifier_type'),
    },
    row: (v) => ({ location_type: 'physical', ...v }),
  },
  {
    names: ['phones.csv'],
    to: 'phone',
    columns: { ...REFS, ...same('number', 'extension', 'type', 'description', 'language', 'department') },
    row: ({ language, department, ...v }, add) => {
      (language ?? '').split(/[;,،]+/).forEach((name, i) => {
        const n = name.trim();
        if (n) add('language', { id: `${v.id}~language~${i}`, phone_id: v.id ?? '', ...languageCells(n) });
      });
      if (department) v.description = [v.description, department].filter(Boolean).join(' — ');
      return v;
    },
  },
  {
    names: ['contacts.csv'],
    to: 'contact',
    columns: { ...REFS, ...same('name', 'title', 'department', 'email') },
  },
  ...(['physical', 'postal'] as const).map((kind): LegacyFile => ({
    names: [`${kind}_addresses.csv`, `${kind}_address.csv`],
    to: 'address',
    space: `address:${kind}`,
    columns: {
      ...same('id', 'location_id', 'attention', 'address_1', 'address_2', 'address_3', 'address_4'),
      ...same('city', 'region', 'state_province', 'postal_code', 'country'),
    },
    row: ({ address_3, address_4, ...v }) => ({
      ...v,
      address_2: [v.address_2, address_3, address_4].filter(Boolean).join(', '),
      address_type: kind,
    }),
  })),
  {
    names: ['regular_schedules.csv', 'regular_schedule.csv'],
    to: 'schedule',
    space: 'schedule:regular',
    columns: {
      ...REFS,
      ...same('weekday', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'dtstart', 'freq', 'interval'),
      ...same('byday', 'bymonthday', 'description'),
    },
    row: ({ weekday, ...v }) => ({
      freq: 'WEEKLY',
      ...v,
      ...(weekday ? { byday: weekdayCode(weekday) ?? `?${weekday}` } : {}),
      ...times(v),
    }),
  },
  {
    names: ['holiday_schedules.csv', 'holiday_schedule.csv'],
    to: 'schedule',
    space: 'schedule:holiday',
    columns: { ...REFS, ...same('closed', 'opens_at', 'closes_at', 'start_date', 'end_date', 'description') },
    row: ({ start_date, end_date, closed, ...v }) => {
      const open = !/^(true|1|yes|y)$/i.test(closed ?? '') && !!v.opens_at && !!v.closes_at;
      return {
        ...v,
        ...(start_date ? { valid_from: start_date } : {}),
        ...(end_date ? { valid_to: end_date } : {}),
        ...(open ? { freq: 'WEEKLY', ...times(v) } : { closed: 'true', opens_at: '', closes_at: '' }),
      };
    },
  },
  {
    names: ['funding.csv'],
    to: 'funding',
    columns: same('id', 'organization_id', 'service_id', 'source'),
  },
  {
    names: ['eligibility.csv'],
    to: 'eligibility',
    columns: same('id', 'service_id', 'eligibility'),
  },
  {
    names: ['service_areas.csv', 'service_area.csv'],
    to: 'service_area',
    columns: {
      ...same('id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'),
      service_area: 'name',
    },
  },
  {
    names: ['required_documents.csv', 'required_document.csv'],
    to: 'required_document',
    columns: same('id', 'service_id', 'document', 'uri'),
  },
  {
    names: ['payments_accepted.csv', 'payment_accepted.csv'],
    to: 'payments_accepted',
    columns: same('id', 'service_id', 'payment'),
  },
  {
    names: ['languages.csv'],
    to: 'language',
    columns: same('id', 'service_id', 'location_id', 'phone_id', 'language', 'name', 'code', 'note'),
    row: ({ language, ...v }) => ({ ...(language ? languageCells(language) : {}), ...v }),
  },
  {
    names: ['accessibility_for_disabilities.csv'],
    to: 'accessibility',
    columns: { ...same('id', 'location_id', 'details', 'url'), accessibility: 'description' },
  },
  {
    names: ['taxonomy_terms.csv', 'taxonomy.csv'],
    to: 'taxonomy_term',
    columns: {
      ...same('id', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'code', 'term_uri'),
      term: 'name',
      vocabulary: 'taxonomy',
      parent_name: '',
    },
    row: (v, add) => {
      const out: Cells = { ...v, description: v.description ?? v.name ?? '' };
      if (v.taxonomy) {
        const id = `vocabulary~${v.taxonomy}`;
        add('taxonomy', { id, name: v.taxonomy, description: v.taxonomy });
        out.taxonomy_id = id;
      }
      return out;
    },
  },
  {
    names: ['service_attributes.csv', 'service_taxonomy.csv'],
    to: 'attribute',
    columns: {
      ...same('id', 'taxonomy_term_id'),
      service_id: 'link_id',
      taxonomy_id: 'taxonomy_term_id',
      taxonomy_detail: 'value',
    },
    row: (v) => ({ ...v, link_type: 'service', link_entity: 'service' }),
  },
  {
    names: ['other_attributes.csv'],
    to: 'attribute',
    columns: { ...same('id', 'link_id', 'taxonomy_term_id'), link_type: 'link_entity', other: 'value' },
    row: (v) => ({ ...v, link_type: v.link_entity ?? '' }),
  },
  {
    names: ['metadata.csv'],
    to: 'metadata',
    columns: same(...METADATA_COLUMNS),
  },
  {
    names: ['meta_table_descriptions.csv', 'meta_table_description.csv'],
    to: 'meta',
    columns: same('id', 'name', 'language', 'character_set'),
  },
];

function languageCells(name: string): Cells {
  return LANG_TAG.test(name) ? { name, code: name.toLowerCase() } : { name };
}

function times(v: Cells): Cells {
  const out: Cells = {};
  if (v.opens_at) out.opens_at = clockTime(v.opens_at);
  if (v.closes_at) out.closes_at = clockTime(v.closes_at);
  return out;
}

/** Files only older packages have, and files only HSDS 3.0 has: how a package tells its version. */
const LEGACY_ONLY = new Set(
  LEGACY_FILES.flatMap((f) => f.names).filter(
    (n) =>
      !['organizations.csv', 'programs.csv', 'services.csv', 'locations.csv', 'phones.csv', 'contacts.csv'].includes(n),
  ),
);
for (const shared of [
  'funding.csv',
  'service_areas.csv',
  'required_documents.csv',
  'languages.csv',
  'taxonomy_terms.csv',
  'metadata.csv',
  'meta_table_descriptions.csv',
  'service_at_location.csv',
])
  LEGACY_ONLY.delete(shared);
const V3_ONLY = new Set([
  'service_at_location.csv',
  'addresses.csv',
  'schedules.csv',
  'attributes.csv',
  'taxonomies.csv',
  'cost_options.csv',
  'accessibility.csv',
  'organization_identifiers.csv',
]);
/** Columns that only older files have, by file. */
const LEGACY_COLUMNS: Record<string, string[]> = {
  'organizations.csv': ['url'],
  'taxonomy_terms.csv': ['term', 'vocabulary'],
  'phones.csv': ['language', 'department'],
  'service_areas.csv': ['service_area'],
  'languages.csv': ['language'],
};

export type Version = { version: '3.0' | 'legacy' } | { version: 'mixed'; v3: string[]; legacy: string[] };

/** Which HSDS version a package's files and columns say it is. */
export function detectVersion(files: { key: string; header: string[] }[]): Version {
  const legacy = new Set<string>();
  const v3 = new Set<string>();
  for (const { key, header } of files) {
    if (LEGACY_ONLY.has(key)) legacy.add(key);
    if (V3_ONLY.has(key)) v3.add(key);
    const cols = LEGACY_COLUMNS[key];
    if (cols?.some((c) => header.includes(c)) && !(key === 'organizations.csv' && header.includes('website')))
      legacy.add(`${key} (${cols.filter((c) => header.includes(c)).join(', ')})`);
  }
  // A 3.0 package may well name service_at_location.csv; only the other 3.0 files tell.
  if (legacy.size && v3.size) return { version: 'mixed', v3: [...v3], legacy: [...legacy] };
  return { version: legacy.size ? 'legacy' : '3.0' };
}

export function legacyFile(key: string): LegacyFile | undefined {
  return LEGACY_FILES.find((f) => f.names.includes(key));
}

/**
 * One older file's rows in 3.0 shape: columns renamed, rows converted; extra rows (a phone's
 * languages, a vocabulary's taxonomy) go to `add`. Unknown columns are named by the caller.
 */
export function convertLegacyRows(
  spec: LegacyFile,
  rows: SourcedRow[],
  add: (target: Target, row: SourcedRow) => void,
  reject: (row: SourcedRow, code: ProblemCode, field: string, value: string) => void,
): SourcedRow[] {
  const out: SourcedRow[] = [];
  for (const r of rows) {
    const v: Cells = {};
    for (const [col, value] of Object.entries(r.v)) {
      const to = spec.columns[col];
      if (to) v[to] = value;
    }
    const converted = spec.row ? spec.row(v, (target, cells) => add(target, { ...r, v: cells, generated: true })) : v;
    if (!converted) continue;
    for (const [k, value] of Object.entries(converted)) if (value === '') delete converted[k];
    if (converted.byday?.startsWith('?')) {
      reject(r, 'notWeekday', 'weekday', converted.byday.slice(1));
      continue;
    }
    out.push({ ...r, v: converted, ...(spec.space ? { space: spec.space } : {}) });
  }
  return out;
}
