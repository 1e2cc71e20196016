// The public statement through HTTP: drafted by one person, approved by another, frozen and
// versioned; small cells hidden in the published figures.
import { describe, expect, it } from 'vitest';
import { dateToDamascusLocal } from '../../../core/time.js';
import { goodSheet } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

describe('the public statement', () => {
  it('is drafted by one person, approved by another, frozen and published with its date; a correction is a new version', async () => {
    const db = w.db;
    let staff = await w.as('staff');
    let admin = await w.as('admin');
    const results = await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}/results`);
    expect(results.body).not.toMatch(/<td>\d/); // nothing public before approval
    await staff.get(`/elections/${w.fx.electionId}/statement`);
    const draft = await staff.post(`/elections/${w.fx.electionId}/statement`, {
      cutoff: '2026-06-28T11:59',
      remarks_ar: '',
      remarks_en: 'Thanks to all observers.',
    });
    expect(draft.statusCode).toBe(303);
    const s = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('election_id', '=', w.fx.electionId)
      .executeTakeFirstOrThrow();
    expect(s.status).toBe('draft');
    expect(s.text_en).toContain('Thanks to all observers.');
    // the drafter cannot approve
    const self = await staff.post(`/elections/${w.fx.electionId}/statement/${s.id}/approve`, {});
    expect(self.statusCode).toBe(400);
    expect(
      (await db.selectFrom('election_statements').select('status').where('id', '=', s.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft');
    // an outsider cannot either
    expect(
      (
        await (
          await w.as('other')
        ).post(`/elections/${w.fx.electionId}/statement/${s.id}/approve`, {}, { formPage: '/elections' })
      ).statusCode,
    ).toBe(404);
    await admin.get(`/elections/${w.fx.electionId}/statement`);
    const ok = await admin.post(`/elections/${w.fx.electionId}/statement/${s.id}/approve`, {});
    expect(ok.statusCode).toBe(303);
    const v1 = await db.selectFrom('election_statements').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(v1).toMatchObject({
      status: 'published',
      version: 1,
      published_on: '2026-06-28',
      approved_by: w.users.admin,
    });
    const pub = await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}/results?lang=en`);
    expect(pub.body).toContain('Version 1, published 28 June 2026');
    // published results never name observers or devices, and no submission time
    expect(pub.body).not.toMatch(/Observer \d|EL-OB-/);
    // a correction must say what changed
    w.t.clock.advance(86_400_000);
    // staff sessions end after two idle hours: sign in again the next day
    staff = await w.as('staff');
    admin = await w.as('admin');
    await staff.get(`/elections/${w.fx.electionId}/statement`);
    const noNote = await staff.post(`/elections/${w.fx.electionId}/statement`, { cutoff: '2026-06-29T11:00' });
    expect(noNote.statusCode).toBe(400);
    const future = await staff.post(`/elections/${w.fx.electionId}/statement`, {
      cutoff: '2027-01-01T00:00',
      change_note_ar: 'أ',
      change_note_en: 'b',
    });
    expect(future.statusCode).toBe(400);
    await staff.post(`/elections/${w.fx.electionId}/statement`, {
      cutoff: '2026-06-29T11:00',
      change_note_ar: 'أُضيف محضر صندوق',
      change_note_en: 'One more station sheet added',
    });
    const d2 = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    await admin.get(`/elections/${w.fx.electionId}/statement`);
    await admin.post(`/elections/${w.fx.electionId}/statement/${d2.id}/approve`, {});
    const latest = await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}/results?lang=en`);
    expect(latest.body).toContain('Version 2, published 29 June 2026');
    expect(latest.body).toContain('One more station sheet added');
    expect(latest.body).toContain(`/elections/${w.fx.electionId}/results?version=1`);
    const old = await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}/results?version=1&lang=en`);
    expect(old.body).toContain('Version 1, published 28 June 2026');
    expect((await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}/results?version=9`)).statusCode).toBe(
      404,
    );
    // version 1 is frozen: its text did not change
    expect(
      (await db.selectFrom('election_statements').select('text_ar').where('id', '=', s.id).executeTakeFirstOrThrow())
        .text_ar,
    ).toBe(v1.text_ar);
  });

  it('hides small cells in the published figures, and their complements', async () => {
    const db = w.db;
    const f2 = await w.election({ stations: 3, observers: 0, codePrefix: 'SM' });
    const sheets = [goodSheet(6, 90), goodSheet(40, 55), goodSheet(35, 60)];
    await w.enterSheets(f2, sheets, 'sm');
    const staff = await w.as('staff');
    await staff.get(`/elections/${f2.electionId}/statement`);
    await staff.post(`/elections/${f2.electionId}/statement`, {
      cutoff: dateToDamascusLocal(w.t.clock.now),
    });
    const d = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('election_id', '=', f2.electionId)
      .executeTakeFirstOrThrow();
    const admin = await w.as('admin');
    await admin.get(`/elections/${f2.electionId}/statement`);
    await admin.post(`/elections/${f2.electionId}/statement/${d.id}/approve`, {});
    const page = await (await w.as('anonymous')).get(`/elections/${f2.electionId}/results?lang=en`);
    const stationTable = page.body.slice(page.body.indexOf('By station'));
    expect(stationTable).not.toMatch(/<td>6<\/td>/);
    expect((stationTable.match(/fewer than 10/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(page.body).toContain('81'); // total women are still published (6 + 40 + 35)
  });
});
