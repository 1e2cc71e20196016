// The core tables: networks, organizations, towns, accounts, sessions, audit, media, search.
import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from '../helpers.js';
import type { Dialect } from '../index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await withId(db.schema.createTable('networks'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('organizations'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fields_of_work', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('logo_media_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_network').on('organizations').column('network_id').execute();

  await db.schema
    .createTable('towns')
    .addColumn('pcode', 'text', (c) => c.primaryKey())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('adm3_pcode', 'text', (c) => c.notNull())
    .addColumn('adm3_name_ar', 'text', (c) => c.notNull())
    .addColumn('adm3_name_en', 'text', (c) => c.notNull())
    .addColumn('adm2_pcode', 'text', (c) => c.notNull())
    .addColumn('adm2_name_ar', 'text', (c) => c.notNull())
    .addColumn('adm2_name_en', 'text', (c) => c.notNull())
    .addColumn('adm1_pcode', 'text', (c) => c.notNull())
    .addColumn('adm1_name_ar', 'text', (c) => c.notNull())
    .addColumn('adm1_name_en', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('data_note', 'text')
    .execute();
  await db.schema.createIndex('towns_adm2').on('towns').column('adm2_pcode').execute();
  await db.schema.createIndex('towns_lat_lon').on('towns').columns(['lat', 'lon']).execute();

  await db.schema
    .createTable('town_aliases')
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('pcode', 'text', (c) => c.notNull().references('towns.pcode').onDelete('cascade'))
    .addPrimaryKeyConstraint('town_aliases_pk', ['alias', 'pcode'])
    .execute();

  await db.schema
    .createTable('organization_towns')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('town_pcode', 'text', (c) => c.notNull().references('towns.pcode'))
    .addPrimaryKeyConstraint('organization_towns_pk', ['organization_id', 'town_pcode'])
    .execute();
  await db.schema.createIndex('organization_towns_town').on('organization_towns').column('town_pcode').execute();

  await withId(db.schema.createTable('users'), dialect)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_last_step', 'integer')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ar'))
    .addColumn('digits', 'text', (c) => c.notNull().defaultTo('latn'))
    .addColumn('address_as', 'text', (c) => c.notNull().defaultTo('x'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('password_changed_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('recovery_codes'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await db.schema
    .createTable('network_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_roles_pk', ['user_id', 'network_id', 'role'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('memberships_org').on('memberships').column('organization_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('idle_expires_at', ts, (c) => c.notNull())
    .addColumn('absolute_expires_at', ts, (c) => c.notNull())
    .addColumn('pending_2fa', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await withId(db.schema.createTable('mail_outbox'), dialect)
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('error', 'text')
    .execute();

  await withId(db.schema.createTable('audit_log'), dialect)
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('organization_id', 'integer')
    .addColumn('ip_prefix', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  // Append-only: no UPDATE ever; DELETE only by the retention purge, for entries older than a year.
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_early_delete BEFORE DELETE ON audit_log
      WHEN old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-365 days')
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION audit_log_guard() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'UPDATE' OR OLD.at > now() - interval '365 days' THEN
          RAISE EXCEPTION 'audit_log is append-only';
        END IF;
        RETURN OLD;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`.execute(db);
  }

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'integer')
    .addColumn('organization_id', 'integer')
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('search_documents'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('network_id', 'integer')
    .addColumn('organization_id', 'integer')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt_source', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('published_at', ts, (c) => c.notNull())
    .addUniqueConstraint('search_documents_ref', ['kind', 'ref_id'])
    .execute();
  if (dialect === 'sqlite') {
    // External-content FTS5 table kept in step by triggers. The text is already normalized and
    // stemmed by the app, so unicode61 with no diacritic folding sees plain tokens.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      search_text, content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      INSERT INTO search_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
  } else {
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector
      GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(db);
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`.execute(db);
  }
  await db.schema
    .createIndex('search_documents_kind')
    .on('search_documents')
    .columns(['kind', 'published_at'])
    .execute();

  await db.schema
    .createTable('kv')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
