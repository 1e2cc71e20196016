// Outreach activities before the vote (voter-card drives, leaflets, women's participation and
// information sessions): named queries, db first.
import type { Db } from '../../../core/db/index.js';
import { cols } from '../queries.js';
import type { ElectionOutreachTable } from '../tables.js';

/** An activity as recorded: everything but who recorded it and when. */
export type OutreachInput = Omit<ElectionOutreachTable, 'id' | 'election_id' | 'created_by' | 'created_at'>;

export async function addOutreach(db: Db, electionId: number, input: OutreachInput, userId: number, now: Date) {
  const row = await db
    .insertInto('election_outreach')
    .values({ ...input, election_id: electionId, created_by: userId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteOutreach(db: Db, electionId: number, id: number) {
  const res = await db
    .deleteFrom('election_outreach')
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

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
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
      'towns.name_ar as town_name_ar',
      'towns.name_en as town_name_en',
    ])
    .where('election_outreach.election_id', '=', electionId)
    .orderBy('election_outreach.held_on')
    .orderBy('election_outreach.id')
    .execute();
}
