// Outreach activities before the vote (voter-card drives, leaflets, women's participation and
// information sessions): named queries, db first.
import type { Db } from '../../../core/db/index.js';
import { deleteIn, insertRow, orgName } from '../../../core/db/rows.js';
import { cols, townName } from '../queries.js';
import type { ElectionOutreachTable } from '../tables.js';

/** An activity as recorded: everything but who recorded it and when. */
export type OutreachInput = Omit<ElectionOutreachTable, 'id' | 'election_id' | 'created_by' | 'created_at'>;

export const addOutreach = (db: Db, electionId: number, input: OutreachInput, userId: number, now: Date) =>
  insertRow(db, 'election_outreach', {
    ...input,
    election_id: electionId,
    created_by: userId,
    created_at: now.toISOString(),
  });

export const deleteOutreach = (db: Db, electionId: number, id: number) =>
  deleteIn(db, 'election_outreach', id, { election_id: electionId });

export async function listOutreach(db: Db, electionId: number) {
  return db
    .selectFrom('election_outreach')
    .leftJoin('organizations', 'organizations.id', 'election_outreach.organization_id')
    .innerJoin('towns', 'towns.pcode', 'election_outreach.town_pcode')
    .select([
      ...cols(
        'election_outreach',
        'id kind held_on town_pcode organization_id organization_name leaflets places reached_women reached_men notes',
      ),
      ...orgName,
      ...townName,
    ])
    .where('election_outreach.election_id', '=', electionId)
    .orderBy('election_outreach.held_on')
    .orderBy('election_outreach.id')
    .execute();
}
