// Meetings, written: meetings and their invitees, agenda, RSVP, the roll call, action items,
// cycles, and the reset of a person's calendar feed. Minutes and decisions are in minutes.ts.
import crypto from 'node:crypto';
import { deleteIn, insertRow, updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import type { ActionStatus, CoordActionsTable, CoordMeetingsTable } from '../tables.js';
import { nextNumber } from '../records.js';

export type MeetingInput = Pick<
  CoordMeetingsTable,
  | 'kind'
  | 'title'
  | 'description'
  | 'host_org_id'
  | 'starts_at'
  | 'ends_at'
  | 'place_kind'
  | 'place_org_id'
  | 'town_pcode'
  | 'place_detail'
  | 'online_url'
  | 'visibility'
  | 'public_summary'
  | 'quorum_orgs'
>;

export type Invitees = { orgIds: number[]; userIds: number[] };

export async function createMeeting(
  db: Db,
  networkId: number,
  input: MeetingInput,
  invitees: Invitees,
  agenda: { title: string; details?: string; duration_minutes?: number | null }[],
  userId: number | null,
  now: Date,
  cycleId: number | null = null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const iso = now.toISOString();
    const id = await insertRow(trx, 'coord_meetings', {
      network_id: networkId,
      cycle_id: cycleId,
      ...input,
      minutes_md: '',
      minutes_updated_at: null,
      // A meeting entered after it took place (the network's earlier records) is already held.
      status: input.ends_at <= iso ? 'held' : 'scheduled',
      created_by: userId,
      created_at: iso,
      updated_at: iso,
    });
    await writeInvitees(trx, id, invitees);
    if (agenda.length)
      await trx
        .insertInto('coord_agenda_items')
        .values(
          agenda.map((a, i) => ({
            meeting_id: id,
            position: i + 1,
            title: a.title,
            details: a.details ?? '',
            duration_minutes: a.duration_minutes ?? null,
          })),
        )
        .execute();
    return id;
  });
}

/** Deletes a meeting that holds no record (no roll call, decisions or action items). */
export async function deleteMeeting(db: Db, id: number, networkId: number) {
  await deleteIn(db, 'coord_meetings', id, { network_id: networkId });
}

async function writeInvitees(db: Db, meetingId: number, inv: Invitees) {
  await db.deleteFrom('coord_meeting_invitees').where('meeting_id', '=', meetingId).execute();
  const rows = [
    ...[...new Set(inv.orgIds)].map((id) => ({ meeting_id: meetingId, organization_id: id, user_id: null })),
    ...[...new Set(inv.userIds)].map((id) => ({ meeting_id: meetingId, organization_id: null, user_id: id })),
  ];
  if (rows.length) await db.insertInto('coord_meeting_invitees').values(rows).execute();
}

export async function updateMeeting(db: Db, id: number, input: MeetingInput, invitees: Invitees, now: Date) {
  await db.transaction().execute(async (trx) => {
    await updateIn(trx, 'coord_meetings', id, {}, { ...input, updated_at: now.toISOString() });
    await writeInvitees(trx, id, invitees);
  });
}

export async function setMeetingStatus(db: Db, id: number, status: 'scheduled' | 'held' | 'cancelled', now: Date) {
  await updateIn(db, 'coord_meetings', id, {}, { status, updated_at: now.toISOString() });
}

// ——— agenda, RSVP ———
type AgendaInput = { title: string; details: string; duration_minutes: number | null };

export async function addAgendaItem(db: Db, meetingId: number, input: AgendaInput) {
  const position = await nextNumber(db, 'coord_agenda_items', 'position', { meeting_id: meetingId });
  return insertRow(db, 'coord_agenda_items', { meeting_id: meetingId, position, ...input });
}

export async function updateAgendaItem(db: Db, meetingId: number, itemId: number, input: AgendaInput) {
  return updateIn(db, 'coord_agenda_items', itemId, { meeting_id: meetingId }, input);
}

export async function removeAgendaItem(db: Db, meetingId: number, itemId: number) {
  await deleteIn(db, 'coord_agenda_items', itemId, { meeting_id: meetingId });
}

