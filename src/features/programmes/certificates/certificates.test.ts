// Certificates through HTTP: public verification (name, course and date only), the printable A4
// certificate for the member's staff, revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loc, worldWithCertificates, type Cert, type World } from '../testing/world.js';

let w: World;
let certs: Cert[];
beforeAll(async () => {
  ({ w, certs } = await worldWithCertificates());
});
afterAll(() => w.t.close());

describe('certificates', () => {
  it('the public page confirms a certificate with only the name, course and date', async () => {
    const c = certs[0]!;
    const res = await w.as.anon.get(`/certificates/${c.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/ريم الحسن|عمر الشيخ/);
    expect(res.body).toContain('المناصرة');
    expect(res.body).toContain('noindex');
    expect(res.body).not.toContain('944'); // no phone
    expect(res.body).not.toContain('C1594');
    // Lower case with dashes, from the lookup form, redirects to the canonical code.
    const typed = c.code.toLowerCase().replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
    const lookup = await w.as.anon.get(`/certificates?code=${typed}`);
    expect(lookup.statusCode).toBe(303);
    expect(loc(lookup)).toBe(`/certificates/${c.code}`);
    expect((await w.as.anon.get('/certificates?code=0OIL')).statusCode).toBe(400);
    expect((await w.as.anon.get('/certificates/AAAAAAAAAAAA')).statusCode).toBe(404);
  });

  it('the printable certificate is staff-only, A4, right to left, through a stylesheet link', async () => {
    const c = certs[0]!;
    expect((await w.as.staffB.get(`/programmes/certificates/${c.id}/print`)).statusCode).toBe(404);
    const res = await w.as.staffA.get(`/programmes/certificates/${c.id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar-SY" dir="rtl">');
    // The site's one stylesheet, into which the feature's print rules are merged.
    expect(res.body).toMatch(/<link rel="stylesheet" href="\/assets\/style\.[0-9a-f]+\.css"/);
    expect(res.body).not.toMatch(/style=/);
    const css = /href="(\/assets\/style\.[^"]+)"/.exec(res.body)![1]!;
    const sheet = await w.as.anon.get(css);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('size: A4');
    // English on request only.
    expect((await w.as.staffA.get(`/programmes/certificates/${c.id}/print?version=en`)).statusCode).toBe(404);
    await w.as.staffA.get(`/programmes/certificates/${c.id}`);
    expect(
      (await w.as.staffA.post(`/programmes/certificates/${c.id}/english`, { name_en: 'Reem Al-Hasan' })).statusCode,
    ).toBe(303);
    const en = await w.as.staffA.get(`/programmes/certificates/${c.id}/print?version=en`);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('Reem Al-Hasan');
  });

  it('a revoked certificate is not found', async () => {
    const c = certs[1]!;
    expect((await w.as.staffB.post(`/programmes/certificates/${c.id}/revoke`, {})).statusCode).toBe(404);
    expect((await w.as.staffA.post(`/programmes/certificates/${c.id}/revoke`, {})).statusCode).toBe(303);
    expect((await w.as.anon.get(`/certificates/${c.code}`)).statusCode).toBe(404);
  });
});
