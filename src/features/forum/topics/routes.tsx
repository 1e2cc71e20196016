// Reading and writing in the forum: its home, a category's topics and feed, a topic's page, a new
// topic, a reply, "mark as read", search. Anything the viewer may not see answers 404.
import { z } from 'zod';
import { action, endpoint, form, notFound, page, parseId, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import { fields } from '../../../core/http/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { searchDocuments } from '../../../core/search/index.js';
import { slugify } from '../../../core/text/slug.js';
import {
  category,
  categoryResource,
  forumNetwork,
  isForumModerator,
  liveTopic,
  postResource,
  topic,
  visibleLevels,
  type LoadedTopic,
} from '../permissions.js';
import * as s from '../schemas.js';
import { baseUrl, chrome, refuse, showForm } from '../context.js';
import { categoryPath, topicPath, topicState } from '../components.js';
import { quoteBlock, withCurrentHtml } from '../posts/text.js';
import { sanctionRefusal, refusalMessage } from '../posts/trust.js';
import { allowedToPost, newPostStatus, standingOf } from '../posts/posting.js';
import { flaggedBy, getPost, openFlagCounts } from '../posts/queries.js';
import { isSubscribed, readMarker } from '../subscriptions/queries.js';
import { markTopicRead } from '../subscriptions/actions.js';
import { createReply, createTopic } from './actions.js';
import { searchKinds } from './indexing.js';
import { categoryFeed, sendAtom } from './feed.js';
import {
  feedTopics,
  getCategory,
  listCategories,
  listTopics,
  pageCountOf,
  pendingPosts,
  postPage,
  topicPosts,
  TOPICS_PER_PAGE,
  type PostView,
} from './queries.js';
import { CategoryPage, ForumHomePage, SearchPage } from './views/lists.js';
import { NewTopicPage, ReplyPage, TopicPage, type PostItem, type ReplyBox } from './views/topic.js';

const topicQuery = z.object({ page: fields.page(), quote: z.string().optional().catch(undefined) });

/** A 301 to the canonical address (keeping the query) unless the request is there already. */
function toCanonical(c: AnyCtx, path: string) {
  const [raw = '', query] = c.req.url.split(/\?(.*)/s);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape: compared as it came
  }
  return decoded === path ? null : redirectTo(c.reply, query === undefined ? path : `${path}?${query}`, 301);
}

/** A topic's page: one page of posts, the posts awaiting approval (to their author and moderators), the reply box. */
async function topicPage(c: AnyCtx, found: LoadedTopic, pageWanted: number) {
  const { topic, res } = found;
  const { db, user } = c;
  const pageCount = await pageCountOf(db, topic.id);
  const pageNo = Math.min(pageWanted, pageCount);
  const mod = isForumModerator(c.actor, topic.network_id);
  const [rows, pending, marker] = await Promise.all([
    topicPosts(db, topic.id, pageNo).then((ps) => withCurrentHtml(db, ps)),
    mod || user ? pendingPosts(db, topic.id, mod ? null : user!.id).then((ps) => withCurrentHtml(db, ps)) : [],
    user ? readMarker(db, user.id, topic.id) : null,
  ]);
  const ids = [...rows, ...pending].map((p) => p.id);
  const [flagCounts, mine] = await Promise.all([
    mod ? openFlagCounts(db, ids) : Promise.resolve(new Map<number, number>()),
    user ? flaggedBy(db, user.id, ids) : Promise.resolve(new Set<number>()),
  ]);
  const toItem = (p: PostView & { body_html: string }): PostItem => {
    const pr = postResource(res, p, c.now);
    return {
      id: p.id,
      author_name: p.author_name,
      body_html: p.body_html,
      status: p.status,
      hidden_reason: p.hidden_reason,
      edit_count: p.edit_count,
      created_at: p.created_at,
      edited_at: p.edited_at,
      isFirst: p.id === topic.first_post_id,
      readContent: c.can('readContent', pr),
      canEdit: c.can('edit', pr),
      canFlag: c.can('flag', pr),
      canQuote: c.can('quote', pr),
      canModerate: mod,
      flagged: mine.has(p.id),
      openFlags: flagCounts.get(p.id) ?? 0,
      unread: marker !== null && p.id > marker && p.author_id !== user?.id,
    };
  };
  const last = rows[rows.length - 1];
  const [reply, subscribed] = await Promise.all([
    replyBox(c, found),
    user && c.can('subscribe', res) ? isSubscribed(db, user.id, 'topic', topic.id) : null,
  ]);
  return (
    <TopicPage
      {...chrome(c)}
      topic={topicWithCategory(topic)}
      posts={rows.map(toItem)}
      pending={pending.map(toItem)}
      page={pageNo}
      pageCount={pageCount}
      reply={reply}
      subscribed={subscribed}
      canMarkRead={!!user && !!last && (marker === null || last.id > marker)}
    />
  );
}

