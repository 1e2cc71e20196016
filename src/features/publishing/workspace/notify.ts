// Who hears of an item's steps, through core/notify: a submitted item reaches the network's
// editors; a returned or published one reaches the staff member who wrote it. Every recipient is
// asked the item's own policy (`viewWorkflow`) as they are now — someone who has left the
// organization, or an editor of another network, is told nothing — and the person who acted is
// never told of their own step. A notice carries the title only, which the page it links to shows.
import { loadActor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/index.js';
import { notify, type NotificationType } from '../../../core/notify/index.js';
import type { WaslServices } from '../../../core/services.js';
import { asItem, itemPolicy } from '../permissions.js';
import { getItem, type ItemRow } from '../queries.js';

export type ItemEvent = 'submitted' | 'returned' | 'published';

export const publishingNotifications: NotificationType[] = [
  {
    type: 'publishing.submitted',
    message: 'publishing.notify.submitted',
    label: 'publishing.notify.submittedLabel',
    channel: 'now',
  },
  {
    type: 'publishing.returned',
    message: 'publishing.notify.returned',
    label: 'publishing.notify.returnedLabel',
    channel: 'now',
  },
  {
    type: 'publishing.published',
    message: 'publishing.notify.published',
    label: 'publishing.notify.publishedLabel',
    channel: 'digest',
  },
];

/** The network's editors (and its admins, who edit too). */
async function editorsOf(db: Db, networkId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('network_roles')
    .select('user_id')
    .where('network_id', '=', networkId)
    .where('role', 'in', ['networkEditor', 'networkAdmin'])
    .execute();
  return rows.map((r) => r.user_id);
}

/** Those of `users` who may open the item's workspace page now. */
async function whoMayOpen(db: Db, users: number[], item: ItemRow): Promise<number[]> {
  const resource = asItem(item);
  const allowed: number[] = [];
  for (const id of new Set(users)) {
    const actor = await loadActor(db, id, '');
    if (actor && itemPolicy(actor, 'viewWorkflow', resource)) allowed.push(id);
  }
  return allowed;
}

/** Tells the right people that item `itemId` was just submitted, returned or published. */
export async function tellAboutItem(
  wasl: WaslServices,
  event: ItemEvent,
  itemId: number,
  actorId: number | null,
  now: Date,
): Promise<number> {
  const item = await getItem(wasl.db, itemId);
  if (!item) return 0;
  const candidates =
    event === 'submitted' ? await editorsOf(wasl.db, item.network_id) : item.created_by ? [item.created_by] : [];
  const users = await whoMayOpen(wasl.db, candidates, item);
  return notify(wasl, {
    users,
    type: `publishing.${event}`,
    params: { title: item.title },
    url: `/publishing/items/${item.id}`,
    now,
    actorId,
  });
}
