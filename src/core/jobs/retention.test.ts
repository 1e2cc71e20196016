// The retention purge with an injected clock: expired sessions, tokens, counters, old mail and
// year-old audit entries go; everything still within its retention stays; once a day only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { createSession } from '../auth/sessions.js';
import { makeUser } from '../../testing/app.js';
import { runDailyPurgeOnce, runRetentionPurge } from './retention.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

const DAY = 24 * 3600 * 1000;
const count = async (table: 'sessions' | 'mail_outbox' | 'audit_log' | 'rate_limits') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('retention purge', () => {
  it('removes only what is past its retention', async () => {
    const t0 = new Date('2025-01-10T08:00:00Z');
    const user = await makeUser(h.db, { username: 'retention_user' });
    await createSession(h.db, user.id, t0, 'member'); // expires after 14 idle days
    const now = new Date(t0.getTime() + 400 * DAY);
    await createSession(h.db, user.id, now, 'member'); // fresh
    await h.db
      .insertInto('mail_outbox')
      .values([
        { to_address: 'a@example.org', subject: 'old', body_text: '', created_at: t0.toISOString() },
        {
          to_address: 'b@example.org',
          subject: 'new',
          body_text: '',
          created_at: new Date(now.getTime() - DAY).toISOString(),
        },
      ])
      .execute();
    await h.db
      .insertInto('audit_log')
      .values([
        { at: t0.toISOString(), action: 'old', details: '{}' },
        { at: new Date(now.getTime() - 30 * DAY).toISOString(), action: 'recent', details: '{}' },
      ])
      .execute();
    await h.db
      .insertInto('rate_limits')
      .values([
        { key: 'old', window_start: t0.getTime(), count: 3 },
        { key: 'new', window_start: now.getTime(), count: 1 },
      ])
      .execute();
    // (the audit log's trigger refuses deleting entries younger than a year by the real clock; t0 is older)
    const removed = await runRetentionPurge(h.db, now);
    expect(removed).toMatchObject({
      sessions: 1,
      'mail outbox (90 days)': 1,
      'rate-limit counters': 1,
      'audit log (365 days)': 1,
    });
    expect(await count('sessions')).toBe(1);
    expect(await count('mail_outbox')).toBe(1);
    expect(await count('audit_log')).toBe(1);
    expect(await count('rate_limits')).toBe(1);
  });

  it('runs once per day even when several processes ask', async () => {
    const day = new Date('2026-07-01T06:00:00Z');
    const results = await Promise.all([
      runDailyPurgeOnce(h.db, day),
      runDailyPurgeOnce(h.db, day),
      runDailyPurgeOnce(h.db, day),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await runDailyPurgeOnce(h.db, new Date('2026-07-01T20:00:00Z'))).toBe(false);
    expect(await runDailyPurgeOnce(h.db, new Date('2026-07-02T06:00:00Z'))).toBe(true);
  });
});

describe('periodic jobs', () => {
  it('run once per period however many instances tick', async () => {
    const { runJobOnce } = await import('./scheduler.js');
    let runs = 0;
    const job = { name: 'test-job', everyMs: 3600_000, run: async () => void runs++ };
    const wasl = { db: h.db } as never;
    const at = new Date('2026-07-01T10:05:00Z');
    await Promise.all([
      runJobOnce(wasl, job, at),
      runJobOnce(wasl, job, at),
      runJobOnce(wasl, job, new Date('2026-07-01T10:55:00Z')),
    ]);
    expect(runs).toBe(1);
    await runJobOnce(wasl, job, new Date('2026-07-01T11:01:00Z'));
    expect(runs).toBe(2);
  });

  it('run one at a time, and a timer due meanwhile runs between two jobs', async () => {
    const { runJobs } = await import('./scheduler.js');
    const events: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until); // a job's synchronous work, as on SQLite
    };
    const job = (name: string) => ({
      name: `round-${name}`,
      everyMs: 3600_000,
      run: async () => {
        events.push(`${name} starts`);
        if (name === 'first') setTimeout(() => events.push('timer'), 0); // e.g. a page's request
        busy(3);
        events.push(`${name} ends`);
      },
    });
    const failing = { name: 'round-failing', everyMs: 3600_000, run: async () => Promise.reject(new Error('no')) };
    const logged: string[] = [];
    const wasl = { db: h.db, clock: () => new Date('2026-07-01T10:05:00Z') } as never;
    await runJobs(wasl, [job('first'), failing, job('second')], (msg) => logged.push(msg));
    expect(events).toEqual(['first starts', 'first ends', 'timer', 'second starts', 'second ends']);
    expect(logged).toEqual(['job round-failing failed']);
  });
});
