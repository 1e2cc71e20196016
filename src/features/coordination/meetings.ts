// The meetings cycle: meetings with invitees, agenda, RSVP, attendance and quorum, minutes,
// decisions and action items; the "launch a cycle" template. Lists are filtered in SQL by the
// acting organizations and the person, then checked again by the policy.
import type { Db } from '../../core/db/index.js';
import type { MeetingResource } from './permissions.js';
import type { ActionStatus, MeetingKind, MeetingVisibility } from './tables.js';
import { damascusDay } from '../../core/time.js';

export type MeetingInput = {
  kind: MeetingKind;
  title: string;
  description: string;
  host_org_id: number | null;
  starts_at: string;
  ends_at: string;
  place_kind: 'office' | 'town' | 'online';
  place_org_id: number | null;
  town_pcode: string | null;
  place_detail: string;
  online_url: string | null;
  visibility: MeetingVisibility;
  public_summary: string;
  quorum_orgs: number;
};

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
    await trx
      .updateTable('coord_meetings')
      .set({ ...input, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeInvitees(trx, id, invitees);
  });
}

export async function setMeetingStatus(db: Db, id: number, status: 'scheduled' | 'held' | 'cancelled', now: Date) {
  await db.updateTable('coord_meetings').set({ status, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function getMeeting(db: Db, networkId: number, id: number) {
  const m = await db
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
    ])
    .where('coord_meetings.id', '=', id)
    .where('coord_meetings.network_id', '=', networkId)
    .executeTakeFirst();
  if (!m) return null;
  const inv = await db
    .selectFrom('coord_meeting_invitees')
    .select(['organization_id', 'user_id'])
    .where('meeting_id', '=', id)
    .execute();
  return {
    ...m,
    inviteeOrgIds: inv.filter((i) => i.organization_id !== null).map((i) => i.organization_id!),
    inviteeUserIds: inv.filter((i) => i.user_id !== null).map((i) => i.user_id!),
  };
}
export type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

export function meetingResource(m: {
  network_id: number;
  host_org_id: number | null;
  visibility: MeetingVisibility;
  inviteeOrgIds: number[];
  inviteeUserIds: number[];
  created_by: number | null;
}): MeetingResource {
  return {
    type: 'coord.meeting',
    networkId: m.network_id,
    hostOrgId: m.host_org_id,
    visibility: m.visibility,
    inviteeOrgIds: m.inviteeOrgIds,
    inviteeUserIds: m.inviteeUserIds,
    createdBy: m.created_by,
  };
}

/**
 * Meetings a viewer may know about: network/public ones (for people inside the network), those
 * hosted by or inviting one of the acting organizations, those inviting or created by the person,
 * and — for anyone — public ones (whose summary only is shown).
 */
export async function listMeetingsFor(
  db: Db,
  networkId: number,
  viewer: { userId: number | null; actingOrgIds: number[]; networkMember: boolean },
  opts: { from?: string; to?: string; cycleId?: number; limit?: number } = {},
) {
  let q = db
    .selectFrom('coord_meetings')
    .leftJoin('organizations as host', 'host.id', 'coord_meetings.host_org_id')
    .leftJoin('towns', 'towns.pcode', 'coord_meetings.town_pcode')
    .selectAll('coord_meetings')
    .select([
      'host.name_ar as host_name_ar',
      'host.name_en as host_name_en',
      'towns.name_ar as town_name_ar',
      'towns.name_en as town_name_en',
    ])
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
    .limit(opts.limit ?? 300)
    .execute();
  if (!rows.length) return [];
  const inv = await db
    .selectFrom('coord_meeting_invitees')
    .select(['meeting_id', 'organization_id', 'user_id'])
    .where(
      'meeting_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    ...r,
    inviteeOrgIds: inv
      .filter((i) => i.meeting_id === r.id && i.organization_id !== null)
      .map((i) => i.organization_id!),
    inviteeUserIds: inv.filter((i) => i.meeting_id === r.id && i.user_id !== null).map((i) => i.user_id!),
  }));
}

