// Coordination tables: workspaces, governance and votes, meetings, plans, licensing, lessons.
// Child rows cascade from their parents inside this feature; user ids are plain integers (a
// deleted account leaves a dangling id that views show as "former member"), except where the
// row means nothing without the person (their roles, RSVPs, feed, reviewer seat).
import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from '../../core/db/helpers.js';
import type { Dialect } from '../../core/db/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const userCascade = (c: any) => c.notNull().references('users.id').onDelete('cascade');

  await db.schema
    .createTable('coord_member_roles')
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', userCascade)
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_executive_director', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_representative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('coord_member_roles_pk', ['organization_id', 'user_id'])
    .execute();

  // ——— workspace ———
  await withId(db.schema.createTable('coord_items'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sharing', 'text', (c) => c.notNull().defaultTo('private'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_items_org').on('coord_items').columns(['organization_id', 'sharing']).execute();

  await db.schema
    .createTable('coord_item_shares')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('coord_items.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addPrimaryKeyConstraint('coord_item_shares_pk', ['item_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('coord_item_shares_org').on('coord_item_shares').column('organization_id').execute();

  await withId(db.schema.createTable('coord_document_versions'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('coord_items.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('coord_document_versions_uq', ['item_id', 'version'])
    .execute();

  await withId(db.schema.createTable('coord_emergency_access'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledged_by', 'integer')
    .execute();
  await db.schema.createIndex('coord_emergency_org').on('coord_emergency_access').column('organization_id').execute();

  await withId(db.schema.createTable('coord_departures'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('requested_by', 'integer')
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('effective_at', ts, (c) => c.notNull())
    .addColumn('cancelled_at', ts)
    .addColumn('completed_at', ts)
    .execute();

  // ——— governance ———
  await withId(db.schema.createTable('coord_bodies'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('coord_seats'), dialect)
    .addColumn('body_id', 'integer', (c) => c.notNull().references('coord_bodies.id').onDelete('cascade'))
    .addColumn('title_ar', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('is_chair', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db.schema.createTable('coord_votes'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_id', 'integer', (c) => c.references('coord_bodies.id').onDelete('set null'))
    .addColumn('max_choices', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('nominations_close_at', ts)
    .addColumn('opens_at', ts, (c) => c.notNull())
    .addColumn('closes_at', ts, (c) => c.notNull())
    .addColumn('quorum_percent', 'integer', (c) => c.notNull())
    .addColumn('eligible_orgs', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('cancelled_at', ts)
    .execute();

  await withId(db.schema.createTable('coord_terms'), dialect)
    .addColumn('seat_id', 'integer', (c) => c.notNull().references('coord_seats.id').onDelete('cascade'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_user_id', 'integer')
    .addColumn('holder_org_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('vote_id', 'integer', (c) => c.references('coord_votes.id').onDelete('set null'))
    .execute();

  await withId(db.schema.createTable('coord_vote_options'), dialect)
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('coord_votes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('nominee_user_id', 'integer')
    .addColumn('nominee_org_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('nominated_by_user_id', 'integer')
    .addColumn('statement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coord_vote_participation')
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('coord_votes.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('cast_by_user_id', 'integer')
    .addColumn('cast_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coord_vote_participation_pk', ['vote_id', 'organization_id'])
    .execute();

  // No organization, user or time; a random text key; on SQLite no rowid (which would keep the
  // insertion order). Rows are also rewritten in shuffled order at every cast (see votes.ts).
  let ballots = db.schema
    .createTable('coord_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('coord_votes.id').onDelete('cascade'))
    .addColumn('choices', 'text', (c) => c.notNull());
  if (dialect === 'sqlite') ballots = ballots.modifyEnd(sql`without rowid`);
  await ballots.execute();

  // ——— meetings ———
  await withId(db.schema.createTable('coord_cycles'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('coord_meetings'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('cycle_id', 'integer', (c) => c.references('coord_cycles.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host_org_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('place_kind', 'text', (c) => c.notNull())
    .addColumn('place_org_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('town_pcode', 'text')
    .addColumn('place_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_url', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('public_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quorum_orgs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes_updated_at', ts)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_meetings_starts').on('coord_meetings').column('starts_at').execute();

  await withId(db.schema.createTable('coord_meeting_invitees'), dialect)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('coord_meeting_invitees_m').on('coord_meeting_invitees').column('meeting_id').execute();

  await withId(db.schema.createTable('coord_agenda_items'), dialect)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer')
    .execute();

  await db.schema
    .createTable('coord_rsvps')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', userCascade)
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('coord_rsvps_pk', ['meeting_id', 'user_id'])
    .execute();

  await withId(db.schema.createTable('coord_attendance'), dialect)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_attendance_m').on('coord_attendance').column('meeting_id').execute();

  await withId(db.schema.createTable('coord_decisions'), dialect)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('review_id', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('coord_actions'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('meeting_id', 'integer', (c) => c.references('coord_meetings.id').onDelete('set null'))
    .addColumn('decision_id', 'integer', (c) => c.references('coord_decisions.id').onDelete('set null'))
    .addColumn('review_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_org_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('owner_user_id', 'integer')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('sharing', 'text', (c) => c.notNull().defaultTo('network'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_actions_owner').on('coord_actions').column('owner_org_id').execute();

  await db.schema
    .createTable('coord_reminders')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('coord_meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', userCascade)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('coord_reminders_pk', ['meeting_id', 'user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('coord_calendar_feeds')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // ——— strategic plans ———
  await withId(db.schema.createTable('coord_plans'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('coord_plan_versions'), dialect)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('coord_plans.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mission', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goals', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('activities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('media_id', 'text')
    .addColumn('filename', 'text')
    .addColumn('mime', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('coord_plan_versions_uq', ['plan_id', 'version'])
    .execute();

  await withId(db.schema.createTable('coord_reviews'), dialect)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('coord_plans.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('version_id', 'integer', (c) => c.notNull().references('coord_plan_versions.id').onDelete('cascade'))
    .addColumn('meeting_id', 'integer', (c) => c.references('coord_meetings.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('include_board', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_by', 'integer')
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addColumn('closing_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('coord_review_reviewers')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('coord_reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', userCascade)
    .addPrimaryKeyConstraint('coord_review_reviewers_pk', ['review_id', 'user_id'])
    .execute();

  await withId(db.schema.createTable('coord_review_comments'), dialect)
    .addColumn('review_id', 'integer', (c) => c.notNull().references('coord_reviews.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('coord_review_comments.id').onDelete('cascade'))
    .addColumn('author_user_id', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // ——— licensing ———
  await withId(db.schema.createTable('coord_councils'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('coord_licences'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('council_id', 'integer', (c) => c.notNull().references('coord_councils.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text')
    .addColumn('visit_on', 'text')
    .addColumn('licensed_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reminded_for', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('coord_licences_uq', ['organization_id', 'council_id'])
    .execute();

  await withId(db.schema.createTable('coord_licence_documents'), dialect)
    .addColumn('licence_id', 'integer', (c) => c.notNull().references('coord_licences.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text')
    .execute();

  await withId(db.schema.createTable('coord_licence_visits'), dialect)
    .addColumn('licence_id', 'integer', (c) => c.notNull().references('coord_licences.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('visit_on', 'text', (c) => c.notNull())
    .addColumn('who_went', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('met_whom', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_step', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // ——— lessons learned ———
  await withId(db.schema.createTable('coord_lessons'), dialect)
    .addColumn('organization_id', 'integer', org)
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.references('coord_meetings.id').onDelete('set null'))
    .addColumn('visit_id', 'integer', (c) => c.references('coord_licence_visits.id').onDelete('set null'))
    .addColumn('project_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('what_happened', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_worked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_to_change', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('ar'))
    .addColumn('sharing', 'text', (c) => c.notNull().defaultTo('private'))
    .addColumn('published_id', 'integer')
    .addColumn('published_url', 'text')
    .addColumn('published_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}