/** What a topic's pages show of it and its category. */
const topicWithCategory = (topic: LoadedTopic['topic']) => ({
  ...topicState(topic),
  category: {
    id: topic.category_id,
    name_ar: topic.category_name_ar,
    name_en: topic.category_name_en,
    visibility: topic.visibility,
  },
});

/** The reply box: a form (with a quoted post from `?quote=`), or why there is none. */
async function replyBox(c: AnyCtx, { topic, res }: LoadedTopic): Promise<ReplyBox> {
  if (!c.user) return { state: topic.status === 'visible' && !topic.locked ? 'signIn' : 'none' };
  if (!c.can('reply', res)) return { state: topic.locked && topic.status === 'visible' ? 'locked' : 'none' };
  const block = sanctionRefusal(await standingOf(c, c.user.id));
  if (block) return { state: 'blocked', notice: refusalMessage(c.i18n, block, c.now).message };
  const quoteId = parseId(c.query?.quote);
  const q = quoteId ? await getPost(c.db, quoteId) : null;
  const quote =
    q && q.topic_id === topic.id && c.can('quote', postResource(res, q, c.now))
      ? quoteBlock({ id: q.id, body: q.body, authorName: q.author_name ?? c.t('forum.deletedMember') }, baseUrl(c))
      : undefined;
  return { state: 'form', quote };
}

const categoryPages = (['/forum/c/:id', '/forum/c/:id/:slug'] as const).map((path) =>
  page(path, {
    access: 'public',
    query: s.pageQuery,
    load: category(),
    async render(c, cat) {
      const moved = toCanonical(c, decodeURIComponent(categoryPath(cat)));
      if (moved) return moved;
      const user = c.user;
      const mod = isForumModerator(c.actor, cat.network_id);
      const [list, subscribed, cards] = await Promise.all([
        listTopics(
          c.db,
          { categoryId: cat.id },
          { viewerId: user?.id ?? null, moderator: mod, page: c.query.page, now: c.now },
        ),
        user ? isSubscribed(c.db, user.id, 'category', cat.id) : null,
        listCategories(c.db, cat.network_id, [cat.visibility]),
      ]);
      return (
        <CategoryPage
          {...chrome(c)}
          category={cards.find((x) => x.id === cat.id)!}
          topics={list.rows}
          page={c.query.page}
          pageCount={Math.max(1, Math.ceil(list.total / TOPICS_PER_PAGE))}
          canCreate={c.can('createTopic', categoryResource(cat))}
          subscribed={subscribed}
          canManage={mod}
          feed={cat.visibility === 'public'}
        />
      );
    },
  }),
);

const topicPages = (['/forum/t/:id', '/forum/t/:id/:slug'] as const).map((path) =>
  page(path, {
    access: 'public',
    query: topicQuery,
    load: topic,
    render(c, found) {
      const { topic: tp } = found;
      if (tp.status === 'merged' && tp.merged_into) return redirectTo(c.reply, `/forum/t/${tp.merged_into}`, 301);
      return toCanonical(c, `/forum/t/${tp.id}/${slugify(tp.title || 'topic')}`) ?? topicPage(c, found, c.query.page);
    },
  }),
);

