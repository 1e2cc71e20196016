// Row types of the tables the core owns. Features declare theirs in their own folder and are
// listed in schema.ts. Timestamps are ISO-8601 strings; flags are 0/1 (see index.ts).
import type { Generated } from 'kysely';

export interface NetworksTable {
  id: Generated<number>;
  slug: string;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  region_ar: string;
  region_en: string;
  created_at: string;
}

export interface OrganizationsTable {
  id: Generated<number>;
  network_id: number;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  /** JSON array of field-of-work keys, e.g. ["legal-aid","youth"] */
  fields_of_work: string;
  logo_media_id: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  status: 'active' | 'left';
  created_at: string;
  updated_at: string;
}

export interface OrganizationTownsTable {
  organization_id: number;
  town_pcode: string;
}

export interface TownsTable {
  pcode: string;
  name_ar: string;
  name_en: string;
  adm3_pcode: string;
  adm3_name_ar: string;
  adm3_name_en: string;
  adm2_pcode: string;
  adm2_name_ar: string;
  adm2_name_en: string;
  adm1_pcode: string;
  adm1_name_ar: string;
  adm1_name_en: string;
  lat: number | null;
  lon: number | null;
  /** Normalized Arabic + English names and aliases, for lookup. */
  search_name: string;
  /** Set when the source row was defective, e.g. 'arabic-name-truncated'. */
  data_note: string | null;
}

export interface TownAliasesTable {
  alias: string;
  pcode: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string | null;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: number;
  /** last accepted TOTP time step, so a code is used once */
  totp_last_step: number | null;
  locale: string;
  digits: 'latn' | 'arab';
  /** how the interface addresses the person: 'f', 'm' or 'x' (unknown: slash form) */
  address_as: 'f' | 'm' | 'x';
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export type NetworkRole = 'networkAdmin' | 'networkEditor' | 'moderator';
export type OrgRole = 'orgAdmin' | 'orgStaff';

export interface NetworkRolesTable {
  user_id: number;
  network_id: number;
  role: NetworkRole;
}

export interface MembershipsTable {
  user_id: number;
  organization_id: number;
  role: OrgRole;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  user_id: number;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  /** 1 while the password was right but the second step is still owed */
  pending_2fa: number;
  /** when the person last typed their password or a code again in this session (null: at sign-in) */
  confirmed_at: string | null;
}

export interface AccountTokensTable {
  token_hash: string;
  purpose: 'reset' | 'email' | 'invite';
  user_id: number | null;
  /** JSON: new e-mail, or an invitation's organization and role */
  payload: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  organization_id: number | null;
  /** IPv4 /24 or IPv6 /48 only */
  ip_prefix: string | null;
  details: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface MediaTable {
  id: string;
  owner_user_id: number | null;
  organization_id: number | null;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** JSON: { "480": "file.webp", ... } for images; { "file": "x.pdf" } otherwise */
  variants: string;
  /** 1: served to anyone at /media/…; 0: only through the owning feature's access check */
  is_public: number;
  created_at: string;
}

export interface SearchDocumentsTable {
  id: Generated<number>;
  kind: string;
  ref_id: string;
  network_id: number | null;
  organization_id: number | null;
  lang: string;
  title: string;
  excerpt_source: string;
  search_text: string;
  /** JSON object of filter facets, e.g. {"town":["C1594"],"topic":["water"]} */
  facets: string;
  published_at: string;
}

export interface KvTable {
  key: string;
  value: string;
}

/** A file built for one person after their request had waited long enough (core/downloads). */
export interface DownloadsTable {
  id: Generated<number>;
  user_id: number;
  file_name: string;
  content_type: string;
  /** the page the person came from */
  back_to: string;
  status: 'running' | 'ready' | 'failed';
  body: Buffer | null;
  bytes: number | null;
  started_at: string;
  finished_at: string | null;
  /** the row and its file are removed after this, ready or not */
  expires_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** a registered kind of event, e.g. 'publishing.returned' */
  type: string;
  /** JSON: the message's parameters (titles and counts, never another person's details) */
  params: string;
  url: string;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export type NotificationChannel = 'now' | 'digest' | 'off';

export interface NotificationSettingsTable {
  user_id: number;
  type: string;
  channel: NotificationChannel;
}

export interface CoreTables {
  networks: NetworksTable;
  organizations: OrganizationsTable;
  organization_towns: OrganizationTownsTable;
  towns: TownsTable;
  town_aliases: TownAliasesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  network_roles: NetworkRolesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  media: MediaTable;
  search_documents: SearchDocumentsTable;
  kv: KvTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  downloads: DownloadsTable;
}
