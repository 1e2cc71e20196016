// Loaders of the meetings area: a meeting as its viewer may see it (whole, or the public summary;
// when and where only for those taking part), the meetings a viewer may see, and an action item
// its viewer may update or correct. Anything else is a 404.
import { notFound, type AnyCtx } from '../../../core/http/route.js';
import { coord, viewerOf, type CoordContext } from '../context.js';
import type { ActionResource, MeetingResource } from '../permissions.js';
import { getAction, getMeeting, listMeetingsFor, meetingResource } from './queries.js';

export async function loadMeeting(c: AnyCtx, id: number) {
  const ctx = await coord(c);
  const m = (await getMeeting(c.db, ctx.network.id, id)) ?? notFound();
  const res = meetingResource(m, c.now);
  const full = ctx.can('view', res);
  if (!full && !ctx.can('viewSummary', res)) notFound();
  return { ctx, m, res, full, attends: ctx.can('attend', res), canManage: full && ctx.can('manage', res) };
}
export type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

/** The audit entry's target for a change to a meeting or to what it holds (agenda, roll call, minutes). */
export const meetingTarget = (l: LoadedMeeting, details?: Record<string, unknown>) => ({
  targetType: 'meeting',
  targetId: l.m.id,
  organizationId: l.m.host_org_id,
  details,
});

/** The meeting of the path's :id; the other needs also need the whole meeting. */
export const meeting =
  (need: 'view' | 'attend' | 'manage' | 'rsvp' = 'view') =>
  async (c: AnyCtx): Promise<LoadedMeeting> => {
    const l = await loadMeeting(c, c.id('id'));
    if (need !== 'view' && !(l.full && l.ctx.can(need, l.res))) notFound();
    return l;
  };

/** Who may change a meeting and what it holds: those who may manage it (the meeting of the path's :id). */
export const forManagers = { access: 'member', load: meeting('manage') } as const;

/** The meetings a viewer may know about, each checked by the policy for `action`. */
export async function meetingsFor(
  c: AnyCtx,
  ctx: CoordContext,
  opts: Parameters<typeof listMeetingsFor>[3] = {},
  action: 'view' | 'attend' | 'viewSummary' = 'view',
) {
  const rows = await listMeetingsFor(c.db, ctx.network.id, viewerOf(ctx), opts);
  return rows
    .map((m) => ({ ...m, res: meetingResource(m, c.now) as MeetingResource }))
    .filter((m) => ctx.can(action, m.res));
}

export function actionResource(a: {
  network_id: number;
  owner_org_id: number | null;
  owner_user_id: number | null;
  sharing: 'org' | 'network';
  created_by: number | null;
}): ActionResource {
  return {
    type: 'coord.action',
    networkId: a.network_id,
    ownerOrgId: a.owner_org_id,
    ownerUserId: a.owner_user_id,
    sharing: a.sharing,
    createdBy: a.created_by,
  };
}

/** The action item of the path's :id, for someone who may update its status. */
export async function actionToUpdate(c: AnyCtx) {
  const ctx: CoordContext = await coord(c);
  const a = (await getAction(c.db, ctx.network.id, c.id('id'))) ?? notFound();
  return ctx.can('update', actionResource(a)) ? a : notFound();
}

/**
 * The action item of the path's :id, for someone who may correct it — whoever may create it: the
 * managers of its meeting, or, for one the organization made from a plan review's decision, the
 * organization's staff.
 */
export async function actionToEdit(c: AnyCtx) {
  const ctx: CoordContext = await coord(c);
  const a = (await getAction(c.db, ctx.network.id, c.id('id'))) ?? notFound();
  const fromReview = a.review_id !== null && a.owner_org_id !== null && ctx.orgIds.includes(a.owner_org_id);
  if (fromReview) return { ctx, a, meeting: null };
  if (a.meeting_id === null) notFound();
  const m = await loadMeeting(c, a.meeting_id);
  return m.canManage ? { ctx, a, meeting: m } : notFound();
}
