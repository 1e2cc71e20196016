// Forum tables. Authors are kept as "deleted member" when an account goes (ON DELETE SET NULL);
// a person's own reading state, subscriptions, notifications and settings go with the account.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';
import { timestamp, withId } from '../../core/db/helpers.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);

  await withId(db.schema.createTable('forum_categories'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_ar', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('topic_creators', 'text', (c) => c.notNull())
    .addColumn('approval', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('forum_topics'), dialect)
    .addColumn('category_id', 'integer', (c) => c.notNull().references('forum_categories.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'integer')
    .addColumn('first_post_id', 'integer')
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_post_id', 'integer')
    .addColumn('last_post_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_topics_category')
    .on('forum_topics')
    .columns(['category_id', 'status', 'pinned', 'last_post_at'])
    .execute();

  await withId(db.schema.createTable('forum_posts'), dialect)
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('forum_topics.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('link_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('forum_posts_topic').on('forum_posts').columns(['topic_id', 'id']).execute();
  await db.schema.createIndex('forum_posts_author').on('forum_posts').columns(['author_id', 'created_at']).execute();

  await withId(db.schema.createTable('forum_revisions'), dialect)
    .addColumn('post_id', 'integer', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_at', ts, (c) => c.notNull())
    .addColumn('replaced_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_revisions_post').on('forum_revisions').column('post_id').execute();

  await withId(db.schema.createTable('forum_flags'), dialect)
    .addColumn('post_id', 'integer', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('flagger_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('forum_flags_post').on('forum_flags').columns(['post_id', 'resolved_at']).execute();
  await db.schema.createIndex('forum_flags_flagger').on('forum_flags').columns(['flagger_id', 'created_at']).execute();

  await withId(db.schema.createTable('forum_mod_log'), dialect)
    .addColumn('network_id', 'integer', (c) => c.notNull().references('networks.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'integer')
    .addColumn('post_id', 'integer')
    .addColumn('category_id', 'integer')
    .addColumn('subject_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('forum_mod_log_at').on('forum_mod_log').columns(['network_id', 'id']).execute();

  await db.schema
    .createTable('forum_sanctions')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('silenced_until', ts)
    .addColumn('suspended_until', ts)
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('forum_reads')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('forum_topics.id').onDelete('cascade'))
    .addColumn('last_read_post_id', 'integer', (c) => c.notNull())
    .addColumn('read_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_reads_pk', ['user_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('forum_subscriptions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_subscriptions_pk', ['user_id', 'target_type', 'target_id'])
    .execute();
  await db.schema
    .createIndex('forum_subscriptions_target')
    .on('forum_subscriptions')
    .columns(['target_type', 'target_id'])
    .execute();

  await withId(db.schema.createTable('forum_notifications'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'integer', (c) => c.notNull())
    .addColumn('post_id', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .addColumn('emailed_at', ts)
    .addUniqueConstraint('forum_notifications_once', ['user_id', 'post_id'])
    .execute();
  await db.schema
    .createIndex('forum_notifications_user')
    .on('forum_notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute();

  await db.schema
    .createTable('forum_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('last_digest_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}
