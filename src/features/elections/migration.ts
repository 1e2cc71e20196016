// Elections tables: elections and their outreach, polling centres and stations, observers and
// their tokens, versioned forms, submissions (with their idempotency keys), count sheets, text
// reports and public statements.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';
import { timestamp, withId } from '../../core/db/helpers.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await withId(db.schema.createTable('elections'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('local-council'))
    .addColumn('title_ar', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('poll_date', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('summary_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elections_network').on('elections').columns(['network_id', 'poll_date']).execute();

  await db.schema
    .createTable('election_towns')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addPrimaryKeyConstraint('election_towns_pk', ['election_id', 'town_pcode'])
    .execute();
  await db.schema.createIndex('election_towns_town').on('election_towns').column('town_pcode').execute();

  await withId(db.schema.createTable('election_partners'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('name_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('election_partners_election').on('election_partners').column('election_id').execute();
  await db.schema.createIndex('election_partners_org').on('election_partners').column('organization_id').execute();

  await withId(db.schema.createTable('election_candidates'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('election_candidates_code', ['election_id', 'code'])
    .execute();

  await withId(db.schema.createTable('election_outreach'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('organization_name', 'text')
    .addColumn('leaflets', 'integer')
    .addColumn('places', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reached_women', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reached_men', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('election_outreach_election').on('election_outreach').column('election_id').execute();

  await withId(db.schema.createTable('polling_centres'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('polling_centres_code', ['election_id', 'code'])
    .execute();

  await withId(db.schema.createTable('polling_stations'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('polling_centres.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('registered_women', 'integer')
    .addColumn('registered_men', 'integer')
    .addColumn('women_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('polling_stations_code', ['centre_id', 'code'])
    .execute();
  await db.schema.createIndex('polling_stations_election').on('polling_stations').column('election_id').execute();

  await withId(db.schema.createTable('observers'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('fixed'))
    .addColumn('route_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supervisor_id', 'integer', (c) => c.references('observers.id').onDelete('set null'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('no_network_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('observers_election').on('observers').column('election_id').execute();

  await db.schema
    .createTable('observer_assignments')
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('station_id', 'integer', (c) => c.notNull().references('polling_stations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('observer_assignments_pk', ['observer_id', 'station_id'])
    .execute();
  await db.schema.createIndex('observer_assignments_station').on('observer_assignments').column('station_id').execute();

  await db.schema
    .createTable('observer_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observer_tokens_observer').on('observer_tokens').column('observer_id').execute();

  await withId(db.schema.createTable('observation_forms'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_ar', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('published_at', ts)
    .addUniqueConstraint('observation_forms_version', ['election_id', 'slug', 'version'])
    .execute();

  await withId(db.schema.createTable('count_sheets'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('station_id', 'integer', (c) => c.notNull().references('polling_stations.id').onDelete('cascade'))
    .addColumn('form_slug', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts)
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('count_sheets_station', ['station_id', 'form_slug'])
    .execute();

  await withId(db.schema.createTable('observation_submissions'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('observation_forms.id'))
    .addColumn('station_id', 'integer', (c) => c.notNull().references('polling_stations.id'))
    .addColumn('observer_id', 'integer', (c) => c.references('observers.id').onDelete('set null'))
    .addColumn('entered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('critical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sheet_id', 'integer', (c) => c.references('count_sheets.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('received'))
    .addColumn('verified_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_at', ts)
    .addColumn('verification_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('observation_submissions_election')
    .on('observation_submissions')
    .columns(['election_id', 'station_id'])
    .execute();
  await db.schema
    .createIndex('observation_submissions_sheet')
    .on('observation_submissions')
    .column('sheet_id')
    .execute();

  await withId(db.schema.createTable('election_text_reports'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('relayed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('election_statements'), dialect)
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('text_ar', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('change_note_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('change_note_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cutoff_at', ts, (c) => c.notNull())
    .addColumn('drafted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('drafted_at', ts, (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', ts)
    .addColumn('published_on', 'text')
    .execute();
  await db.schema.createIndex('election_statements_election').on('election_statements').column('election_id').execute();
}
