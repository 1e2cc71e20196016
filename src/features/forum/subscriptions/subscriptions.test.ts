// Mentions, quotes, following and notifications (only to those who may read), and the e-mail
// digest with its one-click unsubscribe link.
import { describe, expect, it } from 'vitest';
import { Client } from '../../../testing/app.js';
import { sendForumDigests } from './digest.js';
import { getSettings } from './queries.js';
import { anon, cat, t, useForumWorld } from '../testing/world.js';
import { forumNotices, lastPostOf, newTopic, person, tick } from '../testing/people.js';

useForumWorld();

describe('mentions, quotes, subscriptions and notifications', () => {
  it('notifies mentioned and quoted members and subscribers, showing display names only', async () => {
    const alice = await person({ displayName: 'أم_خالد' });
    const bob = await person({ displayName: 'Ahmed_99!' });
    const carol = await person({ displayName: 'Sham_92' });
    const { topicId, postId } = await newTopic(alice, cat.news, 'انقطاع المياه في تل عار', 'الماء مقطوع منذ أسبوعين.');
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
    const notes = await forumNotices({ postId: reply.id });
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
    // The notice carries the topic's title and nothing about the person who wrote (no name, no username).
    expect(notes.find((n) => n.user_id === alice.id)?.params).toEqual({ title: 'انقطاع المياه في تل عار' });
    // Alice's list (the site's one list) shows it, with the count in the header; the forum's old
    // page leads there.
    const old = await alice.c.get('/forum/notifications');
    expect([old.statusCode, old.headers.location]).toEqual([301, '/notifications']);
    const aliceNotes = await alice.c.get('/notifications');
    expect(aliceNotes.body).toContain('اقتُبست مشاركتك في «انقطاع المياه في تل عار»');
    expect(aliceNotes.body).not.toContain(bob.username);
    expect(aliceNotes.body).toMatch(/notify-link--unread/);
    expect((await alice.c.post('/notifications/read', {})).statusCode).toBe(303);
    expect((await alice.c.get('/notifications')).body).not.toMatch(/notify-link--unread/);
    // A plain reply notifies subscribers (Alice follows her own topic; Carol follows it).
    tick();
    expect((await bob.c.post(`/forum/t/${topicId}/reply`, { body: 'تحديث: وصل صهريج اليوم.' })).statusCode).toBe(303);
    const second = await lastPostOf(bob);
    const again = await forumNotices({ postId: second.id });
    expect(again.map((n) => n.user_id).sort()).toEqual([alice.id, carol.id].sort());
    expect(again.every((n) => n.kind === 'reply')).toBe(true);
  });

  it('never notifies someone about a space they cannot read', async () => {
    const staff = await person({ staff: true });
    const outsider = await person({ displayName: 'Outsider' });
    await newTopic(staff, cat.staff, 'Staff note with a mention', `Should @${outsider.username} know?`);
    expect(await forumNotices({ userId: outsider.id })).toEqual([]);
  });

  it('notifies category subscribers of new topics', async () => {
    const fan = await person();
    const writer = await person();
    expect((await fan.c.post(`/forum/c/${cat.sandbox}/subscribe`, { subscribe: 'on' })).statusCode).toBe(303);
    const { postId } = await newTopic(writer, cat.sandbox, 'Something new in the sandbox', 'Hello sandbox');
    const n = await forumNotices({ userId: fan.id, postId });
    expect(n.map((x) => x.kind)).toEqual(['topic']);
  });
});

describe('digest and one-click unsubscribe', () => {
  it('mails unread notifications with a signed link that stops the digest without signing in', async () => {
    const email = 'digest-reader@example.org';
    const reader = await person({ email, displayName: 'Reader' });
    // Before any digest there is no signing secret, and opening a link does not make one.
    const secret = () =>
      t.handle.db.selectFrom('kv').select('value').where('key', '=', 'forum_digest_secret').executeTakeFirst();
    expect(await secret()).toBeUndefined();
    expect((await anon.get(`/forum/unsubscribe/${reader.id}.${'A'.repeat(32)}`)).statusCode).toBe(404);
    expect(await secret()).toBeUndefined();
    const writer = await person();
    expect((await reader.c.post('/forum/settings', { digest: 'daily' })).statusCode).toBe(303);
    expect((await reader.c.post('/forum/settings', { digest: 'hourly' })).statusCode).toBe(400);
    const { topicId } = await newTopic(reader, cat.news, 'Digest test topic', 'Waiting for replies');
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
    expect((await getSettings(t.handle.db, reader.id)).digest).toBe('daily');
    const done = await stranger.post(url, {});
    expect(done.statusCode).toBe(200);
    expect((await getSettings(t.handle.db, reader.id)).digest).toBe('off');
    // A forged token is not accepted.
    const forged = url.replace(/\.(.)/, (_m, ch: string) => `.${ch === 'A' ? 'B' : 'A'}`);
    expect((await stranger.get(forged)).statusCode).toBe(404);
    expect((await stranger.get(`/forum/unsubscribe/${reader.id}.x`)).statusCode).toBe(404);
  });
});
