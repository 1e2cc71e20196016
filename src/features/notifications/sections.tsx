// The start page's first block (/start, the manifest's `sections`): what is new for the person,
// the latest few unread notifications with their buttons, and the way to the rest.
import type { Section } from '../../core/views/sections.js';
import { usePage } from '../../core/views/context.js';
import { noticeCounts, noticesOf, type NoticeItem } from './queries.js';
import { NoticeList } from './views.js';

const SHOWN = 5;

function NewBlock(p: { items: NoticeItem[]; unread: number; now: Date }) {
  const { t } = usePage().i18n;
  return (
    <section class="start-block" aria-labelledby="start-notifications">
      <h2 id="start-notifications">{t('notifications.start.title', { count: p.unread })}</h2>
      <NoticeList items={p.items} back="/start" now={p.now} />
      <p>
        <a href="/notifications?show=unread">
          {p.unread > p.items.length
            ? t('notifications.start.more', { count: p.unread - p.items.length })
            : t('notifications.start.all')}
        </a>
      </p>
    </section>
  );
}

export const notificationSections: Section[] = [
  {
    slot: 'start',
    order: 0,
    async load(req) {
      const user = req.actor.user;
      if (!user) return null;
      const db = req.server.wasl.db;
      const { unread } = await noticeCounts(db, user.id);
      if (!unread) return null;
      const items = await noticesOf(db, user.id, { unreadOnly: true, limit: SHOWN, offset: 0 });
      return <NewBlock items={items} unread={unread} now={req.now} />;
    },
  },
];
