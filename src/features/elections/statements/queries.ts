// The public statement's versions: named queries, db first.
import type { Db } from '../../../core/db/index.js';
import { rowOf } from '../queries.js';

// Everything but the frozen figures: a national election's figures are megabytes of JSON, read
// once per statement through frozen.ts, never with every list of versions.
const HEAD = [
  'id',
  'election_id',
  'version',
  'status',
  'text_ar',
  'text_en',
  'change_note_ar',
  'change_note_en',
  'cutoff_at',
  'drafted_by',
  'drafted_at',
  'approved_by',
  'approved_at',
  'published_on',
] as const;

/** The election's statements (without their figures), newest version first: drafts and published ones, or only `status`. */
export async function listStatements(db: Db, electionId: number, status?: 'draft' | 'published') {
  return db
    .selectFrom('election_statements')
    .select(HEAD)
    .where('election_id', '=', electionId)
    .where('status', status ? '=' : '!=', status ?? 'discarded')
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Published versions (without their figures), the latest first. */
export const publishedStatements = (db: Db, electionId: number) => listStatements(db, electionId, 'published');
export type StatementHead = Awaited<ReturnType<typeof publishedStatements>>[number];

/** The frozen figures (JSON) of one statement. */
export async function statementFiguresJson(db: Db, statementId: number): Promise<string | null> {
  const row = await db
    .selectFrom('election_statements')
    .select('figures')
    .where('id', '=', statementId)
    .executeTakeFirst();
  return row?.figures ?? null;
}

export const getStatement = (db: Db, electionId: number, id: number) =>
  rowOf(db, 'election_statements', electionId, id);

/** The election's statements (not discarded), with the names of who drafted and approved them. */
export async function statementsWithNames(db: Db, electionId: number) {
  const rows = await listStatements(db, electionId);
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [0, ...rows.flatMap((r) => [r.drafted_by, r.approved_by ?? 0])])
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  return rows.map((r) => ({
    ...r,
    drafted_by_name: users.get(r.drafted_by) ?? '',
    approved_by_name: r.approved_by ? (users.get(r.approved_by) ?? '') : null,
  }));
}

export async function discardStatement(db: Db, id: number) {
  await db.updateTable('election_statements').set({ status: 'discarded' }).where('id', '=', id).execute();
}
