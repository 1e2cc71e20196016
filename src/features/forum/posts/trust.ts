// Trust levels and the limits that come with them. Trust grows with the age of the account and the
// number of accepted (visible) posts; anyone holding an org or network role starts trusted. Every
// count is read from the database at the moment of posting, so the limits hold across app
// processes, and every time comes from the request's clock.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import type { Translator } from '../../../core/i18n/index.js';
import { DAY } from '../../../core/time.js';

export type TrustLevel = 0 | 1 | 2 | 3;

/** Level 1 after this account age and this many accepted posts; level 2 after more of both. */
export const TRUST_RULES = {
  basic: { minAgeMs: 2 * DAY, minAccepted: 3 },
  member: { minAgeMs: 30 * DAY, minAccepted: 20 },
} as const;

export type TrustLimits = {
  /** posts (topics and replies) in any rolling 24 hours */
  postsPerDay: number;
  /** links to other sites in one post */
  linksPerPost: number;
  /** seconds between two posts */
  minIntervalSeconds: number;
  /** flags in any rolling 24 hours */
  flagsPerDay: number;
};

export const LIMITS: Record<TrustLevel, TrustLimits> = {
  0: { postsPerDay: 10, linksPerPost: 2, minIntervalSeconds: 30, flagsPerDay: 5 },
  1: { postsPerDay: 40, linksPerPost: 10, minIntervalSeconds: 10, flagsPerDay: 20 },
  2: { postsPerDay: 150, linksPerPost: 30, minIntervalSeconds: 0, flagsPerDay: 50 },
  3: { postsPerDay: 500, linksPerPost: 100, minIntervalSeconds: 0, flagsPerDay: 200 },
};

/** A member's own posts are duplicates if the same normalized text was posted within this window. */
export const DUPLICATE_WINDOW_MS = DAY;

/** Flags from trusted members (level ≥ 1 or staff) that hide a post until a moderator reviews it. */
export const FLAG_HIDE_THRESHOLD = { personal_info: 2, any: 3 } as const;

export function trustLevel(input: {
  accountCreatedAt: string;
  acceptedPosts: number;
  staff: boolean;
  now: Date;
}): TrustLevel {
  if (input.staff) return 3;
  const age = input.now.getTime() - Date.parse(input.accountCreatedAt);
  if (age >= TRUST_RULES.member.minAgeMs && input.acceptedPosts >= TRUST_RULES.member.minAccepted) return 2;
  if (age >= TRUST_RULES.basic.minAgeMs && input.acceptedPosts >= TRUST_RULES.basic.minAccepted) return 1;
  return 0;
}

export type Standing = {
  level: TrustLevel;
  limits: TrustLimits;
  silencedUntil: Date | null;
  suspendedUntil: Date | null;
  sanctionReason: string;
};

