// Editing and removing governance and licensing records (issue 16). A record that history
// depends on — a term an election produced, a seat that has had holders, a body with holders or
// votes, a council with licence files, a licence file with documents or visits — is archived
// rather than deleted: `archived_at` hides it from the lists and forms, and the row stays.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['coord_bodies', 'coord_seats', 'coord_terms', 'coord_councils', 'coord_licences'])
    await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
}
