// The forum's part of the cross-organization isolation property (src/testing/isolation.ts). The
// forum is network-wide, so the lines it must hold are between people and visibility levels; the
// rules come from README.md ("Permissions", "Search") and the comments in permissions.ts:
// - A category is read by everyone (public), anyone signed in (members) or anyone holding an
//   organization or network role (staff); its topics, replies, search results and feed follow it.
//   Only public categories have a feed.
// - Hidden and pending posts and topics are read by their author and the moderators (network
//   moderators and admins) only; the review queue, and the notes of flags, by moderators only.
//   Who flagged a post is shown to nobody, moderators included.
// - A post is changed by its author only; moderators hide and restore; categories are edited by
//   moderators. Following a topic is open to whoever may read it.
// Posting limits are not in the way: the fixtures are written with the feature's own functions,
// and the probes' changes are edits (not new posts), which have no rate limit.
import { makeUser, type Client } from '../../../testing/app.js';
import { rowState, who, PEOPLE, type IsolationWorld, type Person, type Probe } from '../../../testing/isolation.js';
import { createReply, createTopic } from '../topics/actions.js';
import { saveCategory } from '../topics/queries.js';
import { addFlag, setPostStatus } from '../posts/actions.js';
import { setTopicStatus } from '../moderation/actions.js';
import type { CategoryInput } from '../schemas.js';
import type { CategoryVisibility } from '../tables.js';

type Rule = (p: Person) => boolean;

