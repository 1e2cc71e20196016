// One post: its permalink, its edit history, editing and deleting it (its author; deleting also
// its moderators), flagging it (other members). Anything the viewer may not see answers 404.
import { badRequest } from '../../../core/http/errors.js';
import { endpoint, form, page, redirectTo, type MemberCtx } from '../../../core/http/route.js';
import { post, type LoadedPost } from '../permissions.js';
import * as s from '../schemas.js';
import { baseUrl, refuse, showForm } from '../context.js';
import type { FormState } from '../../../core/views/forms.js';
import { logModeration, moderated } from '../moderation/actions.js';
import { addFlag, editPost, erasePost, setPostStatus } from './actions.js';
import { postRevisions, postUrl, hasFlagged } from './queries.js';
import { countLinks, withCurrentHtml } from './text.js';
import {
  checkFlagAllowed,
  reachesHideThreshold,
  refusalMessage,
  sanctionRefusal,
  secondsUntil,
  trustedFlagCounts,
} from './trust.js';
import { refusePosting, standingOf } from './posting.js';
import { EditPostPage, FlagPage, HistoryPage } from './views.js';

const place = ({ post: p }: LoadedPost) => ({ id: p.id, topicId: p.topic_id, topicTitle: p.topic_title });

function editPage(c: MemberCtx, found: LoadedPost, state: FormState | null) {
  const isFirst = found.post.first_post_id === found.post.id;
  return showForm(
    c,
    <EditPostPage
      post={{ ...place(found), isFirst, canDelete: c.can('delete', found.res) }}
      values={{ title: isFirst ? found.post.topic_title : undefined, body: found.post.body }}
      state={state}
    />,
    state,
  );
}

async function flagPage(c: MemberCtx, found: LoadedPost, state: FormState | null, notice?: string | null) {
  const [p] = await withCurrentHtml(c.db, [found.post]);
  return showForm(
    c,
    <FlagPage
      post={{ ...place(found), author_name: p!.author_name, body_html: p!.body_html }}
      state={state}
      notice={notice}
    />,
    state,
  );
}

export const postRoutes = [
  // A permalink: only a redirect to the post's place in its topic.
  endpoint('GET', '/forum/p/:id', {
    access: 'public',
    load: post('view'),
    handle: async (c, { post: p }) => redirectTo(c.reply, await postUrl(c.db, p.id), 302),
  }),

  page('/forum/p/:id/history', {
    access: 'public',
    load: post('readContent'),
    async render(c, found) {
      const isFirst = found.post.first_post_id === found.post.id;
      // Earlier versions were rendered by the same pipeline, so mentions show display names there too.
      const [[p], revisions] = await Promise.all([
        withCurrentHtml(c.db, [found.post]),
        postRevisions(c.db, found.post.id).then((rs) => withCurrentHtml(c.db, rs)),
      ]);
      return (
        <HistoryPage
          post={{ ...place(found), author_name: p!.author_name }}
          current={{ html: p!.body_html, at: p!.edited_at ?? p!.created_at, title: isFirst ? p!.topic_title : null }}
          revisions={revisions.map((r) => ({
            html: r.body_html,
            writtenAt: r.written_at,
            title: isFirst ? r.title : null,
          }))}
        />
      );
    },
  }),

  form('/forum/p/:id/edit', {
    access: 'member',
    get: true,
    load: post('edit'),
    schema: s.editForm,
    show: editPage,
    check(c, { post: p }, data) {
      const isFirst = p.first_post_id === p.id;
      if (isFirst && !data.title) return { title: c.t('form.required') };
      if (!isFirst && data.title !== undefined) return { _form: c.t('form.unknownFields') };
    },
    async save(c, { post: p }, data) {
      const isFirst = p.first_post_id === p.id;
      const standing = await standingOf(c, c.user.id);
      const links = countLinks(data.body, baseUrl(c));
      const block =
        sanctionRefusal(standing) ??
        (links > standing.limits.linksPerPost && links > p.link_count
          ? ({ kind: 'links', limit: standing.limits.linksPerPost } as const)
          : null);
      if (block) refusePosting(c, block);
      if (data.body !== p.body || (isFirst && data.title !== p.topic_title))
        await editPost(c.wasl, p, {
          body: data.body,
          title: isFirst ? data.title! : null,
          oldTitle: isFirst ? p.topic_title : null,
          now: c.now,
        });
      return postUrl(c.db, p.id);
    },
  }),

  form('/forum/p/:id/delete', {
    access: 'member',
    load: post('delete'),
    schema: s.deleteForm,
    // Without the confirmation: the edit page again (a moderator deleting from elsewhere: a plain 400).
    show: (c, found, state) => (c.can('edit', found.res) ? editPage(c, found, state) : badRequest(c.req, c.reply)),
    async save(c, { post: p }) {
      const { topicErased } = await erasePost(c.db, p.id, c.now);
      if (p.author_id !== c.user.id)
        await moderated(c, { networkId: p.network_id, action: 'post.delete', topicId: p.topic_id, postId: p.id });
      return {
        to: topicErased ? `/forum/c/${p.category_id}` : await postUrl(c.db, p.id),
        flash: 'common.deleted',
      };
    },
  }),

  form('/forum/p/:id/flag', {
    access: 'member',
    get: true,
    load: post('flag'),
    schema: s.flagForm,
    async show(c, found, state) {
      const already = !state && (await hasFlagged(c.db, found.post.id, c.user.id));
      return flagPage(c, found, state, already ? c.t('forum.flag.already') : null);
    },
    async save(c, { post: p }, data) {
      if (await hasFlagged(c.db, p.id, c.user.id)) refuse(c, 400, c.t('forum.flag.already'));
      const standing = await standingOf(c, c.user.id);
      if (standing.suspendedUntil)
        refuse(
          c,
          403,
          refusalMessage(
            c.i18n,
            { kind: 'suspended', until: standing.suspendedUntil, reason: standing.sanctionReason },
            c.now,
          ).message,
        );
      const until = await checkFlagAllowed(c.db, c.user.id, standing, c.now);
      if (until)
        refuse(
          c,
          429,
          c.t('forum.limit.flags', { date: c.i18n.dateTime(until), relative: c.i18n.relative(until, c.now) }),
          secondsUntil(until, c.now),
        );
      await addFlag(c.db, {
        postId: p.id,
        flaggerId: c.user.id,
        reason: data.reason,
        note: data.note,
        trusted: standing.level >= 1,
        now: c.now,
      });
      if (p.status === 'visible' && reachesHideThreshold(await trustedFlagCounts(c.db, p.id))) {
        await setPostStatus(c.wasl, p.id, 'hidden', 'flags', { now: c.now });
        // Hidden by the community, not by the flagger: the system acts, in both logs.
        await logModeration(c.db, c.now, {
          networkId: p.network_id,
          actorUserId: null,
          action: 'post.autohide',
          topicId: p.topic_id,
          postId: p.id,
        });
      }
      return { to: await postUrl(c.db, p.id), flash: 'forum.flag.thanks' };
    },
  }),
];
