// Following topics and categories, the e-mail digest setting, and the digest's one-click
// unsubscribe (signed token, no sign-in). The notices themselves are in the site's list.
import { action, endpoint, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { category, liveTopic } from '../permissions.js';
import * as s from '../schemas.js';
import { chrome, showForm } from '../context.js';
import { categoryPath, topicPath } from '../components.js';
import { verifyUnsubscribeToken } from './digest.js';
import { getSettings, saveDigestSetting, setSubscription, userExists } from './queries.js';
import { SettingsPage, UnsubscribePage } from './views.js';

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

  // The forum's notices are in the site's one list (core/notify); old links lead there.
  page('/forum/notifications', { access: 'public', render: (c) => c.redirect('/notifications', 301) }),

  form('/forum/settings', {
    access: 'member',
    get: true,
    schema: s.settingsForm,
    async show(c, _l, state) {
      const settings = await getSettings(c.db, c.user.id);
      return showForm(
        c,
        <SettingsPage {...chrome(c)} digest={settings.digest} hasEmail={!!c.user.email} state={state} />,
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
