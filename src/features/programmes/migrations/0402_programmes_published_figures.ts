// Published activity reports (issue 14): the participant figures a report printed, as it printed
// them, so that later releases keep them fixed (decision 0004: what was published cannot be
// hidden any more, the rest is protected around it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme_activities').addColumn('published_figures', 'text').execute();
}
