// Meetings, read: meetings with invitees, agenda, RSVP, attendance and quorum, decisions, action
// items, cycles. Lists are filtered in SQL by the acting organizations and the person, then
// checked again by the policy.
import { rowIn, rowsOf, orgName, ids } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { damascusDay } from '../../../core/time.js';
import type { Viewer } from '../context.js';
import type { MeetingResource } from '../permissions.js';
import type { ActionStatus, MeetingVisibility } from '../tables.js';
import { memberPeople, memberRoles } from '../workspace/queries.js';
import { columnOf } from '../records.js';

/** Meetings with their host's and town's names (and the office's, where it is held). */
function meetings(db: Db) {
  return db
    .selectFrom('coord_meetings')
    .leftJoin('organizations as host', 'host.id', 'coord_meetings.host_org_id')
    .leftJoin('organizations as place', 'place.id', 'coord_meetings.place_org_id')
    .leftJoin('towns', 'towns.pcode', 'coord_meetings.town_pcode')
    .selectAll('coord_meetings')
    .select([
      'host.name_ar as host_name_ar',
      'host.name_en as host_name_en',
      'place.name_ar as place_name_ar',
      'place.name_en as place_name_en',
      'towns.name_ar as town_name_ar',
      'towns.name_en as town_name_en',
    ]);
}

/** The meetings' invited organizations and people, beside each row. */
async function withInvitees<R extends { id: number }>(db: Db, rows: R[]) {
  const inv = rows.length
    ? await db
        .selectFrom('coord_meeting_invitees')
        .select(['meeting_id', 'organization_id', 'user_id'])
        .where('meeting_id', 'in', ids(rows))
        .execute()
    : [];
  return rows.map((r) => {
    const mine = inv.filter((i) => i.meeting_id === r.id);
    return {
      ...r,
      inviteeOrgIds: mine.flatMap((i) => (i.organization_id === null ? [] : [i.organization_id])),
      inviteeUserIds: mine.flatMap((i) => (i.user_id === null ? [] : [i.user_id])),
    };
  });
}

export async function getMeeting(db: Db, networkId: number, id: number) {
  const m = await meetings(db)
    .where('coord_meetings.id', '=', id)
    .where('coord_meetings.network_id', '=', networkId)
    .executeTakeFirst();
  return m ? (await withInvitees(db, [m]))[0]! : null;
}
export type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** Has the meeting taken place (not cancelled)? Its public summary may be shown from then on. */
export function isPast(m: { ends_at: string; status: string }, now: Date): boolean {
  return m.status !== 'cancelled' && (m.status === 'held' || m.ends_at <= now.toISOString());
}

export function meetingResource(
  m: {
    network_id: number;
    host_org_id: number | null;
    visibility: MeetingVisibility;
    inviteeOrgIds: number[];
    inviteeUserIds: number[];
    created_by: number | null;
    ends_at: string;
    status: string;
  },
  now: Date,
): MeetingResource {
  return {
    type: 'coord.meeting',
    networkId: m.network_id,
    hostOrgId: m.host_org_id,
    visibility: m.visibility,
    inviteeOrgIds: m.inviteeOrgIds,
    inviteeUserIds: m.inviteeUserIds,
    createdBy: m.created_by,
    past: isPast(m, now),
  };
}

/**
 * Meetings a viewer may know about: network/public ones (for people inside the network), those
 * hosted by or inviting one of the acting organizations, those inviting or created by the person,
 * and — for anyone — public ones (whose summary only is shown, once they have taken place).
 */
export async function listMeetingsFor(
  db: Db,
  networkId: number,
  viewer: Viewer,
  opts: { from?: string; to?: string; cycleId?: number; limit?: number } = {},
) {
  let q = meetings(db)
    .where('coord_meetings.network_id', '=', networkId)
    .where((eb) => {
      const ors = [eb('coord_meetings.visibility', '=', 'public')];
      if (viewer.networkMember) ors.push(eb('coord_meetings.visibility', '=', 'network'));
      if (viewer.actingOrgIds.length) {
        ors.push(eb('coord_meetings.host_org_id', 'in', viewer.actingOrgIds));
        ors.push(
          eb(
            'coord_meetings.id',
            'in',
            eb
              .selectFrom('coord_meeting_invitees')
              .select('meeting_id')
              .where('organization_id', 'in', viewer.actingOrgIds),
          ),
        );
      }
      if (viewer.userId !== null) {
        ors.push(eb('coord_meetings.created_by', '=', viewer.userId));
        ors.push(
          eb(
            'coord_meetings.id',
            'in',
            eb.selectFrom('coord_meeting_invitees').select('meeting_id').where('user_id', '=', viewer.userId),
          ),
        );
      }
      return eb.or(ors);
    });
  if (opts.from) q = q.where('coord_meetings.starts_at', '>=', opts.from);
  if (opts.to) q = q.where('coord_meetings.starts_at', '<', opts.to);
  if (opts.cycleId) q = q.where('coord_meetings.cycle_id', '=', opts.cycleId);
  const rows = await q
    .orderBy('coord_meetings.starts_at')
    .orderBy('coord_meetings.id')
    .limit(opts.limit ?? 300)
    .execute();
  return withInvitees(db, rows);
}

