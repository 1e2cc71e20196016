// Row types of the services feature's tables (see README.md and hsds/spec.ts).
// Ids of HSDS objects are UUID strings. Human-readable fields have an Arabic and an English
// column (<field>_ar, <field>_en; null when not given). `extra` is JSON text holding the HSDS
// fields Wasl does not use, kept for export. Timestamps are ISO strings, flags 0/1.
import type { Generated } from 'kysely';

type Tr<K extends string> = { [P in K as `${P}_ar` | `${P}_en`]: string | null };
type Extra = { extra: string };

export type SvcOrganizationsTable = Tr<'name' | 'alternate_name' | 'description'> &
  Extra & {
    id: string;
    network_id: number | null;
    /** The member organization (core organizations.id) this is; null for organizations imported from elsewhere. */
    member_org_id: number | null;
    email: string | null;
    website: string | null;
    created_at: string;
    updated_at: string;
  };

export type SvcServicesTable = Tr<
  | 'name'
  | 'alternate_name'
  | 'description'
  | 'interpretation_services'
  | 'application_process'
  | 'fees_description'
  | 'wait_time'
  | 'fees'
  | 'accreditations'
  | 'eligibility_description'
  | 'licenses'
  | 'alert'
> &
  Extra & {
    id: string;
    organization_id: string;
    url: string | null;
    email: string | null;
    status: string;
    minimum_age: number | null;
    maximum_age: number | null;
    /** HSDS: the date the information was last checked — Wasl's "confirm details". */
    assured_date: string | null;
    assurer_email: string | null;
    last_modified: string | null;
    /** Derived from cost options on save: 1 when nothing is charged. */
    is_free: number;
    /** When staff last confirmed the details (assured_date is its date). */
    verified_at: string | null;
    created_at: string;
  };

export type SvcLocationsTable = Tr<'name' | 'alternate_name' | 'description' | 'transportation' | 'landmark'> &
  Extra & {
    id: string;
    organization_id: string | null;
    location_type: string;
    url: string | null;
    latitude: number | null;
    longitude: number | null;
    external_identifier: string | null;
    external_identifier_type: string | null;
    /** The gazetteer community (OCHA P-code) the place is in. */
    town_pcode: string | null;
    created_at: string;
    updated_at: string;
  };

export type SvcAddressesTable = Tr<'address_1' | 'address_2' | 'city' | 'region' | 'state_province'> &
  Extra & {
    id: string;
    location_id: string | null;
    attention: string | null;
    postal_code: string | null;
    country: string | null;
    address_type: string | null;
  };

export type SvcServiceAtLocationsTable = Tr<'description'> &
  Extra & { id: string; service_id: string; location_id: string };

export type SvcPhonesTable = Tr<'description'> &
  Extra & {
    id: string;
    location_id: string | null;
    service_id: string | null;
    organization_id: string | null;
    contact_id: string | null;
    service_at_location_id: string | null;
    number: string;
    extension: number | null;
    type: string | null;
  };

export type SvcSchedulesTable = Tr<'description' | 'attending_type' | 'notes'> &
  Extra & {
    id: string;
    service_id: string | null;
    location_id: string | null;
    service_at_location_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
    dtstart: string | null;
    timezone: number | null;
    until: string | null;
    count: number | null;
    wkst: string | null;
    freq: string | null;
    interval: number | null;
    byday: string | null;
    byweekno: string | null;
    bymonthday: string | null;
    byyearday: string | null;
    opens_at: string | null;
    closes_at: string | null;
    schedule_link: string | null;
    /** Wasl profile: closed every day of valid_from–valid_to (holidays, temporary closures). */
    closed: number;
  };

export type SvcTaxonomiesTable = Tr<'name' | 'description'> &
  Extra & { id: string; uri: string | null; version: string | null };

export type SvcTaxonomyTermsTable = Tr<'name' | 'description'> &
  Extra & {
    id: string;
    code: string | null;
    parent_id: string | null;
    taxonomy: string | null;
    language: string | null;
    taxonomy_id: string | null;
    term_uri: string | null;
  };

export type SvcAttributesTable = Extra & {
  id: string;
  link_id: string | null;
  taxonomy_term_id: string | null;
  link_type: string | null;
  link_entity: string | null;
  value: string | null;
};

export type SvcContactsTable = Tr<'title' | 'department'> &
  Extra & {
    id: string;
    organization_id: string | null;
    service_id: string | null;
    service_at_location_id: string | null;
    location_id: string | null;
    name: string | null;
    email: string | null;
  };

export type SvcLanguagesTable = Tr<'name' | 'note'> &
  Extra & {
    id: string;
    service_id: string | null;
    location_id: string | null;
    phone_id: string | null;
    code: string | null;
  };

export type SvcCostOptionsTable = Tr<'option' | 'amount_description'> &
  Extra & {
    id: string;
    service_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
    currency: string | null;
    amount: number | null;
  };

export type SvcServiceAreasTable = Tr<'name' | 'description'> &
  Extra & {
    id: string;
    service_id: string | null;
    extent: string | null;
    extent_type: string | null;
    uri: string | null;
    /** Set when the area is a gazetteer community (extent_type ocha_pcode). */
    town_pcode: string | null;
  };

export type SvcRequiredDocumentsTable = Tr<'document'> &
  Extra & { id: string; service_id: string | null; uri: string | null };

/** Anonymous feedback and reports of wrong information: no account, no IP, only what was typed. */
export interface SvcFeedbackTable {
  id: Generated<number>;
  service_id: string;
  kind: 'feedback' | 'report';
  /** feedback: did the person get the service? 'yes' | 'partly' | 'no' */
  got_service: string | null;
  /** feedback: 1–5 */
  rating: number | null;
  /** report: what is wrong: 'phone' | 'hours' | 'place' | 'closed' | 'other' */
  wrong_field: string | null;
  comment: string;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  moderated_at: string | null;
  moderated_by: number | null;
  /** report: when the organization marked it dealt with */
  resolved_at: string | null;
}

/** An HSDS import that may outlast its request (see network/import-runs.ts). */
export interface SvcImportRunsTable {
  id: Generated<number>;
  user_id: number | null;
  file_name: string;
  bytes: number;
  status: 'running' | 'imported' | 'rejected' | 'unreadable' | 'failed';
  /** while running: 'reading' (unzip, parse, check) or 'writing' */
  phase: 'reading' | 'writing' | 'ended';
  /** the report as JSON (ImportOutcome), once ended */
  outcome: string | null;
  /** a rejected import's every problem as JSON, for the spreadsheet */
  problems: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface ServicesTables {
  svc_organizations: SvcOrganizationsTable;
  svc_services: SvcServicesTable;
  svc_locations: SvcLocationsTable;
  svc_addresses: SvcAddressesTable;
  svc_service_at_locations: SvcServiceAtLocationsTable;
  svc_phones: SvcPhonesTable;
  svc_schedules: SvcSchedulesTable;
  svc_taxonomies: SvcTaxonomiesTable;
  svc_taxonomy_terms: SvcTaxonomyTermsTable;
  svc_attributes: SvcAttributesTable;
  svc_contacts: SvcContactsTable;
  svc_languages: SvcLanguagesTable;
  svc_cost_options: SvcCostOptionsTable;
  svc_service_areas: SvcServiceAreasTable;
  svc_required_documents: SvcRequiredDocumentsTable;
  svc_feedback: SvcFeedbackTable;
  svc_import_runs: SvcImportRunsTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends ServicesTables {}
}
