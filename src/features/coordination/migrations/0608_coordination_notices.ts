// Events told once (issue 17): a vote's opening, its closing within a day and its closing, and an
// emergency grant running out on its own, are noticed by the hourly job; each column records that
// the people concerned were told, so a second run tells nobody again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['opened_told_at', 'closing_told_at', 'closed_told_at'])
    await db.schema.alterTable('coord_votes').addColumn(column, 'text').execute();
  await db.schema.alterTable('coord_emergency_access').addColumn('ended_told_at', 'text').execute();
}
