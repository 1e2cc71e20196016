// The HSDS 3.0 objects Wasl stores, field by field: one table each (prefix svc_), UUID ids, and
// for every human-readable field two columns, <field>_ar and <field>_en. Fields of the standard
// that Wasl does not use (funding, programs, accessibility, tax status, metadata, …) are kept
// verbatim in the row's `extra` JSON and exported again, so nothing imported is lost.
//
// This table drives validation (hsds/validate.ts), import (hsds/import.ts), export
// (hsds/export.ts), the CSV data package (hsds/tabular.ts) and the profile (hsds/profile.json).

export type FieldKind =
  'uuid' | 'text' | 'email' | 'uri' | 'number' | 'integer' | 'date' | 'datetime' | 'time' | 'enum';

export type FieldSpec = {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Human-readable: stored as <name>_ar and <name>_en, exported with per-field translations. */
  tr?: boolean;
  /** A reference to a parent, omitted from nested JSON (the nesting says it). */
  fk?: boolean;
  /** Known to HSDS but not used by Wasl: kept in `extra`, not in a column. */
  extra?: boolean;
  values?: readonly string[];
};

export type ObjectName =
  | 'organization'
  | 'service'
  | 'location'
  | 'address'
  | 'service_at_location'
  | 'phone'
  | 'schedule'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute'
  | 'contact'
  | 'language'
  | 'cost_option'
  | 'service_area'
  | 'required_document';

export type ObjectSpec = {
  name: ObjectName;
  table: string;
  /** File name in the tabular data package. */
  csv: string;
  fields: FieldSpec[];
};

const id: FieldSpec = { name: 'id', kind: 'uuid', required: true };
const fk = (name: string): FieldSpec => ({ name, kind: 'uuid', fk: true });
const text = (name: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'text', ...more });
const tr = (name: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'text', tr: true, ...more });

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

