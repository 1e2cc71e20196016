// Notifications: one service every feature calls when work moves between people —
//   await notify(wasl, { users, type: 'publishing.returned', params: { title }, url: '/publishing/12', now })
// Each person gets a row in their list (/notifications, the unread count in the header) and, by
// their own choice per kind of event, an e-mail at once, a line in the daily digest, or nothing
// more. The caller decides who may see the thing (its permission rules); `params` carry only what
// the page itself shows — a title, a date, a count — never someone else's personal details.
import type { Db } from '../db/index.js';
import type { NotificationChannel } from '../db/core-tables.js';
import type { MessageKey } from '../i18n/index.js';
import type { WaslServices } from '../services.js';
import { claimPeriod } from '../jobs/scheduler.js';
import { damascusDay } from '../time.js';

/** A kind of event a feature declares in its manifest (`notifications`). */
export type NotificationType = {
  /** '<feature>.<event>', e.g. 'publishing.returned' */
  type: string;
  /** the one-line message, with the event's params: 'publishing.notify.returned' */
  message: MessageKey;
  /** what the kind is called on the settings page: 'publishing.notify.returnedLabel' */
  label: MessageKey;
  /** what a person gets until they choose: e-mail at once, the daily digest, or the list only */
  channel: NotificationChannel;
};

let types = new Map<string, NotificationType>();

/** Set by the app from the feature list. */
export function installNotificationTypes(list: NotificationType[]): void {
  types = new Map(list.map((t) => [t.type, t]));
}

export function notificationTypes(): NotificationType[] {
  return [...types.values()];
}

export type Notice = {
  users: Iterable<number>;
  type: string;
  params?: Record<string, string | number>;
  /** where the notice leads (a same-site path) */
  url: string;
  now: Date;
  /** who acted: never notified of their own action */
  actorId?: number | null;
};

/** Records the notice for each person and e-mails those who asked for it at once. */
export async function notify(wasl: WaslServices, notice: Notice): Promise<number> {
  const kind = types.get(notice.type);
  if (!kind) throw new Error(`notify: unknown notification type ${notice.type}`);
  const users = [...new Set(notice.users)].filter((u) => u !== notice.actorId);
  if (!users.length) return 0;
  const iso = notice.now.toISOString();
  const params = JSON.stringify(notice.params ?? {});
  await wasl.db
    .insertInto('notifications')
    .values(users.map((user_id) => ({ user_id, type: notice.type, params, url: notice.url, created_at: iso })))
    .execute();
  const channels = await channelsFor(wasl.db, users, notice.type, kind.channel);
  const now = users.filter((u) => channels.get(u) === 'now');
  if (now.length) await mailNow(wasl, now, notice, kind);
  return users.length;
}

async function channelsFor(db: Db, users: number[], type: string, fallback: NotificationChannel) {
  const rows = await db
    .selectFrom('notification_settings')
    .select(['user_id', 'channel'])
    .where('type', '=', type)
    .where('user_id', 'in', users)
    .execute();
  const chosen = new Map(rows.map((r) => [r.user_id, r.channel]));
  return new Map(users.map((u) => [u, chosen.get(u) ?? fallback]));
}

async function recipients(db: Db, users: number[]) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'digits', 'address_as'])
    .where('id', 'in', users)
    .where('email', 'is not', null)
    .execute();
}

function translator(wasl: WaslServices, u: { locale: string; digits: 'latn' | 'arab'; address_as: 'f' | 'm' | 'x' }) {
  return wasl.i18n.translator(u.locale, { digits: u.digits, addressAs: u.address_as });
}

