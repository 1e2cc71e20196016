// Forum: categories, topics, replies, flags, moderation, notifications (see README.md).
// Every route: parse → load → authorize → act → render or 303. Anything the viewer may not see
// answers 404.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, type ActionOf } from '../../core/auth/authorize.js';
import { holdsStaffRole } from '../../core/auth/actor.js';
import { parseForm, safeLocalPath, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { badRequest } from '../../core/http/errors.js';
import type { Translator } from '../../core/i18n/index.js';
import { searchDocuments } from '../../core/search/index.js';
import { slugify } from '../../core/text/slug.js';
import { escapeHtml } from '../../core/text/markdown.js';
import {
  categoryResource,
  isForumModerator,
  postResource,
  topicResource,
  visibleLevels,
  type CategoryResource,
  type PostResource,
  type TopicResource,
} from './permissions.js';
import {
  countTopicPosts,
  defaultNetworkId,
  getCategory,
  getPost,
  getSettings,
  getTopic,
  hasFlagged,
  isSubscribed,
  listCategories,
  listNotifications,
  listTopics,
  markNotificationsRead,
  markRead,
  moderationLog,
  openFlagCounts,
  pendingPosts,
  postPage,
  postRevisions,
  reviewQueue,
  saveCategory,
  saveDigestSetting,
  setSubscription,
  topicPosts,
  unreadNotificationCount,
  POSTS_PER_PAGE,
  TOPICS_PER_PAGE,
  type CategoryRow,
  type PostView,
  type PostWithTopic,
  type TopicWithCategory,
} from './queries.js';
import {
  addFlag,
  createReply,
  createTopic,
  editPost,
  erasePost,
  logModeration,
  mergeTopics,
  moveTopic,
  searchKinds,
  setPostStatus,
  setSanction,
  setTopicFlags,
  setTopicStatus,
  splitTopic,
  syncTopicSearch,
  type ModAction,
} from './actions.js';
import * as s from './schemas.js';
import {
  checkFlagAllowed,
  checkPostingAllowed,
  memberStanding,
  reachesHideThreshold,
  trustedFlagCounts,
  type PostingRefusal,
} from './trust.js';
import { cook, quoteBlock } from './text.js';
import { verifyUnsubscribeToken } from './digest.js';
import { forumStylesheet } from './styles.js';
import './sections.js';
import { categoryName, topicPath } from './views/components.js';
import {
  CategoryPage,
  ForumHomePage,
  HistoryPage,
  ModerationLogPage,
  NotificationsPage,
  SearchPage,
  SettingsPage,
  TopicPage,
  UnsubscribePage,
  type ModLogRow,
  type PostItem,
} from './views/pages.js';
import { EditPostPage, FlagPage, NewTopicPage } from './views/forms.js';
import { CategoryEditPage, PostModeratePage, ReviewPage, TopicManagePage } from './views/moderation.js';

type Req = FastifyRequest;
type IdParams = { Params: { id: string; slug?: string } };

function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n < 2 ** 31 ? n : null;
}

function pageOf(req: Req): number {
  return s.pageQuery.parse(req.query ?? {}).page;
}

/** The path without query, decoded, to compare with a canonical path. */
function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function queryString(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? '' : url.slice(i);
}

/** What a refusal to post says: when the member can post again, or why not. */
export function refusalMessage(i18n: Translator, r: PostingRefusal, now: Date): { message: string; status: number } {
  const { t } = i18n;
  switch (r.kind) {
    case 'suspended':
      return { message: t('forum.limit.suspended', { date: i18n.dateTime(r.until), reason: r.reason }), status: 403 };
    case 'silenced':
      return { message: t('forum.limit.silenced', { date: i18n.dateTime(r.until), reason: r.reason }), status: 403 };
    case 'daily':
      return {
        message: t('forum.limit.daily', {
          limit: r.limit,
          date: i18n.dateTime(r.until),
          relative: i18n.relative(r.until, now),
        }),
        status: 429,
      };
    case 'interval':
      return {
        message: t('forum.limit.interval', {
          seconds: Math.max(1, Math.ceil((r.until.getTime() - now.getTime()) / 1000)),
          date: i18n.time(r.until),
        }),
        status: 429,
      };
    case 'links':
      return { message: t('forum.limit.links', { limit: r.limit }), status: 400 };
    case 'duplicate':
      return { message: t('forum.limit.duplicate'), status: 400 };
  }
}

