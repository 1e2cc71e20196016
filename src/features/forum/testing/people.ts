// People who act in the forum's tests (see world.ts): signed in, trusted or new, starting topics.
import { Client, makeUser, signIn } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { DAY } from '../../../core/time.js';
import { createReply, createTopic } from '../topics/actions.js';
import { noticePost } from '../subscriptions/notices.js';
import { cat, net, orgA, t } from './world.js';

let seq = 0;

export type Person = { id: number; username: string; c: Client; displayName: string };

/** A signed-in person with a fresh account (old enough to be trusted, unless `newAccount`). */
export async function person(
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
export async function refresh(p: Person) {
  p.c.cookies.clear();
  p.c.csrf = null;
  await signIn(t, p.c, p.id);
  await p.c.get('/forum');
}

/** Gives a person accepted posts so they reach trust level 1 (account age is two days or more). */
export async function makeTrusted(p: Person) {
  const at = (daysAgo: number) => new Date(t.clock.now.getTime() - daysAgo * DAY);
  const common = { authorId: p.id, status: 'visible' as const };
  const { topicId } = await createTopic(t.app.wasl, {
    ...common,
    categoryId: cat.sandbox,
    title: `Warm-up ${p.username}`,
    body: `first words ${p.username}`,
    now: at(10),
  });
  for (let i = 0; i < 3; i++)
    await createReply(t.app.wasl, { ...common, topicId, body: `warm-up reply ${i} ${p.username}`, now: at(9 - i) });
}

/** Starts a topic through the form; the ids of the person's newest topic and its first post. */
export async function newTopic(p: Person, category: number, title: string, body: string) {
  const res = await p.c.post(`/forum/c/${category}/new`, { title, body });
  const row = await t.handle.db
    .selectFrom('forum_topics')
    .select(['id', 'first_post_id', 'status'])
    .where('author_id', '=', p.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { res, topicId: row?.id ?? 0, postId: row?.first_post_id ?? 0, status: row?.status };
}

export async function lastPostOf(p: Person) {
  return t.handle.db
    .selectFrom('forum_posts')
    .selectAll()
    .where('author_id', '=', p.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

/** Past the new members' 30 seconds between posts. */
export const tick = () => t.clock.advance(31_000);

/** The forum's notices in the site's list, as the tests read them: to whom, which kind, about which post. */
export async function forumNotices(filter: { userId?: number; postId?: number } = {}) {
  let q = t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'type', 'url', 'params', 'read_at', 'mailed_at'])
    .where('type', 'like', 'forum.%');
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.postId !== undefined) q = q.where('url', '=', `/forum/p/${filter.postId}`);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    user_id: r.user_id,
    kind: r.type.slice('forum.'.length),
    post_id: noticePost(r.url),
    params: JSON.parse(r.params) as Record<string, string>,
    read_at: r.read_at,
    mailed_at: r.mailed_at,
  }));
}
