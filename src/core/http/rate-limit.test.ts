// The shared counters behind login, 2FA, reset and sign-up limits: the database store on both
// dialects, and the Redis store used when REDIS_URL is set (Redis runs on 127.0.0.1:6379 here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { databaseRateLimiter, redisRateLimiter, type RateLimiter } from './rate-limit.js';

let h: DbHandle;
let redis: Redis;
beforeAll(async () => {
  h = await createTestDb();
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await h.close();
  await redis.quit();
});

function behaves(name: string, make: () => RateLimiter) {
  describe(name, () => {
    it('allows up to the limit in a window, says how long to wait, and starts again in the next window', async () => {
      const limiter = make();
      const key = `test:${name}:${Math.random()}`;
      const t0 = new Date('2026-06-28T09:00:10Z');
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limiter.hit(key, 3, 60_000, t0));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results[3]!.retryAfterSeconds).toBe(50);
      expect((await limiter.peek(key, 3, 60_000, t0)).allowed).toBe(false);
      const next = await limiter.hit(key, 3, 60_000, new Date('2026-06-28T09:01:00Z'));
      expect(next).toMatchObject({ allowed: true, count: 1 });
      await limiter.reset(key);
      expect((await limiter.peek(key, 3, 60_000, new Date('2026-06-28T09:01:00Z'))).count).toBe(0);
    });

    it('counts concurrent hits exactly', async () => {
      const limiter = make();
      const key = `test:${name}:concurrent:${Math.random()}`;
      const now = new Date('2026-06-28T09:00:00Z');
      const all = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(key, 10, 60_000, now)));
      expect(all.filter((r) => r.allowed)).toHaveLength(10);
      expect(Math.max(...all.map((r) => r.count))).toBe(20);
    });
  });
}

behaves('database store', () => databaseRateLimiter(h.db));
behaves('redis store', () => redisRateLimiter(redis));
