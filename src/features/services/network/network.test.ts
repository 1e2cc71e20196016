// The network's pages: coverage for coordinators; HSDS import and export for admins (a refused
// import writes nothing; a zip bomb is refused before it is inflated); on SQLite and PostgreSQL.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hsds2Package } from '../testing/hsds2-package.js';
import { servicesTestWorld, uploadToImport } from '../testing/setup.js';

const world = servicesTestWorld();
const { as } = world;
const clinic = () => world.id('Free women’s clinic');

describe('network coordination and administration', () => {
  it('coverage by town and category, with gaps, for network editors only', async () => {
    expect((await (await as('noonStaff')).get('/services/coverage')).statusCode).toBe(404);
    const res = await (await as('editor')).get('/services/coverage');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/towns/C1564/services"');
    expect(res.body).toContain('class="gap"');
    expect(res.body).toMatch(/\d+ فجوة|فجوتان|فجوة واحدة/);
  });

  it('import and export pages are for network admins only', async () => {
    expect((await (await as('editor')).get('/services/admin')).statusCode).toBe(404);
    const admin = await as('admin');
    expect((await admin.get('/services/admin')).statusCode).toBe(200);
    const json = await admin.get('/services/admin/export.json');
    expect(json.statusCode).toBe(200);
    const services = JSON.parse(json.body) as { id: string }[];
    expect(services.some((s) => s.id === clinic())).toBe(true);
    const zip = await admin.get('/services/admin/export.zip');
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('an admin imports HSDS JSON; rejected records are listed and nothing is written', async () => {
    const admin = await as('admin');
    await admin.get('/services/admin');
    const upload = (content: string) =>
      uploadToImport(world.t, admin, { name: 's.json', type: 'application/json', data: strToU8(content) });
    const org = { id: 'a1a1a1a1-a1a1-41a1-81a1-a1a1a1a1a1a1', name: 'Partner', description: 'x' };
    const bad = await upload(
      JSON.stringify([{ id: 'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2', name: 'X', status: 'maybe', organization: org }]),
    );
    expect(bad.statusCode).toBe(400);
    // The problem is named by file, field, reason and value, with the record it was found in.
    expect(bad.body).toContain('لم يُستورد شيء: وُجدت مشكلة واحدة.');
    expect(bad.body).toMatch(
      /s\.json[\s\S]*status[\s\S]*يجب أن يكون أحد: active, inactive[\s\S]*«maybe»[\s\S]*\[0\] \(service b2b2b2b2/,
    );
    const badEn = await uploadToImport(
      world.t,
      admin,
      {
        name: 's.json',
        type: 'application/json',
        data: strToU8(
          JSON.stringify([
            { id: 'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2', name: 'X', status: 'maybe', organization: org },
          ]),
        ),
      },
      '/services/admin/import?lang=en',
    );
    expect(badEn.statusCode).toBe(400);
    expect(badEn.body).toContain('Nothing imported: 1 problem found.');
    expect(badEn.body).toMatch(/status[\s\S]*must be one of: active, inactive[\s\S]*«maybe»/);
    expect((await (await as(null)).get(`/services/${'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2'}`)).statusCode).toBe(404);
    const good = await upload(
      JSON.stringify([
        {
          id: 'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2',
          name: 'خدمة مستوردة للاختبار',
          status: 'active',
          organization: org,
        },
      ]),
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('تم الاستيراد.');
    const found = await (await as(null)).get(`/services?q=${encodeURIComponent('مستوردة')}`);
    expect(found.body).toContain('خدمة مستوردة للاختبار');
  });

  it('refuses a zip that would unpack to more than 50 MB, or hold too many files, before inflating it', async () => {
    const admin = await as('admin');
    await admin.get('/services/admin?lang=en');
    const upload = (zip: Uint8Array) =>
      uploadToImport(
        world.t,
        admin,
        { name: 'p.zip', type: 'application/zip', data: zip },
        '/services/admin/import?lang=en',
      );
    const bomb = zipSync({ 'services.csv': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const many = zipSync(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.csv`, strToU8('id\n')])));
    for (const zip of [bomb, many]) {
      const res = await upload(zip);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The file could not be read');
    }
  });

  it('a large HSDS 2.x package is read off the request path: the server keeps answering while it imports', async () => {
    const admin = await as('admin');
    await admin.get('/services/admin?lang=en');
    const files = hsds2Package(800);
    const zip = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])));
    // The longest the event loop is held while the import runs, measured by a 10 ms ticker.
    let last = performance.now();
    let longest = 0;
    let ticks = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = performance.now();
    const res = await uploadToImport(
      world.t,
      admin,
      { name: 'hsds2.zip', type: 'application/zip', data: zip },
      '/services/admin/import?lang=en',
    );
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    expect(res.body).toContain('Imported.');
    const db = world.t.handle.db;
    const clinics = await db.selectFrom('svc_services').select('name_ar').where('name_ar', 'like', 'عيادة %').execute();
    expect(clinics.filter((r) => /^عيادة \d+$/.test(r.name_ar ?? '')).length).toBe(100);
    // Reading (unzip, CSV, validation, ids) happens in a worker thread, and writing gives the event
    // loop a turn every hundred rows: no single stretch comes near the whole import's time.
    expect(ticks).toBeGreaterThan(10);
    // (Read on the request path, this package held the loop about 1 s in one stretch; here ~0.25 s.)
    expect(longest).toBeLessThan(Math.min(took / 4, 500));
  }, 60_000);
});
