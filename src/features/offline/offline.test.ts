// Offline reading through HTTP: the worker and page script are served (and small), the layout
// offers the slot and script to anonymous visitors only, the "saved on this phone" page in both
// languages, and town packs — assembled as an anonymous visitor, compressed, their size told first.
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, makeUser } from '../../testing/app.js';
import { useTestApp } from '../../testing/use-app.js';
import { seedDemoIfEmpty } from '../../seed/demo.js';
import { townsWithServices } from '../services/directory/queries.js';
import { offlineAssets } from './bundle.js';
import type { Pack } from './pack.js';

const t = useTestApp();
let largest: { pcode: string; count: number };

beforeAll(async () => {
  t.clock.set(new Date());
  await seedDemoIfEmpty(t.app.wasl, { passwords: 'offline-test-password' });
  largest = (await townsWithServices(t.app.wasl.db)).sort((a, b) => b.count - a.count)[0]!;
});

describe('the worker and the page script', () => {
  it('are served, the worker for the whole site, and weigh at most 8 KB compressed together', async () => {
    const sw = await t.app.inject({ url: '/offline/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['service-worker-allowed']).toBe('/');
    expect(sw.headers['content-type']).toContain('javascript');
    const page = await t.app.inject({ url: '/offline/page.js' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('احفظ للقراءة دون اتصال');
    expect(page.body).toContain('Save for offline');
    const { sw: a, page: b } = await offlineAssets();
    const br = zlib.brotliCompressSync(a).length + zlib.brotliCompressSync(b).length;
    const gzip = zlib.gzipSync(a, { level: 9 }).length + zlib.gzipSync(b, { level: 9 }).length;
    expect(br).toBeLessThanOrEqual(8 * 1024);
    expect(gzip).toBeLessThanOrEqual(8 * 1024);
    // no third-party code: nothing but our own sources went in
    expect(`${a}${b}`).not.toMatch(/https?:\/\//);
  });
});

describe('the layout', () => {
  it('gives anonymous visitors the slot and the script, never signed-in people', async () => {
    const anon = await t.app.inject({ url: `/towns/${largest.pcode}/services` });
    expect(anon.body).toContain('<script src="/offline/page.js" defer></script>');
    expect(anon.body).toContain('id="offline-slot"');
    expect(anon.headers['cache-control']).not.toMatch(/no-store/);

    await makeUser(t.app.wasl.db, { username: 'reader' });
    const c = new Client(t.app);
    await c.login('reader');
    for (const url of [`/towns/${largest.pcode}/services`, '/offline', '/account']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain('/offline/page.js');
      expect(res.body).not.toContain('offline-slot');
      // what the worker reads: a signed-in person's pages are never kept
      expect(res.headers['cache-control']).toBe('no-store');
      if (url === '/offline') expect(res.body).toContain('ما دمت مسجّل الدخول');
    }
  });
});

describe('saved on this phone', () => {
  it('is a page in both languages, with the lists the script fills and the offline notice', async () => {
    const ar = await t.app.inject({ url: '/offline?lang=ar' });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toMatch(/<html lang="ar[^"]*" dir="rtl"/);
    expect(ar.body).toContain('المحفوظ على هذا الهاتف');
    expect(ar.body).toMatch(/(7|٧) أيام/);
    expect(ar.body).toMatch(/id="offline-missed"[^>]*hidden/);
    const en = await t.app.inject({ url: '/offline?lang=en' });
    expect(en.body).toContain('Saved on this phone');
    expect(en.body).toContain('7 days');
    for (const id of ['offline-saved', 'offline-visited', 'offline-usage']) expect(en.body).toContain(`id="${id}"`);
  });
});

describe('town packs', () => {
  it('tells the size, then gives the same bytes compressed: services page, each service, leaflet, reports', async () => {
    const info = await t.app.inject({
      url: `/offline/packs/${largest.pcode}?lang=ar`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(info.statusCode).toBe(200);
    const { bytes, pages } = info.json() as { bytes: number; pages: number };
    const res = await t.app.inject({
      url: `/offline/packs/${largest.pcode}/pack?lang=ar`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBe(bytes);
    const pack = JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString()) as Pack;
    expect(pack.items.length).toBe(pages);
    const urls = pack.items.map((i) => i.url);
    expect(urls).toContain(`/towns/${largest.pcode}/services`);
    expect(urls).toContain(`/towns/${largest.pcode}/services/leaflet`);
    expect(urls.filter((u) => /^\/services\/[\w-]+\/./.test(u)).length).toBe(largest.count);
    expect(pack.assets[0]!.type).toContain('text/css');
    for (const i of pack.items) {
      expect(i.body).toContain('<html lang="ar');
      expect(i.body).not.toMatch(/name="_csrf" value="[^"]/);
      expect(i.body).not.toContain('action="/logout"'); // the anonymous page
    }
    console.info(`largest demo town ${largest.pcode}: ${pages} pages, ${bytes} bytes (br)`);

    const gz = await t.app.inject({
      url: `/offline/packs/${largest.pcode}/pack`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString()).items.length).toBe(pages);
  });

  it('is anonymous even when a signed-in person asks for it', async () => {
    await makeUser(t.app.wasl.db, { username: 'packer', displayName: 'Packer Marker' });
    const c = new Client(t.app);
    await c.login('packer');
    const res = await c.get(`/offline/packs/${largest.pcode}/pack?lang=en`, { 'accept-encoding': 'gzip' });
    const text = zlib.gunzipSync(res.rawPayload).toString();
    expect(text).not.toContain('Packer Marker');
    expect(text).toContain('<html lang=\\"en');
  });

  it('answers 404 for a town that does not exist or a malformed code', async () => {
    expect((await t.app.inject({ url: '/offline/packs/C99999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/offline/packs/%3Cx%3E/pack' })).statusCode).toBe(404);
  });
});