/** Display names of invited people. */
export async function invitedUsers(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
}

/** Of these usernames, the accounts that exist. */
export async function usersByUsername(db: Db, usernames: string[]) {
  if (!usernames.length) return [];
  return db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
}

// ——— agenda, RSVP ———
export async function listAgenda(db: Db, meetingId: number) {
  return rowsOf(db, 'coord_agenda_items', { meeting_id: meetingId }, ['position', 'id']);
}

export async function listRsvps(db: Db, meetingId: number) {
  return db
    .selectFrom('coord_rsvps')
    .innerJoin('users', 'users.id', 'coord_rsvps.user_id')
    .select(['coord_rsvps.user_id', 'coord_rsvps.response', 'users.display_name'])
    .where('coord_rsvps.meeting_id', '=', meetingId)
    .orderBy('users.display_name')
    .execute();
}

// ——— attendance ———

export type ExpectedPerson = {
  user_id: number;
  display_name: string;
  org_id: number | null;
  org_name_ar: string | null;
  org_name_en: string | null;
};

/** Everyone expected: staff of invited organizations (and of the host) and invited people, with their organization. */
export async function expectedPeople(
  db: Db,
  m: Pick<Meeting, 'inviteeOrgIds' | 'inviteeUserIds' | 'host_org_id'>,
): Promise<ExpectedPerson[]> {
  const orgIds = [...new Set([...m.inviteeOrgIds, ...(m.host_org_id ? [m.host_org_id] : [])])];
  const staff = orgIds.length
    ? await memberPeople(db)
        .where('memberships.organization_id', 'in', orgIds)
        .orderBy('organizations.name_ar')
        .orderBy('users.display_name')
        .execute()
    : [];
  const direct = m.inviteeUserIds.length
    ? await db
        .selectFrom('users')
        .leftJoin('memberships', 'memberships.user_id', 'users.id')
        .leftJoin('organizations', 'organizations.id', 'memberships.organization_id')
        .select(['users.id as user_id', 'users.display_name', 'organizations.id as org_id', ...orgName])
        .where('users.id', 'in', m.inviteeUserIds)
        .execute()
    : [];
  const seen = new Set<number>();
  const out: ExpectedPerson[] = [];
  for (const p of [...staff, ...direct]) {
    if (seen.has(p.user_id)) continue;
    seen.add(p.user_id);
    out.push(p);
  }
  return out;
}

export async function listAttendance(db: Db, meetingId: number) {
  return db
    .selectFrom('coord_attendance')
    .leftJoin('organizations', 'organizations.id', 'coord_attendance.organization_id')
    .selectAll('coord_attendance')
    .select(orgName)
    .where('coord_attendance.meeting_id', '=', meetingId)
    .orderBy('organizations.name_ar')
    .orderBy('coord_attendance.name')
    .execute();
}

/** Quorum is counted per organization: an organization is present when at least one of its people is. */
export function quorum(
  attendance: { organization_id: number | null; present: number }[],
  quorumOrgs: number,
): { presentOrgs: number[]; needed: number; met: boolean | null } {
  const presentOrgs = [
    ...new Set(attendance.filter((a) => a.present === 1 && a.organization_id !== null).map((a) => a.organization_id!)),
  ].sort((a, b) => a - b);
  return { presentOrgs, needed: quorumOrgs, met: quorumOrgs > 0 ? presentOrgs.length >= quorumOrgs : null };
}

/** A guest (someone without an account) on a meeting's roll call. */
export async function getGuest(db: Db, meetingId: number, id: number) {
  const row = await rowIn(db, 'coord_attendance', id, { meeting_id: meetingId, user_id: null });
  return row ?? null;
}

