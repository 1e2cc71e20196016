// The forum's block on the home page: the latest public discussions (and, for members, the
// latest in spaces they may read).
import type { Section } from '../../../core/views/sections.js';
import { usePage } from '../../../core/views/context.js';
import { visibleLevels } from '../permissions.js';
import { TopicList, type TopicListRow } from '../components.js';
import { defaultNetworkId, listTopics } from './queries.js';

function ForumSection(p: { topics: TopicListRow[]; now: Date }) {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-forum">
      <h2 id="h-forum">{t('forum.section.title')}</h2>
      <TopicList topics={p.topics} showCategory now={p.now} />
      <p>
        <a href="/forum">{t('forum.section.all')}</a>
      </p>
    </section>
  );
}

export const latestTopicsSection: Section = {
  slot: 'home',
  order: 60,
  async load(req) {
    const db = req.server.wasl.db;
    const networkId = await defaultNetworkId(db);
    if (!networkId) return null;
    const { rows } = await listTopics(
      db,
      { networkId, levels: visibleLevels(req.actor) },
      { viewerId: req.actor.user?.id ?? null, moderator: false, page: 1, perPage: 5, now: req.now, withTotal: false },
    );
    return rows.length ? <ForumSection topics={rows} now={req.now} /> : null;
  },
};
