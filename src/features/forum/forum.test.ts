// The forum through HTTP, as browsers use it: who may read and write where, trust and rate
// limits on the injected clock, flags and the review queue, the public moderation log, XSS,
// mentions, quotes, notifications, the digest's unsubscribe link, search and feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../testing/app.js';
import { newTotpSecret } from '../../core/auth/totp.js';
import { createReply, createTopic } from './actions.js';
import { saveCategory, type CategoryInput } from './queries.js';
import { sendForumDigests } from './digest.js';
import { benchPaths } from './bench.js';
import { trustLevel } from './trust.js';

let t: TestApp;
let net: number;
let orgA: number;
const cat: Record<string, number> = {};
let seq = 0;

type Person = { id: number; username: string; c: Client; displayName: string };

async function person(
  opts: {
    displayName?: string;
    email?: string | null;
    staff?: boolean;
    moderator?: boolean;
    newAccount?: boolean;
  } = {},
): Promise<Person> {
  const username = `u${++seq}_${Math.random().toString(36).slice(2, 7)}`;
  const displayName = opts.displayName ?? `Member ${seq}`;
  const u = await makeUser(t.handle.db, {
    username,
    displayName,
    email: opts.email === undefined ? null : opts.email,
    ...(opts.staff ? { org: [orgA, 'orgStaff'] as [number, 'orgStaff'], totpSecret: newTotpSecret() } : {}),
    ...(opts.moderator ? { network: [net, 'moderator'] as [number, 'moderator'], totpSecret: newTotpSecret() } : {}),
  });
  if (opts.newAccount)
    await t.handle.db
      .updateTable('users')
      .set({ created_at: t.clock.now.toISOString() })
      .where('id', '=', u.id)
      .execute();
  const c = new Client(t.app, `10.9.${Math.floor(seq / 200)}.${seq % 200}`);
  await signIn(t, c, u.id);
  await c.get('/forum');
  return { id: u.id, username, c, displayName };
}

/** Re-signs a person in (staff sessions end after two idle hours when the clock jumps). */
async function refresh(p: Person) {
  p.c.cookies.clear();
  p.c.csrf = null;
  await signIn(t, p.c, p.id);
  await p.c.get('/forum');
}

/** Gives a person accepted posts so they reach trust level 1 (account age is two days or more). */
async function makeTrusted(p: Person) {
  const { topicId } = await createTopic(t.handle.db, {
    categoryId: cat.sandbox!,
    authorId: p.id,
    title: `Warm-up ${p.username}`,
    body: `first words ${p.username}`,
    status: 'visible',
    baseUrl: t.app.wasl.config.baseUrl,
    now: new Date(t.clock.now.getTime() - 10 * 86400_000),
  });
  for (let i = 0; i < 3; i++)
    await createReply(t.handle.db, {
      topicId,
      authorId: p.id,
      body: `warm-up reply ${i} ${p.username}`,
      status: 'visible',
      baseUrl: t.app.wasl.config.baseUrl,
      now: new Date(t.clock.now.getTime() - (9 - i) * 86400_000),
    });
}

