// Prepared downloads (core/downloads), through the directory's full export: a file that is not
// built within the moment the request waits is finished on its own page, for its owner alone,
// the same file as the direct answer, audited once, removable, and gone after an hour. On SQLite
// and PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { downloadTiming, purgeDownloads } from '../../core/downloads/index.js';
import { servicesTestWorld } from '../services/testing/setup.js';

const world = servicesTestWorld();
const { as } = world;
const waitDefault = downloadTiming.answerWithinMs;
afterEach(() => {
  downloadTiming.answerWithinMs = waitDefault;
});

const audits = async (action: string) =>
  Number(
    (
      await world.t.handle.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Asks for the export without waiting, then follows its page until the file is ready. */
async function prepared(client: Awaited<ReturnType<typeof as>>, url: string) {
  downloadTiming.answerWithinMs = 0;
  const res = await client.get(url);
  expect(res.statusCode).toBe(303);
  const page = String(res.headers.location);
  expect(page).toMatch(/^\/downloads\/\d+$/);
  for (let i = 0; i < 200; i++) {
    const shown = await client.get(page);
    expect(shown.statusCode).toBe(200);
    if (!shown.body.includes('http-equiv="refresh"')) return { page, shown };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${page} never became ready`);
}

describe('a file that takes longer than a moment', () => {
  it('is finished on its page and is the same file as the direct answer, audited once', async () => {
    const admin = await as('admin');
    const direct = await admin.get('/services/admin/export.json');
    expect(direct.statusCode).toBe(200);
    const before = await audits('services.export.json');

    const { page, shown } = await prepared(admin, '/services/admin/export.json');
    expect(shown.headers['cache-control']).toContain('no-store');
    expect(shown.body).toContain('الملف جاهز');
    expect(shown.body).toContain(`href="${page}/file"`);
    expect(shown.body).toContain('يُحفظ الملف هنا حتى'); // says until when it is kept
    const file = await admin.get(`${page}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/json');
    expect(file.headers['cache-control']).toContain('no-store');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="wasl-services-hsds-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(JSON.parse(file.body)).toEqual(JSON.parse(direct.body));
    expect(await audits('services.export.json')).toBe(before + 1);

    // The tabular package takes the same way and is a zip.
    const zip = await prepared(admin, '/services/admin/export.zip');
    const zipped = await admin.get(`${zip.page}/file`);
    expect(zipped.headers['content-type']).toBe('application/zip');
    expect(zipped.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('is seen by nobody but the person who asked for it', async () => {
    const admin = await as('admin');
    const { page } = await prepared(admin, '/services/admin/export.json');
    for (const other of [await as('editor'), await as('noonStaff'), await as('member')]) {
      expect((await other.get(page)).statusCode).toBe(404);
      expect((await other.get(`${page}/file`)).statusCode).toBe(404);
      expect((await other.post(`${page}/remove`, {}, { formPage: '/account' })).statusCode).toBe(404);
    }
    const anonymous = await as(null);
    const res = await anonymous.get(`${page}/file`);
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain('"id"');
    // still there for its owner
    expect((await admin.get(`${page}/file`)).statusCode).toBe(200);
  });

  it('is removed by its owner at once, and by itself after an hour', async () => {
    const admin = await as('admin');
    const first = await prepared(admin, '/services/admin/export.json');
    const removed = await admin.post(`${first.page}/remove`, {}, { formPage: first.page });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/services/admin/import');
    expect((await admin.get(first.page)).statusCode).toBe(404);
    expect((await admin.get(`${first.page}/file`)).statusCode).toBe(404);

    const second = await prepared(admin, '/services/admin/export.json');
    const t = world.t;
    const now = t.clock.now;
    try {
      t.clock.advance(downloadTiming.keepMs + 1000);
      expect((await admin.get(second.page)).statusCode).toBe(404);
      expect((await admin.get(`${second.page}/file`)).statusCode).toBe(404);
      expect(await purgeDownloads(t.handle.db, t.clock.now)).toBeGreaterThanOrEqual(1);
      expect(await t.handle.db.selectFrom('downloads').select('id').execute()).toEqual([]);
    } finally {
      t.clock.set(now);
    }
  });
});
