// What coordination tells people through core/notify: the kinds of event (declared in the
// manifest) and one helper to send them. Each caller decides who may see the thing: recipients are
// computed from the same facts the policy reads (invitees, owners, reviewers, an organization's
// admins), and params carry only what the linked page shows them (a title, a name).
import type { Db } from '../../core/db/index.js';
import type { NotificationChannel } from '../../core/db/core-tables.js';
import type { AnyCtx } from '../../core/http/route.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { notify, type NotificationType } from '../../core/notify/index.js';
import type { WaslServices } from '../../core/services.js';

const EVENTS = {
  meetingInvited: 'now',
  meetingChanged: 'now',
  meetingCancelled: 'now',
  actionAssigned: 'digest',
  actionOverdue: 'digest',
  reviewRequested: 'now',
  reviewClosed: 'digest',
  emergencyOpened: 'now',
  emergencyEnded: 'now',
  voteOpened: 'now',
  voteClosingSoon: 'now',
  voteClosed: 'digest',
} as const satisfies Record<string, NotificationChannel>;
export type CoordEvent = keyof typeof EVENTS;

export const coordinationNotifications: NotificationType[] = Object.entries(EVENTS).map(([event, channel]) => ({
  type: `coordination.${event}`,
  message: `coordination.notify.${event}` as MessageKey,
  label: `coordination.notify.${event}Label` as MessageKey,
  channel,
}));

/** Tells these people about an event (never the person who caused it). */
export function tellPeople(
  wasl: WaslServices,
  event: CoordEvent,
  users: Iterable<number>,
  url: string,
  params: Record<string, string | number>,
  now: Date,
  actorId: number | null = null,
): Promise<number> {
  return notify(wasl, { users, type: `coordination.${event}`, params, url, now, actorId });
}

/** The same, from a route: the person asking is the one who acted. */
export function tell(
  c: AnyCtx,
  event: CoordEvent,
  users: Iterable<number>,
  url: string,
  params: Record<string, string | number>,
) {
  return tellPeople(c.wasl, event, users, url, params, c.now, c.user?.id ?? null);
}

/** The people of an organization; only its admins with `admins`. */
export async function staffOf(db: Db, orgId: number, admins = false): Promise<number[]> {
  let q = db.selectFrom('memberships').select('user_id').where('organization_id', '=', orgId);
  if (admins) q = q.where('role', '=', 'orgAdmin');
  return (await q.execute()).map((r) => r.user_id);
}
