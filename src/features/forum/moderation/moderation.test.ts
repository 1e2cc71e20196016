// Moderation through HTTP: flags and the review queue (who flagged is shown to nobody), hiding and
// restoring, the public log without reporter or moderator, topic actions, categories.
import { describe, expect, it } from 'vitest';
import { anon, cat, mod, t, useForumWorld } from '../testing/world.js';
import { lastPostOf, makeTrusted, newTopic, person, refresh, tick } from '../testing/people.js';
import { withoutWordJoiners } from '../../../core/i18n/slash-forms.js';

useForumWorld();

describe('flags and the review queue', () => {
  it('hides a post after three flags from trusted members, not before, and not for untrusted flags', async () => {
    const author = await person({ displayName: 'Spammer X' });
    const { topicId, postId } = await newTopic(author, cat.news, 'Buy cheap phones now', 'Visit my shop for phones.');
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
    const spam = await newTopic(b, cat.news, 'Older flagged spam topic', 'spam spam spam');
    const f0 = await person();
    await f0.c.post(`/forum/p/${spam.postId}/flag`, { reason: 'spam' });
    tick();
    const { topicId } = await newTopic(a, cat.news, 'About the council member', 'Opening remarks on the council.');
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
    const { postId } = await newTopic(author, cat.news, 'Insults in the title area', 'You are all idiots.');
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
    expect(withoutWordJoiners(log.body)).toContain('مشرف/ة');
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
      cat.news,
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
    const one = await newTopic(a, cat.news, 'First of two similar topics', 'Water in Tal Aar');
    tick();
    const two = await newTopic(b, cat.news, 'Second of two similar topics', 'Also about water');
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
