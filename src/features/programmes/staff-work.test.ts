// Staff work added with the corrections (issue 16) through HTTP: trainees imported from a
// spreadsheet (all or nothing), certificates reissued with a new code, holders' requests for a
// correction, and what waits for the member's staff on their start page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from './rules.js';
import { loc, worldWithCertificates, type Cert, type World } from './testing/world.js';

let w: World;
let certs: Cert[];
beforeAll(async () => {
  ({ w, certs } = await worldWithCertificates());
});
afterAll(() => w.t.close());

const traineeCount = async () =>
  Number(
    (
      await w.db
        .selectFrom('programme_trainees')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('staff work', () => {
  it('imports trainees from pasted rows: one bad row saves nothing and is named; a good file registers all', async () => {
    const before = await traineeCount();
    const header = 'name,gender,age,town,affiliation,phone,consent';
    const bad = await w.as.staffA.post('/programmes/trainees/import', {
      organization_id: String(w.ids.orgA),
      rows: `${header}\nسلمى العلي,أنثى,22,أعزاز,,,نعم\nخالد,ذكر,30,مدينة لا توجد,,,نعم`,
      consent_version: '2026-01',
      consent: 'on',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('مدينة لا توجد');
    expect(await traineeCount()).toBe(before);

    const good = await w.as.staffA.post('/programmes/trainees/import', {
      organization_id: String(w.ids.orgA),
      rows: `${header}\nسلمى العلي,أنثى,22,أعزاز,,,نعم\nOmar Idlibi,m,18-24,Menbij,,,yes`,
      consent_version: '2026-01',
      consent: 'on',
    });
    expect(good.statusCode).toBe(303);
    expect(await traineeCount()).toBe(before + 2);
    const list = await w.as.staffA.get(loc(good));
    expect(list.body).toContain('سلمى العلي');
    // Another member's staff see none of them.
    expect((await w.as.staffB.get('/programmes/trainees')).body).not.toContain('سلمى العلي');
  });

  it('a revoked certificate is reissued with a new code: the old code no longer verifies, the new one does', async () => {
    const c = certs[0]!;
    expect((await w.as.staffA.post(`/programmes/certificates/${c.id}/reissue`, {})).statusCode).toBe(404); // not revoked
    const revoke = await w.as.staffA.post(`/programmes/certificates/${c.id}/revoke`, { reason: 'اسم بخطأ إملائي' });
    expect(revoke.statusCode).toBe(303);
    expect((await w.as.staffB.post(`/programmes/certificates/${c.id}/reissue`, {})).statusCode).toBe(404);
    const res = await w.as.staffA.post(`/programmes/certificates/${c.id}/reissue`, { issued_on: '2026-05-01' });
    expect(res.statusCode).toBe(303);
    const now = await w.db
      .selectFrom('programme_certificates')
      .select(['code', 'issued_on'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(now.code).not.toBe(c.code);
    expect(now.issued_on).toBe('2026-05-01');
    expect((await w.as.anon.get(`/certificates/${c.code}`)).statusCode).toBe(404);
    expect((await w.as.anon.get(`/certificates/${now.code}`)).statusCode).toBe(200);
    // The member's staff see the code it replaced, and why.
    const admin = await w.as.staffA.get(`/programmes/certificates/${c.id}`);
    expect(admin.body).toContain(formatCode(c.code));
    expect(admin.body).toContain('اسم بخطأ إملائي');
  });

  it("a holder asks for a correction from the public page; it waits on the member's start page until handled", async () => {
    const c = certs[1]!;
    const form = await w.as.anon.get(`/certificates/${c.code}/correction`);
    expect(form.statusCode).toBe(200);
    const sent = await w.as.anon.post(`/certificates/${c.code}/correction`, {
      message: 'اسمي يُكتب بالهمزة: رِيم',
    });
    expect(sent.statusCode).toBe(303);
    expect(loc(sent)).toBe(`/certificates/${c.code}`);

    const start = await w.as.staffA.get('/start');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`/programmes/certificates/${c.id}`);
    expect((await w.as.staffB.get('/start')).body).not.toContain(`/programmes/certificates/${c.id}`);
    const admin = await w.as.staffA.get(`/programmes/certificates/${c.id}`);
    expect(admin.body).toContain('اسمي يُكتب بالهمزة');

    expect((await w.as.staffA.post(`/programmes/certificates/${c.id}/requests`, {})).statusCode).toBe(303);
    expect((await w.as.staffA.get('/start')).body).not.toContain(`/programmes/certificates/${c.id}`);
  });
});
