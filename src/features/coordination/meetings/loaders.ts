// Loaders of the meetings area: a meeting as its viewer may see it (whole, or the public summary),
// and an action item its viewer may update. Anything else is a 404.
import { notFound, type AnyCtx } from '../../../core/http/route.js';
import { coord, type CoordContext } from '../context.js';
import type { ActionResource } from '../permissions.js';
import { getAction, getMeeting, meetingResource } from './queries.js';

export async function loadMeeting(c: AnyCtx, id: number) {
  const ctx = await coord(c);
  const m = (await getMeeting(c.db, ctx.network.id, id)) ?? notFound();
  const res = meetingResource(m);
  const full = ctx.can('view', res);
  if (!full && !ctx.can('viewSummary', res)) notFound();
  return { ctx, m, res, full, canManage: full && ctx.can('manage', res) };
}
export type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

/** The meeting of the path's :id; 'manage' and 'rsvp' also need the whole meeting. */
export const meeting =
  (need: 'view' | 'manage' | 'rsvp' = 'view') =>
  async (c: AnyCtx): Promise<LoadedMeeting> => {
    const l = await loadMeeting(c, c.id('id'));
    if (need === 'manage' && !l.canManage) notFound();
    if (need === 'rsvp' && !(l.full && l.ctx.can('rsvp', l.res))) notFound();
    return l;
  };

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

/** The action item of the path's :id, for someone who may update it. */
export async function actionToUpdate(c: AnyCtx) {
  const ctx: CoordContext = await coord(c);
  const a = (await getAction(c.db, ctx.network.id, c.id('id'))) ?? notFound();
  return ctx.can('update', actionResource(a)) ? a : notFound();
}
