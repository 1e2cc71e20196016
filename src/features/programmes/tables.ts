// Row types of the programmes feature's tables (projects, activities, advocacy visits and
// recommendations, training courses, cohorts, sessions, trainees, attendance, certificates).
// Dates of things that happened are 'YYYY-MM-DD' text; timestamps are ISO strings; flags 0/1.
import type { Generated } from 'kysely';

export type Gender = 'f' | 'm';
export type AgeBand = 'a15_17' | 'a18_24' | 'a25_35' | 'a36_plus';
export type ActivityKind = 'training' | 'workshop' | 'visit' | 'campaign' | 'meeting';
export type InstitutionType = 'local_council' | 'governance_body' | 'cso' | 'judicial_office';
export type RecommendationStatus = 'proposed' | 'acknowledged' | 'adopted' | 'implemented' | 'rejected';
export type TargetMetric =
  | 'trained'
  | 'trained_women'
  | 'completed'
  | 'activities'
  | 'participants'
  | 'visits'
  | 'recommendations_adopted'
  | 'custom';

export interface ProgrammeProjectsTable {
  id: Generated<number>;
  network_id: number;
  /** the member organization coordinating the project (its staff manage it) */
  coordinator_org_id: number;
  name_ar: string;
  name_en: string;
  supporter_ar: string;
  supporter_en: string;
  start_date: string;
  end_date: string | null;
  summary_ar: string;
  summary_en: string;
  goals_ar: string;
  goals_en: string;
  is_public: number;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeProjectMembersTable {
  project_id: number;
  organization_id: number;
}

export interface ProgrammeProjectTownsTable {
  project_id: number;
  town_pcode: string;
}

export interface ProgrammeTargetsTable {
  id: Generated<number>;
  project_id: number;
  metric: TargetMetric;
  label_ar: string;
  label_en: string;
  target: number;
  /** only for 'custom' indicators, entered by hand */
  manual_value: number | null;
  created_at: string;
}

export interface ProgrammeActivitiesTable {
  id: Generated<number>;
  project_id: number;
  /** the organizing member; its staff alone see the notes */
  organization_id: number;
  kind: ActivityKind;
  title: string;
  held_on: string;
  town_pcode: string;
  /** what happened, shareable with the project's members */
  summary: string;
  /** internal notes: the organizing member's staff only */
  notes: string;
  published_item_id: number | null;
  published_url: string | null;
  /** the report's participant figures as published (JSON `PublishedFigures`, indicators/report.ts) */
  published_figures: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeActivityCountsTable {
  activity_id: number;
  gender: Gender;
  age_band: AgeBand;
  count: number;
}

export interface ProgrammeActivityPhotosTable {
  activity_id: number;
  media_id: string;
  created_at: string;
}

export interface ProgrammeVisitsTable {
  id: Generated<number>;
  project_id: number;
  organization_id: number;
  institution_type: InstitutionType;
  institution_name: string;
  town_pcode: string;
  visited_on: string;
  /** who went: roles or first names, as the team chooses to record it */
  who_went: string;
  /** internal notes: the visiting member's staff only */
  notes: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeRecommendationsTable {
  id: Generated<number>;
  visit_id: number;
  text: string;
  addressed_to: string;
  response: string;
  status: RecommendationStatus;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeFollowupsTable {
  id: Generated<number>;
  recommendation_id: number;
  followed_on: string;
  note: string;
  status: RecommendationStatus;
  user_id: number | null;
  created_at: string;
}

export interface ProgrammeCoursesTable {
  id: Generated<number>;
  project_id: number;
  title_ar: string;
  title_en: string;
  topic_ar: string;
  topic_en: string;
  objectives_ar: string;
  objectives_en: string;
  hours: number;
  /** completion: share of sessions attended, in percent (e.g. 80) */
  min_attendance_pct: number;
  /** completion: minimum post-test score out of 100, or none */
  min_post_score: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeCohortsTable {
  id: Generated<number>;
  course_id: number;
  /** the member running this cohort; its staff alone see its trainees */
  organization_id: number;
  label: string;
  start_date: string;
  end_date: string;
  town_pcode: string;
  trainers: string;
  created_at: string;
}

export interface ProgrammeSessionsTable {
  id: Generated<number>;
  cohort_id: number;
  held_on: string;
  topic: string;
  created_at: string;
}

export interface ProgrammeTraineesTable {
  id: Generated<number>;
  /** the member that registered the trainee; only its staff see them */
  organization_id: number;
  name: string;
  gender: Gender;
  age_band: AgeBand;
  town_pcode: string;
  affiliation: string | null;
  phone: string | null;
  consent_version: string;
  consent_at: string;
  created_by: number | null;
  created_at: string;
}

export interface ProgrammeEnrolmentsTable {
  id: Generated<number>;
  cohort_id: number;
  trainee_id: number;
  pre_score: number | null;
  post_score: number | null;
  created_at: string;
}

export interface ProgrammeAttendanceTable {
  session_id: number;
  enrolment_id: number;
  present: number;
}

export interface ProgrammeCertificatesTable {
  id: Generated<number>;
  enrolment_id: number;
  code: string;
  /** the name in Latin letters, only when an English certificate was asked for */
  name_en: string | null;
  /** when it was recorded */
  issued_at: string;
  /** the date on the certificate, 'YYYY-MM-DD': by default the end of the cohort */
  issued_on: string | null;
  revoked_at: string | null;
  /** why it was revoked, for the member's staff (never public) */
  revoke_reason: string | null;
}

/** The codes a certificate had before it was reissued: they no longer verify. */
export interface ProgrammeReplacedCodesTable {
  id: Generated<number>;
  certificate_id: number;
  code: string;
  issued_on: string;
  revoked_at: string;
  reason: string | null;
}

/** A holder's request, from the public verification page, that the member correct a certificate. */
export interface ProgrammeCorrectionRequestsTable {
  id: Generated<number>;
  certificate_id: number;
  message: string;
  created_at: string;
  handled_at: string | null;
  handled_by: number | null;
}

export interface ProgrammesTables {
  programme_projects: ProgrammeProjectsTable;
  programme_project_members: ProgrammeProjectMembersTable;
  programme_project_towns: ProgrammeProjectTownsTable;
  programme_targets: ProgrammeTargetsTable;
  programme_activities: ProgrammeActivitiesTable;
  programme_activity_counts: ProgrammeActivityCountsTable;
  programme_activity_photos: ProgrammeActivityPhotosTable;
  programme_visits: ProgrammeVisitsTable;
  programme_recommendations: ProgrammeRecommendationsTable;
  programme_followups: ProgrammeFollowupsTable;
  programme_courses: ProgrammeCoursesTable;
  programme_cohorts: ProgrammeCohortsTable;
  programme_sessions: ProgrammeSessionsTable;
  programme_trainees: ProgrammeTraineesTable;
  programme_enrolments: ProgrammeEnrolmentsTable;
  programme_attendance: ProgrammeAttendanceTable;
  programme_certificates: ProgrammeCertificatesTable;
  programme_replaced_codes: ProgrammeReplacedCodesTable;
  programme_correction_requests: ProgrammeCorrectionRequestsTable;
}

// The feature's tables join the one Database type (the core names no feature).
declare module '../../core/db/schema.js' {
  interface Database extends ProgrammesTables {}
}
