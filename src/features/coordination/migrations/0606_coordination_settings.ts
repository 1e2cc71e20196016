// Network choices of the coordination feature (issue 18): how /governance names board members —
// full name, first name, or the seat alone. No row means the seat alone, the default of every
// install until a network admin chooses otherwise.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coord_settings')
    .addColumn('network_id', 'integer', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('board_names', 'text', (c) => c.notNull().defaultTo('role'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
