// Following topics and categories, notifications, the e-mail digest setting, and the digest's
// one-click unsubscribe (signed token, no sign-in).
import { action, endpoint, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { category, liveTopic, visibleLevels } from '../permissions.js';
import * as s from '../schemas.js';
import { chrome, showForm } from '../context.js';
import { categoryPath, topicPath } from '../components.js';
import { verifyUnsubscribeToken } from './digest.js';
import {
  getNotification,
  getSettings,
  listNotifications,
  markNotificationsRead,
  saveDigestSetting,
  setSubscription,
  userExists,
} from './queries.js';
import { NotificationsPage, SettingsPage, UnsubscribePage } from './views.js';

const followed = (on: boolean) => (on ? 'forum.subscribe.done' : 'forum.subscribe.undone');

/** The account an unsubscribe link was made for, or 404. Mail scanners open links: nothing here writes. */
async function unsubscribing(c: AnyCtx): Promise<number> {
  const userId = (await verifyUnsubscribeToken(c.db, c.params.token ?? '')) ?? notFound();
  c.reply.header('referrer-policy', 'no-referrer');
  return userId;
}

export const subscriptionRoutes = [
  action('/forum/t/:id/subscribe', {
    access: 'member',
    load: liveTopic('subscribe'),
    schema: s.subscribeForm,
    async run(c, { topic }, data) {
      const on = data.subscribe === 'on';
      await setSubscription(c.db, c.user.id, 'topic', topic.id, on, c.now);
      return { to: topicPath(topic), flash: followed(on) };
    },
  }),

  action('/forum/c/:id/subscribe', {
    access: 'member',
    load: category('subscribe'),
    schema: s.subscribeForm,
    async run(c, cat, data) {
      const on = data.subscribe === 'on';
      await setSubscription(c.db, c.user.id, 'category', cat.id, on, c.now);
      return { to: categoryPath(cat), flash: followed(on) };
    },
  }),

  page('/forum/notifications', {
    access: 'member',
    async render(c) {
      const [items, ch] = await Promise.all([listNotifications(c.db, c.user.id, visibleLevels(c.actor)), chrome(c)]);
      return <NotificationsPage {...ch} items={items} />;
    },
  }),

  action('/forum/notifications/read', {
    access: 'member',
    schema: s.emptyForm,
    async run(c) {
      await markNotificationsRead(c.db, c.user.id, 'all', c.now);
      return '/forum/notifications';
    },
  }),

  // Opening a notification: it is read, and the post is shown.
  action('/forum/notifications/:id/open', {
    access: 'member',
    schema: s.emptyForm,
    async load(c) {
      const n = (await getNotification(c.db, c.user.id, c.id('id'))) ?? notFound();
      if (!visibleLevels(c.actor).includes(n.visibility)) notFound();
      return n;
    },
    async run(c, n) {
      await markNotificationsRead(c.db, c.user.id, { ids: [n.id] }, c.now);
      return `/forum/p/${n.post_id}`;
    },
  }),

  form('/forum/settings', {
    access: 'member',
    get: true,
    schema: s.settingsForm,
    async show(c, _l, state) {
      const [settings, ch] = await Promise.all([getSettings(c.db, c.user.id), chrome(c)]);
      return showForm(
        c,
        <SettingsPage {...ch} digest={settings.digest} hasEmail={!!c.user.email} state={state} />,
        state,
      );
    },
    async save(c, _l, data) {
      await saveDigestSetting(c.db, c.user.id, data.digest, c.now);
      return '/forum/settings';
    },
  }),

  page('/forum/unsubscribe/:token', {
    access: 'public',
    load: unsubscribing,
    render: (c) => <UnsubscribePage token={c.params.token} done={false} />,
  }),

  // The button on that page: answers with the page itself (the link may be opened anywhere).
  endpoint('POST', '/forum/unsubscribe/:token', {
    access: 'public',
    load: unsubscribing,
    async handle(c, userId) {
      if (await userExists(c.db, userId)) await saveDigestSetting(c.db, userId, 'off', c.now);
      return c.render(<UnsubscribePage token={c.params.token} done />);
    },
  }),
];