// ——— RSVP ———
export async function setRsvp(db: Db, meetingId: number, userId: number, response: 'yes' | 'no' | 'maybe', now: Date) {
  await db
    .insertInto('coord_rsvps')
    .values({ meeting_id: meetingId, user_id: userId, response, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ response, updated_at: now.toISOString() }))
    .execute();
}

// ——— attendance ———
/**
 * Records the roll call: for each expected person, present or not (a full replacement of the
 * account holders' rows); guests without an account are added by name and organization.
 */
export async function recordAttendance(
  db: Db,
  meetingId: number,
  expected: { user_id: number; display_name: string; org_id: number | null }[],
  presentUserIds: number[],
  guests: { name: string; orgId: number | null }[],
  recordedBy: number,
  now: Date,
) {
  const present = new Set(presentUserIds);
  const row = (organization_id: number | null, user_id: number | null, name: string, here: boolean) => ({
    meeting_id: meetingId,
    organization_id,
    user_id,
    name,
    present: flag(here),
    recorded_by: recordedBy,
    recorded_at: now.toISOString(),
  });
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('coord_attendance')
      .where('meeting_id', '=', meetingId)
      .where('user_id', 'is not', null)
      .execute();
    const rows = [
      ...expected.map((p) => row(p.org_id, p.user_id, p.display_name, present.has(p.user_id))),
      ...guests.map((g) => row(g.orgId, null, g.name, true)),
    ];
    if (rows.length) await trx.insertInto('coord_attendance').values(rows).execute();
  });
}

const guest = { user_id: null };

export async function updateGuest(db: Db, meetingId: number, id: number, name: string, orgId: number | null) {
  return updateIn(db, 'coord_attendance', id, { meeting_id: meetingId, ...guest }, { name, organization_id: orgId });
}

export async function removeGuest(db: Db, meetingId: number, attendanceId: number) {
  await deleteIn(db, 'coord_attendance', attendanceId, { meeting_id: meetingId, ...guest });
}

/** Ties a decision to a plan review on the meeting (or unties it). */
export async function tieDecision(db: Db, meetingId: number, decisionId: number, reviewId: number | null) {
  return updateIn(db, 'coord_decisions', decisionId, { meeting_id: meetingId }, { review_id: reviewId });
}

// ——— action items ———
export type ActionInput = Pick<
  CoordActionsTable,
  | 'title'
  | 'details'
  | 'owner_org_id'
  | 'owner_user_id'
  | 'due_on'
  | 'sharing'
  | 'meeting_id'
  | 'decision_id'
  | 'review_id'
>;

export async function createAction(db: Db, networkId: number, input: ActionInput, userId: number | null, now: Date) {
  const at = now.toISOString();
  return insertRow(db, 'coord_actions', {
    network_id: networkId,
    ...input,
    status: 'open',
    created_by: userId,
    created_at: at,
    updated_at: at,
  });
}

/** Corrects an action item: title, details, owner, due date, sharing, decision. */
export async function updateAction(
  db: Db,
  id: number,
  networkId: number,
  input: Omit<ActionInput, 'meeting_id'>,
  now: Date,
) {
  return updateIn(db, 'coord_actions', id, { network_id: networkId }, { ...input, updated_at: now.toISOString() });
}

export async function deleteAction(db: Db, id: number, networkId: number) {
  await deleteIn(db, 'coord_actions', id, { network_id: networkId });
}

export async function setActionStatus(db: Db, id: number, status: ActionStatus, now: Date) {
  await updateIn(db, 'coord_actions', id, {}, { status, updated_at: now.toISOString() });
}

// ——— cycles ———
export async function createCycle(db: Db, networkId: number, title: string, userId: number | null, now: Date) {
  return insertRow(db, 'coord_cycles', {
    network_id: networkId,
    title,
    created_by: userId,
    created_at: now.toISOString(),
  });
}

/** A new secret for the person's calendar feed: the old address stops working. */
export async function resetFeedNonce(db: Db, userId: number, now: Date) {
  const nonce = crypto.randomBytes(16).toString('hex');
  await db
    .insertInto('coord_calendar_feeds')
    .values({ user_id: userId, nonce, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ nonce, created_at: now.toISOString() }))
    .execute();
}