export const topicRoutes = [
  page('/forum', {
    access: 'public',
    load: forumNetwork,
    async render(c, networkId) {
      const levels = visibleLevels(c.actor);
      const [categories, latest] = await Promise.all([
        listCategories(c.db, networkId, levels),
        listTopics(
          c.db,
          { networkId, levels },
          { viewerId: c.user?.id ?? null, moderator: false, page: 1, perPage: 15, now: c.now, withTotal: false },
        ),
      ]);
      return (
        <ForumHomePage
          {...chrome(c)}
          categories={categories}
          latest={latest.rows}
          canManage={isForumModerator(c.actor, networkId)}
        />
      );
    },
  }),

  ...categoryPages,

  endpoint('GET', '/forum/c/:id/feed.atom', {
    access: 'public',
    async handle(c) {
      const cat = await getCategory(c.db, c.id('id'));
      if (!cat || cat.visibility !== 'public') notFound();
      const topics = await withCurrentHtml(c.db, await feedTopics(c.db, cat.id));
      return sendAtom(
        c,
        categoryFeed({
          base: baseUrl(c),
          lang: c.i18n.lang,
          title: `${localized(cat, 'name', c.locale)} · ${c.t('forum.title')}`,
          categoryId: cat.id,
          updated: topics[0]?.created_at ?? cat.updated_at,
          topics,
          deletedMember: c.t('forum.deletedMember'),
        }),
      );
    },
  }),

  ...topicPages,

  form('/forum/c/:id/new', {
    access: 'member',
    get: true,
    load: category('createTopic'),
    schema: s.topicForm,
    async show(c, cat, state) {
      const approvalNotice = cat.approval === 'new' && (await standingOf(c, c.user.id)).level === 0;
      return showForm(c, <NewTopicPage category={cat} state={state} approvalNotice={approvalNotice} />, state);
    },
    async save(c, cat, data) {
      const status = newPostStatus(cat.approval, await allowedToPost(c, data.body));
      const { topicId } = await createTopic(c.wasl, {
        categoryId: cat.id,
        title: data.title,
        body: data.body,
        authorId: c.user.id,
        status,
        now: c.now,
      });
      return {
        to: topicPath({ id: topicId, title: data.title }),
        flash: status === 'pending' ? 'forum.post.pendingFlash' : 'forum.topic.created',
      };
    },
  }),

  form('/forum/t/:id/reply', {
    access: 'member',
    load: liveTopic(),
    schema: s.replyForm,
    // A refused reply comes back on a page of its own: the reason at the top of the form, the text
    // kept in the box, nothing to scroll past (the topic is one link away).
    show: (c, found, state) => showForm(c, <ReplyPage topic={topicWithCategory(found.topic)} state={state} />, state),
    async save(c, { topic, res }, data) {
      if (!c.can('reply', res)) refuse(c, 403, c.t('forum.reply.locked'));
      const status = newPostStatus(topic.approval, await allowedToPost(c, data.body));
      const postId = await createReply(c.wasl, {
        topicId: topic.id,
        body: data.body,
        authorId: c.user.id,
        status,
        now: c.now,
      });
      const path = topicPath(topic);
      if (status === 'pending') return { to: `${path}#p${postId}`, flash: 'forum.post.pendingFlash' };
      const pageNo = await postPage(c.db, topic.id, postId);
      return { to: `${path}${pageNo > 1 ? `?page=${pageNo}` : ''}#p${postId}` };
    },
  }),

  // Reading a topic writes nothing; the member says they have read a page (replying does too).
  action('/forum/t/:id/read', {
    access: 'member',
    load: liveTopic(),
    schema: s.markReadForm,
    async run(c, { topic }, { page: wanted }) {
      const pageNo = Math.min(wanted, await pageCountOf(c.db, topic.id));
      const last = (await topicPosts(c.db, topic.id, pageNo)).at(-1);
      if (last) await markTopicRead(c.db, c.user.id, topic.id, last.id, c.now);
      return pageNo > 1 ? `${topicPath(topic)}?page=${pageNo}` : topicPath(topic);
    },
  }),

  page('/forum/search', {
    access: 'public',
    query: s.searchQuery,
    load: forumNetwork,
    async render(c, networkId) {
      const { q, page: pageNo } = c.query;
      const levels = visibleLevels(c.actor);
      const categories = await listCategories(c.db, networkId, levels);
      const chosen = categories.find((x) => x.id === c.query.category)?.id;
      const perPage = 20;
      const found = q
        ? await searchDocuments(c.db, c.wasl.dialect, {
            q,
            kinds: levels.flatMap((l) => [searchKinds(l).topic, searchKinds(l).post]),
            networkId,
            facets: chosen ? { category: String(chosen) } : undefined,
            limit: perPage,
            offset: (pageNo - 1) * perPage,
            now: c.now,
          })
        : { total: 0, hits: [] };
      const results = found.hits.map((h) => {
        const isTopic = h.kind.startsWith('forum_topic');
        return {
          href: isTopic ? topicPath({ id: Number(h.refId), title: h.title }) : `/forum/p/${h.refId}`,
          title: h.title,
          excerpt: h.excerpt,
          publishedAt: h.publishedAt,
          isTopic,
        };
      });
      return (
        <SearchPage
          q={q}
          category={chosen}
          categories={categories}
          total={found.total}
          results={results}
          page={pageNo}
          pageCount={Math.max(1, Math.ceil(found.total / perPage))}
        />
      );
    },
  }),
];
