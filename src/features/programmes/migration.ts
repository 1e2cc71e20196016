// Programmes tables: projects, activities, advocacy visits, training and certificates.
// Deleting a trainee cascades to enrolments, attendance and certificates (removal on request).
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';
import { timestamp, withId } from '../../core/db/helpers.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await withId(db.schema.createTable('programme_projects'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('coordinator_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('supporter_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supporter_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('summary_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goals_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goals_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('programme_project_members')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('programme_project_members_pk', ['project_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('programme_project_members_org')
    .on('programme_project_members')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('programme_project_towns')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addPrimaryKeyConstraint('programme_project_towns_pk', ['project_id', 'town_pcode'])
    .execute();

  await withId(db.schema.createTable('programme_targets'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('label_ar', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('manual_value', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('programme_activities'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_item_id', 'integer')
    .addColumn('published_url', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_activities_project')
    .on('programme_activities')
    .columns(['project_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('programme_activity_counts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('programme_activities.id').onDelete('cascade'))
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_activity_counts_pk', ['activity_id', 'gender', 'age_band'])
    .execute();

  await db.schema
    .createTable('programme_activity_photos')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('programme_activities.id').onDelete('cascade'))
    .addColumn('media_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_activity_photos_pk', ['activity_id', 'media_id'])
    .execute();

  await withId(db.schema.createTable('programme_visits'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('institution_type', 'text', (c) => c.notNull())
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('who_went', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_visits_project').on('programme_visits').column('project_id').execute();

  await withId(db.schema.createTable('programme_recommendations'), dialect)
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('programme_visits.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('addressed_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_recommendations_visit')
    .on('programme_recommendations')
    .column('visit_id')
    .execute();

  await withId(db.schema.createTable('programme_followups'), dialect)
    .addColumn('recommendation_id', 'integer', (c) =>
      c.notNull().references('programme_recommendations.id').onDelete('cascade'),
    )
    .addColumn('followed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('programme_courses'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('programme_projects.id').onDelete('cascade'))
    .addColumn('title_ar', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('topic_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topic_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('objectives_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('objectives_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('min_attendance_pct', 'integer', (c) => c.notNull())
    .addColumn('min_post_score', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('programme_cohorts'), dialect)
    .addColumn('course_id', 'integer', (c) => c.notNull().references('programme_courses.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('trainers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_cohorts_course').on('programme_cohorts').column('course_id').execute();

  await withId(db.schema.createTable('programme_sessions'), dialect)
    .addColumn('cohort_id', 'integer', (c) => c.notNull().references('programme_cohorts.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_sessions_cohort').on('programme_sessions').column('cohort_id').execute();

  await withId(db.schema.createTable('programme_trainees'), dialect)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('affiliation', 'text')
    .addColumn('phone', 'text')
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_trainees_org').on('programme_trainees').column('organization_id').execute();

  await withId(db.schema.createTable('programme_enrolments'), dialect)
    .addColumn('cohort_id', 'integer', (c) => c.notNull().references('programme_cohorts.id').onDelete('cascade'))
    .addColumn('trainee_id', 'integer', (c) => c.notNull().references('programme_trainees.id').onDelete('cascade'))
    .addColumn('pre_score', 'integer')
    .addColumn('post_score', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('programme_enrolments_unique', ['cohort_id', 'trainee_id'])
    .execute();
  await db.schema.createIndex('programme_enrolments_trainee').on('programme_enrolments').column('trainee_id').execute();

  await db.schema
    .createTable('programme_attendance')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('programme_sessions.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('programme_enrolments.id').onDelete('cascade'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_attendance_pk', ['session_id', 'enrolment_id'])
    .execute();
  await db.schema
    .createIndex('programme_attendance_enrolment')
    .on('programme_attendance')
    .column('enrolment_id')
    .execute();

  await withId(db.schema.createTable('programme_certificates'), dialect)
    .addColumn('enrolment_id', 'integer', (c) =>
      c.notNull().unique().references('programme_enrolments.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text')
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
}