/** Does the person (by id) hold any role that opens staff-only categories? */
export async function userIsStaff(db: Db, userId: number): Promise<boolean> {
  const [m, n] = await Promise.all([
    db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('network_roles').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return !!m || !!n;
}

/** A member's trust level and any sanction in force at `now`. */
export async function memberStanding(db: Db, userId: number, now: Date, staff?: boolean): Promise<Standing> {
  const [user, accepted, sanction, isStaff] = await Promise.all([
    db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('forum_posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('author_id', '=', userId)
      .where('status', '=', 'visible')
      .executeTakeFirstOrThrow(),
    db.selectFrom('forum_sanctions').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    staff === undefined ? userIsStaff(db, userId) : Promise.resolve(staff),
  ]);
  const level = trustLevel({
    accountCreatedAt: user?.created_at ?? now.toISOString(),
    acceptedPosts: Number(accepted.n),
    staff: isStaff,
    now,
  });
  const until = (v: string | null | undefined) => (v && Date.parse(v) > now.getTime() ? new Date(v) : null);
  return {
    level,
    limits: LIMITS[level],
    silencedUntil: until(sanction?.silenced_until),
    suspendedUntil: until(sanction?.suspended_until),
    sanctionReason: sanction?.reason ?? '',
  };
}

export type PostingRefusal =
  | { kind: 'suspended'; until: Date; reason: string }
  | { kind: 'silenced'; until: Date; reason: string }
  | { kind: 'daily'; limit: number; until: Date }
  | { kind: 'interval'; until: Date }
  | { kind: 'links'; limit: number }
  | { kind: 'duplicate'; postId: number };

/** A suspension or silence in force, as a refusal to post. */
export function sanctionRefusal(standing: Standing): PostingRefusal | null {
  if (standing.suspendedUntil)
    return { kind: 'suspended', until: standing.suspendedUntil, reason: standing.sanctionReason };
  if (standing.silencedUntil)
    return { kind: 'silenced', until: standing.silencedUntil, reason: standing.sanctionReason };
  return null;
}

/**
 * May this member post now? Counts every post they wrote in the last 24 hours (whatever became of
 * it), so deleting does not buy more posts; says when they may post again.
 */
export async function checkPostingAllowed(
  db: Db,
  userId: number,
  standing: Standing,
  input: { linkCount: number; bodyHash: string },
  now: Date,
): Promise<PostingRefusal | null> {
  const sanction = sanctionRefusal(standing);
  if (sanction) return sanction;
  const { limits } = standing;
  const since = new Date(now.getTime() - DAY).toISOString();
  const recent = await db
    .selectFrom('forum_posts')
    .select(['id', 'created_at', 'body_hash', 'status'])
    .where('author_id', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const duplicateSince = now.getTime() - DUPLICATE_WINDOW_MS;
  const dup = recent.find(
    (p) => p.body_hash === input.bodyHash && p.status !== 'deleted' && Date.parse(p.created_at) > duplicateSince,
  );
  if (dup) return { kind: 'duplicate', postId: dup.id };
  if (recent.length >= limits.postsPerDay) {
    // The oldest post still inside the window leaves it first.
    const oldest = recent[recent.length - limits.postsPerDay]!;
    return { kind: 'daily', limit: limits.postsPerDay, until: new Date(Date.parse(oldest.created_at) + DAY) };
  }
  const last = recent[recent.length - 1];
  if (last && limits.minIntervalSeconds > 0) {
    const next = Date.parse(last.created_at) + limits.minIntervalSeconds * 1000;
    if (next > now.getTime()) return { kind: 'interval', until: new Date(next) };
  }
  if (input.linkCount > limits.linksPerPost) return { kind: 'links', limit: limits.linksPerPost };
  return null;
}

/** Flags in the last 24 hours, and when the oldest leaves the window. */
export async function checkFlagAllowed(db: Db, userId: number, standing: Standing, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - DAY).toISOString();
  const rows = await db
    .selectFrom('forum_flags')
    .select('created_at')
    .where('flagger_id', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .execute();
  if (rows.length < standing.limits.flagsPerDay) return null;
  return new Date(Date.parse(rows[rows.length - standing.limits.flagsPerDay]!.created_at) + DAY);
}

/** Members whose flags count toward automatic hiding, among the open flags of a post. */
export async function trustedFlagCounts(db: Db, postId: number) {
  const rows = await db
    .selectFrom('forum_flags')
    .select(['reason', sql<number>`count(*)`.as('n')])
    .where('post_id', '=', postId)
    .where('resolved_at', 'is', null)
    .where('trusted', '=', 1)
    .groupBy('reason')
    .execute();
  const byReason = new Map(rows.map((r) => [r.reason, Number(r.n)]));
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  return { total, personalInfo: byReason.get('personal_info') ?? 0 };
}

export function reachesHideThreshold(counts: { total: number; personalInfo: number }): boolean {
  return counts.personalInfo >= FLAG_HIDE_THRESHOLD.personal_info || counts.total >= FLAG_HIDE_THRESHOLD.any;
}

/** Whole seconds until `until` (at least 1), for a Retry-After header. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** What a refusal to post says (when the member can post again, or why not) and its status. */
export function refusalMessage(i18n: Translator, r: PostingRefusal, now: Date): { message: string; status: number } {
  const { t } = i18n;
  switch (r.kind) {
    case 'suspended':
      return { message: t('forum.limit.suspended', { date: i18n.dateTime(r.until), reason: r.reason }), status: 403 };
    case 'silenced':
      return { message: t('forum.limit.silenced', { date: i18n.dateTime(r.until), reason: r.reason }), status: 403 };
    case 'daily':
      return {
        message: t('forum.limit.daily', {
          limit: r.limit,
          date: i18n.dateTime(r.until),
          relative: i18n.relative(r.until, now),
        }),
        status: 429,
      };
    case 'interval':
      return {
        message: t('forum.limit.interval', { seconds: secondsUntil(r.until, now), date: i18n.time(r.until) }),
        status: 429,
      };
    case 'links':
      return { message: t('forum.limit.links', { limit: r.limit }), status: 400 };
    case 'duplicate':
      return { message: t('forum.limit.duplicate'), status: 400 };
  }
}
