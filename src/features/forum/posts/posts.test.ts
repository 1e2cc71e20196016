// Writing in the forum: trust levels and rate limits on the injected clock, approval of new
// members' posts, sanctions, editing with its visible history, deletion within the window.
import { describe, expect, it } from 'vitest';
import { trustLevel } from './trust.js';
import { anon, cat, mod, t, useForumWorld } from '../testing/world.js';
import { forumNotices, lastPostOf, makeTrusted, newTopic, person, refresh, tick } from '../testing/people.js';
import { withoutWordJoiners } from '../../../core/i18n/slash-forms.js';

useForumWorld();

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
    const { topicId } = await newTopic(newbie, cat.news, 'Spacing test topic', 'first');
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
    const { topicId } = await newTopic(newbie, cat.sandbox, 'Daily cap topic', 'post number zero');
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
    const { topicId } = await newTopic(p, cat.news, 'Duplicate detection', 'opening');
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
    const q = await newTopic(newbie, cat.questions, 'How do I renew an ID card?', 'Which papers are needed in al-Bab?');
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
    const notes = await forumNotices({ userId: newbie.id });
    expect(notes.map((n) => n.kind)).toContain('approved');
    // A trusted member's question goes straight up.
    const trusted = await person();
    await makeTrusted(trusted);
    const tq = await newTopic(trusted, cat.questions, 'Where is the legal aid office?', 'In Azaz, if anyone knows.');
    expect(tq.status).toBe('visible');
  });

  it('silences a member for a duration with a reason the member sees', async () => {
    const p = await person({ displayName: 'Loud Voice' });
    const { topicId, postId } = await newTopic(p, cat.news, 'A heated thread', 'Strong words here');
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
    expect(withoutWordJoiners(log.body)).toContain('منع عضو/ة من النشر');
    expect(log.body).toContain('Repeated insults');
    expect(log.body).toContain('<bdi class="author">Loud Voice</bdi>');
  });
});

describe('editing, history and deletion', () => {
  it('keeps a visible edit history and lets the author delete only within the window', async () => {
    const p = await person();
    const { topicId, postId } = await newTopic(p, cat.news, 'Original title here', 'Original words');
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
    const r2 = await newTopic(other, cat.news, 'Delete within the window', 'Soon gone');
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

  it('stops a suspended member from flagging as well as posting', async () => {
    const writer = await person();
    const target = await person({ displayName: 'Suspended Sam' });
    const a = await newTopic(writer, cat.news, 'Topic for the suspension test', 'Words');
    tick();
    const b = await newTopic(target, cat.news, 'A post by someone to be suspended', 'Words again');
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
    const own = await newTopic(m2, cat.news, 'A moderator writes a topic', 'Moderators write too');
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