async function mailNow(wasl: WaslServices, users: number[], notice: Notice, kind: NotificationType) {
  const base = wasl.config.baseUrl;
  for (const u of await recipients(wasl.db, users)) {
    const tr = translator(wasl, u);
    const line = tr.t(kind.message as never, (notice.params ?? {}) as never);
    const text = [
      line,
      '',
      base + encodeURI(notice.url),
      '',
      tr.t('notify.mail.footer', { url: `${base}/account/notifications` }),
    ].join('\n');
    await wasl.mailer.send({ to: u.email!, subject: line, text }, notice.now);
  }
  await wasl.db
    .updateTable('notifications')
    .set({ mailed_at: notice.now.toISOString() })
    .where('user_id', 'in', users)
    .where('type', '=', notice.type)
    .where('created_at', '=', notice.now.toISOString())
    .execute();
}

/** The daily digest: one message per person who chose it, with what they have not read yet. */
export async function sendDigests(wasl: WaslServices, now: Date): Promise<number> {
  if (!(await claimPeriod(wasl.db, 'notify.digest', damascusDay(now)))) return 0;
  const pending = await wasl.db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'type', 'params', 'url'])
    .where('read_at', 'is', null)
    .where('mailed_at', 'is', null)
    .orderBy('id')
    .execute();
  const byUser = new Map<number, typeof pending>();
  for (const n of pending) {
    const kind = types.get(n.type);
    if (!kind) continue;
    const list = byUser.get(n.user_id) ?? [];
    list.push(n);
    byUser.set(n.user_id, list);
  }
  let sent = 0;
  for (const u of await recipients(wasl.db, [...byUser.keys()])) {
    const items = byUser.get(u.id)!;
    const channels = new Map<string, NotificationChannel>();
    for (const type of new Set(items.map((i) => i.type)))
      channels.set(type, (await channelsFor(wasl.db, [u.id], type, types.get(type)!.channel)).get(u.id)!);
    const due = items.filter((i) => channels.get(i.type) === 'digest');
    if (!due.length) continue;
    const tr = translator(wasl, u);
    const lines = due.map(
      (i) =>
        `- ${tr.t(types.get(i.type)!.message as never, JSON.parse(i.params) as never)}\n  ${wasl.config.baseUrl}${encodeURI(i.url)}`,
    );
    const subject = tr.t('notify.digest.subject', { count: due.length });
    const footer = tr.t('notify.mail.footer', { url: `${wasl.config.baseUrl}/account/notifications` });
    await wasl.mailer.send({ to: u.email!, subject, text: [subject, '', ...lines, '', footer].join('\n') }, now);
    await wasl.db
      .updateTable('notifications')
      .set({ mailed_at: now.toISOString() })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    sent++;
  }
  return sent;
}

// ——— the list ———

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: Db, userId: number, opts: { limit: number; offset: number }) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
}

/** Marks one notice read (its own person only); returns its url, or null. */
export async function openNotification(db: Db, userId: number, id: number, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('notifications')
    .select(['url'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  await markUnreadRead(db, userId, now, id);
  return row.url;
}

export async function markAllRead(db: Db, userId: number, now: Date): Promise<void> {
  await markUnreadRead(db, userId, now);
}

/** Stamps the person's unread notices read now: all of them, or only notice `id`. */
async function markUnreadRead(db: Db, userId: number, now: Date, id?: number): Promise<void> {
  let update = db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) update = update.where('id', '=', id);
  await update.execute();
}

export async function channelSettings(db: Db, userId: number): Promise<Map<string, NotificationChannel>> {
  const rows = await db
    .selectFrom('notification_settings')
    .select(['type', 'channel'])
    .where('user_id', '=', userId)
    .execute();
  const chosen = new Map(rows.map((r) => [r.type, r.channel]));
  return new Map(notificationTypes().map((t) => [t.type, chosen.get(t.type) ?? t.channel]));
}

export async function saveChannelSettings(db: Db, userId: number, settings: Map<string, NotificationChannel>) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notification_settings').where('user_id', '=', userId).execute();
    const rows = [...settings].filter(([type]) => types.has(type));
    if (rows.length)
      await trx
        .insertInto('notification_settings')
        .values(rows.map(([type, channel]) => ({ user_id: userId, type, channel })))
        .execute();
  });
}
