// Fixed-window counters shared by every app process: in the database by default, in Redis when
// REDIS_URL is set. Used for login, 2FA, password reset, sign-up and posting limits.
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Db } from '../db/index.js';

export type LimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit on `key` and says whether it is still within `max` per `windowMs`. */
  hit(key: string, max: number, windowMs: number, now: Date): Promise<LimitResult>;
  /** Reads without counting. */
  peek(key: string, max: number, windowMs: number, now: Date): Promise<LimitResult>;
  reset(key: string): Promise<void>;
}

function result(count: number, max: number, windowStart: number, windowMs: number, now: Date): LimitResult {
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
  return { allowed: count <= max, count, retryAfterSeconds };
}

export function databaseRateLimiter(db: Db): RateLimiter {
  return {
    async hit(key, max, windowMs, now) {
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      // One atomic upsert on both dialects: a new window restarts the count.
      const row = await sql<{ count: number }>`
        INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = excluded.window_start
        RETURNING count`.execute(db);
      return result(Number(row.rows[0]!.count), max, windowStart, windowMs, now);
    },
    async peek(key, max, windowMs, now) {
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
      const count = row && Number(row.window_start) === windowStart ? row.count : 0;
      return { ...result(count, max, windowStart, windowMs, now), allowed: count < max };
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}

export function redisRateLimiter(redis: Redis): RateLimiter {
  const k = (key: string, windowStart: number) => `wasl:rl:${key}:${windowStart}`;
  return {
    async hit(key, max, windowMs, now) {
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const res = await redis
        .multi()
        .incr(k(key, windowStart))
        .pexpire(k(key, windowStart), windowMs * 2)
        .exec();
      const count = Number(res?.[0]?.[1] ?? 1);
      return result(count, max, windowStart, windowMs, now);
    },
    async peek(key, max, windowMs, now) {
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const count = Number((await redis.get(k(key, windowStart))) ?? 0);
      return { ...result(count, max, windowStart, windowMs, now), allowed: count < max };
    },
    async reset(key) {
      const keys = await redis.keys(`wasl:rl:${key}:*`);
      if (keys.length) await redis.del(...keys);
    },
  };
}
