// Imports that outlast their request: one row per run, so whichever instance answers the progress
// page can say where the run stands and, once it has ended, show its report.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../core/db/index.js';
import { timestamp, withId } from '../../../core/db/helpers.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await withId(db.schema.createTable('svc_import_runs'), dialect)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('problems', 'text')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
}
