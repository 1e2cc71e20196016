// Meetings, written: meetings and their invitees, agenda, RSVP, the roll call, minutes,
// decisions, action items, cycles, and the reset of a person's calendar feed.
import crypto from 'node:crypto';
import { deleteIn, updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import type { ActionStatus, CoordActionsTable, CoordMeetingsTable } from '../tables.js';

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
    const row = await trx
      .insertInto('coord_meetings')
      .values({
        network_id: networkId,
        cycle_id: cycleId,
        ...input,
        minutes_md: '',
        minutes_updated_at: null,
        status: 'scheduled',
        created_by: userId,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeInvitees(trx, row.id, invitees);
    if (agenda.length)
      await trx
        .insertInto('coord_agenda_items')
        .values(
          agenda.map((a, i) => ({
            meeting_id: row.id,
            position: i + 1,
            title: a.title,
            details: a.details ?? '',
            duration_minutes: a.duration_minutes ?? null,
          })),
        )
        .execute();
    return row.id;
  });
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
export async function addAgendaItem(
  db: Db,
  meetingId: number,
  input: { title: string; details: string; duration_minutes: number | null },
) {
  const last = await db
    .selectFrom('coord_agenda_items')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  await db
    .insertInto('coord_agenda_items')
    .values({ meeting_id: meetingId, position: Number(last?.p ?? 0) + 1, ...input })
    .execute();
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
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('coord_attendance')
      .where('meeting_id', '=', meetingId)
      .where('user_id', 'is not', null)
      .execute();
    const rows: {
      meeting_id: number;
      organization_id: number | null;
      user_id: number | null;
      name: string;
      present: number;
      recorded_by: number;
      recorded_at: string;
    }[] = expected.map((p) => ({
      meeting_id: meetingId,
      organization_id: p.org_id,
      user_id: p.user_id,
      name: p.display_name,
      present: flag(present.has(p.user_id)),
      recorded_by: recordedBy,
      recorded_at: now.toISOString(),
    }));
    for (const g of guests)
      rows.push({
        meeting_id: meetingId,
        organization_id: g.orgId,
        user_id: null,
        name: g.name,
        present: 1,
        recorded_by: recordedBy,
        recorded_at: now.toISOString(),
      });
    if (rows.length) await trx.insertInto('coord_attendance').values(rows).execute();
  });
}

export async function removeGuest(db: Db, meetingId: number, attendanceId: number) {
  await db
    .deleteFrom('coord_attendance')
    .where('meeting_id', '=', meetingId)
    .where('id', '=', attendanceId)
    .where('user_id', 'is', null)
    .execute();
}

// ——— minutes, decisions ———
export async function saveMinutes(db: Db, meetingId: number, md: string, now: Date) {
  const at = now.toISOString();
  await updateIn(db, 'coord_meetings', meetingId, {}, { minutes_md: md, minutes_updated_at: at, updated_at: at });
}

export async function addDecision(
  db: Db,
  meetingId: number,
  text: string,
  reviewId: number | null,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('coord_decisions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('coord_decisions')
      .values({
        meeting_id: meetingId,
        number: Number(last?.n ?? 0) + 1,
        text,
        review_id: reviewId,
        created_by: userId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
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
  const row = await db
    .insertInto('coord_actions')
    .values({
      network_id: networkId,
      ...input,
      status: 'open',
      created_by: userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setActionStatus(db: Db, id: number, status: ActionStatus, now: Date) {
  await updateIn(db, 'coord_actions', id, {}, { status, updated_at: now.toISOString() });
}

// ——— cycles ———
export async function createCycle(db: Db, networkId: number, title: string, userId: number | null, now: Date) {
  const row = await db
    .insertInto('coord_cycles')
    .values({ network_id: networkId, title, created_by: userId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
