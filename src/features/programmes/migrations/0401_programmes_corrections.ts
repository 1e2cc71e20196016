// Corrections (issue 16): a certificate carries the date the person chose (by default the end of
// the cohort), the reason it was revoked, and the codes it had before a reissue; a certificate's
// holder may ask the issuing member to correct it (the request waits for the member's staff).
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../core/db/index.js';
import { timestamp, withId } from '../../../core/db/helpers.js';
import { damascusDay } from '../../../core/time.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema.alterTable('programme_certificates').addColumn('issued_on', 'text').execute();
  await db.schema.alterTable('programme_certificates').addColumn('revoke_reason', 'text').execute();
  // Certificates issued before carried the day they were issued: that stays their date.
  const issued = await db.selectFrom('programme_certificates').select(['id', 'issued_at']).execute();
  for (const row of issued as { id: number; issued_at: string }[])
    await db
      .updateTable('programme_certificates')
      .set({ issued_on: damascusDay(new Date(row.issued_at)) })
      .where('id', '=', row.id)
      .execute();

  await withId(db.schema.createTable('programme_replaced_codes'), dialect)
    .addColumn('certificate_id', 'integer', (c) =>
      c.notNull().references('programme_certificates.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('revoked_at', ts, (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('programme_replaced_codes_certificate')
    .on('programme_replaced_codes')
    .column('certificate_id')
    .execute();

  await withId(db.schema.createTable('programme_correction_requests'), dialect)
    .addColumn('certificate_id', 'integer', (c) =>
      c.notNull().references('programme_certificates.id').onDelete('cascade'),
    )
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('handled_at', ts)
    .addColumn('handled_by', 'integer')
    .execute();
  await db.schema
    .createIndex('programme_correction_requests_certificate')
    .on('programme_correction_requests')
    .column('certificate_id')
    .execute();
}
