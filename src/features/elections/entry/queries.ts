// Reports (submissions), count sheets and relayed texts: named queries, db first.
import type { Db } from '../../../core/db/index.js';
import { cols, rowOf } from '../queries.js';
import { toJson } from '../../../core/db/helpers.js';

export async function listSubmissions(db: Db, electionId: number) {
  return db
    .selectFrom('observation_submissions')
    .innerJoin('observation_forms', 'observation_forms.id', 'observation_submissions.form_id')
    .select([
      ...cols(
        'observation_submissions',
        'id form_id station_id observer_id source flags critical sheet_id status received_at verification_comment',
      ),
      ...cols('observation_forms', 'slug kind title_ar title_en version'),
    ])
    .where('observation_submissions.election_id', '=', electionId)
    .orderBy('observation_submissions.id')
    .execute();
}

export const getSubmission = (db: Db, electionId: number, id: number) =>
  rowOf(db, 'observation_submissions', electionId, id);

export async function verifySubmission(
  db: Db,
  id: number,
  decision: 'verified' | 'rejected' | 'received',
  comment: string,
  userId: number,
  now: Date,
) {
  await db
    .updateTable('observation_submissions')
    .set({ status: decision, verification_comment: comment, verified_by: userId, verified_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export const getSheet = (db: Db, electionId: number, id: number) => rowOf(db, 'count_sheets', electionId, id);

export async function sheetEntries(db: Db, sheetId: number) {
  return db
    .selectFrom('observation_submissions')
    .leftJoin('observers', 'observers.id', 'observation_submissions.observer_id')
    .leftJoin('users', 'users.id', 'observation_submissions.entered_by')
    .select([
      ...cols('observation_submissions', 'id answers source received_at form_id'),
      'observers.code as observer_code',
      'users.display_name as entered_by_name',
    ])
    .where('observation_submissions.sheet_id', '=', sheetId)
    .orderBy('observation_submissions.id')
    .execute();
}

export async function saveTextReport(
  db: Db,
  electionId: number,
  userId: number,
  raw: string,
  outcome: unknown,
  now: Date,
) {
  await db
    .insertInto('election_text_reports')
    .values({
      election_id: electionId,
      relayed_by: userId,
      raw,
      outcome: toJson(outcome),
      created_at: now.toISOString(),
    })
    .execute();
}
