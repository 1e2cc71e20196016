// Reading the forum through HTTP, as browsers use it: who may read and write where, pages and
// feeds escaping what people write, search by visibility, pagination and permalinks, unread
// markers (reading writes nothing), and the forum's block on the home page.
import { describe, expect, it } from 'vitest';
import { createReply } from './actions.js';
import { readMarker } from '../subscriptions/queries.js';
import { benchPaths } from '../testing/bench.js';
import { anon, cat, mod, t, useForumWorld } from '../testing/world.js';
import { lastPostOf, newTopic, person, refresh, tick } from '../testing/people.js';

useForumWorld();

const readMarkerOf = (userId: number, topicId: number) => readMarker(t.handle.db, userId, topicId);

async function firstPostOf(topicId: number) {
  return t.handle.db
    .selectFrom('forum_posts')
    .select('id')
    .where('topic_id', '=', topicId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/** A member's read markers and unread notifications (ids). */
async function readingStateOf(userId: number) {
  const db = t.handle.db;
  const [reads, unread] = await Promise.all([
    db
      .selectFrom('forum_reads')
      .select(['topic_id', 'last_read_post_id'])
      .where('user_id', '=', userId)
      .orderBy('topic_id')
      .execute(),
    db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return { reads, unread: unread.map((n) => n.id) };
}

describe('permissions per category and role', () => {
  it('shows each category only to those it is meant for, and 404s the rest', async () => {
    const member = await person();
    const staff = await person({ staff: true });
    const home = await anon.get('/forum');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('قسم News');
    expect(home.body).not.toContain('قسم Members');
    expect(home.body).not.toContain('قسم Staff');
    expect((await anon.get(`/forum/c/${cat.members}`)).statusCode).toBe(404);
    expect((await anon.get(`/forum/c/${cat.staff}`)).statusCode).toBe(404);
    expect((await member.c.get(`/forum/c/${cat.members}`)).statusCode).toBe(301);
    expect((await member.c.get(`/forum/c/${cat.members}/members`)).statusCode).toBe(200);
    expect((await member.c.get(`/forum/c/${cat.staff}/staff`)).statusCode).toBe(404);
    expect((await staff.c.get(`/forum/c/${cat.staff}/staff`)).statusCode).toBe(200);
    const memberHome = await member.c.get('/forum');
    expect(memberHome.body).toContain('قسم Members');
    expect(memberHome.body).not.toContain('قسم Staff');
  });

  it('keeps members-only and staff-only topics, posts and permalinks from those who may not read them', async () => {
    const staff = await person({ staff: true });
    const member = await person();
    const m = await newTopic(member, cat.members, 'Members-only plans for the trainees', 'Only for signed-in members.');
    expect(m.res.statusCode).toBe(303);
    tick();
    const s = await newTopic(staff, cat.staff, 'Staff-only coordination of visits', 'Only for staff of the network.');
    expect(s.res.statusCode).toBe(303);
    for (const url of [`/forum/t/${m.topicId}`, `/forum/p/${m.postId}`, `/forum/p/${m.postId}/history`])
      expect((await anon.get(url)).statusCode, url).toBe(404);
    for (const url of [`/forum/t/${s.topicId}`, `/forum/p/${s.postId}`]) {
      expect((await anon.get(url)).statusCode, url).toBe(404);
      expect((await member.c.get(url)).statusCode, url).toBe(404);
    }
    expect((await member.c.get(`/forum/p/${m.postId}`)).statusCode).toBe(302);
    expect((await staff.c.get(`/forum/p/${s.postId}`)).statusCode).toBe(302);
    // A member cannot reply into the staff space even by posting directly.
    const direct = await member.c.post(`/forum/t/${s.topicId}/reply`, { body: 'Trying to get in' });
    expect(direct.statusCode).toBe(404);
    // The latest list on the home page follows the same rules.
    expect((await anon.get('/forum')).body).not.toContain('Members-only plans');
    expect((await member.c.get('/forum')).body).toContain('Members-only plans');
    expect((await member.c.get('/forum')).body).not.toContain('Staff-only coordination');
  });

  it('lets only staff start topics where the category says so', async () => {
    const member = await person();
    const staff = await person({ staff: true });
    expect((await member.c.get(`/forum/c/${cat.announce}/new`)).statusCode).toBe(404);
    const refused = await member.c.post(`/forum/c/${cat.announce}/new`, {
      title: 'A member announcement',
      body: 'Hello all',
    });
    expect(refused.statusCode).toBe(404);
    expect((await staff.c.get(`/forum/c/${cat.announce}/new`)).statusCode).toBe(200);
    expect(
      (await newTopic(staff, cat.announce, 'Training course in Azaz', 'Apply by the end of the month.')).res.statusCode,
    ).toBe(303);
  });

  it('sends anonymous writers to sign in and refuses members the moderators’ pages', async () => {
    const member = await person();
    const post = await anon.post(
      `/forum/c/${cat.news}/new`,
      { title: 'Anonymous title', body: 'text' },
      { csrf: null },
    );
    expect([303, 403]).toContain(post.statusCode);
    if (post.statusCode === 303) expect(String(post.headers.location)).toMatch(/^\/login/);
    const login = await anon.get(`/forum/c/${cat.news}/new`);
    expect(login.statusCode).toBe(303);
    expect(String(login.headers.location)).toMatch(/^\/login\?next=/);
    expect((await member.c.get('/forum/review')).statusCode).toBe(404);
    expect((await mod.c.get('/forum/review')).statusCode).toBe(200);
    const { postId, topicId } = await newTopic(member, cat.news, 'A topic to moderate', 'Some words here');
    expect((await member.c.get(`/forum/p/${postId}/moderate`)).statusCode).toBe(404);
    expect((await member.c.post(`/forum/p/${postId}/moderate`, { action: 'hide' })).statusCode).toBe(404);
    expect((await member.c.get(`/forum/t/${topicId}/manage`)).statusCode).toBe(404);
  });

  it('lets only the author edit a post, and refuses bad input in the person’s language, writing nothing', async () => {
    const alice = await person();
    const bob = await person();
    const { postId } = await newTopic(alice, cat.news, 'Alice writes about the market', 'Prices went up again.');
    expect((await bob.c.get(`/forum/p/${postId}/edit`)).statusCode).toBe(404);
    expect((await bob.c.post(`/forum/p/${postId}/edit`, { title: 'Hijacked title', body: 'x y z' })).statusCode).toBe(
      404,
    );
    expect((await alice.c.get(`/forum/p/${postId}/edit`)).statusCode).toBe(200);
    const before = await t.handle.db
      .selectFrom('forum_topics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    tick();
    const short = await alice.c.post(`/forum/c/${cat.news}/new`, { title: 'Hi', body: 'Some text' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('العنوان قصير جدًا');
    const unknown = await alice.c.post(`/forum/c/${cat.news}/new`, {
      title: 'A proper title',
      body: 'Some text',
      pinned: '1',
    });
    expect(unknown.statusCode).toBe(400);
    const en = await alice.c.post(`/forum/c/${cat.news}/new?lang=en`, { title: 'Hi', body: 'Some text' });
    expect(en.body).toContain('The title is too short');
    const after = await t.handle.db
      .selectFrom('forum_topics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('XSS corpus on titles, bodies and display names', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>",
  ];
  it('escapes everything people write, wherever it is shown', async () => {
    const evil = await person({ displayName: '<b onmouseover=alert(1)>Evil</b>"\'' });
    const body = [
      ...payloads,
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '<a href="javascript:alert(1)">x</a>',
      '![img](javascript:alert(1))',
    ].join('\n\n');
    const { topicId, postId } = await newTopic(evil, cat.news, `Title ${payloads[0]} ${payloads[2]}`, body);
    expect(topicId).toBeGreaterThan(0);
    const pages = [
      (await anon.get(`/forum/p/${postId}`)).headers.location as string,
      '/forum',
      `/forum/c/${cat.news}/news`,
    ];
    for (const url of pages) {
      const res = await anon.get(url.split('#')[0]!);
      expect(res.statusCode, url).toBe(200);
      const html = res.body;
      expect(html, url).not.toMatch(/<script>alert/i);
      expect(html, url).not.toMatch(/<(img|svg|iframe|b)\s[^>]*on\w+=/i);
      // (the layout's own favicon is href="data:,")
      expect(html, url).not.toMatch(/href="\s*(javascript:|data:(?!,"))/i);
      expect(html, url).not.toContain('<b onmouseover');
    }
    const topicPage = await anon.get(
      ((await anon.get(`/forum/p/${postId}`)).headers.location as string).split('#')[0]!,
    );
    expect(topicPage.body).toContain('&lt;b onmouseover=alert(1)');
    expect(topicPage.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Names in <bdi>, user text with dir="auto".
    expect(topicPage.body).toMatch(/<bdi class="author">&lt;b onmouseover/);
    expect(topicPage.body).toMatch(/<h1 dir="auto">Title &lt;script/);
    expect(topicPage.body).toContain('<div class="prose post-body" dir="auto">');
    const feed = await anon.get(`/forum/c/${cat.news}/feed.atom`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).not.toContain('<script>');
    expect(feed.body).toContain('&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt;');
    expect(feed.body).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(feed.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('offers feeds for public categories only', async () => {
    expect((await anon.get(`/forum/c/${cat.members}/feed.atom`)).statusCode).toBe(404);
    const member = await person();
    expect((await member.c.get(`/forum/c/${cat.staff}/feed.atom`)).statusCode).toBe(404);
  });
});

describe('search respects category visibility', () => {
  it('finds public posts for everyone and members-only or staff-only posts only for those who may read them', async () => {
    const member = await person();
    const staff = await person({ staff: true });
    await newTopic(member, cat.news, 'Bakery reopened in Qabasin', 'الفرن الآلي عاد إلى العمل في قباسين');
    tick();
    await newTopic(member, cat.members, 'Trainee bakery plan', 'خطة المتدربين لزيارة الفرن الآلي');
    tick();
    await newTopic(staff, cat.staff, 'Staff bakery visit', 'زيارة الفرن الآلي من فريق الشبكة');
    const q = encodeURIComponent('الفرن الآلي');
    const forAnon = await anon.get(`/forum/search?q=${q}`);
    expect(forAnon.body).toContain('Bakery reopened in Qabasin');
    expect(forAnon.body).not.toContain('Trainee bakery plan');
    expect(forAnon.body).not.toContain('Staff bakery visit');
    const forMember = await member.c.get(`/forum/search?q=${q}`);
    expect(forMember.body).toContain('Trainee bakery plan');
    expect(forMember.body).not.toContain('Staff bakery visit');
    const forStaff = await staff.c.get(`/forum/search?q=${q}`);
    expect(forStaff.body).toContain('Staff bakery visit');
    // A category filter cannot open a category the searcher may not read.
    const sneaky = await anon.get(`/forum/search?q=${q}&category=${cat.members}`);
    expect(sneaky.body).not.toContain('Trainee bakery plan');
    // A site-wide search for the public kinds finds only public forum items.
    const kinds = await t.handle.db
      .selectFrom('search_documents')
      .select(['kind', 'title'])
      .where('title', 'like', '%bakery%')
      .execute();
    expect(kinds.find((k) => k.title === 'Trainee bakery plan')?.kind).toBe('forum_topic_members');
    expect(kinds.find((k) => k.title === 'Staff bakery visit')?.kind).toBe('forum_topic_staff');
  });

  it('drops hidden posts from search', async () => {
    const p = await person();
    const { postId } = await newTopic(p, cat.news, 'Zaytoun harvest numbers', 'موسم الزيتون هذا العام');
    expect((await anon.get(`/forum/search?q=${encodeURIComponent('الزيتون')}`)).body).toContain(
      'Zaytoun harvest numbers',
    );
    await refresh(mod);
    await mod.c.post(`/forum/p/${postId}/moderate`, { action: 'hide', reason: 'test' });
    expect((await anon.get(`/forum/search?q=${encodeURIComponent('الزيتون')}`)).body).not.toContain(
      'Zaytoun harvest numbers',
    );
  });
});

describe('pagination, permalinks and unread markers', () => {
  it('paginates long topics by twenty and sends permalinks to the right page and anchor', async () => {
    const starter = await person();
    const { topicId } = await newTopic(starter, cat.sandbox, 'A long discussion', 'Post zero');
    const db = t.handle.db;
    const ids: number[] = [];
    for (let i = 1; i <= 25; i++)
      ids.push(
        await createReply(t.app.wasl, {
          topicId,
          authorId: starter.id,
          body: `Reply number ${i}`,
          status: 'visible',
          now: t.clock.now,
        }),
      );
    const first = await anon.get(`/forum/t/${topicId}/a-long-discussion`);
    expect((first.body.match(/<article class="card post/g) ?? []).length).toBe(20);
    const second = await anon.get(`/forum/t/${topicId}/a-long-discussion?page=2`);
    expect((second.body.match(/<article class="card post/g) ?? []).length).toBe(6);
    const link = await anon.get(`/forum/p/${ids[21]}`);
    expect(link.statusCode).toBe(302);
    expect(link.headers.location).toBe(`/forum/t/${topicId}/a-long-discussion?page=2#p${ids[21]}`);
    const early = await anon.get(`/forum/p/${ids[3]}`);
    expect(early.headers.location).toBe(`/forum/t/${topicId}/a-long-discussion#p${ids[3]}`);
    expect((await anon.get('/forum/p/999999')).statusCode).toBe(404);
    expect((await anon.get('/forum/p/abc')).statusCode).toBe(404);
    const paths = await benchPaths(db);
    expect(paths[0]).toEqual({ name: 'forum: categories', path: '/forum' });
    expect(paths[1]?.path).toMatch(/^\/forum\/t\/\d+\//);
  });

  it('marks unread topics for signed-in members', async () => {
    const reader = await person();
    const writer = await person();
    const { topicId } = await newTopic(writer, cat.sandbox, 'Unread markers topic', 'Hello readers');
    expect((await reader.c.get(`/forum/c/${cat.sandbox}/sandbox`)).body).toMatch(
      /Unread markers topic[\s\S]*?badge--new/,
    );
    // Reading the page writes nothing; the member marks it read (replying does too).
    const page = await reader.c.get(`/forum/t/${topicId}/unread-markers-topic`);
    expect(page.body).toContain(`action="/forum/t/${topicId}/read"`);
    expect(await readMarkerOf(reader.id, topicId)).toBeNull();
    const marked = await reader.c.post(`/forum/t/${topicId}/read`, { page: '1' });
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe(`/forum/t/${topicId}/unread-markers-topic`);
    expect((await reader.c.get(`/forum/t/${topicId}/unread-markers-topic`)).body).not.toContain(
      `action="/forum/t/${topicId}/read"`,
    );
    tick();
    await writer.c.post(`/forum/t/${topicId}/reply`, { body: 'A new reply to read' });
    const list = await reader.c.get(`/forum/c/${cat.sandbox}/sandbox`);
    expect(list.body).toContain('رد جديد');
    // Bad input changes nothing; a topic one may not read cannot be marked.
    expect((await reader.c.post(`/forum/t/${topicId}/read`, { page: '1', extra: 'x' })).statusCode).toBe(400);
    expect((await anon.post(`/forum/t/${topicId}/read`, { page: '1' })).statusCode).toBe(303);
    expect(await readMarkerOf(reader.id, topicId)).toBe((await firstPostOf(topicId)).id);
  });

  it('writes nothing when a topic, a permalink or the notifications are read: marking read and opening are posts', async () => {
    const author = await person();
    const follower = await person();
    const { topicId } = await newTopic(author, cat.sandbox, 'Reading writes nothing', 'Opening words');
    expect((await follower.c.post(`/forum/t/${topicId}/subscribe`, { subscribe: 'on' })).statusCode).toBe(303);
    tick();
    await author.c.post(`/forum/t/${topicId}/reply`, { body: 'A reply the follower hears of' });
    const reply = await lastPostOf(author);
    const before = await readingStateOf(follower.id);
    expect(before.unread.length).toBe(1);
    for (const url of [
      `/forum/t/${topicId}/reading-writes-nothing`,
      `/forum/p/${reply.id}`,
      '/notifications',
      '/forum/notifications',
      '/forum',
      `/forum/c/${cat.sandbox}/sandbox`,
      '/',
    ])
      expect((await follower.c.get(url)).statusCode, url).toBeLessThan(400);
    expect(await readingStateOf(follower.id)).toEqual(before);
    // Opening the notice (in the site's list) reads it and leads to the post; another member's is not theirs to open.
    const [n] = before.unread;
    expect((await author.c.post(`/notifications/${n}/open`, {})).statusCode).toBe(404);
    const open = await follower.c.post(`/notifications/${n}/open`, {});
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe(`/forum/p/${reply.id}`);
    expect((await readingStateOf(follower.id)).unread).toEqual([]);
    // Marking the topic read reads the notifications about it; so does replying in it.
    tick();
    await author.c.post(`/forum/t/${topicId}/reply`, { body: 'Another reply for the follower' });
    expect((await readingStateOf(follower.id)).unread.length).toBe(1);
    await follower.c.get(`/forum/t/${topicId}/reading-writes-nothing`);
    expect((await follower.c.post(`/forum/t/${topicId}/read`, { page: '1' })).statusCode).toBe(303);
    expect(await readingStateOf(follower.id)).toEqual({
      reads: [{ topic_id: topicId, last_read_post_id: (await lastPostOf(author)).id }],
      unread: [],
    });
    tick();
    await author.c.post(`/forum/t/${topicId}/reply`, { body: 'A third reply, answered at once' });
    tick();
    expect((await follower.c.post(`/forum/t/${topicId}/reply`, { body: 'Thank you for the news' })).statusCode).toBe(
      303,
    );
    expect((await readingStateOf(follower.id)).unread).toEqual([]);
  });
});

describe('pages around the forum', () => {
  it('adds the latest public discussions to the home page and has its styles in the site stylesheet, cached for a year', async () => {
    const p = await person();
    await newTopic(p, cat.news, 'Home page forum block', 'Shown on the home page');
    const home = await anon.get('/');
    expect(home.body).toContain('من المنتدى');
    expect(home.body).toContain('Home page forum block');
    // The forum's styles are in the site's one stylesheet: no stylesheet of its own.
    const forum = await anon.get('/forum');
    expect(forum.body).not.toContain('/assets/forum.');
    const href = /href="(\/assets\/style\.[0-9a-f]{10}\.css)"/.exec(forum.body)![1]!;
    const css = await anon.get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('.mention');
  });
});
