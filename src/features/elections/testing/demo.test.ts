// The demo story adds up (its own file: one fresh database with the whole demo seed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { seedDemoIfEmpty } from '../../../seed/demo.js';

let t2: TestApp;
beforeAll(async () => {
  t2 = await buildTestApp();
  // the seed loads the gazetteer into the empty towns table
  await seedDemoIfEmpty(t2.app.wasl, { passwords: 'demo-password-for-tests' });
});
afterAll(() => t2.close());

describe('the demo story', () => {
  it('adds up: 4 centres observed, 1,116 voters, 15 seats, 42% women; Tal’ar closed', async () => {
    const list = await t2.app.inject({ url: '/elections?lang=en' });
    expect(list.body).toContain('Turkman Bareh local council election');
    expect(list.body).toContain("Tal'ar local council election");
    const tb = await t2.handle.db
      .selectFrom('elections')
      .select('id')
      .where('title_en', '=', 'Turkman Bareh local council election')
      .executeTakeFirstOrThrow();
    const res = await t2.app.inject({ url: `/elections/${tb.id}/results?lang=en` });
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('4 polling centres of 4');
    expect(text).toContain('1,116 voters cast their ballots');
    expect(text).toContain('15 members of the local council');
    expect(text).toContain('Women made up 42% of the voters (469 women)');
    expect(text).not.toMatch(/TB-OB|TB-SV/);
    const ar = await t2.app.inject({ url: `/elections/${tb.id}/results?lang=ar` });
    expect(ar.body).toContain('42٪');
    const sheets = await t2.handle.db
      .selectFrom('count_sheets')
      .select('status')
      .where('election_id', '=', tb.id)
      .execute();
    expect(sheets.map((s) => s.status).sort()).toEqual(['agreed', 'agreed', 'agreed', 'agreed', 'resolved', 'single']);
  });
});
