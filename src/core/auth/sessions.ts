// Sessions live in the database so any app process can serve any request. The cookie holds a
// 256-bit random token; only its SHA-256 is stored, so a leaked database cannot be replayed.
import crypto from 'node:crypto';
import type { Db } from '../db/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Idle and absolute lifetimes: stricter for anyone holding a staff or admin role. */
export const sessionLifetimes = {
  member: { idle: 14 * DAY, absolute: 30 * DAY },
  staff: { idle: 2 * HOUR, absolute: 12 * HOUR },
  pending2fa: { idle: 10 * MINUTE, absolute: 10 * MINUTE },
};

export function sessionCookieName(secure: boolean): string {
  // __Host- needs Secure, which browsers refuse over plain http; local development gets a
  // clearly named fallback instead.
  return secure ? '__Host-wasl_session' : 'wasl_session_insecure_dev';
}

/** Any other cookie's name: `__Host-` behind TLS (Secure, this host only, path /), plain over http. */
export function hostCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  kind: keyof typeof sessionLifetimes,
): Promise<{ token: string; id: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const life = sessionLifetimes[kind];
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_expires_at: new Date(now.getTime() + life.idle).toISOString(),
      absolute_expires_at: new Date(now.getTime() + life.absolute).toISOString(),
      pending_2fa: kind === 'pending2fa' ? 1 : 0,
    })
    .execute();
  return { token, id };
}

export type SessionRow = {
  id: string;
  userId: number;
  pending2fa: boolean;
  /** when the person last proved who they are: signing in, or confirming again */
  confirmedAt: string;
};

/** How long a confirmation counts for sensitive changes (recovery codes, e-mail, exports…). */
export const FRESH_AUTH_MS = 10 * 60_000;

/** Records that the person typed their password or a code again. */
export async function confirmSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ confirmed_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Finds a live session and slides its idle expiry (at most once a minute, to spare writes). */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
  isStaff: (userId: number) => Promise<boolean>,
): Promise<SessionRow | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const nowIso = now.toISOString();
  if (row.idle_expires_at <= nowIso || row.absolute_expires_at <= nowIso) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > MINUTE && row.pending_2fa === 0) {
    const life = (await isStaff(row.user_id)) ? sessionLifetimes.staff : sessionLifetimes.member;
    const idle = new Date(Math.min(now.getTime() + life.idle, new Date(row.absolute_expires_at).getTime()));
    await db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso, idle_expires_at: idle.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return {
    id,
    userId: row.user_id,
    pending2fa: row.pending_2fa === 1,
    confirmedAt: row.confirmed_at ?? row.created_at,
  };
}

export async function destroySession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** After a password or 2FA change: every other session of the person ends. */
export async function destroyOtherSessions(db: Db, userId: number, keepId: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const res = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', nowIso), eb('absolute_expires_at', '<=', nowIso)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
