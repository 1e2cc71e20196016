// The forum's block on the home page: the latest public discussions (and, for members, the
// latest in spaces they may read).
import type { FastifyRequest } from 'fastify';
import { registerSection } from '../../core/views/sections.js';
import { usePage } from '../../core/views/context.js';
import { visibleLevels } from './permissions.js';
import { defaultNetworkId, listTopics } from './queries.js';
import { TopicList, type TopicListRow } from './views/components.js';

function ForumSection(p: { topics: TopicListRow[]; now: Date }) {
  const { i18n } = usePage();
  const { t } = i18n;
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

registerSection({
  slot: 'home',
  order: 60,
  async load(req: FastifyRequest) {
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
});
