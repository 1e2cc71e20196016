// /notifications: the person's list (newest first; all, or the unread only). Opening one marks it
// read and follows it; one or all can be marked read without leaving. /account/notifications: what
// reaches them by e-mail, per kind of event. Everything works without JavaScript; each change is a
// small POST form, so reading a page never writes. Another person's notification is a 404.
import { z } from 'zod';
import { safeLocalPath } from '../../core/http/forms.js';
import { action, form, notFound, page, type MemberCtx } from '../../core/http/route.js';
import {
  channelSettings,
  markAllRead,
  notificationTypes,
  openNotification,
  saveChannelSettings,
} from '../../core/notify/index.js';
import type { NotificationChannel } from '../../core/db/core-tables.js';
import { noticeCounts, noticesOf } from './queries.js';
import { channelValue, listQuery, readForm } from './schemas.js';
import { NotificationSettingsPage, NotificationsPage } from './views.js';

const PER_PAGE = 30;

/** Back to the list or the start page the button was on; anywhere else is the list. */
const backTo = (back: string | undefined) => {
  const to = safeLocalPath(back, '/notifications');
  return to === '/start' || to.startsWith('/notifications') ? to : '/notifications';
};

/** The person's own notification by the path's id, opened (marked read): its link; else a 404. */
const open = async (c: MemberCtx) => (await openNotification(c.db, c.user.id, c.id('id'), c.now)) ?? notFound();

export const notificationRoutes = [
  page('/notifications', {
    access: 'member',
    query: listQuery,
    async render(c) {
      const unreadOnly = c.query.show === 'unread';
      const counts = await noticeCounts(c.db, c.user.id);
      const total = unreadOnly ? counts.unread : counts.all;
      const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
      const items = await noticesOf(c.db, c.user.id, {
        unreadOnly,
        limit: PER_PAGE,
        offset: (Math.min(c.query.page, pageCount) - 1) * PER_PAGE,
      });
      return (
        <NotificationsPage
          items={items}
          unread={counts.unread}
          unreadOnly={unreadOnly}
          page={Math.min(c.query.page, pageCount)}
          pageCount={pageCount}
          now={c.now}
        />
      );
    },
  }),

  action('/notifications/:id/open', { access: 'member', run: async (c) => ({ to: await open(c), flash: null }) }),

  action('/notifications/:id/read', {
    access: 'member',
    schema: readForm,
    async run(c, _l, d) {
      await open(c);
      return { to: backTo(d.back), flash: null };
    },
  }),

  action('/notifications/read', {
    access: 'member',
    schema: readForm,
    async run(c, _l, d) {
      await markAllRead(c.db, c.user.id, c.now);
      return { to: backTo(d.back), flash: 'notifications.allRead' };
    },
  }),

  form('/account/notifications', {
    access: 'member',
    get: true,
    // one choice per kind of event the features declare
    schema: () =>
      z.object(Object.fromEntries(notificationTypes().map((t) => [`channel.${t.type}`, channelValue.optional()]))),
    load: (c) => channelSettings(c.db, c.user.id),
    show: (c, settings, state) => (
      <NotificationSettingsPage
        settings={settings}
        labels={new Map(notificationTypes().map((t) => [t.type, t.label]))}
        hasEmail={!!c.user.email}
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