export const SPECS: Record<ObjectName, ObjectSpec> = {
  organization: {
    name: 'organization',
    table: 'svc_organizations',
    csv: 'organizations.csv',
    fields: [
      id,
      tr('name', { required: true }),
      tr('alternate_name'),
      tr('description', { required: true }),
      { name: 'email', kind: 'email' },
      { name: 'website', kind: 'uri' },
      text('tax_status', { extra: true }),
      text('tax_id', { extra: true }),
      { name: 'year_incorporated', kind: 'number', extra: true },
      text('legal_status', { extra: true }),
      text('logo', { extra: true }),
      { name: 'uri', kind: 'uri', extra: true },
      { name: 'parent_organization_id', kind: 'uuid', extra: true },
    ],
  },
  service: {
    name: 'service',
    table: 'svc_services',
    csv: 'services.csv',
    fields: [
      id,
      fk('organization_id'),
      { name: 'program_id', kind: 'uuid', fk: true, extra: true },
      tr('name', { required: true }),
      tr('alternate_name'),
      tr('description'),
      { name: 'url', kind: 'uri' },
      { name: 'email', kind: 'email' },
      { name: 'status', kind: 'enum', values: SERVICE_STATUSES, required: true },
      tr('interpretation_services'),
      tr('application_process'),
      tr('fees_description'),
      tr('wait_time'),
      tr('fees'),
      tr('accreditations'),
      tr('eligibility_description'),
      { name: 'minimum_age', kind: 'number' },
      { name: 'maximum_age', kind: 'number' },
      { name: 'assured_date', kind: 'date' },
      { name: 'assurer_email', kind: 'email' },
      tr('licenses'),
      tr('alert'),
      { name: 'last_modified', kind: 'datetime' },
    ],
  },
  location: {
    name: 'location',
    table: 'svc_locations',
    csv: 'locations.csv',
    fields: [
      id,
      { name: 'location_type', kind: 'enum', values: LOCATION_TYPES, required: true },
      { name: 'url', kind: 'uri' },
      fk('organization_id'),
      tr('name'),
      tr('alternate_name'),
      tr('description'),
      tr('transportation'),
      { name: 'latitude', kind: 'number' },
      { name: 'longitude', kind: 'number' },
      text('external_identifier'),
      text('external_identifier_type'),
    ],
  },
  address: {
    name: 'address',
    table: 'svc_addresses',
    csv: 'addresses.csv',
    fields: [
      id,
      fk('location_id'),
      text('attention'),
      tr('address_1', { required: true }),
      tr('address_2'),
      tr('city', { required: true }),
      tr('region'),
      tr('state_province', { required: true }),
      // Required by HSDS 3.0; the Wasl profile relaxes it (Syrian addresses rarely have one).
      text('postal_code'),
      text('country', { required: true }),
      { name: 'address_type', kind: 'enum', values: LOCATION_TYPES, required: true },
    ],
  },
  service_at_location: {
    name: 'service_at_location',
    table: 'svc_service_at_locations',
    csv: 'service_at_location.csv',
    fields: [id, fk('service_id'), fk('location_id'), tr('description')],
  },
  phone: {
    name: 'phone',
    table: 'svc_phones',
    csv: 'phones.csv',
    fields: [
      id,
      fk('location_id'),
      fk('service_id'),
      fk('organization_id'),
      fk('contact_id'),
      fk('service_at_location_id'),
      text('number', { required: true }),
      { name: 'extension', kind: 'number' },
      text('type'),
      tr('description'),
    ],
  },
  schedule: {
    name: 'schedule',
    table: 'svc_schedules',
    csv: 'schedules.csv',
    fields: [
      id,
      fk('service_id'),
      fk('location_id'),
      fk('service_at_location_id'),
      { name: 'valid_from', kind: 'date' },
      { name: 'valid_to', kind: 'date' },
      { name: 'dtstart', kind: 'date' },
      { name: 'timezone', kind: 'number' },
      { name: 'until', kind: 'date' },
      { name: 'count', kind: 'number' },
      { name: 'wkst', kind: 'enum', values: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
      { name: 'freq', kind: 'enum', values: ['WEEKLY', 'MONTHLY'] },
      { name: 'interval', kind: 'number' },
      text('byday'),
      text('byweekno'),
      text('bymonthday'),
      text('byyearday'),
      tr('description'),
      { name: 'opens_at', kind: 'time' },
      { name: 'closes_at', kind: 'time' },
      { name: 'schedule_link', kind: 'uri' },
      tr('attending_type'),
      tr('notes'),
    ],
  },
  taxonomy: {
    name: 'taxonomy',
    table: 'svc_taxonomies',
    csv: 'taxonomies.csv',
    fields: [
      id,
      tr('name', { required: true }),
      tr('description', { required: true }),
      { name: 'uri', kind: 'uri' },
      text('version'),
    ],
  },
  taxonomy_term: {
    name: 'taxonomy_term',
    table: 'svc_taxonomy_terms',
    csv: 'taxonomy_terms.csv',
    fields: [
      id,
      text('code'),
      tr('name', { required: true }),
      tr('description', { required: true }),
      { name: 'parent_id', kind: 'uuid' },
      text('taxonomy'),
      text('language'),
      fk('taxonomy_id'),
      { name: 'term_uri', kind: 'uri' },
    ],
  },
  attribute: {
    name: 'attribute',
    table: 'svc_attributes',
    csv: 'attributes.csv',
    fields: [id, fk('link_id'), fk('taxonomy_term_id'), text('link_type'), text('link_entity'), text('value')],
  },
  contact: {
    name: 'contact',
    table: 'svc_contacts',
    csv: 'contacts.csv',
    fields: [
      id,
      fk('organization_id'),
      fk('service_id'),
      fk('service_at_location_id'),
      fk('location_id'),
      text('name'),
      tr('title'),
      tr('department'),
      { name: 'email', kind: 'email' },
    ],
  },
  language: {
    name: 'language',
    table: 'svc_languages',
    csv: 'languages.csv',
    fields: [id, fk('service_id'), fk('location_id'), fk('phone_id'), tr('name'), text('code'), tr('note')],
  },
  cost_option: {
    name: 'cost_option',
    table: 'svc_cost_options',
    csv: 'cost_options.csv',
    fields: [
      id,
      fk('service_id'),
      { name: 'valid_from', kind: 'date' },
      { name: 'valid_to', kind: 'date' },
      tr('option'),
      text('currency'),
      { name: 'amount', kind: 'number' },
      tr('amount_description'),
    ],
  },
  service_area: {
    name: 'service_area',
    table: 'svc_service_areas',
    csv: 'service_areas.csv',
    fields: [id, fk('service_id'), tr('name'), tr('description'), text('extent'), text('extent_type'), text('uri')],
  },
  required_document: {
    name: 'required_document',
    table: 'svc_required_documents',
    csv: 'required_documents.csv',
    fields: [id, fk('service_id'), tr('document'), { name: 'uri', kind: 'uri' }],
  },
};

/** Columns of a spec's table that hold HSDS fields (translatable ones as _ar/_en). */
export function columnsOf(spec: ObjectSpec): string[] {
  return spec.fields.filter((f) => !f.extra).flatMap((f) => (f.tr ? [`${f.name}_ar`, `${f.name}_en`] : [f.name]));
}

export function translatableFields(spec: ObjectSpec): string[] {
  return spec.fields.filter((f) => f.tr).map((f) => f.name);
}

/** Location identifiers of this type carry an OCHA P-code (a gazetteer town). */
export const PCODE_IDENTIFIER_TYPE = 'ocha_pcode';
/** Service areas whose extent is a community P-code. */
export const PCODE_EXTENT_TYPE = 'ocha_pcode';

/** The tables in the order they are created and written: parents before what hangs from them. */
export const TABLE_ORDER: readonly ObjectName[] = [
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
