// Who hears of a meeting or an action item (core/notify): the people a meeting expects are told
// when they are invited, when its time or place changes and when it is cancelled — never about a
// meeting that has already taken place; an action item's owner (the person, else the owning
// organization's staff) when it is assigned and, once per due date, when it is overdue (the job).
import type { AnyCtx } from '../../../core/http/route.js';
import type { WaslServices } from '../../../core/services.js';
import { damascusDay } from '../../../core/time.js';
import { updateIn } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { staffOf, tell, tellPeople } from '../notify.js';
import { expectedPeople, isPast, type Meeting } from './queries.js';

const PLACE = [
  'starts_at',
  'ends_at',
  'place_kind',
  'place_org_id',
  'town_pcode',
  'place_detail',
  'online_url',
] as const;

async function expectedIds(db: Db, m: Meeting) {
  return new Set((await expectedPeople(db, m)).map((p) => p.user_id));
}

/** After a meeting was created (`before` null) or edited: invitations, and news of a new time or place. */
export async function meetingNotices(c: AnyCtx, before: Meeting | null, after: Meeting) {
  if (after.status !== 'scheduled' || isPast(after, c.now)) return;
  const url = `/meetings/${after.id}`;
  const params = { title: after.title };
  const now = await expectedIds(c.db, after);
  const had = before ? await expectedIds(c.db, before) : new Set<number>();
  await tell(
    c,
    'meetingInvited',
    [...now].filter((u) => !had.has(u)),
    url,
    params,
  );
  if (before && PLACE.some((k) => before[k] !== after[k]))
    await tell(
      c,
      'meetingChanged',
      [...now].filter((u) => had.has(u)),
      url,
      params,
    );
}

/** A meeting called off before it took place: everyone it expected is told. */
export async function cancelledNotice(c: AnyCtx, m: Meeting) {
  if (isPast({ ...m, status: 'scheduled' }, c.now)) return;
  await tell(c, 'meetingCancelled', await expectedIds(c.db, m), `/meetings/${m.id}`, { title: m.title });
}

type Owned = { id: number; title: string; owner_org_id: number | null; owner_user_id: number | null };

/** The people an action item is for: its owner, else its organization's staff. */
async function ownersOf(db: Db, a: Owned): Promise<number[]> {
  if (a.owner_user_id !== null) return [a.owner_user_id];
  return a.owner_org_id !== null ? staffOf(db, a.owner_org_id) : [];
}

/** A new action item, or one given to someone else: its owners are told. */
export async function assignedNotice(c: AnyCtx, a: Owned, before: Owned | null = null) {
  if (before && before.owner_org_id === a.owner_org_id && before.owner_user_id === a.owner_user_id) return;
  await tell(c, 'actionAssigned', await ownersOf(c.db, a), `/actions#action-${a.id}`, { title: a.title });
}

/** The job: action items whose due date has passed, told to their owners once per due date. */
export async function overdueNotices(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const due = await db
    .selectFrom('coord_actions')
    .leftJoin('organizations', 'organizations.id', 'coord_actions.owner_org_id')
    .select([
      'coord_actions.id',
      'coord_actions.title',
      'coord_actions.owner_org_id',
      'coord_actions.owner_user_id',
      'coord_actions.due_on',
      'coord_actions.overdue_notified_on',
    ])
    .where((eb) => eb.or([eb('coord_actions.owner_org_id', 'is', null), eb('organizations.status', '=', 'active')]))
    .where('coord_actions.status', 'in', ['open', 'in_progress'])
    .where('coord_actions.due_on', '<', damascusDay(now))
    .execute();
  let told = 0;
  for (const a of due) {
    if (a.overdue_notified_on === a.due_on) continue;
    await updateIn(db, 'coord_actions', a.id, {}, { overdue_notified_on: a.due_on });
    told += await tellPeople(
      wasl,
      'actionOverdue',
      await ownersOf(db, a),
      `/actions#action-${a.id}`,
      { title: a.title },
      now,
    );
  }
  return told;
}
