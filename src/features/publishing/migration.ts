// Publishing tables: items (every kind, one table), their towns and topics, revisions kept after
// publication, and the workflow's event log.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';
import { timestamp, withId } from '../../core/db/helpers.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await withId(db.schema.createTable('pub_items'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('collection', 'text')
    .addColumn('resource_type', 'text')
    .addColumn('page_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('translation_of', 'integer', (c) => c.references('pub_items.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('byline_pseudonym', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('local_issue_id', 'integer', (c) => c.references('pub_items.id').onDelete('set null'))
    .addColumn('project_id', 'integer')
    .addColumn('activity_date', 'text')
    .addColumn('cover_media_id', 'text')
    .addColumn('cover_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_media_id', 'text')
    .addColumn('file_pages', 'integer')
    .addColumn('external_url', 'text')
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_at', ts)
    .addColumn('published_at', ts)
    .addColumn('first_published_at', ts)
    .addColumn('return_comment', 'text')
    .addColumn('source_feature', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pub_items_listing')
    .on('pub_items')
    .columns(['status', 'kind', 'published_at'])
    .execute();
  await db.schema.createIndex('pub_items_org').on('pub_items').columns(['organization_id', 'status']).execute();
  await db.schema.createIndex('pub_items_issue').on('pub_items').column('local_issue_id').execute();
  await db.schema
    .createIndex('pub_items_page_key')
    .on('pub_items')
    .columns(['network_id', 'page_key', 'lang'])
    .execute();
  await db.schema.createIndex('pub_items_source').on('pub_items').columns(['source_feature', 'source_id']).execute();

  await db.schema
    .createTable('pub_item_towns')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('pub_items.id').onDelete('cascade'))
    .addColumn('town_pcode', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pub_item_towns_pk', ['item_id', 'town_pcode'])
    .execute();
  await db.schema.createIndex('pub_item_towns_town').on('pub_item_towns').column('town_pcode').execute();

  await db.schema
    .createTable('pub_item_topics')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('pub_items.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pub_item_topics_pk', ['item_id', 'topic'])
    .execute();
  await db.schema.createIndex('pub_item_topics_topic').on('pub_item_topics').column('topic').execute();

  await withId(db.schema.createTable('pub_revisions'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('pub_items.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('byline', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('edited_at', ts, (c) => c.notNull())
    .addUniqueConstraint('pub_revisions_number', ['item_id', 'number'])
    .execute();

  await withId(db.schema.createTable('pub_events'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('pub_items.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('comment', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pub_events_item').on('pub_events').column('item_id').execute();
}
