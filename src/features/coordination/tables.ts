// Row types of the coordination feature's tables (see README.md). Timestamps are ISO-8601
// strings; "…_on" columns are calendar dates 'YYYY-MM-DD' (Asia/Damascus); flags are 0/1.
import type { Generated } from 'kysely';

export type Sharing = 'private' | 'orgs' | 'network' | 'public';

/** A person's place in a member organization, beyond the core role: title, executive director, voting representative. */
export interface CoordMemberRolesTable {
  organization_id: number;
  user_id: number;
  title: string;
  is_executive_director: number;
  is_representative: number;
  updated_at: string;
}

/** A workspace item: a document (with versions) or an internal note. */
export interface CoordItemsTable {
  id: Generated<number>;
  organization_id: number;
  kind: 'document' | 'note';
  title: string;
  body: string;
  sharing: Sharing;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CoordItemSharesTable {
  item_id: number;
  organization_id: number;
}

export interface CoordDocumentVersionsTable {
  id: Generated<number>;
  item_id: number;
  organization_id: number;
  version: number;
  media_id: string;
  filename: string;
  mime: string;
  bytes: number;
  note: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface CoordEmergencyAccessTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  reason: string;
  started_at: string;
  expires_at: string;
  revoked_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  /** its admins were told the grant ended (migration 0608) */
  ended_told_at: string | null;
}

export interface CoordDeparturesTable {
  id: Generated<number>;
  organization_id: number;
  requested_by: number | null;
  requested_at: string;
  effective_at: string;
  cancelled_at: string | null;
  completed_at: string | null;
}

// ——— governance ———
export interface CoordBodiesTable {
  id: Generated<number>;
  network_id: number;
  kind: 'board' | 'committee';
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  position: number;
  created_at: string;
  /** set when removed but kept for the record (migration 0607) */
  archived_at: string | null;
}

export interface CoordSeatsTable {
  id: Generated<number>;
  body_id: number;
  title_ar: string;
  title_en: string;
  is_chair: number;
  position: number;
  /** set when removed but kept for the record (migration 0607) */
  archived_at: string | null;
}

export interface CoordTermsTable {
  id: Generated<number>;
  seat_id: number;
  holder_name: string;
  holder_user_id: number | null;
  holder_org_id: number | null;
  starts_on: string;
  ends_on: string;
  vote_id: number | null;
  /** set when removed but kept for the record (migration 0607) */
  archived_at: string | null;
}

export type VoteKind = 'election' | 'decision';

export interface CoordVotesTable {
  id: Generated<number>;
  network_id: number;
  kind: VoteKind;
  title: string;
  description: string;
  body_id: number | null;
  /** elections: how many may be chosen on one ballot (seats to fill); decisions: 1 */
  max_choices: number;
  /** elections: nominations are accepted until this time */
  nominations_close_at: string | null;
  opens_at: string;
  closes_at: string;
  /** share of member organizations that must take part for the result to count */
  quorum_percent: number;
  /** member organizations entitled to vote, fixed when the vote is created */
  eligible_orgs: number;
  created_by: number | null;
  created_at: string;
  cancelled_at: string | null;
  /** when the representatives were told it opened, closes within a day, closed (migration 0608) */
  opened_told_at: string | null;
  closing_told_at: string | null;
  closed_told_at: string | null;
}

export interface CoordVoteOptionsTable {
  id: Generated<number>;
  vote_id: number;
  kind: 'yes' | 'no' | 'abstain' | 'candidate';
  label: string;
  nominee_user_id: number | null;
  nominee_org_id: number | null;
  nominated_by_user_id: number | null;
  statement: string;
  /** candidates nominated by someone else must accept before they appear on the ballot */
  accepted: number;
  withdrawn: number;
  position: number;
  created_at: string;
}

/** Who voted (one row per member organization), never how. Only the day is kept. */
export interface CoordVoteParticipationTable {
  vote_id: number;
  organization_id: number;
  cast_by_user_id: number | null;
  cast_on: string;
}

/**
 * How people voted, with no link to who: a random id, the vote, the choices. No organization,
 * no user, no time. The rows of a vote are rewritten in a random order with fresh ids at every
 * cast, so neither ids nor storage order reveal the order ballots came in.
 */
/** How /governance names the holders of seats: full name, first name, or the seat alone. */
export type BoardNames = 'full' | 'first' | 'role';

/** A network's choices for the feature (no row: the defaults). */
export interface CoordSettingsTable {
  network_id: number;
  board_names: BoardNames;
  updated_at: string;
}

export interface CoordBallotsTable {
  id: string;
  vote_id: number;
  /** JSON array of option ids, sorted; [] is a blank ballot */
  choices: string;
}

// ——— meetings ———
export type MeetingKind = 'preparatory' | 'general' | 'consultative' | 'board' | 'other';
export type MeetingVisibility = 'invitees' | 'network' | 'public';

export interface CoordCyclesTable {
  id: Generated<number>;
  network_id: number;
  title: string;
  created_by: number | null;
  created_at: string;
}

export interface CoordMeetingsTable {
  id: Generated<number>;
  network_id: number;
  cycle_id: number | null;
  kind: MeetingKind;
  title: string;
  description: string;
  host_org_id: number | null;
  starts_at: string;
  ends_at: string;
  place_kind: 'office' | 'town' | 'online';
  place_org_id: number | null;
  town_pcode: string | null;
  place_detail: string;
  online_url: string | null;
  visibility: MeetingVisibility;
  public_summary: string;
  /** organizations that must be present; 0: no quorum rule */
  quorum_orgs: number;
  minutes_md: string;
  minutes_html: string | null;
  minutes_html_version: number | null;
  minutes_updated_at: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CoordMeetingInviteesTable {
  id: Generated<number>;
  meeting_id: number;
  organization_id: number | null;
  user_id: number | null;
}

export interface CoordAgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  details: string;
  duration_minutes: number | null;
}

export interface CoordRsvpsTable {
  meeting_id: number;
  user_id: number;
  response: 'yes' | 'no' | 'maybe';
  updated_at: string;
}

export interface CoordAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  organization_id: number | null;
  user_id: number | null;
  name: string;
  present: number;
  recorded_by: number | null;
  recorded_at: string;
}

