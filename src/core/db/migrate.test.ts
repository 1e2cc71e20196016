import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from './index.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

describe('core migrations', () => {
  it('creates the core tables and returns timestamps and counts the same way on both dialects', async () => {
    const now = new Date('2022-06-28T09:30:00.000Z').toISOString();
    const net = await h.db
      .insertInto('networks')
      .values({
        slug: 'wasl',
        name_ar: 'وصل',
        name_en: 'Wasl',
        description_ar: '',
        description_en: '',
        region_ar: '',
        region_en: '',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof net.id).toBe('number');
    const row = await h.db
      .selectFrom('networks')
      .select(['created_at'])
      .where('id', '=', net.id)
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(now);
    const { n } = await h.db
      .selectFrom('networks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('keeps the audit log append-only', async () => {
    await h.db
      .insertInto('audit_log')
      .values({ at: new Date().toISOString(), action: 'test', details: '{}' })
      .execute();
    await expect(sql`UPDATE audit_log SET action = 'changed'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(h.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
