// Prepared downloads (issue #18: heavy exports off the request path): a file that took too long
// to build while the person waited is kept here, for them alone, for a short while.
import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from '../../db/helpers.js';
import type { Dialect } from '../../db/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await withId(db.schema.createTable('downloads'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('back_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', dialect === 'postgres' ? sql`bytea` : sql`blob`)
    .addColumn('bytes', 'integer')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('downloads_expires').on('downloads').column('expires_at').execute();
}
