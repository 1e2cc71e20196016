// Election day, corrected: the number observers call (printed on their cards), every observer
// sign-in attempt the coordinators may look at, and the growing delay kept per typed code (a
// code tried wrongly from anywhere waits longer each time; it is never locked).
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../core/db/index.js';
import { timestamp, withId } from '../../../core/db/helpers.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema.alterTable('elections').addColumn('hotline', 'text').execute();

  await withId(db.schema.createTable('observer_sign_ins'), dialect)
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    /** 'ok' | 'wrongSecret' | 'waiting' (inside the delay) | 'limited' (that address tried too often) */
    .addColumn('outcome', 'text', (c) => c.notNull())
    /** the address's network (/24 or /48), as the audit log keeps it */
    .addColumn('network', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('observer_sign_ins_observer')
    .on('observer_sign_ins')
    .columns(['observer_id', 'at'])
    .execute();

  await db.schema
    .createTable('observer_code_delays')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', ts, (c) => c.notNull())
    .execute();
}