export async function forumProbes(w: IsolationWorld): Promise<Probe[]> {
  const { t, users, c, net } = w;
  const db = t.handle.db;
  const now = t.clock.now;
  /** Markers end in X so that none is the beginning of another. */
  const mk = (code: string) => `ISOF${code}X`;
  const moderators = who.is('moderator', 'netAdmin');
  const personOf = (client: Client): Person => PEOPLE.find((p) => c[p] === client)!;
  const probes: Probe[] = [];

  // ——— categories ———
  const readersOf: Record<CategoryVisibility, Rule> = {
    public: who.everyone,
    members: who.signedIn,
    staff: who.network,
  };
  const categoryInput = (visibility: CategoryVisibility, description = ''): CategoryInput => ({
    name_ar: `قسم ${mk(`CAT${visibility.toUpperCase()}`)}`,
    name_en: `Category ${mk(`CAT${visibility.toUpperCase()}`)}`,
    description_ar: description,
    description_en: description,
    visibility,
    topic_creators: 'members',
    approval: 'none',
    position: 0,
  });
  const category = {} as Record<CategoryVisibility, number>;
  for (const visibility of ['public', 'members', 'staff'] as const) {
    const id = await saveCategory(db, null, net, categoryInput(visibility), now);
    category[visibility] = id;
    probes.push({
      name: `forum: a ${visibility} category (edited by moderators)`,
      marker: mk(`CAT${visibility.toUpperCase()}`),
      readers: readersOf[visibility],
      pages: [`/forum/c/${id}`],
      lists: ['/forum', '/forum/search?q=kwfnothing', '/forum/moderation-log'],
      write: {
        writers: moderators,
        send: (client, n) => {
          const { position, ...rest } = categoryInput(visibility, `n${n}`);
          return client.post(`/forum/c/${id}/edit`, { ...rest, position: String(position) });
        },
        state: rowState(db, 'forum_categories', ['name_en', 'description_en', 'visibility'], id),
      },
    });
  }

  // Each category has been edited once: the public moderation log names it, to those who may read it.
  for (const visibility of ['public', 'members', 'staff'] as const) {
    const { position, ...rest } = categoryInput(visibility);
    const res = await c.moderator.post(`/forum/c/${category[visibility]}/edit`, {
      ...rest,
      position: String(position),
    });
    if (res.statusCode !== 303) throw new Error(`forum isolation fixture: category edit → ${res.statusCode}`);
  }

  // ——— topics and replies ———
  const topic = (
    visibility: CategoryVisibility,
    title: string,
    body: string,
    authorId: number,
    status: 'visible' | 'pending' = 'visible',
  ) => createTopic(w.t.app.wasl, { categoryId: category[visibility], title, body, authorId, status, now });
  const reply = (topicId: number, body: string, authorId: number, status: 'visible' | 'pending' = 'visible') =>
    createReply(w.t.app.wasl, { topicId, body, authorId, status, now });
  const postState = (postId: number) => rowState(db, 'forum_posts', ['body', 'status', 'edit_count'], postId);
  /** An edit of a post by whoever sends it; a first post keeps its title. */
  const edit = (postId: number, writers: Rule, keyword: string, title?: string): NonNullable<Probe['write']> => ({
    writers,
    send: (client, n) =>
      client.post(`/forum/p/${postId}/edit`, { ...(title ? { title } : {}), body: `${keyword} ${n}` }),
    state: postState(postId),
  });
  const topicLists = (visibility: CategoryVisibility, keyword: string) => [
    '/forum',
    '/',
    `/forum/c/${category[visibility]}`,
    `/forum/c/${category[visibility]}/feed.atom`,
    `/forum/search?q=${keyword}`,
    '/forum/notifications',
    '/forum/moderation-log',
    // The site-wide search asks for public forum kinds only.
    ...(visibility === 'public' ? [] : [`/search?q=${keyword}`]),
  ];

  const authors: Record<CategoryVisibility, { topic: Person; reply: Person }> = {
    public: { topic: 'staffA', reply: 'member' },
    members: { topic: 'member', reply: 'adminB' },
    staff: { topic: 'staffB', reply: 'staffA' },
  };
  const topics = {} as Record<CategoryVisibility, { id: number; first: number }>;
  let firstTopic = 0;
  for (const visibility of ['public', 'members', 'staff'] as const) {
    const v = visibility.toUpperCase();
    const marker = mk(`TOPIC${v}`);
    const keyword = `kwftopic${visibility}`;
    const title = `موضوع ${marker}`;
    const by = authors[visibility];
    const { topicId, postId } = await topic(visibility, title, keyword, users[by.topic as keyof typeof users]);
    topics[visibility] = { id: topicId, first: postId };
    // Quoting works within a topic only: a reply box elsewhere must not take in this topic's posts.
    firstTopic ||= topicId;
    // A reply that mentions a plain member and C's admin: only those who may read the category
    // hear of it.
    const replyMarker = mk(`REPLY${v}`);
    const replyKeyword = `kwfreply${visibility}`;
    const replyId = await reply(
      topicId,
      `${replyMarker} ${replyKeyword} @iso_member @iso_admin_c`,
      users[by.reply as keyof typeof users],
    );
    probes.push(
      {
        name: `forum: a topic in a ${visibility} category (edited by its author)`,
        marker,
        readers: readersOf[visibility],
        pages: [`/forum/t/${topicId}`, `/forum/p/${postId}/history`],
        lists: topicLists(visibility, keyword),
        write: edit(postId, who.is(by.topic), keyword, title),
      },
      {
        name: `forum: the edit form of a topic in a ${visibility} category (its author)`,
        marker,
        readers: who.is(by.topic),
        pages: [`/forum/p/${postId}/edit`],
      },
      {
        name: `forum: a reply in a ${visibility} category (edited by its author)`,
        marker: replyMarker,
        readers: readersOf[visibility],
        pages: [`/forum/p/${replyId}/history`, `/forum/t/${topicId}`],
        lists: [...topicLists(visibility, replyKeyword), `/forum/t/${firstTopic}?quote=${replyId}`],
        write: edit(replyId, who.is(by.reply), `${replyMarker} ${replyKeyword}`),
      },
    );
  }

  // Following a staff-only topic: whoever may read it, each for themselves.
  {
    const topicId = topics.staff.id;
    probes.push({
      name: 'forum: following a topic in a staff category',
      marker: mk('TOPICSTAFF'),
      readers: readersOf.staff,
      pages: [`/forum/t/${topicId}`],
      write: {
        writers: readersOf.staff,
        send: async (client) => {
          const p = personOf(client);
          const userId = p === 'anonymous' ? 0 : users[p];
          const on = await db
            .selectFrom('forum_subscriptions')
            .select('user_id')
            .where('user_id', '=', userId)
            .where('target_type', '=', 'topic')
            .where('target_id', '=', topicId)
            .executeTakeFirst();
          return client.post(`/forum/t/${topicId}/subscribe`, { subscribe: on ? 'off' : 'on' });
        },
        state: async () =>
          (
            await db
              .selectFrom('forum_subscriptions')
              .select('user_id')
              .where('target_type', '=', 'topic')
              .where('target_id', '=', topicId)
              .orderBy('user_id')
              .execute()
          ).map((r) => r.user_id),
      },
    });
  }

  // ——— hidden and pending posts and topics, flags, the review queue ———
  const publicTopic = topics.public.id;
  const postStatusAndLog = (postId: number, topicId: number) => async () => ({
    post: await postState(postId)(),
    topic: await rowState(db, 'forum_topics', ['status'], topicId)(),
    log: Number(
      (
        await db
          .selectFrom('forum_mod_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('topic_id', '=', topicId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  /** Moderators restore a hidden post or topic and hide it again, so that it stays hidden for the other cases. */
  const restoreAndHide = (moderate: string, postId: number, topicId: number): NonNullable<Probe['write']> => ({
    writers: moderators,
    send: async (client) => {
      const res = await client.post(moderate, { action: 'restore', reason: '' });
      if (res.statusCode !== 303) return res;
      return client.post(moderate, { action: 'hide', reason: '' });
    },
    state: postStatusAndLog(postId, topicId),
  });
  {
    const marker = mk('REPLYHIDDEN');
    const postId = await reply(publicTopic, `${marker} kwfreplyhidden`, users.adminB);
    await setPostStatus(w.t.app.wasl, postId, 'hidden', 'moderator', { now });
    probes.push({
      name: 'forum: a reply hidden by a moderator (its author and moderators; moderators restore and hide)',
      marker,
      readers: who.any(who.is('adminB'), moderators),
      pages: [`/forum/p/${postId}/history`],
      // Nor may it be quoted into a reply box or shown on the flag form.
      lists: [
        `/forum/t/${publicTopic}`,
        `/forum/t/${publicTopic}?quote=${postId}`,
        `/forum/p/${postId}/flag`,
        '/forum/search?q=kwfreplyhidden',
        `/forum/c/${category.public}/feed.atom`,
      ],
      write: restoreAndHide(`/forum/p/${postId}/moderate`, postId, publicTopic),
    });
  }
  {
    const marker = mk('REPLYPENDING');
    const postId = await reply(publicTopic, `${marker} kwfreplypending`, users.member, 'pending');
    probes.push({
      name: 'forum: a reply awaiting approval (its author and moderators; its author edits it)',
      marker,
      readers: who.any(who.is('member'), moderators),
      pages: [`/forum/p/${postId}/history`],
      lists: [
        `/forum/t/${publicTopic}`,
        `/forum/t/${publicTopic}?quote=${postId}`,
        `/forum/p/${postId}/flag`,
        '/forum/review',
        '/forum/search?q=kwfreplypending',
      ],
      write: edit(postId, who.is('member'), `${marker} kwfreplypending`),
    });
  }
  {
    const marker = mk('TOPICHIDDEN');
    const { topicId, postId } = await topic('public', `موضوع ${marker}`, 'kwftopichidden', users.adminB);
    await setTopicStatus(db, topicId, 'hidden', now);
    probes.push({
      name: 'forum: a topic hidden by a moderator (its author and moderators; moderators restore and hide)',
      marker,
      readers: who.any(who.is('adminB'), moderators),
      pages: [`/forum/t/${topicId}`, `/forum/p/${postId}/history`],
      lists: topicLists('public', 'kwftopichidden'),
      write: restoreAndHide(`/forum/t/${topicId}/moderate`, postId, topicId),
    });
  }
  {
    const marker = mk('TOPICPENDING');
    const title = `موضوع ${marker}`;
    const { topicId, postId } = await topic('public', title, 'kwftopicpending', users.member, 'pending');
    probes.push({
      name: 'forum: a topic awaiting approval (its author and moderators; its author edits it)',
      marker,
      readers: who.any(who.is('member'), moderators),
      pages: [`/forum/t/${topicId}`, `/forum/p/${postId}/history`],
      lists: [...topicLists('public', 'kwftopicpending'), '/forum/review'],
      write: edit(postId, who.is('member'), 'kwftopicpending', title),
    });
  }
  {
    // A reply flagged by someone whose name shows nowhere else: the note is for moderators, the
    // flagger's identity for nobody.
    const flagger = await makeUser(db, { username: 'iso_flagger', displayName: mk('FLAGGER') });
    const postId = await reply(publicTopic, 'kwfreplyflagged', users.editor);
    await addFlag(db, {
      postId,
      flaggerId: flagger.id,
      reason: 'off_topic',
      note: mk('FLAGNOTE'),
      trusted: false,
      now,
    });
    probes.push(
      {
        name: 'forum: the note of a flag (the review queue: moderators)',
        marker: mk('FLAGNOTE'),
        readers: moderators,
        pages: ['/forum/review', `/forum/p/${postId}/moderate`],
        lists: [`/forum/t/${publicTopic}`, '/forum/moderation-log', '/forum/notifications'],
      },
      {
        name: 'forum: who flagged a post (nobody, moderators included)',
        marker: mk('FLAGGER'),
        readers: who.nobody,
        pages: [`/forum/p/${postId}/flags`],
        lists: ['/forum/review', `/forum/p/${postId}/moderate`, `/forum/t/${publicTopic}`, '/forum/moderation-log'],
      },
    );
  }

  return probes;
}