export interface CoordDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  number: number;
  text: string;
  review_id: number | null;
  created_by: number | null;
  created_at: string;
}

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export interface CoordActionsTable {
  id: Generated<number>;
  network_id: number;
  meeting_id: number | null;
  decision_id: number | null;
  review_id: number | null;
  title: string;
  details: string;
  owner_org_id: number | null;
  owner_user_id: number | null;
  due_on: string | null;
  status: ActionStatus;
  /** 'org': the owner organization (and the owner person) only; 'network': every member */
  sharing: 'org' | 'network';
  /** the due date its owner was told it had passed (once per due date) */
  overdue_notified_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CoordRemindersTable {
  meeting_id: number;
  user_id: number;
  kind: string;
  sent_at: string;
}

/** The private calendar feed: the URL's token is an HMAC over (user, nonce); a new nonce revokes it. */
export interface CoordCalendarFeedsTable {
  user_id: number;
  nonce: string;
  created_at: string;
}

// ——— strategic plans ———
export type PlanSection = 'vision' | 'mission' | 'goals' | 'objectives' | 'activities';

export interface CoordPlansTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CoordPlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  organization_id: number;
  version: number;
  vision: string;
  mission: string;
  goals: string;
  objectives: string;
  activities: string;
  media_id: string | null;
  filename: string | null;
  mime: string | null;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface CoordReviewsTable {
  id: Generated<number>;
  plan_id: number;
  organization_id: number;
  version_id: number;
  meeting_id: number | null;
  status: 'open' | 'closed';
  include_board: number;
  opened_by: number | null;
  opened_at: string;
  closed_at: string | null;
  closing_note: string;
}

export interface CoordReviewReviewersTable {
  review_id: number;
  user_id: number;
}

export interface CoordReviewCommentsTable {
  id: Generated<number>;
  review_id: number;
  organization_id: number;
  section: PlanSection | 'document' | 'general';
  parent_id: number | null;
  author_user_id: number | null;
  body: string;
  created_at: string;
}

// ——— licensing ———
export type LicenceStatus =
  'not_started' | 'preparing' | 'applied' | 'visit_scheduled' | 'licensed' | 'renewal_due' | 'refused';

export interface CoordCouncilsTable {
  id: Generated<number>;
  network_id: number;
  name_ar: string;
  name_en: string;
  town_pcode: string;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  /** set when removed but kept for the record (migration 0607) */
  archived_at: string | null;
}

export interface CoordLicencesTable {
  id: Generated<number>;
  organization_id: number;
  council_id: number;
  status: LicenceStatus;
  applied_on: string | null;
  visit_on: string | null;
  licensed_on: string | null;
  expires_on: string | null;
  notes: string;
  /** the expiry date a reminder was last sent for */
  reminded_for: string | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
  /** set when removed but kept for the record (migration 0607) */
  archived_at: string | null;
}

export interface CoordLicenceDocumentsTable {
  id: Generated<number>;
  licence_id: number;
  organization_id: number;
  name: string;
  submitted_on: string | null;
}

export interface CoordLicenceVisitsTable {
  id: Generated<number>;
  licence_id: number;
  organization_id: number;
  visit_on: string;
  who_went: string;
  met_whom: string;
  outcome: string;
  next_step: string;
  created_by: number | null;
  created_at: string;
}

// ——— lessons learned ———
export interface CoordLessonsTable {
  id: Generated<number>;
  organization_id: number;
  subject: 'meeting' | 'visit' | 'project' | 'other';
  meeting_id: number | null;
  visit_id: number | null;
  project_label: string;
  title: string;
  what_happened: string;
  what_worked: string;
  what_to_change: string;
  lang: 'ar' | 'en';
  sharing: 'private' | 'network';
  published_id: number | null;
  published_url: string | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CoordinationTables {
  coord_member_roles: CoordMemberRolesTable;
  coord_items: CoordItemsTable;
  coord_item_shares: CoordItemSharesTable;
  coord_document_versions: CoordDocumentVersionsTable;
  coord_emergency_access: CoordEmergencyAccessTable;
  coord_departures: CoordDeparturesTable;
  coord_bodies: CoordBodiesTable;
  coord_seats: CoordSeatsTable;
  coord_terms: CoordTermsTable;
  coord_votes: CoordVotesTable;
  coord_vote_options: CoordVoteOptionsTable;
  coord_vote_participation: CoordVoteParticipationTable;
  coord_ballots: CoordBallotsTable;
  coord_cycles: CoordCyclesTable;
  coord_meetings: CoordMeetingsTable;
  coord_meeting_invitees: CoordMeetingInviteesTable;
  coord_agenda_items: CoordAgendaItemsTable;
  coord_rsvps: CoordRsvpsTable;
  coord_attendance: CoordAttendanceTable;
  coord_decisions: CoordDecisionsTable;
  coord_actions: CoordActionsTable;
  coord_reminders: CoordRemindersTable;
  coord_calendar_feeds: CoordCalendarFeedsTable;
  coord_plans: CoordPlansTable;
  coord_plan_versions: CoordPlanVersionsTable;
  coord_reviews: CoordReviewsTable;
  coord_review_reviewers: CoordReviewReviewersTable;
  coord_review_comments: CoordReviewCommentsTable;
  coord_councils: CoordCouncilsTable;
  coord_licences: CoordLicencesTable;
  coord_licence_documents: CoordLicenceDocumentsTable;
  coord_licence_visits: CoordLicenceVisitsTable;
  coord_lessons: CoordLessonsTable;
  coord_settings: CoordSettingsTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends CoordinationTables {}
}