export const forumRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;
  const baseUrl = () => app.wasl.config.baseUrl.replace(/\/+$/, '');

  // ——— shared loading ———

  async function chrome(req: Req) {
    const levels = visibleLevels(req.actor);
    return {
      unread: req.actor.user ? await unreadNotificationCount(db, req.actor.user.id, levels) : 0,
      moderator: isForumModerator(req.actor),
      now: req.now,
    };
  }

  async function loadCategory(
    req: Req,
    raw: string | undefined,
    action: ActionOf<CategoryResource> = 'view',
  ): Promise<CategoryRow | null> {
    const id = parseId(raw);
    if (!id) return null;
    const c = await getCategory(db, id);
    if (!c || !authorize(req.actor, 'view', categoryResource(c))) return null;
    if (action !== 'view' && !authorize(req.actor, action, categoryResource(c))) return null;
    return c;
  }

  async function loadTopic(
    req: Req,
    raw: string | undefined,
  ): Promise<{ topic: TopicWithCategory; res: TopicResource } | null> {
    const id = parseId(raw);
    if (!id) return null;
    const topic = await getTopic(db, id);
    if (!topic) return null;
    const res = topicResource(topic);
    if (topic.status !== 'merged' && !authorize(req.actor, 'view', res)) return null;
    if (topic.status === 'merged' && !authorize(req.actor, 'view', { ...res, status: 'visible' })) return null;
    return { topic, res };
  }

  async function loadPost(req: Req, raw: string | undefined, action: ActionOf<PostResource>) {
    const id = parseId(raw);
    if (!id) return null;
    const post = await getPost(db, id);
    if (!post) return null;
    const topicRes = topicResource({
      id: post.topic_id,
      network_id: post.network_id,
      visibility: post.visibility,
      status: post.topic_status,
      locked: post.topic_locked,
      author_id: post.topic_author_id,
    });
    const res = postResource(topicRes, post, req.now);
    if (!authorize(req.actor, action, res)) return null;
    return { post, topicRes, res };
  }

  /** Where a post is shown: its topic page and anchor (redirects straight there keep the flash message). */
  async function postUrl(postId: number): Promise<string> {
    const post = await getPost(db, postId);
    if (!post) return '/forum';
    const path = topicPath({ id: post.topic_id, title: post.topic_title });
    if (post.status === 'pending') return `${path}#p${post.id}`;
    const page = await postPage(db, post.topic_id, post.id);
    return `${path}${page > 1 ? `?page=${page}` : ''}#p${post.id}`;
  }

  async function standingOf(req: Req) {
    return memberStanding(db, req.actor.user!.id, req.now, holdsStaffRole(req.actor));
  }

  // ——— the topic page (also re-rendered when a reply is refused) ———

  async function renderTopic(
    req: Req,
    reply: FastifyReply,
    topic: TopicWithCategory,
    res: TopicResource,
    opts: {
      page: number;
      replyValue?: string;
      errors?: Record<string, string>;
      notice?: string | null;
      status?: number;
    },
  ) {
    const user = req.actor.user;
    const total = await countTopicPosts(db, topic.id);
    const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
    const page = Math.min(opts.page, pageCount);
    const mod = isForumModerator(req.actor, topic.network_id);
    const [rows, pending, readRow] = await Promise.all([
      topicPosts(db, topic.id, page),
      mod ? pendingPosts(db, topic.id, null) : user ? pendingPosts(db, topic.id, user.id) : Promise.resolve([]),
      user
        ? db
            .selectFrom('forum_reads')
            .select('last_read_post_id')
            .where('user_id', '=', user.id)
            .where('topic_id', '=', topic.id)
            .executeTakeFirst()
        : Promise.resolve(undefined),
    ]);
    const ids = [...rows, ...pending].map((p) => p.id);
    const flagCounts = mod ? await openFlagCounts(db, ids) : new Map<number, number>();
    const mine = user
      ? new Set(
          ids.length
            ? (
                await db
                  .selectFrom('forum_flags')
                  .select('post_id')
                  .where('flagger_id', '=', user.id)
                  .where('post_id', 'in', ids)
                  .where('resolved_at', 'is', null)
                  .execute()
              ).map((r) => r.post_id)
            : [],
        )
      : new Set<number>();
    const toItem = (p: PostView): PostItem => {
      const pr = postResource(res, p, req.now);
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
        readContent: authorize(req.actor, 'readContent', pr),
        canEdit: authorize(req.actor, 'edit', pr),
        canFlag: authorize(req.actor, 'flag', pr),
        canQuote: authorize(req.actor, 'quote', pr),
        canModerate: mod,
        flagged: mine.has(p.id),
        openFlags: flagCounts.get(p.id) ?? 0,
        unread: !!readRow && p.id > readRow.last_read_post_id && p.author_id !== user?.id,
      };
    };
    // The reply box: a form, or why there is none.
    let replyState: 'form' | 'signIn' | 'locked' | 'blocked' | 'none' = 'none';
    let notice = opts.notice ?? null;
    let value = opts.replyValue;
    if (!user) replyState = topic.status === 'visible' && !topic.locked ? 'signIn' : 'none';
    else if (authorize(req.actor, 'reply', res)) {
      const standing = await standingOf(req);
      const block = standing.suspendedUntil
        ? refusalMessage(
            req.i18n,
            { kind: 'suspended', until: standing.suspendedUntil, reason: standing.sanctionReason },
            req.now,
          )
        : standing.silencedUntil
          ? refusalMessage(
              req.i18n,
              { kind: 'silenced', until: standing.silencedUntil, reason: standing.sanctionReason },
              req.now,
            )
          : null;
      if (block) {
        replyState = 'blocked';
        notice = block.message;
      } else {
        replyState = 'form';
        if (value === undefined) {
          const quoteId = parseId(String((req.query as Record<string, unknown>)?.quote ?? ''));
          if (quoteId) {
            const q = await getPost(db, quoteId);
            if (q && q.topic_id === topic.id && authorize(req.actor, 'quote', postResource(res, q, req.now)))
              value = quoteBlock(
                { id: q.id, body: q.body, authorName: q.author_name ?? req.i18n.t('forum.deletedMember') },
                baseUrl(),
              );
          }
        }
      }
    } else if (topic.locked && topic.status === 'visible') replyState = 'locked';

    if (user && rows.length && (opts.status ?? 200) === 200) {
      const last = rows[rows.length - 1]!.id;
      await markRead(db, user.id, topic.id, last, req.now);
      await markNotificationsRead(db, user.id, ids, req.now);
    }
    const subscribed =
      user && authorize(req.actor, 'subscribe', res) ? await isSubscribed(db, user.id, 'topic', topic.id) : null;
    const ch = await chrome(req);
    return renderPage(
      req,
      reply,
      <TopicPage
        {...ch}
        topic={{
          id: topic.id,
          title: topic.title,
          status: topic.status,
          locked: topic.locked === 1,
          pinned: topic.pinned === 1,
          category: {
            id: topic.category_id,
            name_ar: topic.category_name_ar,
            name_en: topic.category_name_en,
            visibility: topic.visibility,
          },
        }}
        posts={rows.map(toItem)}
        pending={pending.map(toItem)}
        page={page}
        pageCount={pageCount}
        reply={{ state: replyState, value, errors: opts.errors, notice }}
        subscribed={subscribed}
      />,
      opts.status ?? 200,
    );
  }

  app.get(forumStylesheet.href, { config: { access: 'public' } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/css; charset=utf-8')
      .send(forumStylesheet.body),
  );

  // ——— reading ———

  app.get('/forum', { config: { access: 'public' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    if (!networkId) return reply.callNotFound();
    const levels = visibleLevels(req.actor);
    const [categories, latest, ch] = await Promise.all([
      listCategories(db, networkId, levels),
      listTopics(
        db,
        { networkId, levels },
        {
          viewerId: req.actor.user?.id ?? null,
          moderator: false,
          page: 1,
          perPage: 15,
          now: req.now,
          withTotal: false,
        },
      ),
      chrome(req),
    ]);
    return renderPage(
      req,
      reply,
      <ForumHomePage
        {...ch}
        categories={categories}
        latest={latest.rows}
        canManage={isForumModerator(req.actor, networkId)}
      />,
    );
  });

  const showCategory = async (req: FastifyRequest<IdParams>, reply: FastifyReply) => {
    const c = await loadCategory(req, req.params.id);
    if (!c) return reply.callNotFound();
    const canonical = `/forum/c/${c.id}/${slugify(c.name_en)}`;
    if (decodedPath(req.url) !== canonical) return reply.redirect(encodeURI(canonical) + queryString(req.url), 301);
    const page = pageOf(req);
    const user = req.actor.user;
    const mod = isForumModerator(req.actor, c.network_id);
    const [list, ch, subscribed] = await Promise.all([
      listTopics(db, { categoryId: c.id }, { viewerId: user?.id ?? null, moderator: mod, page, now: req.now }),
      chrome(req),
      user ? isSubscribed(db, user.id, 'category', c.id) : Promise.resolve(null),
    ]);
    const stats = await listCategories(db, c.network_id, [c.visibility]);
    const card = stats.find((x) => x.id === c.id)!;
    return renderPage(
      req,
      reply,
      <CategoryPage
        {...ch}
        category={card}
        topics={list.rows}
        page={page}
        pageCount={Math.max(1, Math.ceil(list.total / TOPICS_PER_PAGE))}
        canCreate={authorize(req.actor, 'createTopic', categoryResource(c))}
        subscribed={subscribed}
        canManage={mod}
        feed={c.visibility === 'public'}
      />,
    );
  };
  app.get('/forum/c/:id', { config: { access: 'public' } }, showCategory);
  app.get('/forum/c/:id/:slug', { config: { access: 'public' } }, showCategory);

  app.get<IdParams>('/forum/c/:id/feed.atom', { config: { access: 'public' } }, async (req, reply) => {
    const id = parseId(req.params.id);
    const c = id ? await getCategory(db, id) : null;
    if (!c || c.visibility !== 'public') return reply.callNotFound();
    const topics = await db
      .selectFrom('forum_topics as t')
      .innerJoin('forum_posts as p', 'p.id', 't.first_post_id')
      .leftJoin('users as u', 'u.id', 't.author_id')
      .select(['t.id', 't.title', 't.created_at', 't.updated_at', 'p.body_html', 'p.edited_at', 'u.display_name'])
      .where('t.category_id', '=', c.id)
      .where('t.status', '=', 'visible')
      .where('p.status', '=', 'visible')
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(20)
      .execute();
    const base = baseUrl();
    const x = (v: string) => escapeHtml(v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
    const name = categoryName(c, req.i18n.locale);
    const updated = topics[0]?.created_at ?? c.updated_at;
    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${req.i18n.lang}">`,
      `<title>${x(`${name} · ${req.i18n.t('forum.title')}`)}</title>`,
      `<id>${x(`${base}/forum/c/${c.id}`)}</id>`,
      `<link rel="alternate" type="text/html" href="${x(`${base}/forum/c/${c.id}`)}"/>`,
      `<link rel="self" type="application/atom+xml" href="${x(`${base}/forum/c/${c.id}/feed.atom`)}"/>`,
      `<updated>${new Date(updated).toISOString()}</updated>`,
      ...topics.map((t) =>
        [
          '<entry>',
          `<title>${x(t.title)}</title>`,
          `<id>${x(`${base}/forum/t/${t.id}`)}</id>`,
          `<link rel="alternate" type="text/html" href="${x(base + topicPath(t))}"/>`,
          `<published>${new Date(t.created_at).toISOString()}</published>`,
          `<updated>${new Date(t.edited_at ?? t.created_at).toISOString()}</updated>`,
          `<author><name>${x(t.display_name ?? req.i18n.t('forum.deletedMember'))}</name></author>`,
          `<content type="html">${x(t.body_html)}</content>`,
          '</entry>',
        ].join(''),
      ),
      '</feed>',
    ].join('\n');
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });

  const showTopic = async (req: FastifyRequest<IdParams>, reply: FastifyReply) => {
    const found = await loadTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { topic, res } = found;
    if (topic.status === 'merged' && topic.merged_into) return reply.redirect(`/forum/t/${topic.merged_into}`, 301);
    const canonical = `/forum/t/${topic.id}/${slugify(topic.title || 'topic')}`;
    if (decodedPath(req.url) !== canonical) return reply.redirect(encodeURI(canonical) + queryString(req.url), 301);
    return renderTopic(req, reply, topic, res, { page: pageOf(req) });
  };
  app.get('/forum/t/:id', { config: { access: 'public' } }, showTopic);
  app.get('/forum/t/:id/:slug', { config: { access: 'public' } }, showTopic);

  app.get<IdParams>('/forum/p/:id', { config: { access: 'public' } }, async (req, reply) => {
    const found = await loadPost(req, req.params.id, 'view');
    if (!found) return reply.callNotFound();
    return reply.redirect(await postUrl(found.post.id), 302);
  });

  app.get<IdParams>('/forum/p/:id/history', { config: { access: 'public' } }, async (req, reply) => {
    const found = await loadPost(req, req.params.id, 'readContent');
    if (!found) return reply.callNotFound();
    const { post } = found;
    const revisions = await postRevisions(db, post.id);
    const isFirst = post.first_post_id === post.id;
    // Earlier versions go through the same pipeline, so mentions show display names there too.
    const rendered = await Promise.all(
      revisions.map(async (r) => ({
        html: (await cook(db, r.body, baseUrl())).html,
        writtenAt: r.written_at,
        title: isFirst ? r.title : null,
      })),
    );
    return renderPage(
      req,
      reply,
      <HistoryPage
        post={{ id: post.id, author_name: post.author_name, topicTitle: post.topic_title, topicId: post.topic_id }}
        current={{
          html: post.body_html,
          at: post.edited_at ?? post.created_at,
          title: isFirst ? post.topic_title : null,
        }}
        revisions={rendered}
      />,
    );
  });

  app.get('/forum/search', { config: { access: 'public' } }, async (req, reply) => {
    const query = s.searchQuery.parse(req.query ?? {});
    const networkId = await defaultNetworkId(db);
    if (!networkId) return reply.callNotFound();
    const levels = visibleLevels(req.actor);
    const categories = await listCategories(db, networkId, levels);
    const category = categories.find((c) => c.id === query.category)?.id;
    const perPage = 20;
    const kinds = levels.flatMap((l) => [searchKinds(l).topic, searchKinds(l).post]);
    const found = query.q
      ? await searchDocuments(db, app.wasl.dialect, {
          q: query.q,
          kinds,
          networkId,
          facets: category ? { category: String(category) } : undefined,
          limit: perPage,
          offset: (query.page - 1) * perPage,
          now: req.now,
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
    return renderPage(
      req,
      reply,
      <SearchPage
        {...await chrome(req)}
        q={query.q}
        category={category}
        categories={categories}
        total={found.total}
        results={results}
        page={query.page}
        pageCount={Math.max(1, Math.ceil(found.total / perPage))}
      />,
    );
  });

  app.get('/forum/moderation-log', { config: { access: 'public' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    if (!networkId) return reply.callNotFound();
    const page = pageOf(req);
    const levels = visibleLevels(req.actor);
    const log = await moderationLog(db, networkId, page);
    const rows: ModLogRow[] = log.rows.map((r) => {
      const topicReadable =
        r.topic_id !== null &&
        r.topic_status === 'visible' &&
        r.topic_visibility !== null &&
        levels.includes(r.topic_visibility) &&
        !!r.topic_title;
      const details = JSON.parse(r.details || '{}') as { days?: number };
      return {
        id: r.id,
        at: r.at,
        action: r.action,
        reason: r.reason,
        target: topicReadable
          ? {
              href: r.post_id ? `/forum/p/${r.post_id}` : topicPath({ id: r.topic_id!, title: r.topic_title! }),
              title: r.topic_title!,
            }
          : null,
        targetHidden: r.topic_id !== null && !topicReadable,
        categoryName:
          r.category_name_ar && r.category_visibility && levels.includes(r.category_visibility)
            ? categoryName({ name_ar: r.category_name_ar, name_en: r.category_name_en ?? '' }, req.i18n.locale)
            : null,
        subjectName: r.subject_name,
        days: typeof details.days === 'number' ? details.days : null,
      };
    });
    return renderPage(
      req,
      reply,
      <ModerationLogPage {...await chrome(req)} rows={rows} page={page} hasMore={log.hasMore} />,
    );
  });

  // ——— writing ———

  const newTopicPage = async (
    req: Req,
    reply: FastifyReply,
    c: CategoryRow,
    extra: {
      values?: Record<string, unknown>;
      errors?: Record<string, string>;
      notice?: string | null;
      status?: number;
    } = {},
  ) => {
    const standing = await standingOf(req);
    return renderPage(
      req,
      reply,
      <NewTopicPage
        category={c}
        values={extra.values}
        errors={extra.errors}
        notice={extra.notice}
        approvalNotice={c.approval === 'new' && standing.level === 0}
      />,
      extra.status ?? 200,
    );
  };

  app.get<IdParams>('/forum/c/:id/new', { config: { access: 'member' } }, async (req, reply) => {
    const c = await loadCategory(req, req.params.id, 'createTopic');
    if (!c) return reply.callNotFound();
    return newTopicPage(req, reply, c);
  });

  app.post<IdParams>('/forum/c/:id/new', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.topicForm, req.body, req.i18n);
    const c = await loadCategory(req, req.params.id, 'createTopic');
    if (!c) return reply.callNotFound();
    if (!form.ok) return newTopicPage(req, reply, c, { values: form.raw, errors: form.errors, status: 400 });
    const standing = await standingOf(req);
    const cooked = await cook(db, form.data.body, baseUrl());
    const refusal = await checkPostingAllowed(
      db,
      req.actor.user!.id,
      standing,
      { linkCount: cooked.linkCount, bodyHash: cooked.hash },
      req.now,
    );
    if (refusal) {
      const r = refusalMessage(req.i18n, refusal, req.now);
      if (r.status === 429 && 'until' in refusal)
        reply.header(
          'retry-after',
          String(Math.max(1, Math.ceil((refusal.until.getTime() - req.now.getTime()) / 1000))),
        );
      return newTopicPage(req, reply, c, { values: form.raw, notice: r.message, status: r.status });
    }
    const status = c.approval === 'new' && standing.level === 0 ? 'pending' : 'visible';
    const { topicId } = await createTopic(db, {
      categoryId: c.id,
      title: form.data.title,
      body: form.data.body,
      authorId: req.actor.user!.id,
      status,
      baseUrl: baseUrl(),
      now: req.now,
    });
    reply.flashNext(status === 'pending' ? 'forum.post.pendingFlash' : 'forum.topic.created');
    return seeOther(reply, topicPath({ id: topicId, title: form.data.title }));
  });

  app.post<IdParams>('/forum/t/:id/reply', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.replyForm, req.body, req.i18n);
    const found = await loadTopic(req, req.params.id);
    if (!found || found.topic.status === 'merged') return reply.callNotFound();
    const { topic, res } = found;
    const lastPage = async () => Math.max(1, Math.ceil((await countTopicPosts(db, topic.id)) / POSTS_PER_PAGE));
    const raw = typeof form.raw.body === 'string' ? form.raw.body : '';
    if (!authorize(req.actor, 'reply', res))
      return renderTopic(req, reply, topic, res, { page: await lastPage(), status: 403 });
    if (!form.ok)
      return renderTopic(req, reply, topic, res, {
        page: await lastPage(),
        replyValue: raw,
        errors: form.errors,
        status: 400,
      });
    const standing = await standingOf(req);
    const cooked = await cook(db, form.data.body, baseUrl());
    const refusal = await checkPostingAllowed(
      db,
      req.actor.user!.id,
      standing,
      { linkCount: cooked.linkCount, bodyHash: cooked.hash },
      req.now,
    );
    if (refusal) {
      const r = refusalMessage(req.i18n, refusal, req.now);
      if (r.status === 429 && 'until' in refusal)
        reply.header(
          'retry-after',
          String(Math.max(1, Math.ceil((refusal.until.getTime() - req.now.getTime()) / 1000))),
        );
      return renderTopic(req, reply, topic, res, {
        page: await lastPage(),
        replyValue: raw,
        notice: r.message,
        status: r.status,
      });
    }
    const status = topic.approval === 'new' && standing.level === 0 ? 'pending' : 'visible';
    const postId = await createReply(db, {
      topicId: topic.id,
      body: form.data.body,
      authorId: req.actor.user!.id,
      status,
      baseUrl: baseUrl(),
      now: req.now,
    });
    const path = topicPath(topic);
    if (status === 'pending') {
      reply.flashNext('forum.post.pendingFlash');
      return seeOther(reply, `${path}#p${postId}`);
    }
    const page = await postPage(db, topic.id, postId);
    return seeOther(reply, `${path}${page > 1 ? `?page=${page}` : ''}#p${postId}`);
  });

  async function editValues(post: PostWithTopic) {
    return { title: post.first_post_id === post.id ? post.topic_title : undefined, body: post.body };
  }

  const editPage = async (
    req: Req,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof loadPost>>>,
    extra: {
      values?: Record<string, unknown>;
      errors?: Record<string, string>;
      notice?: string | null;
      status?: number;
    } = {},
  ) =>
    renderPage(
      req,
      reply,
      <EditPostPage
        post={{
          id: found.post.id,
          topicId: found.post.topic_id,
          topicTitle: found.post.topic_title,
          isFirst: found.post.first_post_id === found.post.id,
          canDelete: authorize(req.actor, 'delete', found.res),
        }}
        values={extra.values ?? (await editValues(found.post))}
        errors={extra.errors}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    );

  app.get<IdParams>('/forum/p/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const found = await loadPost(req, req.params.id, 'edit');
    if (!found) return reply.callNotFound();
    return editPage(req, reply, found);
  });

  app.post<IdParams>('/forum/p/:id/edit', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.editForm, req.body, req.i18n);
    const found = await loadPost(req, req.params.id, 'edit');
    if (!found) return reply.callNotFound();
    const { post } = found;
    const isFirst = post.first_post_id === post.id;
    if (!form.ok) return editPage(req, reply, found, { values: form.raw, errors: form.errors, status: 400 });
    if (isFirst && !form.data.title)
      return editPage(req, reply, found, {
        values: form.raw,
        errors: { title: req.i18n.t('form.required') },
        status: 400,
      });
    if (!isFirst && form.data.title !== undefined)
      return editPage(req, reply, found, {
        values: form.raw,
        errors: { _form: req.i18n.t('form.unknownFields') },
        status: 400,
      });
    const standing = await standingOf(req);
    const cooked = await cook(db, form.data.body, baseUrl());
    const block: PostingRefusal | null = standing.suspendedUntil
      ? { kind: 'suspended', until: standing.suspendedUntil, reason: standing.sanctionReason }
      : standing.silencedUntil
        ? { kind: 'silenced', until: standing.silencedUntil, reason: standing.sanctionReason }
        : cooked.linkCount > standing.limits.linksPerPost && cooked.linkCount > post.link_count
          ? { kind: 'links', limit: standing.limits.linksPerPost }
          : null;
    if (block) {
      const r = refusalMessage(req.i18n, block, req.now);
      return editPage(req, reply, found, { values: form.raw, notice: r.message, status: r.status });
    }
    if (form.data.body !== post.body || (isFirst && form.data.title !== post.topic_title)) {
      await editPost(db, post, {
        body: form.data.body,
        title: isFirst ? form.data.title! : null,
        oldTitle: isFirst ? post.topic_title : null,
        baseUrl: baseUrl(),
        now: req.now,
      });
    }
    reply.flashNext('common.saved');
    return seeOther(reply, await postUrl(post.id));
  });

  app.post<IdParams>('/forum/p/:id/delete', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.deleteForm, req.body, req.i18n);
    const found = await loadPost(req, req.params.id, 'delete');
    if (!found) return reply.callNotFound();
    if (!form.ok) {
      if (authorize(req.actor, 'edit', found.res))
        return editPage(req, reply, found, { errors: form.errors, status: 400 });
      return badRequest(req, reply);
    }
    const { post } = found;
    const own = post.author_id === req.actor.user!.id;
    const { topicErased } = await erasePost(db, post.id, req.now);
    if (!own)
      await logModeration(db, req.now, {
        networkId: post.network_id,
        actorUserId: req.actor.user!.id,
        action: 'post.delete',
        topicId: post.topic_id,
        postId: post.id,
        ip: req.ip,
      });
    reply.flashNext('common.deleted');
    return seeOther(reply, topicErased ? `/forum/c/${post.category_id}` : await postUrl(post.id));
  });

  // ——— flags ———

  app.get<IdParams>('/forum/p/:id/flag', { config: { access: 'member' } }, async (req, reply) => {
    const found = await loadPost(req, req.params.id, 'flag');
    if (!found) return reply.callNotFound();
    const { post } = found;
    const already = await hasFlagged(db, post.id, req.actor.user!.id);
    return renderPage(
      req,
      reply,
      <FlagPage
        post={{
          id: post.id,
          author_name: post.author_name,
          body_html: post.body_html,
          topicId: post.topic_id,
          topicTitle: post.topic_title,
        }}
        notice={already ? req.i18n.t('forum.flag.already') : null}
      />,
    );
  });

  app.post<IdParams>('/forum/p/:id/flag', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.flagForm, req.body, req.i18n);
    const found = await loadPost(req, req.params.id, 'flag');
    if (!found) return reply.callNotFound();
    const { post } = found;
    const page = (extra: { errors?: Record<string, string>; notice?: string; status: number }) =>
      renderPage(
        req,
        reply,
        <FlagPage
          post={{
            id: post.id,
            author_name: post.author_name,
            body_html: post.body_html,
            topicId: post.topic_id,
            topicTitle: post.topic_title,
          }}
          values={form.raw}
          errors={extra.errors}
          notice={extra.notice}
        />,
        extra.status,
      );
    if (!form.ok) return page({ errors: form.errors, status: 400 });
    const userId = req.actor.user!.id;
    if (await hasFlagged(db, post.id, userId)) return page({ notice: req.i18n.t('forum.flag.already'), status: 400 });
    const standing = await standingOf(req);
    if (standing.suspendedUntil)
      return page({
        notice: refusalMessage(
          req.i18n,
          { kind: 'suspended', until: standing.suspendedUntil, reason: standing.sanctionReason },
          req.now,
        ).message,
        status: 403,
      });
    const until = await checkFlagAllowed(db, userId, standing, req.now);
    if (until) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - req.now.getTime()) / 1000))));
      return page({
        notice: req.i18n.t('forum.limit.flags', {
          date: req.i18n.dateTime(until),
          relative: req.i18n.relative(until, req.now),
        }),
        status: 429,
      });
    }
    await addFlag(db, {
      postId: post.id,
      flaggerId: userId,
      reason: form.data.reason,
      note: form.data.note,
      trusted: standing.level >= 1,
      now: req.now,
    });
    if (post.status === 'visible' && reachesHideThreshold(await trustedFlagCounts(db, post.id))) {
      await setPostStatus(db, post.id, 'hidden', 'flags', { baseUrl: baseUrl(), now: req.now });
      await logModeration(db, req.now, {
        networkId: post.network_id,
        actorUserId: null,
        action: 'post.autohide',
        topicId: post.topic_id,
        postId: post.id,
      });
    }
    reply.flashNext('forum.flag.thanks');
    return seeOther(reply, await postUrl(post.id));
  });

  // ——— subscriptions, notifications, settings ———

  app.post<IdParams>('/forum/t/:id/subscribe', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.subscribeForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const found = await loadTopic(req, req.params.id);
    if (!found || !authorize(req.actor, 'subscribe', found.res)) return reply.callNotFound();
    await setSubscription(db, req.actor.user!.id, 'topic', found.topic.id, form.data.subscribe === 'on', req.now);
    reply.flashNext(form.data.subscribe === 'on' ? 'forum.subscribe.done' : 'forum.subscribe.undone');
    return seeOther(reply, topicPath(found.topic));
  });

  app.post<IdParams>('/forum/c/:id/subscribe', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.subscribeForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const c = await loadCategory(req, req.params.id, 'subscribe');
    if (!c) return reply.callNotFound();
    await setSubscription(db, req.actor.user!.id, 'category', c.id, form.data.subscribe === 'on', req.now);
    reply.flashNext(form.data.subscribe === 'on' ? 'forum.subscribe.done' : 'forum.subscribe.undone');
    return seeOther(reply, `/forum/c/${c.id}/${slugify(c.name_en)}`);
  });

  app.get('/forum/notifications', { config: { access: 'member' } }, async (req, reply) => {
    const items = await listNotifications(db, req.actor.user!.id, visibleLevels(req.actor));
    return renderPage(req, reply, <NotificationsPage {...await chrome(req)} items={items} />);
  });

  app.post('/forum/notifications/read', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await markNotificationsRead(db, req.actor.user!.id, 'all', req.now);
    return seeOther(reply, '/forum/notifications');
  });

  const settingsPage = async (req: Req, reply: FastifyReply, errors?: Record<string, string>) => {
    const settings = await getSettings(db, req.actor.user!.id);
    return renderPage(
      req,
      reply,
      <SettingsPage
        {...await chrome(req)}
        digest={settings.digest}
        hasEmail={!!req.actor.user!.email}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  };
  app.get('/forum/settings', { config: { access: 'member' } }, (req, reply) => settingsPage(req, reply));
  app.post('/forum/settings', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(s.settingsForm, req.body, req.i18n);
    if (!form.ok) return settingsPage(req, reply, form.errors);
    await saveDigestSetting(db, req.actor.user!.id, form.data.digest, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, '/forum/settings');
  });

  // One-click unsubscribe from the digest, without signing in. The GET only shows the button:
  // mail scanners open links, and a GET never changes anything.
  app.get<{ Params: { token: string } }>(
    '/forum/unsubscribe/:token',
    { config: { access: 'public' } },
    async (req, reply) => {
      const userId = await verifyUnsubscribeToken(db, req.params.token);
      if (!userId) return reply.callNotFound();
      reply.header('referrer-policy', 'no-referrer');
      return renderPage(req, reply, <UnsubscribePage token={req.params.token} done={false} />);
    },
  );
  app.post<{ Params: { token: string } }>(
    '/forum/unsubscribe/:token',
    { config: { access: 'public' } },
    async (req, reply) => {
      const userId = await verifyUnsubscribeToken(db, req.params.token);
      if (!userId) return reply.callNotFound();
      const exists = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (exists) await saveDigestSetting(db, userId, 'off', req.now);
      reply.header('referrer-policy', 'no-referrer');
      return renderPage(req, reply, <UnsubscribePage token={req.params.token} done />);
    },
  );

  // ——— moderation ———

  app.get('/forum/review', { config: { access: 'moderator' } }, async (req, reply) => {
    const networks = [...req.actor.networkRoles.keys()].filter((n) => isForumModerator(req.actor, n));
    const queue = await reviewQueue(db, networks);
    return renderPage(req, reply, <ReviewPage flagged={queue.flagged} pending={queue.pending} />);
  });

  const moderatePage = async (req: Req, reply: FastifyReply, post: PostWithTopic, errors?: Record<string, string>) => {
    const flags = await db
      .selectFrom('forum_flags')
      .select(['reason', 'note'])
      .where('post_id', '=', post.id)
      .where('resolved_at', 'is', null)
      .orderBy('id')
      .execute();
    const counts = new Map<string, number>();
    for (const f of flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
    let author = null;
    if (post.author_id) {
      const st = await memberStanding(db, post.author_id, req.now);
      const roles = await db.selectFrom('network_roles').select('role').where('user_id', '=', post.author_id).execute();
      author = {
        level: st.level,
        silencedUntil: st.silencedUntil,
        suspendedUntil: st.suspendedUntil,
        isModerator:
          roles.some((r) => r.role === 'moderator' || r.role === 'networkAdmin') ||
          post.author_id === req.actor.user!.id,
      };
    }
    return renderPage(
      req,
      reply,
      <PostModeratePage
        post={{
          id: post.id,
          status: post.status,
          body_html: post.body_html,
          author_name: post.author_name,
          author_id: post.author_id,
          topicId: post.topic_id,
          topicTitle: post.topic_title,
          created_at: post.created_at,
        }}
        flags={[...counts].map(([reason, count]) => ({ reason, count }))}
        notes={flags.map((f) => f.note).filter(Boolean)}
        author={author}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  };

  app.get<IdParams>('/forum/p/:id/moderate', { config: { access: 'moderator' } }, async (req, reply) => {
    const found = await loadPost(req, req.params.id, 'moderate');
    if (!found) return reply.callNotFound();
    return moderatePage(req, reply, found.post);
  });

  app.post<IdParams>('/forum/p/:id/moderate', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.postModerationForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const found = await loadPost(req, req.params.id, 'moderate');
    if (!found) return reply.callNotFound();
    const { post } = found;
    const { action, reason } = form.data;
    const ctx = { baseUrl: baseUrl(), now: req.now };
    const allowed: Record<string, boolean> = {
      hide: post.status === 'visible',
      restore: post.status === 'hidden',
      delete: post.status !== 'deleted',
      approve: post.status === 'pending',
      reject: post.status === 'pending',
      dismiss: post.status === 'visible' || post.status === 'hidden',
    };
    if (!allowed[action]) return moderatePage(req, reply, post, { _form: req.i18n.t('forum.moderate.notApplicable') });
    let logAction: ModAction;
    switch (action) {
      case 'hide':
        await setPostStatus(db, post.id, 'hidden', 'moderator', { ...ctx, resolveFlags: 'upheld' });
        logAction = 'post.hide';
        break;
      case 'restore':
        await setPostStatus(db, post.id, 'visible', null, { ...ctx, resolveFlags: 'dismissed' });
        logAction = 'post.restore';
        break;
      case 'approve':
        await setPostStatus(db, post.id, 'visible', null, ctx);
        logAction = 'post.approve';
        break;
      case 'delete':
      case 'reject':
        await erasePost(db, post.id, req.now);
        logAction = action === 'delete' ? 'post.delete' : 'post.reject';
        break;
      default:
        await db
          .updateTable('forum_flags')
          .set({ resolved_at: req.now.toISOString(), resolution: 'dismissed' })
          .where('post_id', '=', post.id)
          .where('resolved_at', 'is', null)
          .execute();
        logAction = 'flags.dismiss';
    }
    await logModeration(db, req.now, {
      networkId: post.network_id,
      actorUserId: req.actor.user!.id,
      action: logAction,
      topicId: post.topic_id,
      postId: post.id,
      reason,
      ip: req.ip,
    });
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, safeLocalPath(form.data.next, `/forum/p/${post.id}/moderate`));
  });

  app.post<IdParams>('/forum/p/:id/sanction', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.sanctionForm, req.body, req.i18n);
    const found = await loadPost(req, req.params.id, 'moderate');
    if (!found) return reply.callNotFound();
    const { post } = found;
    if (!form.ok) return moderatePage(req, reply, post, form.errors);
    if (!post.author_id || post.author_id === req.actor.user!.id)
      return moderatePage(req, reply, post, { _form: req.i18n.t('forum.moderate.notApplicable') });
    const authorRoles = await db
      .selectFrom('network_roles')
      .select('role')
      .where('user_id', '=', post.author_id)
      .execute();
    if (authorRoles.some((r) => r.role === 'moderator' || r.role === 'networkAdmin'))
      return moderatePage(req, reply, post, { _form: req.i18n.t('forum.moderate.notApplicable') });
    const days = Number(form.data.days);
    const until = form.data.kind === 'lift' ? null : new Date(req.now.getTime() + days * 24 * 3600 * 1000);
    await setSanction(db, post.author_id, form.data.kind, until, form.data.reason, req.now);
    await logModeration(db, req.now, {
      networkId: post.network_id,
      actorUserId: req.actor.user!.id,
      action:
        form.data.kind === 'silence'
          ? 'member.silence'
          : form.data.kind === 'suspend'
            ? 'member.suspend'
            : 'member.lift',
      subjectUserId: post.author_id,
      reason: form.data.reason,
      details: form.data.kind === 'lift' ? {} : { days },
      ip: req.ip,
    });
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, `/forum/p/${post.id}/moderate`);
  });

  const managePage = async (
    req: Req,
    reply: FastifyReply,
    topic: TopicWithCategory,
    extra: { errors?: Record<string, string>; form?: string } = {},
  ) => {
    const categories = await listCategories(db, topic.network_id, ['public', 'members', 'staff']);
    const posts = await db
      .selectFrom('forum_posts as p')
      .leftJoin('users as u', 'u.id', 'p.author_id')
      .select(['p.id', 'p.body', 'u.display_name as author_name'])
      .where('p.topic_id', '=', topic.id)
      .where('p.status', 'in', ['visible', 'hidden'])
      .orderBy('p.id')
      .limit(500)
      .execute();
    return renderPage(
      req,
      reply,
      <TopicManagePage
        topic={{
          id: topic.id,
          title: topic.title,
          status: topic.status,
          locked: topic.locked === 1,
          pinned: topic.pinned === 1,
          categoryId: topic.category_id,
        }}
        categories={categories}
        posts={posts.map((p) => ({
          id: p.id,
          author_name: p.author_name,
          excerpt: p.body.replace(/\s+/g, ' ').slice(0, 120),
          isFirst: p.id === topic.first_post_id,
        }))}
        errors={extra.errors}
        form={extra.form}
      />,
      extra.errors ? 400 : 200,
    );
  };

  async function loadManagedTopic(req: Req, raw: string | undefined) {
    const found = await loadTopic(req, raw);
    if (!found || !authorize(req.actor, 'moderate', found.res)) return null;
    if (found.topic.status === 'merged' || found.topic.status === 'deleted') return null;
    return found;
  }

  app.get<IdParams>('/forum/t/:id/manage', { config: { access: 'moderator' } }, async (req, reply) => {
    const found = await loadManagedTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    return managePage(req, reply, found.topic);
  });

  app.post<IdParams>('/forum/t/:id/moderate', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.topicModerationForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const found = await loadManagedTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { topic } = found;
    const { action, reason } = form.data;
    switch (action) {
      case 'lock':
      case 'unlock':
        await setTopicFlags(db, topic.id, { locked: action === 'lock' ? 1 : 0 }, req.now);
        break;
      case 'pin':
      case 'unpin':
        await setTopicFlags(db, topic.id, { pinned: action === 'pin' ? 1 : 0 }, req.now);
        break;
      case 'hide':
      case 'restore':
        if (topic.status === 'pending')
          return managePage(req, reply, topic, { errors: { _form: req.i18n.t('forum.moderate.notApplicable') } });
        await setTopicStatus(db, topic.id, action === 'hide' ? 'hidden' : 'visible', req.now);
        break;
    }
    await logModeration(db, req.now, {
      networkId: topic.network_id,
      actorUserId: req.actor.user!.id,
      action: `topic.${action}` as ModAction,
      topicId: topic.id,
      reason,
      ip: req.ip,
    });
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, topicPath(topic));
  });

  app.post<IdParams>('/forum/t/:id/move', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.moveForm, req.body, req.i18n);
    const found = await loadManagedTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { topic } = found;
    if (!form.ok) return managePage(req, reply, topic, { errors: form.errors, form: 'move' });
    const target = await getCategory(db, form.data.category_id);
    if (!target || target.network_id !== topic.network_id)
      return managePage(req, reply, topic, { errors: { category_id: req.i18n.t('form.invalidChoice') }, form: 'move' });
    if (target.id !== topic.category_id) {
      await moveTopic(db, topic.id, target.id, req.now);
      await logModeration(db, req.now, {
        networkId: topic.network_id,
        actorUserId: req.actor.user!.id,
        action: 'topic.move',
        topicId: topic.id,
        categoryId: target.id,
        reason: form.data.reason,
        details: { from: topic.category_id, to: target.id },
        ip: req.ip,
      });
    }
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, topicPath(topic));
  });

  app.post<IdParams>('/forum/t/:id/merge', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.mergeForm, req.body, req.i18n);
    const found = await loadManagedTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { topic } = found;
    if (!form.ok) return managePage(req, reply, topic, { errors: form.errors, form: 'merge' });
    const into = await getTopic(db, form.data.into_topic_id);
    if (
      !into ||
      into.id === topic.id ||
      into.network_id !== topic.network_id ||
      into.status === 'merged' ||
      into.status === 'deleted'
    )
      return managePage(req, reply, topic, {
        errors: { into_topic_id: req.i18n.t('forum.manage.badTopic') },
        form: 'merge',
      });
    await mergeTopics(db, topic.id, into.id, req.now);
    await logModeration(db, req.now, {
      networkId: topic.network_id,
      actorUserId: req.actor.user!.id,
      action: 'topic.merge',
      topicId: into.id,
      reason: form.data.reason,
      details: { from: topic.id, into: into.id },
      ip: req.ip,
    });
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, topicPath(into));
  });

  app.post<IdParams>('/forum/t/:id/split', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.splitForm, req.body, req.i18n);
    const found = await loadManagedTopic(req, req.params.id);
    if (!found) return reply.callNotFound();
    const { topic } = found;
    if (!form.ok) return managePage(req, reply, topic, { errors: form.errors, form: 'split' });
    const target = await getCategory(db, form.data.category_id);
    const movable = await db
      .selectFrom('forum_posts')
      .select('id')
      .where('topic_id', '=', topic.id)
      .where('id', 'in', form.data.post_ids)
      .where('id', '!=', topic.first_post_id ?? 0)
      .execute();
    if (!target || target.network_id !== topic.network_id || movable.length !== new Set(form.data.post_ids).size)
      return managePage(req, reply, topic, { errors: { _form: req.i18n.t('forum.split.choosePosts') }, form: 'split' });
    const newId = await splitTopic(db, {
      fromId: topic.id,
      postIds: movable.map((m) => m.id),
      categoryId: target.id,
      title: form.data.title,
      now: req.now,
    });
    await logModeration(db, req.now, {
      networkId: topic.network_id,
      actorUserId: req.actor.user!.id,
      action: 'topic.split',
      topicId: newId,
      reason: form.data.reason,
      details: { from: topic.id, posts: movable.length },
      ip: req.ip,
    });
    reply.flashNext('forum.moderate.done');
    return seeOther(reply, topicPath({ id: newId, title: form.data.title }));
  });

  // ——— categories ———

  app.get('/forum/categories/new', { config: { access: 'moderator' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    if (!networkId || !isForumModerator(req.actor, networkId)) return reply.callNotFound();
    return renderPage(req, reply, <CategoryEditPage action="/forum/categories/new" isNew values={{}} />);
  });

  app.post('/forum/categories/new', { config: { access: 'moderator' } }, async (req, reply) => {
    const networkId = await defaultNetworkId(db);
    if (!networkId || !isForumModerator(req.actor, networkId)) return reply.callNotFound();
    const form = parseForm(s.categoryForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <CategoryEditPage action="/forum/categories/new" isNew values={form.raw} errors={form.errors} />,
        400,
      );
    const id = await saveCategory(db, null, networkId, form.data, req.now);
    await logModeration(db, req.now, {
      networkId,
      actorUserId: req.actor.user!.id,
      action: 'category.create',
      categoryId: id,
      details: { visibility: form.data.visibility },
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/forum/c/${id}/${slugify(form.data.name_en)}`);
  });

  app.get<IdParams>('/forum/c/:id/edit', { config: { access: 'moderator' } }, async (req, reply) => {
    const c = await loadCategory(req, req.params.id, 'manage');
    if (!c) return reply.callNotFound();
    return renderPage(req, reply, <CategoryEditPage action={`/forum/c/${c.id}/edit`} isNew={false} values={c} />);
  });

  app.post<IdParams>('/forum/c/:id/edit', { config: { access: 'moderator' } }, async (req, reply) => {
    const form = parseForm(s.categoryForm, req.body, req.i18n);
    const c = await loadCategory(req, req.params.id, 'manage');
    if (!c) return reply.callNotFound();
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <CategoryEditPage action={`/forum/c/${c.id}/edit`} isNew={false} values={form.raw} errors={form.errors} />,
        400,
      );
    await saveCategory(db, c.id, c.network_id, form.data, req.now);
    if (form.data.visibility !== c.visibility) {
      // Search entries move to the kinds of the new visibility.
      const topics = await db.selectFrom('forum_topics').select('id').where('category_id', '=', c.id).execute();
      for (const t of topics) await syncTopicSearch(db, t.id);
    }
    await logModeration(db, req.now, {
      networkId: c.network_id,
      actorUserId: req.actor.user!.id,
      action: 'category.edit',
      categoryId: c.id,
      details: { visibility: form.data.visibility },
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/forum/c/${c.id}/${slugify(form.data.name_en)}`);
  });
};
