// An HSDS import that outlasts its request (issue #18: a 9.7 MB import held the server for seconds).
// The upload is read in a worker thread and written in batches; the form waits a moment, and if
// the run has not ended the admin is sent to its page, which shows how far it has got and then the
// same report the form shows. The run is a row, so any instance can show where it stands; the
// count of records written lives in the process doing the work (on SQLite the import's one
// transaction holds the connection until it ends, so it cannot be written down as it goes).
import type { Db } from '../../../core/db/index.js';
import type { Problem } from '../hsds/problems.js';
import type { ImportOutcome } from './views.js';
import { insertRow } from '../../../core/db/rows.js';

/** How long the form's request waits for a run before sending the admin to its page. */
export const importTiming = { answerWithinMs: 2000 };

/** A run still going in this process has not been heard of for this long: it was cut off (a restart). */
const CUT_OFF_MS = 15 * 60_000;

const writtenHere = new Map<number, { written: number; total: number }>();

export type RunStatus = 'running' | 'imported' | 'rejected' | 'unreadable' | 'failed';
export type Run = {
  id: number;
  status: RunStatus;
  phase: 'reading' | 'writing' | 'ended';
  fileName: string;
  bytes: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: ImportOutcome | null;
  /** while writing, in this process: records written so far, of how many */
  progress: { written: number; total: number } | null;
  /** running, but nothing has moved it on anywhere for too long */
  cutOff: boolean;
};

export async function startRun(
  db: Db,
  run: { userId: number; fileName: string; bytes: number; now: Date },
): Promise<number> {
  return insertRow(db, 'svc_import_runs', {
    user_id: run.userId,
    file_name: run.fileName.slice(0, 200),
    bytes: run.bytes,
    status: 'running',
    phase: 'reading',
    started_at: run.now.toISOString(),
  });
}

export async function runIsWriting(db: Db, id: number, total: number): Promise<void> {
  writtenHere.set(id, { written: 0, total });
  await db.updateTable('svc_import_runs').set({ phase: 'writing' }).where('id', '=', id).execute();
}

export function runProgress(id: number, written: number, total: number): void {
  writtenHere.set(id, { written, total });
}

export async function endRun(
  db: Db,
  id: number,
  end: { status: Exclude<RunStatus, 'running'>; outcome?: ImportOutcome; problems?: Problem[]; now: Date },
): Promise<void> {
  writtenHere.delete(id);
  await db
    .updateTable('svc_import_runs')
    .set({
      status: end.status,
      phase: 'ended',
      outcome: end.outcome ? JSON.stringify(end.outcome) : null,
      problems: end.problems ? JSON.stringify(end.problems) : null,
      finished_at: end.now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function getRun(db: Db, id: number, now: Date): Promise<Run | null> {
  const row = await db
    .selectFrom('svc_import_runs')
    .select(['id', 'status', 'phase', 'file_name', 'bytes', 'started_at', 'finished_at', 'outcome'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const progress = writtenHere.get(row.id) ?? null;
  return {
    id: row.id,
    status: row.status,
    phase: row.phase,
    fileName: row.file_name,
    bytes: row.bytes,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome ? (JSON.parse(row.outcome) as ImportOutcome) : null,
    progress,
    cutOff: row.status === 'running' && !progress && now.getTime() - new Date(row.started_at).getTime() > CUT_OFF_MS,
  };
}

export async function runProblems(db: Db, id: number): Promise<Problem[] | null> {
  const row = await db.selectFrom('svc_import_runs').select('problems').where('id', '=', id).executeTakeFirst();
  return row?.problems ? (JSON.parse(row.problems) as Problem[]) : null;
}

/** The retention purge: a run's report may quote values from the file; kept 30 days. */
export async function purgeImportRuns(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const res = await db.deleteFrom('svc_import_runs').where('started_at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}