/** What a meeting holds that history needs: a meeting with any of it is cancelled, not deleted. */
export async function meetingRecords(db: Db, meetingId: number): Promise<number> {
  const count = async (table: 'coord_attendance' | 'coord_decisions' | 'coord_actions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('meeting_id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return (await count('coord_attendance')) + (await count('coord_decisions')) + (await count('coord_actions'));
}

/** Of these meetings, the ones the person has answered. */
export async function answeredBy(db: Db, userId: number, meetingIds: number[]): Promise<Set<number>> {
  return new Set(await columnOf(db, 'coord_rsvps', 'meeting_id', { user_id: userId, meeting_id: meetingIds }));
}

// ——— decisions ———
export async function listDecisions(db: Db, meetingId: number) {
  return rowsOf(db, 'coord_decisions', { meeting_id: meetingId }, ['number']);
}

export async function getDecision(db: Db, meetingId: number, id: number) {
  return rowIn(db, 'coord_decisions', id, { meeting_id: meetingId });
}

// ——— action items ———
const actionColumns = [
  'coord_actions.id',
  'coord_actions.network_id',
  'coord_actions.meeting_id',
  'coord_actions.decision_id',
  'coord_actions.review_id',
  'coord_actions.title',
  'coord_actions.details',
  'coord_actions.owner_org_id',
  'coord_actions.owner_user_id',
  'coord_actions.due_on',
  'coord_actions.status',
  'coord_actions.sharing',
  'coord_actions.created_by',
  'coord_actions.updated_at',
  ...orgName,
  'users.display_name as owner_name',
  'coord_meetings.title as meeting_title',
] as const;

/** Action items with their owner's names and their meeting's title. */
function actions(db: Db) {
  return db
    .selectFrom('coord_actions')
    .leftJoin('organizations', 'organizations.id', 'coord_actions.owner_org_id')
    .leftJoin('users', 'users.id', 'coord_actions.owner_user_id')
    .leftJoin('coord_meetings', 'coord_meetings.id', 'coord_actions.meeting_id')
    .select(actionColumns);
}

/** The tracker: the acting organizations' own items, the person's, and those shared with the network. */
export async function listActionsFor(
  db: Db,
  networkId: number,
  viewer: Viewer,
  filter: { status?: ActionStatus | 'active'; mine?: boolean; meetingId?: number } = {},
) {
  let q = actions(db)
    .where('coord_actions.network_id', '=', networkId)
    .where((eb) => {
      const own = [];
      if (viewer.actingOrgIds.length) own.push(eb('coord_actions.owner_org_id', 'in', viewer.actingOrgIds));
      if (viewer.userId !== null) {
        own.push(eb('coord_actions.owner_user_id', '=', viewer.userId));
        own.push(eb('coord_actions.created_by', '=', viewer.userId));
      }
      if (!filter.mine && viewer.networkMember) own.push(eb('coord_actions.sharing', '=', 'network'));
      return own.length ? eb.or(own) : eb.lit(false);
    });
  if (filter.status === 'active') q = q.where('coord_actions.status', 'in', ['open', 'in_progress']);
  else if (filter.status) q = q.where('coord_actions.status', '=', filter.status);
  if (filter.meetingId) q = q.where('coord_actions.meeting_id', '=', filter.meetingId);
  return q
    .orderBy((eb) => eb.case().when('coord_actions.due_on', 'is', null).then(1).else(0).end())
    .orderBy('coord_actions.due_on')
    .orderBy('coord_actions.id')
    .limit(500)
    .execute();
}

export async function getAction(db: Db, networkId: number, id: number) {
  return actions(db)
    .where('coord_actions.id', '=', id)
    .where('coord_actions.network_id', '=', networkId)
    .executeTakeFirst();
}

export function isOverdue(a: { due_on: string | null; status: ActionStatus }, now: Date): boolean {
  return a.due_on !== null && (a.status === 'open' || a.status === 'in_progress') && a.due_on < damascusDay(now);
}

// ——— cycles ———
export async function getCycle(db: Db, networkId: number, id: number) {
  return rowIn(db, 'coord_cycles', id, { network_id: networkId });
}

/** People of the network flagged as executive directors or representatives (invitees of the consultative meeting). */
export async function directorsAndRepresentatives(db: Db, networkId: number): Promise<number[]> {
  const rows = await memberRoles(db, networkId)
    .select('r.user_id')
    .where((eb) => eb.or([eb('r.is_executive_director', '=', 1), eb('r.is_representative', '=', 1)]))
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

// ——— the private calendar feed ———

/** The person's feed nonce; '' until they first reset it (the link works from the start). */
export async function feedNonce(db: Db, userId: number): Promise<string> {
  const row = await db
    .selectFrom('coord_calendar_feeds')
    .select('nonce')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.nonce ?? '';
}
