// The optional e-mail digest: the forum's unread notices (core/notify) since the last digest, in
// the member's language, through the mailer (the outbox when SMTP is not configured), with a one-click
// unsubscribe link that works without signing in. The link carries a signed token (HMAC over the
// account id with a secret shared by every app process through the kv table).
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import type { WaslServices } from '../../../core/services.js';
import { DAY } from '../../../core/time.js';
import { userIsStaff } from '../posts/trust.js';
import { postsWithPlace } from '../topics/queries.js';
import { siteBase } from '../context.js';
import { forumNoticeTypes, markMailed, noticePost, undigestedNotices } from './notices.js';

const SECRET_KEY = 'forum_digest_secret';

async function existingSecret(db: Db): Promise<string | null> {
  const row = await db.selectFrom('kv').select('value').where('key', '=', SECRET_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** The signing secret, made on first use (when the first digest is sent). */
async function secret(db: Db): Promise<string> {
  const existing = await existingSecret(db);
  if (existing) return existing;
  await db
    .insertInto('kv')
    .values({ key: SECRET_KEY, value: crypto.randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db.selectFrom('kv').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
  return row.value;
}

function mac(key: string, userId: number): string {
  return crypto.createHmac('sha256', key).update(`forum-digest-unsubscribe:${userId}`).digest('base64url').slice(0, 32);
}

export async function unsubscribeToken(db: Db, userId: number): Promise<string> {
  return `${userId}.${mac(await secret(db), userId)}`;
}

/**
 * The account id a token was made for, or null if it is not one of ours. Reads only: without a
 * secret no token was ever made (opening a link must not write).
 */
export async function verifyUnsubscribeToken(db: Db, token: string): Promise<number | null> {
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  const key = m ? await existingSecret(db) : null;
  if (!m || !key) return null;
  const userId = Number(m[1]);
  const expected = Buffer.from(mac(key, userId));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? userId : null;
}

/**
 * Sends each member who asked for a digest (and has an e-mail address) their forum notices not
 * read nor e-mailed yet, if their period has passed — only those about posts they may still read.
 * Returns how many were sent. The job `forum-digests` (hourly, in the manifest); safe to run again.
 */
export async function sendForumDigests(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const members = await db
    .selectFrom('forum_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.digits', 'u.address_as', 's.digest', 's.last_digest_at'])
    .where('s.digest', 'in', ['daily', 'weekly'])
    .where('u.email', 'is not', null)
    .execute();
  const messages = new Map(forumNoticeTypes.map((t) => [t.type, t.message]));
  let sent = 0;
  for (const m of members) {
    const period = m.digest === 'weekly' ? 7 * DAY : DAY;
    if (m.last_digest_at && Date.parse(m.last_digest_at) + period > now.getTime()) continue;
    const items = await undigestedNotices(db, m.id, 50);
    const readable = await stillReadable(db, m.id, items);
    if (!readable.length) continue;
    const tr = wasl.i18n.translator(m.locale, { digits: m.digits, addressAs: m.address_as });
    const base = siteBase(wasl);
    const lines = readable.map(
      (n) => `• ${tr.t(messages.get(n.type) as never, JSON.parse(n.params) as never)}\n  ${base}${n.url}`,
    );
    const token = await unsubscribeToken(db, m.id);
    await wasl.mailer.send(
      {
        to: m.email!,
        subject: tr.t('forum.digest.subject', { count: readable.length }),
        text: [
          tr.t('forum.digest.intro'),
          '',
          ...lines,
          '',
          tr.t('forum.digest.unsubscribe', { url: `${base}/forum/unsubscribe/${token}` }),
        ].join('\n'),
      },
      now,
    );
    await markMailed(
      db,
      items.map((i) => i.id),
      now,
    );
    await db
      .updateTable('forum_settings')
      .set({ last_digest_at: now.toISOString() })
      .where('user_id', '=', m.id)
      .execute();
    sent++;
  }
  return sent;
}

/** The notices whose post is visible now in a category the member may read now. */
async function stillReadable<N extends { url: string }>(db: Db, userId: number, items: N[]): Promise<N[]> {
  const ids = items.map((i) => noticePost(i.url)).filter((id): id is number => id !== null);
  if (!ids.length) return [];
  const places = await postsWithPlace(db)
    .select(['p.id', 'c.visibility'])
    .where('p.id', 'in', ids)
    .where('p.status', '=', 'visible')
    .where('t.status', '=', 'visible')
    .execute();
  const staff = places.some((p) => p.visibility === 'staff') ? await userIsStaff(db, userId) : false;
  const ok = new Set(places.filter((p) => p.visibility !== 'staff' || staff).map((p) => p.id));
  return items.filter((i) => ok.has(noticePost(i.url) ?? 0));
}
