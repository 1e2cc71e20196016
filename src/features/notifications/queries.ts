// The person's notifications as pages show them: the list (all, or the unread only) with each
// kind's message and label, and the counts. The rows are the core's (core/notify).
import type { Db } from '../../core/db/index.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { notificationTypes } from '../../core/notify/index.js';

export type NoticeItem = {
  id: number;
  message: MessageKey | null;
  label: MessageKey | null;
  params: Record<string, string | number>;
  createdAt: string;
  read: boolean;
};

const params = (json: string): Record<string, string | number> => {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string | number>) : {};
  } catch {
    return {};
  }
};

/** One page of the person's notifications, newest first. */
export async function noticesOf(
  db: Db,
  userId: number,
  opts: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NoticeItem[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
  const kinds = new Map(notificationTypes().map((k) => [k.type, k]));
  return rows.map((r) => ({
    id: r.id,
    message: kinds.get(r.type)?.message ?? null,
    label: kinds.get(r.type)?.label ?? null,
    params: params(r.params),
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

/** How many the person has, and how many of them are unread. */
export async function noticeCounts(db: Db, userId: number): Promise<{ all: number; unread: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('read_at').as('read')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), unread: Number(row.all) - Number(row.read) };
}
