// Moderation: the review queue, one post's moderation and its author's sanctions, a topic's
// management (lock, pin, hide, move, merge, split), categories, and the public moderation log.
// Every action goes to the public log (without who acted) and to the core audit log (with it).
import { safeLocalPath } from '../../../core/http/forms.js';
import { form, FormErrors, page, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { flag, fromJson } from '../../../core/db/helpers.js';
import { localized } from '../../../core/i18n/localized.js';
import { DAY } from '../../../core/time.js';
import {
  category,
  forumNetwork,
  isForumModerator,
  managedTopic,
  moderatedNetwork,
  post,
  visibleLevels,
  type LoadedPost,
  type LoadedTopic,
} from '../permissions.js';
import * as s from '../schemas.js';
import { chrome, showForm } from '../context.js';
import { categoryPath, topicPath, topicState } from '../components.js';
import { erasePost, resolveFlags, setPostStatus } from '../posts/actions.js';
import { openFlagsOn } from '../posts/queries.js';
import { withCurrentHtml } from '../posts/text.js';
import { memberStanding } from '../posts/trust.js';
import { syncTopicsSearch } from '../topics/indexing.js';
import { categoryTopicIds, getCategory, getTopic, listCategories, saveCategory } from '../topics/queries.js';
import {
  mergeTopics,
  moderated,
  moveTopic,
  setSanction,
  setTopicFlags,
  setTopicStatus,
  splitTopic,
  type ModAction,
} from './actions.js';
import {
  countByReason,
  isModeratorAccount,
  moderationLog,
  moderationLogCount,
  MOD_LOG_PER_PAGE,
  repliesAmong,
  reviewQueue,
  splittablePosts,
} from './queries.js';
import { ReviewPage, PostModeratePage } from './views/review.js';
import { CategoryEditPage, TopicManagePage } from './views/manage.js';
import { ModerationLogPage, type ModLogRow } from './views/log.js';

const access = 'moderator' as const;

async function moderatePage(c: MemberCtx, found: LoadedPost, state: FormState | null) {
  const [flags, [p]] = await Promise.all([openFlagsOn(c.db, found.post.id), withCurrentHtml(c.db, [found.post])]);
  const authorId = found.post.author_id;
  let author = null;
  if (authorId) {
    const [st, isModerator] = await Promise.all([
      memberStanding(c.db, authorId, c.now),
      isModeratorAccount(c.db, authorId),
    ]);
    author = {
      level: st.level,
      silencedUntil: st.silencedUntil,
      suspendedUntil: st.suspendedUntil,
      isModerator: isModerator || authorId === c.user.id,
    };
  }
  return showForm(
    c,
    <PostModeratePage
      post={{
        id: p!.id,
        status: p!.status,
        body_html: p!.body_html,
        author_name: p!.author_name,
        topicId: p!.topic_id,
        topicTitle: p!.topic_title,
        created_at: p!.created_at,
      }}
      flags={countByReason(flags)}
      notes={flags.map((f) => f.note).filter(Boolean)}
      author={author}
      state={state}
    />,
    state,
  );
}

async function managePage(c: MemberCtx, { topic }: LoadedTopic, state: FormState | null) {
  const [categories, posts] = await Promise.all([
    listCategories(c.db, topic.network_id, ['public', 'members', 'staff']),
    splittablePosts(c.db, topic.id),
  ]);
  return showForm(
    c,
    <TopicManagePage
      topic={{ ...topicState(topic), categoryId: topic.category_id }}
      categories={categories}
      posts={posts.map((x) => ({
        id: x.id,
        author_name: x.author_name,
        excerpt: x.body.replace(/\s+/g, ' ').slice(0, 120),
        isFirst: x.id === topic.first_post_id,
      }))}
      state={state}
    />,
    state,
  );
}

/** Which moderation actions make sense for a post in this state. */
const applicable: Record<s.PostModeration, (status: string) => boolean> = {
  hide: (st) => st === 'visible',
  restore: (st) => st === 'hidden',
  delete: (st) => st !== 'deleted',
  approve: (st) => st === 'pending',
  reject: (st) => st === 'pending',
  dismiss: (st) => st === 'visible' || st === 'hidden',
};

/** The forms of a topic's management page: refused, that page again. */
const onManagePage = { access, load: managedTopic, show: managePage };

const done = (to: string) => ({ to, flash: 'forum.moderate.done' as const });

/** A category chosen for a topic's posts: only one of the topic's own network. */
async function categoryInNetwork(c: MemberCtx, categoryId: number, networkId: number) {
  const target = await getCategory(c.db, categoryId);
  return target && target.network_id === networkId ? target : undefined;
}

export const moderationRoutes = [
  page('/forum/review', {
    access,
    async render(c) {
      const networks = [...c.actor.networkRoles.keys()].filter((n) => isForumModerator(c.actor, n));
      const queue = await reviewQueue(c.db, networks);
      return <ReviewPage flagged={queue.flagged} pending={queue.pending} />;
    },
  }),

  form('/forum/p/:id/moderate', {
    access,
    get: true,
    load: post('moderate'),
    schema: s.postModerationForm,
    show: moderatePage,
    check: (c, { post: p }, { action }) =>
      applicable[action](p.status) ? undefined : { _form: c.t('forum.moderate.notApplicable') },
    async save(c, { post: p }, { action, reason, next }) {
      const ctx = { now: c.now };
      let logAction: ModAction;
      switch (action) {
        case 'hide':
          await setPostStatus(c.wasl, p.id, 'hidden', 'moderator', { ...ctx, resolveFlags: 'upheld' });
          logAction = 'post.hide';
          break;
        case 'restore':
          await setPostStatus(c.wasl, p.id, 'visible', null, { ...ctx, resolveFlags: 'dismissed' });
          logAction = 'post.restore';
          break;
        case 'approve':
          await setPostStatus(c.wasl, p.id, 'visible', null, ctx);
          logAction = 'post.approve';
          break;
        case 'delete':
        case 'reject':
          await erasePost(c.db, p.id, c.now);
          logAction = action === 'delete' ? 'post.delete' : 'post.reject';
          break;
        case 'dismiss':
          await resolveFlags(c.db, p.id, 'dismissed', c.now);
          logAction = 'flags.dismiss';
      }
      await moderated(c, { networkId: p.network_id, action: logAction, topicId: p.topic_id, postId: p.id, reason });
      return done(safeLocalPath(next, `/forum/p/${p.id}/moderate`));
    },
  }),

  form('/forum/p/:id/sanction', {
    access,
    load: post('moderate'),
    schema: s.sanctionForm,
    show: moderatePage,
    // Not oneself, nor another moderator.
    async check(c, { post: p }) {
      if (!p.author_id || p.author_id === c.user.id || (await isModeratorAccount(c.db, p.author_id)))
        return { _form: c.t('forum.moderate.notApplicable') };
    },
    async save(c, { post: p }, data) {
      const days = Number(data.days);
      const until = data.kind === 'lift' ? null : new Date(c.now.getTime() + days * DAY);
      await setSanction(c.db, p.author_id!, data.kind, until, data.reason, c.now);
      await moderated(c, {
        networkId: p.network_id,
        action: `member.${data.kind}`,
        subjectUserId: p.author_id,
        reason: data.reason,
        details: data.kind === 'lift' ? {} : { days },
      });
      return done(`/forum/p/${p.id}/moderate`);
    },
  }),

  page('/forum/t/:id/manage', {
    access,
    load: managedTopic,
    render: (c, found) => managePage(c, found, null),
  }),

  form('/forum/t/:id/moderate', {
    ...onManagePage,
    schema: s.topicModerationForm,
    check: (c, { topic }, { action }) =>
      (action === 'hide' || action === 'restore') && topic.status === 'pending'
        ? { _form: c.t('forum.moderate.notApplicable') }
        : undefined,
    async save(c, { topic }, { action, reason }) {
      if (action === 'lock' || action === 'unlock')
        await setTopicFlags(c.db, topic.id, { locked: flag(action === 'lock') }, c.now);
      else if (action === 'pin' || action === 'unpin')
        await setTopicFlags(c.db, topic.id, { pinned: flag(action === 'pin') }, c.now);
      else await setTopicStatus(c.db, topic.id, action === 'hide' ? 'hidden' : 'visible', c.now);
      await moderated(c, { networkId: topic.network_id, action: `topic.${action}`, topicId: topic.id, reason });
      return done(topicPath(topic));
    },
  }),

  form('/forum/t/:id/move', {
    ...onManagePage,
    schema: s.moveForm,
    async save(c, { topic }, data) {
      const target = await categoryInNetwork(c, data.category_id, topic.network_id);
      if (!target) throw new FormErrors({ category_id: c.t('form.invalidChoice') });
      if (target.id !== topic.category_id) {
        await moveTopic(c.db, topic.id, target.id, c.now);
        await moderated(c, {
          networkId: topic.network_id,
          action: 'topic.move',
          topicId: topic.id,
          categoryId: target.id,
          reason: data.reason,
          details: { from: topic.category_id, to: target.id },
        });
      }
      return done(topicPath(topic));
    },
  }),

  form('/forum/t/:id/merge', {
    ...onManagePage,
    schema: s.mergeForm,
    async save(c, { topic }, data) {
      const into = await getTopic(c.db, data.into_topic_id);
      if (
        !into ||
        into.id === topic.id ||
        into.network_id !== topic.network_id ||
        into.status === 'merged' ||
        into.status === 'deleted'
      )
        throw new FormErrors({ into_topic_id: c.t('forum.manage.badTopic') });
      await mergeTopics(c.db, topic.id, into.id, c.now);
      await moderated(c, {
        networkId: topic.network_id,
        action: 'topic.merge',
        topicId: into.id,
        reason: data.reason,
        details: { from: topic.id, into: into.id },
      });
      return done(topicPath(into));
    },
  }),

  form('/forum/t/:id/split', {
    ...onManagePage,
    schema: s.splitForm,
    async save(c, { topic }, data) {
      const target = await categoryInNetwork(c, data.category_id, topic.network_id);
      const movable = await repliesAmong(c.db, topic.id, topic.first_post_id, data.post_ids);
      if (!target || movable.length !== new Set(data.post_ids).size)
        throw new FormErrors({ _form: c.t('forum.split.choosePosts') });
      const newId = await splitTopic(c.db, {
        fromId: topic.id,
        postIds: movable,
        categoryId: target.id,
        title: data.title,
        now: c.now,
      });
      await moderated(c, {
        networkId: topic.network_id,
        action: 'topic.split',
        topicId: newId,
        reason: data.reason,
        details: { from: topic.id, posts: movable.length },
      });
      return done(topicPath({ id: newId, title: data.title }));
    },
  }),

  form('/forum/categories/new', {
    access,
    get: true,
    load: moderatedNetwork,
    schema: s.categoryForm,
    show: (c, _network, state) =>
      showForm(c, <CategoryEditPage action="/forum/categories/new" isNew values={{}} state={state} />, state),
    async save(c, networkId, data) {
      const id = await saveCategory(c.db, null, networkId, data, c.now);
      await moderated(c, {
        networkId,
        action: 'category.create',
        categoryId: id,
        details: { visibility: data.visibility },
      });
      return categoryPath({ id, ...data });
    },
  }),

  form('/forum/c/:id/edit', {
    access,
    get: true,
    load: category('manage'),
    schema: s.categoryForm,
    show: (c, cat, state) =>
      showForm(
        c,
        <CategoryEditPage action={`/forum/c/${cat.id}/edit`} isNew={false} values={cat} state={state} />,
        state,
      ),
    async save(c, cat, data) {
      await saveCategory(c.db, cat.id, cat.network_id, data, c.now);
      // Search entries move to the kinds of the new visibility.
      if (data.visibility !== cat.visibility) await syncTopicsSearch(c.db, await categoryTopicIds(c.db, cat.id));
      await moderated(c, {
        networkId: cat.network_id,
        action: 'category.edit',
        categoryId: cat.id,
        details: { visibility: data.visibility },
      });
      return categoryPath({ id: cat.id, ...data });
    },
  }),

  page('/forum/moderation-log', {
    access: 'public',
    query: s.pageQuery,
    load: forumNetwork,
    async render(c, networkId) {
      const levels = visibleLevels(c.actor);
      const [log, total, ch] = await Promise.all([
        moderationLog(c.db, networkId, c.query.page),
        moderationLogCount(c.db, networkId),
        chrome(c),
      ]);
      const rows: ModLogRow[] = log.map((r) => {
        const topicReadable =
          r.topic_id !== null &&
          r.topic_status === 'visible' &&
          r.topic_visibility !== null &&
          levels.includes(r.topic_visibility) &&
          !!r.topic_title;
        const details = fromJson<{ days?: number }>(r.details, {});
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
              ? localized({ name_ar: r.category_name_ar, name_en: r.category_name_en }, 'name', c.locale)
              : null,
          subjectName: r.subject_name,
          days: typeof details.days === 'number' ? details.days : null,
        };
      });
      return (
        <ModerationLogPage
          {...ch}
          rows={rows}
          page={c.query.page}
          pageCount={Math.max(1, Math.ceil(total / MOD_LOG_PER_PAGE))}
        />
      );
    },
  }),
];