async function newTopic(p: Person, category: number, title: string, body: string) {
  const res = await p.c.post(`/forum/c/${category}/new`, { title, body });
  const row = await t.handle.db
    .selectFrom('forum_topics')
    .select(['id', 'first_post_id', 'status'])
    .where('author_id', '=', p.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { res, topicId: row?.id ?? 0, postId: row?.first_post_id ?? 0, status: row?.status };
}

async function lastPostOf(p: Person) {
  return t.handle.db
    .selectFrom('forum_posts')
    .selectAll()
    .where('author_id', '=', p.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

const tick = () => t.clock.advance(31_000);

const categoryDefaults: Omit<CategoryInput, 'name_ar' | 'name_en'> = {
  description_ar: '',
  description_en: '',
  visibility: 'public',
  topic_creators: 'members',
  approval: 'none',
  position: 0,
};

let anon: Client;
let mod: Person;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  net = await makeNetwork(db);
  orgA = await makeOrganization(db, net, 'A');
  const mk = (name: string, over: Partial<CategoryInput>) =>
    saveCategory(db, null, net, { ...categoryDefaults, name_ar: `قسم ${name}`, name_en: name, ...over }, t.clock.now);
  cat.news = await mk('News', {});
  cat.sandbox = await mk('Sandbox', {});
  cat.announce = await mk('Announcements', { topic_creators: 'staff' });
  cat.questions = await mk('Questions', { approval: 'new' });
  cat.members = await mk('Members', { visibility: 'members' });
  cat.staff = await mk('Staff', { visibility: 'staff', topic_creators: 'staff' });
  anon = new Client(t.app, '10.8.0.1');
  mod = await person({ moderator: true, displayName: 'Mod One' });
});
afterAll(() => t.close());

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
    const m = await newTopic(
      member,
      cat.members!,
      'Members-only plans for the trainees',
      'Only for signed-in members.',
    );
    expect(m.res.statusCode).toBe(303);
    tick();
    const s = await newTopic(staff, cat.staff!, 'Staff-only coordination of visits', 'Only for staff of the network.');
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
      (await newTopic(staff, cat.announce!, 'Training course in Azaz', 'Apply by the end of the month.')).res
        .statusCode,
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
    const { postId, topicId } = await newTopic(member, cat.news!, 'A topic to moderate', 'Some words here');
    expect((await member.c.get(`/forum/p/${postId}/moderate`)).statusCode).toBe(404);
    expect((await member.c.post(`/forum/p/${postId}/moderate`, { action: 'hide' })).statusCode).toBe(404);
    expect((await member.c.get(`/forum/t/${topicId}/manage`)).statusCode).toBe(404);
  });

  it('lets only the author edit a post, and refuses bad input in the person’s language, writing nothing', async () => {
    const alice = await person();
    const bob = await person();
    const { postId } = await newTopic(alice, cat.news!, 'Alice writes about the market', 'Prices went up again.');
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

describe('trust levels and rate limits (injected clock)', () => {
  it('computes trust from account age and accepted posts', () => {
    const now = new Date('2026-06-28T09:00:00Z');
    expect(trustLevel({ accountCreatedAt: '2026-06-28T08:00:00Z', acceptedPosts: 50, staff: false, now })).toBe(0);
    expect(trustLevel({ accountCreatedAt: '2026-06-20T08:00:00Z', acceptedPosts: 2, staff: false, now })).toBe(0);
    expect(trustLevel({ accountCreatedAt: '2026-06-20T08:00:00Z', acceptedPosts: 3, staff: false, now })).toBe(1);
    expect(trustLevel({ accountCreatedAt: '2026-04-01T08:00:00Z', acceptedPosts: 20, staff: false, now })).toBe(2);
    expect(trustLevel({ accountCreatedAt: '2026-06-28T08:00:00Z', acceptedPosts: 0, staff: true, now })).toBe(3);
  });

  it('limits links per post for new members', async () => {
    const newbie = await person({ newAccount: true });
    const body = 'See https://a.example.org and https://b.example.org and https://c.example.org';
    const res = await newbie.c.post(`/forum/c/${cat.news}/new`, { title: 'Three links at once', body });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('رابطين فقط');
    const ok = await newbie.c.post(`/forum/c/${cat.news}/new`, {
      title: 'Two links at once',
      body: 'https://a.example.org https://b.example.org',
    });
    expect(ok.statusCode).toBe(303);
  });

  it('spaces posts out and says when the member can post again', async () => {
    const newbie = await person({ newAccount: true });
    const { topicId } = await newTopic(newbie, cat.news!, 'Spacing test topic', 'first');
    const soon = await newbie.c.post(`/forum/t/${topicId}/reply`, { body: 'too soon after the first' });
    expect(soon.statusCode).toBe(429);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
    expect(soon.body).toContain('قبل النشر مجددًا');
    expect(soon.body).toContain('too soon after the first'); // the text is kept in the form
    tick();
    expect((await newbie.c.post(`/forum/t/${topicId}/reply`, { body: 'after waiting' })).statusCode).toBe(303);
  });

  it('caps posts per rolling day and names the time the next one is allowed', async () => {
    const newbie = await person({ newAccount: true });
    const { topicId } = await newTopic(newbie, cat.sandbox!, 'Daily cap topic', 'post number zero');
    const firstAt = t.clock.now.getTime();
    for (let i = 1; i < 10; i++) {
      tick();
      const r = await newbie.c.post(`/forum/t/${topicId}/reply`, { body: `post number ${i}` });
      expect(r.statusCode, `post ${i}`).toBe(303);
    }
    tick();
    const capped = await newbie.c.post(`/forum/t/${topicId}/reply`, { body: 'one too many' });
    expect(capped.statusCode).toBe(429);
    const until = new Date(firstAt + 86400_000);
    const expectedTime = t.app.wasl.i18n.translator('ar', { digits: 'latn' }).dateTime(until);
    expect(capped.body).toContain(expectedTime);
    expect(Number(capped.headers['retry-after'])).toBe(Math.ceil((until.getTime() - t.clock.now.getTime()) / 1000));
    // Deleting a post does not buy another one.
    const last = await lastPostOf(newbie);
    expect((await newbie.c.post(`/forum/p/${last.id}/delete`, { confirm: 'on' })).statusCode).toBe(303);
    expect((await newbie.c.post(`/forum/t/${topicId}/reply`, { body: 'still too many' })).statusCode).toBe(429);
    t.clock.set(new Date(until.getTime() + 1000));
    await refresh(newbie);
    await refresh(mod);
    expect((await newbie.c.post(`/forum/t/${topicId}/reply`, { body: 'a new day' })).statusCode).toBe(303);
  });

  it('refuses the same text twice within a day, whatever the spacing and tashkeel', async () => {
    const p = await person();
    const { topicId } = await newTopic(p, cat.news!, 'Duplicate detection', 'opening');
    tick();
    expect((await p.c.post(`/forum/t/${topicId}/reply`, { body: 'المياهُ   مقطوعة منذ أسبوعين' })).statusCode).toBe(303);
    tick();
    const dup = await p.c.post(`/forum/t/${topicId}/reply`, { body: 'المياه مقطوعة منذ أسبوعين!' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('سبق أن نشرت النص نفسه');
    t.clock.advance(86400_000 + 1000);
    await refresh(p);
    await refresh(mod);
    expect((await p.c.post(`/forum/t/${topicId}/reply`, { body: 'المياه مقطوعة منذ أسبوعين' })).statusCode).toBe(303);
  });

  it('holds new members’ posts for approval where the category asks, until a moderator approves', async () => {
    const newbie = await person({ newAccount: true, displayName: 'Newcomer Q' });
    const q = await newTopic(
      newbie,
      cat.questions!,
      'How do I renew an ID card?',
      'Which papers are needed in al-Bab?',
    );
    expect(q.res.statusCode).toBe(303);
    expect(q.status).toBe('pending');
    expect((await anon.get(`/forum/t/${q.topicId}`)).statusCode).toBe(404);
    const own = await newbie.c.get(`/forum/p/${q.postId}`);
    expect(own.statusCode).toBe(302);
    const ownPage = await newbie.c.get(String(own.headers.location).split('#')[0]!);
    expect(ownPage.body).toContain('بانتظار موافقة فريق الإشراف');
    const review = await mod.c.get('/forum/review');
    expect(review.body).toContain('How do I renew an ID card?');
    const approve = await mod.c.post(`/forum/p/${q.postId}/moderate`, { action: 'approve', reason: '' });
    expect(approve.statusCode).toBe(303);
    expect((await anon.get(`/forum/t/${q.topicId}`)).statusCode).toBe(301);
    const notes = await t.handle.db
      .selectFrom('forum_notifications')
      .selectAll()
      .where('user_id', '=', newbie.id)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('approved');
    // A trusted member's question goes straight up.
    const trusted = await person();
    await makeTrusted(trusted);
    const tq = await newTopic(trusted, cat.questions!, 'Where is the legal aid office?', 'In Azaz, if anyone knows.');
    expect(tq.status).toBe('visible');
  });

  it('silences a member for a duration with a reason the member sees', async () => {
    const p = await person({ displayName: 'Loud Voice' });
    const { topicId, postId } = await newTopic(p, cat.news!, 'A heated thread', 'Strong words here');
    await refresh(mod);
    const res = await mod.c.post(`/forum/p/${postId}/sanction`, {
      kind: 'silence',
      days: '1',
      reason: 'Repeated insults',
    });
    expect(res.statusCode).toBe(303);
    tick();
    const blocked = await p.c.post(`/forum/t/${topicId}/reply`, { body: 'Can I still post?' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.body).toContain('Repeated insults');
    const page = await p.c.get(`/forum/t/${topicId}/a-heated-thread`);
    expect(page.body).not.toContain('name="body"');
    t.clock.advance(86400_000 + 1000);
    await refresh(p);
    await refresh(mod);
    expect((await p.c.post(`/forum/t/${topicId}/reply`, { body: 'Back again, calmer' })).statusCode).toBe(303);
    const log = await anon.get('/forum/moderation-log');
    expect(log.body).toContain('منع عضو/ة من النشر');
    expect(log.body).toContain('Repeated insults');
    expect(log.body).toContain('<bdi class="author">Loud Voice</bdi>');
  });
});

describe('flags and the review queue', () => {
  it('hides a post after three flags from trusted members, not before, and not for untrusted flags', async () => {
    const author = await person({ displayName: 'Spammer X' });
    const { topicId, postId } = await newTopic(author, cat.news!, 'Buy cheap phones now', 'Visit my shop for phones.');
    const untrusted = [
      await person({ newAccount: true }),
      await person({ newAccount: true }),
      await person({ newAccount: true }),
    ];
    for (const u of untrusted)
      expect((await u.c.post(`/forum/p/${postId}/flag`, { reason: 'spam' })).statusCode).toBe(303);
    expect((await lastPostOf(author)).status).toBe('visible');
    const trusted = [await person(), await person(), await person()];
    for (const u of trusted) await makeTrusted(u);
    await trusted[0]!.c.post(`/forum/p/${postId}/flag`, { reason: 'spam' });
    await trusted[1]!.c.post(`/forum/p/${postId}/flag`, { reason: 'off_topic' });
    expect((await lastPostOf(author)).status).toBe('visible');
    await trusted[2]!.c.post(`/forum/p/${postId}/flag`, { reason: 'spam', note: 'Same shop link in five topics' });
    const hidden = await lastPostOf(author);
    expect(hidden.status).toBe('hidden');
    expect(hidden.hidden_reason).toBe('flags');
    // Hidden first post: the topic is hidden from everyone but its author and moderators.
    expect((await anon.get(`/forum/t/${topicId}`)).statusCode).toBe(404);
    const own = await author.c.get(`/forum/t/${topicId}/buy-cheap-phones-now`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('أُخفيت هذه المشاركة تلقائيًا');
    // Repeat flags and self-flags are refused.
    expect((await trusted[0]!.c.post(`/forum/p/${postId}/flag`, { reason: 'spam' })).statusCode).toBe(404);
    expect((await author.c.get(`/forum/p/${postId}/flag`)).statusCode).toBe(404);
  });

  it('hides after two trusted personal-information flags and lists those first for review', async () => {
    const a = await person({ displayName: 'Doxxer' });
    const b = await person();
    const spam = await newTopic(b, cat.news!, 'Older flagged spam topic', 'spam spam spam');
    const f0 = await person();
    await f0.c.post(`/forum/p/${spam.postId}/flag`, { reason: 'spam' });
    tick();
    const { topicId } = await newTopic(a, cat.news!, 'About the council member', 'Opening remarks on the council.');
    tick();
    await a.c.post(`/forum/t/${topicId}/reply`, { body: 'His home address is street 5, building 3.' });
    const doxx = await lastPostOf(a);
    const f1 = await person();
    const f2 = await person();
    await makeTrusted(f1);
    await makeTrusted(f2);
    await f1.c.post(`/forum/p/${doxx.id}/flag`, { reason: 'personal_info', note: 'home address in line one' });
    expect((await lastPostOf(a)).status).toBe('visible');
    await f2.c.post(`/forum/p/${doxx.id}/flag`, { reason: 'personal_info' });
    expect((await lastPostOf(a)).status).toBe('hidden');
    // The topic stays, the reply shows a placeholder to others.
    const page = await anon.get(`/forum/t/${topicId}/about-the-council-member`);
    expect(page.body).not.toContain('street 5');
    expect(page.body).toContain('بانتظار مراجعة فريق الإشراف');
    const review = await mod.c.get('/forum/review');
    expect(review.statusCode).toBe(200);
    const iDoxx = review.body.indexOf(`id="r${doxx.id}"`);
    const iSpam = review.body.indexOf(`id="r${spam.postId}"`);
    expect(iDoxx).toBeGreaterThan(-1);
    expect(iSpam).toBeGreaterThan(-1);
    expect(iDoxx).toBeLessThan(iSpam);
    // Moderators never see who flagged.
    for (const f of [f0, f1, f2]) {
      expect(review.body).not.toContain(f.displayName);
      expect(review.body).not.toContain(f.username);
    }
    expect(review.body).toContain('home address in line one');
  });

  it('lets a moderator hide a flagged post and records it publicly without naming reporter or moderator', async () => {
    const author = await person({ displayName: 'Rude Poster' });
    const reporter = await person({ displayName: 'Careful Reporter' });
    const { postId } = await newTopic(author, cat.news!, 'Insults in the title area', 'You are all idiots.');
    await reporter.c.post(`/forum/p/${postId}/flag`, { reason: 'abuse', note: 'insults' });
    await refresh(mod);
    const res = await mod.c.post(`/forum/p/${postId}/moderate`, {
      action: 'hide',
      reason: 'Insults',
      next: '/forum/review',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/forum/review');
    expect((await lastPostOf(author)).status).toBe('hidden');
    const flags = await t.handle.db.selectFrom('forum_flags').selectAll().where('post_id', '=', postId).execute();
    expect(flags.every((f) => f.resolution === 'upheld')).toBe(true);
    const log = await anon.get('/forum/moderation-log');
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('إخفاء مشاركة');
    expect(log.body).toContain('مشرف/ة');
    expect(log.body).toContain('Insults');
    expect(log.body).not.toContain('Careful Reporter');
    expect(log.body).not.toContain(reporter.username);
    expect(log.body).not.toContain('Mod One');
    expect(log.body).not.toContain(mod.username);
    // The hidden topic's title is not repeated in the log.
    expect(log.body).not.toContain('Insults in the title area');
    expect(log.body).toContain('مشاركة لم تعد ظاهرة');
    // Automatic hiding is logged as such.
    expect(log.body).toContain('تلقائيًا بعد بلاغات من أعضاء موثوقين');
    // The acting account is kept for the network's own audit.
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'forum.post.hide')
      .execute();
    expect(audit.some((a) => a.actor_user_id === mod.id)).toBe(true);
  });

  it('restores a post hidden by flags and dismisses them', async () => {
    const author = await person();
    const { postId, topicId } = await newTopic(
      author,
      cat.news!,
      'Unpopular but fine opinion',
      'I think the council did well.',
    );
    const fs = [await person(), await person(), await person()];
    for (const f of fs) await makeTrusted(f);
    for (const f of fs) await f.c.post(`/forum/p/${postId}/flag`, { reason: 'off_topic' });
    expect((await lastPostOf(author)).status).toBe('hidden');
    await refresh(mod);
    expect(
      (await mod.c.post(`/forum/p/${postId}/moderate`, { action: 'restore', reason: 'Within the rules' })).statusCode,
    ).toBe(303);
    expect((await lastPostOf(author)).status).toBe('visible');
    expect((await anon.get(`/forum/t/${topicId}`)).statusCode).toBe(301);
  });
});

describe('moderator topic actions', () => {
  it('locks, pins, moves, merges and splits topics, each logged', async () => {
    const a = await person();
    const b = await person();
    const one = await newTopic(a, cat.news!, 'First of two similar topics', 'Water in Tal Aar');
    tick();
    const two = await newTopic(b, cat.news!, 'Second of two similar topics', 'Also about water');
    tick();
    await a.c.post(`/forum/t/${two.topicId}/reply`, { body: 'A reply that belongs elsewhere' });
    const stray = await lastPostOf(a);
    await refresh(mod);
    expect((await mod.c.get(`/forum/t/${one.topicId}/manage`)).statusCode).toBe(200);
    expect(
      (await mod.c.post(`/forum/t/${one.topicId}/moderate`, { action: 'lock', reason: 'Resolved' })).statusCode,
    ).toBe(303);
    tick();
    const locked = await b.c.post(`/forum/t/${one.topicId}/reply`, { body: 'Reply to a locked topic' });
    expect(locked.statusCode).toBe(403);
    expect((await mod.c.post(`/forum/t/${one.topicId}/moderate`, { action: 'pin' })).statusCode).toBe(303);
    expect((await mod.c.post(`/forum/t/${one.topicId}/move`, { category_id: String(cat.sandbox) })).statusCode).toBe(
      303,
    );
    const moved = await t.handle.db
      .selectFrom('forum_topics')
      .selectAll()
      .where('id', '=', one.topicId)
      .executeTakeFirstOrThrow();
    expect(moved.category_id).toBe(cat.sandbox);
    expect(moved.locked).toBe(1);
    expect(moved.pinned).toBe(1);
    const split = await mod.c.post(`/forum/t/${two.topicId}/split`, {
      post_ids: String(stray.id),
      title: 'A split-off discussion',
      category_id: String(cat.news),
    });
    expect(split.statusCode).toBe(303);
    const splitRow = await t.handle.db
      .selectFrom('forum_posts')
      .select('topic_id')
      .where('id', '=', stray.id)
      .executeTakeFirstOrThrow();
    expect(splitRow.topic_id).not.toBe(two.topicId);
    const bad = await mod.c.post(`/forum/t/${two.topicId}/merge`, { into_topic_id: String(two.topicId) });
    expect(bad.statusCode).toBe(400);
    expect((await mod.c.post(`/forum/t/${two.topicId}/merge`, { into_topic_id: String(one.topicId) })).statusCode).toBe(
      303,
    );
    const old = await anon.get(`/forum/t/${two.topicId}`);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/forum/t/${one.topicId}`);
    const posts = await t.handle.db
      .selectFrom('forum_posts')
      .select('id')
      .where('topic_id', '=', one.topicId)
      .execute();
    expect(posts.map((p) => p.id)).toContain(two.postId);
    const log = await anon.get('/forum/moderation-log');
    for (const label of ['إغلاق موضوع', 'تثبيت موضوع', 'نقل موضوع', 'دمج موضوعين', 'فصل ردود في موضوع جديد'])
      expect(log.body).toContain(label);
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
    const { topicId, postId } = await newTopic(evil, cat.news!, `Title ${payloads[0]} ${payloads[2]}`, body);
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

describe('mentions, quotes, subscriptions and notifications', () => {
  it('notifies mentioned and quoted members and subscribers, showing display names only', async () => {
    const alice = await person({ displayName: 'أم_خالد' });
    const bob = await person({ displayName: 'Ahmed_99!' });
    const carol = await person({ displayName: 'Sham_92' });
    const { topicId, postId } = await newTopic(alice, cat.news!, 'انقطاع المياه في تل عار', 'الماء مقطوع منذ أسبوعين.');
    // Carol follows the topic.
    expect((await carol.c.post(`/forum/t/${topicId}/subscribe`, { subscribe: 'on' })).statusCode).toBe(303);
    // Bob quotes Alice: the quote link fills the reply box with a blockquote carrying the post's id.
    const page = await bob.c.get(`/forum/t/${topicId}/x?quote=${postId}`);
    const canonical = String(page.headers.location);
    const withQuote = await bob.c.get(canonical);
    const textarea = /<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/.exec(withQuote.body)?.[1] ?? '';
    expect(textarea).toMatch(
      new RegExp(`^(>|&gt;) \\[#${postId}\\]\\(${t.app.wasl.config.baseUrl}/forum/p/${postId}\\) أم\\\\_خالد:`),
    );
    const quote = `> [#${postId}](${t.app.wasl.config.baseUrl}/forum/p/${postId}) أم\\_خالد:\n> الماء مقطوع منذ أسبوعين.\n\nعندنا أيضًا. @${carol.username} هل عندكم نفس المشكلة؟`;
    expect((await bob.c.post(`/forum/t/${topicId}/reply`, { body: quote })).statusCode).toBe(303);
    const reply = await lastPostOf(bob);
    const notes = await t.handle.db
      .selectFrom('forum_notifications')
      .selectAll()
      .where('post_id', '=', reply.id)
      .execute();
    const kindOf = (id: number) => notes.find((n) => n.user_id === id)?.kind;
    expect(kindOf(alice.id)).toBe('quote');
    expect(kindOf(carol.id)).toBe('mention');
    expect(kindOf(bob.id)).toBeUndefined();
    // The mention shows the display name, never the login username.
    expect(reply.body_html).toContain('<bdi class="mention">@Sham_92</bdi>');
    expect(reply.body_html).not.toContain(carol.username);
    const topicHtml = (await anon.get(canonical.split('?')[0]!)).body;
    expect(topicHtml).not.toContain(carol.username);
    expect(topicHtml).toContain('<bdi class="author">Ahmed_99!</bdi>');
    expect(topicHtml).toContain('<bdi class="author">أم_خالد</bdi>');
    // Alice's notification page lists it, and the count shows in the forum navigation.
    const aliceNotes = await alice.c.get('/forum/notifications');
    expect(aliceNotes.body).toContain('اقتبس/ت مشاركتك في');
    expect(aliceNotes.body).toContain('الإشعارات (1)');
    expect((await alice.c.post('/forum/notifications/read', {})).statusCode).toBe(303);
    expect((await alice.c.get('/forum/notifications')).body).not.toContain('الإشعارات (1)');
    // A plain reply notifies subscribers (Alice follows her own topic; Carol follows it).
    tick();
    expect((await bob.c.post(`/forum/t/${topicId}/reply`, { body: 'تحديث: وصل صهريج اليوم.' })).statusCode).toBe(303);
    const second = await lastPostOf(bob);
    const again = await t.handle.db
      .selectFrom('forum_notifications')
      .selectAll()
      .where('post_id', '=', second.id)
      .execute();
    expect(again.map((n) => n.user_id).sort()).toEqual([alice.id, carol.id].sort());
    expect(again.every((n) => n.kind === 'reply')).toBe(true);
  });

  it('never notifies someone about a space they cannot read', async () => {
    const staff = await person({ staff: true });
    const outsider = await person({ displayName: 'Outsider' });
    await newTopic(staff, cat.staff!, 'Staff note with a mention', `Should @${outsider.username} know?`);
    const notes = await t.handle.db
      .selectFrom('forum_notifications')
      .selectAll()
      .where('user_id', '=', outsider.id)
      .execute();
    expect(notes).toEqual([]);
  });

  it('notifies category subscribers of new topics', async () => {
    const fan = await person();
    const writer = await person();
    expect((await fan.c.post(`/forum/c/${cat.sandbox}/subscribe`, { subscribe: 'on' })).statusCode).toBe(303);
    const { postId } = await newTopic(writer, cat.sandbox!, 'Something new in the sandbox', 'Hello sandbox');
    const n = await t.handle.db
      .selectFrom('forum_notifications')
      .selectAll()
      .where('user_id', '=', fan.id)
      .where('post_id', '=', postId)
      .execute();
    expect(n.map((x) => x.kind)).toEqual(['topic']);
  });
});

describe('digest and one-click unsubscribe', () => {
  it('mails unread notifications with a signed link that stops the digest without signing in', async () => {
    const email = `reader${seq}@example.org`;
    const reader = await person({ email, displayName: 'Reader' });
    const writer = await person();
    expect((await reader.c.post('/forum/settings', { digest: 'daily' })).statusCode).toBe(303);
    expect((await reader.c.post('/forum/settings', { digest: 'hourly' })).statusCode).toBe(400);
    const { topicId } = await newTopic(reader, cat.news!, 'Digest test topic', 'Waiting for replies');
    tick();
    await writer.c.post(`/forum/t/${topicId}/reply`, { body: 'A reply for the digest' });
    const sent = await sendForumDigests(t.app.wasl, t.clock.now);
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Digest test topic');
    const url = /\/forum\/unsubscribe\/\S+/.exec(mail.body_text)![0];
    // Nothing again until the period passes.
    expect(await sendForumDigests(t.app.wasl, t.clock.now)).toBe(0);
    const stranger = new Client(t.app, '10.7.0.1');
    const form = await stranger.get(url);
    expect(form.statusCode).toBe(200);
    expect(
      (
        await t.handle.db
          .selectFrom('forum_settings')
          .select('digest')
          .where('user_id', '=', reader.id)
          .executeTakeFirstOrThrow()
      ).digest,
    ).toBe('daily');
    const done = await stranger.post(url, {});
    expect(done.statusCode).toBe(200);
    expect(
      (
        await t.handle.db
          .selectFrom('forum_settings')
          .select('digest')
          .where('user_id', '=', reader.id)
          .executeTakeFirstOrThrow()
      ).digest,
    ).toBe('off');
    // A forged token is not accepted.
    const forged = url.replace(/\.(.)/, (_m, ch: string) => `.${ch === 'A' ? 'B' : 'A'}`);
    expect((await stranger.get(forged)).statusCode).toBe(404);
    expect((await stranger.get(`/forum/unsubscribe/${reader.id}.x`)).statusCode).toBe(404);
  });
});

describe('editing, history, deletion, permalinks and pagination', () => {
  it('keeps a visible edit history and lets the author delete only within the window', async () => {
    const p = await person();
    const { topicId, postId } = await newTopic(p, cat.news!, 'Original title here', 'Original words');
    expect(
      (await p.c.post(`/forum/p/${postId}/edit`, { title: 'Better title here', body: 'Better words' })).statusCode,
    ).toBe(303);
    const history = await anon.get(`/forum/p/${postId}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Original words');
    expect(history.body).toContain('Original title here');
    expect(history.body).toContain('Better words');
    tick();
    await p.c.post(`/forum/t/${topicId}/reply`, { body: 'A reply I will regret' });
    const regret = await lastPostOf(p);
    t.clock.advance(25 * 3600_000);
    await refresh(p);
    await refresh(mod);
    expect((await p.c.post(`/forum/p/${regret.id}/delete`, { confirm: 'on' })).statusCode).toBe(404);
    const other = await person();
    const r2 = await newTopic(other, cat.news!, 'Delete within the window', 'Soon gone');
    expect((await other.c.post(`/forum/p/${r2.postId}/delete`, {})).statusCode).toBe(400);
    expect((await other.c.post(`/forum/p/${r2.postId}/delete`, { confirm: 'on' })).statusCode).toBe(303);
    const gone = await t.handle.db
      .selectFrom('forum_posts')
      .selectAll()
      .where('id', '=', r2.postId)
      .executeTakeFirstOrThrow();
    expect(gone.status).toBe('deleted');
    expect(gone.body).toBe('');
    expect((await anon.get(`/forum/t/${r2.topicId}`)).statusCode).toBe(404);
  });

  it('paginates long topics by twenty and sends permalinks to the right page and anchor', async () => {
    const starter = await person();
    const { topicId } = await newTopic(starter, cat.sandbox!, 'A long discussion', 'Post zero');
    const db = t.handle.db;
    const ids: number[] = [];
    for (let i = 1; i <= 25; i++)
      ids.push(
        await createReply(db, {
          topicId,
          authorId: starter.id,
          body: `Reply number ${i}`,
          status: 'visible',
          baseUrl: t.app.wasl.config.baseUrl,
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
    const { topicId } = await newTopic(writer, cat.sandbox!, 'Unread markers topic', 'Hello readers');
    expect((await reader.c.get(`/forum/c/${cat.sandbox}/sandbox`)).body).toMatch(
      /Unread markers topic[\s\S]*?badge--new/,
    );
    await reader.c.get(`/forum/t/${topicId}/unread-markers-topic`);
    tick();
    await writer.c.post(`/forum/t/${topicId}/reply`, { body: 'A new reply to read' });
    const list = await reader.c.get(`/forum/c/${cat.sandbox}/sandbox`);
    expect(list.body).toContain('رد جديد');
  });
});

describe('search respects category visibility', () => {
  it('finds public posts for everyone and members-only or staff-only posts only for those who may read them', async () => {
    const member = await person();
    const staff = await person({ staff: true });
    await newTopic(member, cat.news!, 'Bakery reopened in Qabasin', 'الفرن الآلي عاد إلى العمل في قباسين');
    tick();
    await newTopic(member, cat.members!, 'Trainee bakery plan', 'خطة المتدربين لزيارة الفرن الآلي');
    tick();
    await newTopic(staff, cat.staff!, 'Staff bakery visit', 'زيارة الفرن الآلي من فريق الشبكة');
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
    const { postId } = await newTopic(p, cat.news!, 'Zaytoun harvest numbers', 'موسم الزيتون هذا العام');
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

describe('categories', () => {
  it('lets moderators create categories and refuses others', async () => {
    const member = await person();
    expect((await member.c.get('/forum/categories/new')).statusCode).toBe(404);
    await refresh(mod);
    const bad = await mod.c.post('/forum/categories/new', {
      name_ar: '',
      name_en: 'X',
      visibility: 'public',
      topic_creators: 'members',
      approval: 'none',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await mod.c.post('/forum/categories/new', {
      name_ar: 'مبادرات شبابية',
      name_en: 'Youth initiatives',
      visibility: 'members',
      topic_creators: 'members',
      approval: 'none',
      position: '9',
    });
    expect(ok.statusCode).toBe(303);
    expect((await anon.get('/forum')).body).not.toContain('مبادرات شبابية');
    expect((await member.c.get('/forum')).body).toContain('مبادرات شبابية');
  });
});

describe('pages around the forum', () => {
  it('adds the latest public discussions to the home page and serves its stylesheet for a year', async () => {
    const p = await person();
    await newTopic(p, cat.news!, 'Home page forum block', 'Shown on the home page');
    const home = await anon.get('/');
    expect(home.body).toContain('من المنتدى');
    expect(home.body).toContain('Home page forum block');
    const forum = await anon.get('/forum');
    const href = /href="(\/assets\/forum\.[0-9a-f]{10}\.css)"/.exec(forum.body)![1]!;
    const css = await anon.get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('.mention');
  });

  it('stops a suspended member from flagging as well as posting', async () => {
    const writer = await person();
    const target = await person({ displayName: 'Suspended Sam' });
    const a = await newTopic(writer, cat.news!, 'Topic for the suspension test', 'Words');
    tick();
    const b = await newTopic(target, cat.news!, 'A post by someone to be suspended', 'Words again');
    await refresh(mod);
    expect(
      (await mod.c.post(`/forum/p/${b.postId}/sanction`, { kind: 'suspend', days: '3', reason: 'Threats' })).statusCode,
    ).toBe(303);
    const flag = await target.c.post(`/forum/p/${a.postId}/flag`, { reason: 'spam' });
    expect(flag.statusCode).toBe(403);
    expect(flag.body).toContain('Threats');
    tick();
    expect((await target.c.post(`/forum/t/${a.topicId}/reply`, { body: 'Am I allowed?' })).statusCode).toBe(403);
    // A moderator cannot sanction another moderator or themselves.
    const m2 = await person({ moderator: true });
    const own = await newTopic(m2, cat.news!, 'A moderator writes a topic', 'Moderators write too');
    expect(
      (await mod.c.post(`/forum/p/${own.postId}/sanction`, { kind: 'suspend', days: '3', reason: 'No' })).statusCode,
    ).toBe(400);
    expect((await mod.c.post(`/forum/p/${b.postId}/sanction`, { kind: 'lift', reason: 'Apologised' })).statusCode).toBe(
      303,
    );
    tick();
    expect((await target.c.post(`/forum/t/${a.topicId}/reply`, { body: 'Thank you, I apologise' })).statusCode).toBe(
      303,
    );
  });
});
