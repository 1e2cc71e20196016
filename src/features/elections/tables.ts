// Row types of the elections feature's tables. Timestamps are ISO-8601 strings, flags 0/1,
// JSON is text (see core/db). Personal data: observers.name and observers.phone only (coordinators
// see them; nothing public ever does).
import type { Generated } from 'kysely';

export type ElectionStatus = 'draft' | 'active' | 'closed' | 'archived';

export interface ElectionsTable {
  id: Generated<number>;
  network_id: number;
  kind: 'local-council';
  title_ar: string;
  title_en: string;
  /** YYYY-MM-DD (the poll day, in the network's time) */
  poll_date: string;
  seats: number;
  status: ElectionStatus;
  summary_ar: string;
  summary_en: string;
  /** the number observers call on the day (printed on their cards); null until set */
  hotline: Generated<string | null>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ElectionTownsTable {
  election_id: number;
  town_pcode: string;
}

/** Organizations taking part: member organizations (organization_id set) or others (names only). */
export interface ElectionPartnersTable {
  id: Generated<number>;
  election_id: number;
  organization_id: number | null;
  name_ar: string;
  name_en: string;
  /** 'organizer': its staff coordinate the observation; 'partner': named only */
  role: 'organizer' | 'partner';
}

export interface ElectionCandidatesTable {
  id: Generated<number>;
  election_id: number;
  kind: 'candidate' | 'list';
  /** short Latin code used in count sheets and text reports, e.g. L1 */
  code: string;
  name_ar: string;
  name_en: string;
  position: number;
}

export type OutreachKind = 'voter-card' | 'leaflets' | 'women-participation' | 'information';

export interface ElectionOutreachTable {
  id: Generated<number>;
  election_id: number;
  kind: OutreachKind;
  /** YYYY-MM-DD */
  held_on: string;
  town_pcode: string;
  organization_id: number | null;
  /** a partner that is not a member, by name */
  organization_name: string | null;
  leaflets: number | null;
  places: string;
  reached_women: number;
  reached_men: number;
  notes: string;
  created_by: number | null;
  created_at: string;
}

export interface PollingCentresTable {
  id: Generated<number>;
  election_id: number;
  /** e.g. TB-01; unique in the election */
  code: string;
  town_pcode: string;
  name_ar: string;
  name_en: string;
}

export interface PollingStationsTable {
  id: Generated<number>;
  election_id: number;
  centre_id: number;
  /** e.g. S2; unique in the centre */
  code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: number;
}

export interface ObserversTable {
  id: Generated<number>;
  election_id: number;
  organization_id: number;
  /** what the observer types to sign in: drawn at random by the server (K7M-4QX), unique everywhere */
  code: string;
  /** the name the coordinator needs; never shown publicly */
  name: string;
  phone: string | null;
  kind: 'fixed' | 'mobile';
  route_name: string;
  supervisor_id: number | null;
  /** argon2id hash of the secret issued by the coordinator */
  secret_hash: string;
  status: 'active' | 'revoked';
  /** set when the observer said (by phone, relay or the app) that they cannot reach the network */
  no_network_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ObserverAssignmentsTable {
  observer_id: number;
  station_id: number;
}

export interface ObserverTokensTable {
  /** sha256 of the bearer token; the token itself is never stored */
  token_hash: string;
  observer_id: number;
  created_at: string;
  expires_at: string;
}

export type FormKind = 'opening' | 'voting' | 'closing' | 'count' | 'incident' | 'station';

export interface ObservationFormsTable {
  id: Generated<number>;
  election_id: number;
  /** versions of one form share the slug */
  slug: string;
  version: number;
  kind: FormKind;
  title_ar: string;
  title_en: string;
  /** JSON: FormDefinition (questions) */
  definition: string;
  /** JSON: reconciliation rules (count sheets) */
  rules: string;
  status: 'draft' | 'published' | 'retired';
  created_by: number | null;
  created_at: string;
  published_at: string | null;
}

/** One count sheet per station and count form slug; entries (submissions) must agree. */
export interface CountSheetsTable {
  id: Generated<number>;
  election_id: number;
  station_id: number;
  form_slug: string;
  status: 'single' | 'agreed' | 'conflict' | 'resolved';
  /** JSON: the accepted values (null while in conflict) */
  values_json: string | null;
  /** JSON: failed reconciliation rules for the accepted values */
  flags: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string;
  updated_at: string;
}

export interface SubmissionsTable {
  id: Generated<number>;
  election_id: number;
  form_id: number;
  station_id: number;
  observer_id: number | null;
  /** who typed it in on the web (data clerk, relay person) */
  entered_by: number | null;
  source: 'app' | 'web' | 'text' | 'csv';
  /** the client's UUID (or a derived key for web and text entries); unique */
  idempotency_key: string;
  /** sha256 of the canonical payload: the same key with another payload is refused */
  payload_hash: string;
  answers: string;
  /** JSON: [{kind:'critical'|'rule'|'late', ...}] */
  flags: string;
  critical: number;
  sheet_id: number | null;
  status: 'received' | 'verified' | 'rejected';
  verified_by: number | null;
  verified_at: string | null;
  verification_comment: string;
  received_at: string;
}

export interface TextReportsTable {
  id: Generated<number>;
  election_id: number;
  relayed_by: number;
  raw: string;
  /** JSON: per-line outcome */
  outcome: string;
  created_at: string;
}

export interface ElectionStatementsTable {
  id: Generated<number>;
  election_id: number;
  /** 1, 2, … given at approval; 0 while a draft (or discarded) */
  version: number;
  status: 'draft' | 'published' | 'discarded';
  /** JSON: StatementFigures, frozen at drafting */
  figures: string;
  text_ar: string;
  text_en: string;
  change_note_ar: string;
  change_note_en: string;
  cutoff_at: string;
  drafted_by: number;
  drafted_at: string;
  approved_by: number | null;
  approved_at: string | null;
  /** YYYY-MM-DD */
  published_on: string | null;
}

/** One observer sign-in attempt, for the coordinators to see (kept 30 days). */
export interface ObserverSignInsTable {
  id: Generated<number>;
  observer_id: number;
  at: string;
  outcome: 'ok' | 'wrongSecret' | 'waiting' | 'limited';
  /** the address's network (/24 or /48) */
  network: string;
}

/** The growing delay of a typed code after wrong secrets (from any address); cleared by a success. */
export interface ObserverCodeDelaysTable {
  code: string;
  failures: number;
  last_failure_at: string;
}

export interface ElectionsTables {
  elections: ElectionsTable;
  election_towns: ElectionTownsTable;
  election_partners: ElectionPartnersTable;
  election_candidates: ElectionCandidatesTable;
  election_outreach: ElectionOutreachTable;
  polling_centres: PollingCentresTable;
  polling_stations: PollingStationsTable;
  observers: ObserversTable;
  observer_assignments: ObserverAssignmentsTable;
  observer_tokens: ObserverTokensTable;
  observation_forms: ObservationFormsTable;
  count_sheets: CountSheetsTable;
  observation_submissions: SubmissionsTable;
  election_text_reports: TextReportsTable;
  election_statements: ElectionStatementsTable;
  observer_sign_ins: ObserverSignInsTable;
  observer_code_delays: ObserverCodeDelaysTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends ElectionsTables {}
}
