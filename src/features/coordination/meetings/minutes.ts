// Minutes, with their decisions written once: a line of the minutes that begins with «قرار:» (or
// "Decision:", after a list marker or in bold) is a decision. Saving the minutes keeps the meeting's
// decisions in step with them — numbered in the order written, each keeping its id (and the action
// items and plan reviews tied to it) while its text is corrected — and stores the minutes' HTML,
// rendered once. The length cap is checked by the form before any of this reads the text.
import type { Db } from '../../../core/db/index.js';
import { renderForStorage } from '../../../core/text/markdown-render.js';
import { deleteIn, insertRow, rowsOf, updateIn } from '../../../core/db/rows.js';

export const MAX_DECISIONS = 100;

const MARKER = /^(?:[-*+]|\d{1,3}[.)])\s/u;
const KEYWORD = /^(?:قرار|القرار|decision)/iu;

/** `s` without a leading (or, with `end`, trailing) ** or __, and the spaces beside it. */
function unbold(s: string, end = false): string {
  const bold = (x: string) => x === '**' || x === '__';
  if (end) return bold(s.slice(-2)) ? s.slice(0, -2).trimEnd() : s;
  return bold(s.slice(0, 2)) ? s.slice(2).trimStart() : s;
}

/**
 * The decisions written in minutes, in order (empty ones left out): a line, after an optional list
 * marker and bold, starting with the keyword and a colon. Read step by step with trims and anchored
 * one-token patterns: a single regular expression with runs of optional spaces side by side backtracks
 * quadratically on a long line of spaces (50,000 of them held the server for seconds; issue 18).
 */
export function decisionsIn(md: string): string[] {
  const out: string[] = [];
  for (const raw of md.split(/\r?\n/)) {
    let line = raw.trim();
    const marker = MARKER.exec(line);
    if (marker) line = line.slice(marker[0].length).trimStart();
    line = unbold(line);
    const keyword = KEYWORD.exec(line);
    if (!keyword) continue;
    line = unbold(line.slice(keyword[0].length).trimStart());
    if (line[0] !== ':' && line[0] !== '：') continue;
    const text = unbold(unbold(line.slice(1).trimStart()), true);
    if (text) out.push(text.slice(0, 4000));
  }
  return out;
}

export type DecisionChange = { kept: number; added: number; changed: number; removed: number };

/**
 * Makes the meeting's decisions those written: an unchanged text keeps its decision; the others,
 * in order, take the places of the decisions no longer written (a correction keeps the id); what
 * is left over is added or removed. A decision that action items follow is not removed: its
 * number comes back in `blocked` and nothing is written.
 */
export async function planDecisions(
  db: Db,
  meetingId: number,
  texts: string[],
): Promise<{ plan: { id: number | null; text: string }[]; removed: number[]; blocked: number[] }> {
  const existing = await rowsOf(db, 'coord_decisions', { meeting_id: meetingId }, ['number', 'id']);
  const free = new Set(existing.map((d) => d.id));
  const plan: { id: number | null; text: string }[] = texts.map((text) => {
    const same = existing.find((d) => free.has(d.id) && d.text === text);
    if (same) free.delete(same.id);
    return { id: same?.id ?? null, text };
  });
  for (const p of plan) {
    if (p.id !== null) continue;
    const next = existing.find((d) => free.has(d.id));
    if (!next) break;
    free.delete(next.id);
    p.id = next.id;
  }
  const removed = existing.filter((d) => free.has(d.id));
  const tracked = removed.length
    ? await db
        .selectFrom('coord_actions')
        .select('decision_id')
        .where(
          'decision_id',
          'in',
          removed.map((d) => d.id),
        )
        .execute()
    : [];
  const blocked = removed.filter((d) => tracked.some((a) => a.decision_id === d.id)).map((d) => d.number);
  return { plan, removed: removed.map((d) => d.id), blocked };
}

/** Saves minutes and their decisions (planned by `planDecisions`) in one transaction. */
export async function saveMinutes(
  db: Db,
  meetingId: number,
  md: string,
  decisions: { plan: { id: number | null; text: string }[]; removed: number[] },
  userId: number | null,
  now: Date,
): Promise<DecisionChange> {
  const rendered = await renderForStorage(md);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await updateIn(
      trx,
      'coord_meetings',
      meetingId,
      {},
      {
        minutes_md: md,
        minutes_html: rendered.html,
        minutes_html_version: rendered.version,
        minutes_updated_at: at,
        updated_at: at,
      },
    );
    for (const id of decisions.removed) await deleteIn(trx, 'coord_decisions', id, { meeting_id: meetingId });
    const change: DecisionChange = { kept: 0, added: 0, changed: 0, removed: decisions.removed.length };
    const before = new Map(
      (await rowsOf(trx, 'coord_decisions', { meeting_id: meetingId }, ['id'])).map((d) => [d.id, d.text]),
    );
    for (const [i, d] of decisions.plan.entries()) {
      const number = i + 1;
      if (d.id === null) {
        await insertRow(trx, 'coord_decisions', {
          meeting_id: meetingId,
          number,
          text: d.text,
          review_id: null,
          created_by: userId,
          created_at: at,
        });
        change.added++;
      } else {
        await updateIn(trx, 'coord_decisions', d.id, { meeting_id: meetingId }, { number, text: d.text });
        if (before.get(d.id) === d.text) change.kept++;
        else change.changed++;
      }
    }
    return change;
  });
}