// ——— agenda ———
export async function listAgenda(db: Db, meetingId: number) {
  return db
    .selectFrom('coord_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

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
  await db.deleteFrom('coord_agenda_items').where('id', '=', itemId).where('meeting_id', '=', meetingId).execute();
}

// ——— RSVP ———
export async function setRsvp(db: Db, meetingId: number, userId: number, response: 'yes' | 'no' | 'maybe', now: Date) {
  await db
    .insertInto('coord_rsvps')
    .values({ meeting_id: meetingId, user_id: userId, response, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ response, updated_at: now.toISOString() }))
    .execute();
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
export async function expectedPeople(db: Db, m: Meeting): Promise<ExpectedPerson[]> {
  const orgIds = [...new Set([...m.inviteeOrgIds, ...(m.host_org_id ? [m.host_org_id] : [])])];
  const staff = orgIds.length
    ? await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
        .select([
          'users.id as user_id',
          'users.display_name',
          'organizations.id as org_id',
          'organizations.name_ar as org_name_ar',
          'organizations.name_en as org_name_en',
        ])
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
        .select([
          'users.id as user_id',
          'users.display_name',
          'organizations.id as org_id',
          'organizations.name_ar as org_name_ar',
          'organizations.name_en as org_name_en',
        ])
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
    .select([
      'coord_attendance.id',
      'coord_attendance.user_id',
      'coord_attendance.organization_id',
      'coord_attendance.name',
      'coord_attendance.present',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('coord_attendance.meeting_id', '=', meetingId)
    .orderBy('organizations.name_ar')
    .orderBy('coord_attendance.name')
    .execute();
}

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
      present: present.has(p.user_id) ? 1 : 0,
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

// ——— minutes, decisions ———
export async function saveMinutes(db: Db, meetingId: number, md: string, now: Date) {
  await db
    .updateTable('coord_meetings')
    .set({ minutes_md: md, minutes_updated_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', meetingId)
    .execute();
}

export async function listDecisions(db: Db, meetingId: number) {
  return db.selectFrom('coord_decisions').selectAll().where('meeting_id', '=', meetingId).orderBy('number').execute();
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

export async function getDecision(db: Db, meetingId: number, id: number) {
  return db
    .selectFrom('coord_decisions')
    .selectAll()
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

// ——— action items ———
export type ActionInput = {
  title: string;
  details: string;
  owner_org_id: number | null;
  owner_user_id: number | null;
  due_on: string | null;
  sharing: 'org' | 'network';
  meeting_id: number | null;
  decision_id: number | null;
  review_id: number | null;
};

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
  'organizations.name_ar as org_name_ar',
  'organizations.name_en as org_name_en',
  'users.display_name as owner_name',
  'coord_meetings.title as meeting_title',
] as const;

/** The tracker: the acting organizations' own items, the person's, and those shared with the network. */
export async function listActionsFor(
  db: Db,
  networkId: number,
  viewer: { userId: number | null; actingOrgIds: number[]; networkMember: boolean },
  filter: { status?: ActionStatus | 'active'; mine?: boolean; meetingId?: number } = {},
) {
  let q = db
    .selectFrom('coord_actions')
    .leftJoin('organizations', 'organizations.id', 'coord_actions.owner_org_id')
    .leftJoin('users', 'users.id', 'coord_actions.owner_user_id')
    .leftJoin('coord_meetings', 'coord_meetings.id', 'coord_actions.meeting_id')
    .select(actionColumns)
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
  return db
    .selectFrom('coord_actions')
    .leftJoin('organizations', 'organizations.id', 'coord_actions.owner_org_id')
    .leftJoin('users', 'users.id', 'coord_actions.owner_user_id')
    .leftJoin('coord_meetings', 'coord_meetings.id', 'coord_actions.meeting_id')
    .select(actionColumns)
    .where('coord_actions.id', '=', id)
    .where('coord_actions.network_id', '=', networkId)
    .executeTakeFirst();
}

export async function setActionStatus(db: Db, id: number, status: ActionStatus, now: Date) {
  await db.updateTable('coord_actions').set({ status, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export function isOverdue(a: { due_on: string | null; status: ActionStatus }, now: Date): boolean {
  return a.due_on !== null && (a.status === 'open' || a.status === 'in_progress') && a.due_on < damascusDay(now);
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

export async function getCycle(db: Db, networkId: number, id: number) {
  return db
    .selectFrom('coord_cycles')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
}

/** People of the network flagged as executive directors or representatives (invitees of the consultative meeting). */
export async function directorsAndRepresentatives(db: Db, networkId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('coord_member_roles as r')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').onRef('m.organization_id', '=', 'r.organization_id'),
    )
    .innerJoin('organizations', 'organizations.id', 'r.organization_id')
    .select('r.user_id')
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active')
    .where((eb) => eb.or([eb('r.is_executive_director', '=', 1), eb('r.is_representative', '=', 1)]))
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
