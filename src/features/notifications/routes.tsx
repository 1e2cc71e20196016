// /notifications: the person's list (newest first), opening one marks it read and follows it,
// "mark all read"; /account/notifications: what reaches them by e-mail, per kind of event.
// Everything works without JavaScript; opening is a small POST form, so a GET never writes.
import { z } from 'zod';
import { action, form, page, parseId, notFound } from '../../core/http/route.js';
import {
  channelSettings,
  listNotifications,
  markAllRead,
  notificationTypes,
  openNotification,
  saveChannelSettings,
} from '../../core/notify/index.js';
import type { NotificationChannel } from '../../core/db/core-tables.js';
import { listQuery } from './schemas.js';
import { NotificationSettingsPage, NotificationsPage } from './views.js';

const PER_PAGE = 30;
const channelValue = z.enum(['now', 'digest', 'off']);

export const notificationRoutes = [
  page('/notifications', {
    access: 'member',
    query: listQuery,
    async render(c) {
      const rows = await listNotifications(c.db, c.user.id, {
        limit: PER_PAGE + 1,
        offset: (c.query.page - 1) * PER_PAGE,
      });
      const types = new Map(notificationTypes().map((t) => [t.type, t]));
      return (
        <NotificationsPage
          items={rows.slice(0, PER_PAGE).map((r) => ({
            id: r.id,
            message: types.get(r.type)?.message ?? null,
            params: JSON.parse(r.params) as Record<string, string | number>,
            createdAt: r.created_at,
            read: r.read_at !== null,
          }))}
          page={c.query.page}
          hasNext={rows.length > PER_PAGE}
        />
      );
    },
  }),

  action('/notifications/:id/open', {
    access: 'member',
    async run(c) {
      const id = parseId(c.params.id) ?? notFound();
      return { to: (await openNotification(c.db, c.user.id, id, c.now)) ?? notFound(), flash: null };
    },
  }),

  action('/notifications/read', {
    access: 'member',
    async run(c) {
      await markAllRead(c.db, c.user.id, c.now);
      return { to: '/notifications', flash: 'notifications.allRead' };
    },
  }),

  form('/account/notifications', {
    access: 'member',
    get: true,
    // one choice per kind of event the features declare
    schema: () =>
      z.object(Object.fromEntries(notificationTypes().map((t) => [`channel.${t.type}`, channelValue.optional()]))),
    load: (c) => channelSettings(c.db, c.user.id),
    show: (_c, settings, state) => (
      <NotificationSettingsPage
        settings={settings}
        labels={new Map(notificationTypes().map((t) => [t.type, t.label]))}
        state={state}
      />
    ),
    async save(c, _settings, data) {
      const chosen = new Map<string, NotificationChannel>();
      for (const [key, channel] of Object.entries(data)) if (channel) chosen.set(key.slice('channel.'.length), channel);
      await saveChannelSettings(c.db, c.user.id, chosen);
      return '/account/notifications';
    },
  }),
];
