// The page cache (core/http/cache.ts): what anonymous visitors see is served again until anything
// it could show changes — through any route, a job, or straight in the database, on either of two
// app instances sharing the database; signed-in pages are never stored; one language's page is
// never served in the other.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { importGazetteer } from '../towns/queries.js';
import { createTestDb } from '../../testing/db.js';
import { Client, makeNetwork, makeOrganization, makeUser, signIn, type TestApp } from '../../testing/app.js';
import type { DbHandle } from '../db/index.js';
import { anonymous } from '../auth/actor.js';
import { pageCache } from './cache.js';

const GAZETTEER =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1564,أعزاز,Azaz,SY020400,مركز اعزاز,Azaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n';

let handle: DbHandle;
let one: FastifyInstance;
let two: FastifyInstance;
let org: number;
const now = new Date('2026-06-28T09:00:00.000Z');

beforeAll(async () => {
  handle = await createTestDb();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '.tmp/test-data', LOG_LEVEL: 'silent', DEMO_SEED: 'off' });
  one = await buildApp({ config, handle, clock: () => now, logger: false });
  two = await buildApp({ config, handle, clock: () => now, logger: false });
  await importGazetteer(handle.db, GAZETTEER, { now });
  org = await makeOrganization(handle.db, await makeNetwork(handle.db), 'Cached');
});
afterAll(async () => {
  await one.close();
  await two.close();
  await handle.close();
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { 'accept-encoding': 'br, gzip', ...headers } });

describe('the page cache', () => {
  it('serves a public page again, compressed, with an ETag, and answers 304 to a repeat visit', async () => {
    const first = await get(one, '/towns');
    const second = await get(one, '/towns');
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-encoding']).toBe('br');
    expect(second.headers.etag).toBe(first.headers.etag);
    const again = await get(one, '/towns', { 'if-none-match': String(second.headers.etag) });
    expect(again.statusCode).toBe(304);
    const gzip = await get(one, '/towns', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await one.inject({ url: '/towns', headers: { 'accept-encoding': 'identity' } });
    expect(plain.body).toContain('lang="ar');
  });

  it('is fresh after a write anywhere — straight in the database, on the other instance too', async () => {
    const before = await get(two, '/towns');
    expect(before.body).not.toContain('href="/towns/C1594"');
    await handle.db.insertInto('organization_towns').values({ organization_id: org, town_pcode: 'C1594' }).execute();
    for (const app of [one, two]) {
      const after = await app.inject({ url: '/towns' });
      expect(after.body).toContain('href="/towns/C1594"');
    }
  });

  it('never serves one language’s page in the other', async () => {
    const en = await get(one, '/towns', { 'accept-language': 'en' });
    const ar = await get(one, '/towns', { 'accept-language': 'ar' });
    expect(en.body).not.toBe(ar.body);
    expect((await one.inject({ url: '/towns', headers: { 'accept-language': 'en' } })).body).toContain('lang="en"');
    expect((await one.inject({ url: '/towns', headers: { 'accept-language': 'ar' } })).body).toContain('lang="ar');
  });

  it('never stores a signed-in page, nor serves a cached one to a signed-in person', async () => {
    const t = { app: one, handle, clock: { now } } as unknown as TestApp;
    const user = await makeUser(handle.db, { username: 'cache_member', displayName: 'Cache Member Name' });
    const c = new Client(one);
    await signIn(t, c, user.id);
    await get(one, '/towns'); // the anonymous page is cached
    const mine = await c.get('/towns');
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.body).toContain('Cache Member Name');
    expect(mine.headers['content-encoding']).toBeUndefined(); // not the cached, pre-compressed copy
    const anon = await one.inject({ url: '/towns' });
    expect(anon.body).not.toContain('Cache Member Name');
  });

  it('does not store answers that set a cookie (a form with its CSRF token) or that failed', async () => {
    const login = await get(one, '/login');
    expect(String(login.headers['set-cookie'] ?? '')).toContain('csrf');
    const again = await get(one, '/login');
    expect(String(again.headers['set-cookie'] ?? '')).toContain('csrf'); // rendered for this visitor
    // A visitor who already holds a CSRF cookie gets no set-cookie, yet the page carries their
    // token: a second visitor must get a page of their own, never the first one's token.
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const cookieOf = (res: typeof login) =>
      String(res.headers['set-cookie'] ?? '')
        .split(';')[0]!
        .trim();
    const aCookie = cookieOf(await get(one, '/login'));
    const bCookie = cookieOf(await get(one, '/login'));
    const aPage = await one.inject({ url: '/login', headers: { cookie: aCookie } });
    const bPage = await one.inject({ url: '/login', headers: { cookie: bCookie } });
    expect(aPage.headers['set-cookie']).toBeUndefined();
    expect(tokenOf(aPage.body)).toBeTruthy();
    expect(tokenOf(bPage.body)).not.toBe(tokenOf(aPage.body));
    expect(bPage.headers.etag).toBeUndefined();
    // A request carrying a bearer token (the observer app) is about its holder: never stored, and
    // never answered from what an anonymous visitor was given.
    await get(one, '/towns?tokened');
    const tokened = await get(one, '/towns?tokened', { authorization: 'Bearer abc' });
    expect(tokened.statusCode).toBe(200);
    expect(tokened.headers.etag).toBeUndefined();
    // A route that chose its own caching keeps it, and is not stored.
    await get(one, '/robots.txt');
    const robots = await get(one, '/robots.txt');
    expect(robots.headers['cache-control']).toContain('max-age');
    expect(robots.headers.etag).toBeUndefined();
    const missing = await get(one, '/towns/C9999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });
});

describe('the page cache, when many visitors miss the same page at once', () => {
  const N = 20;
  /**
   * The cache alone on a bare Fastify app (the hooks app.ts installs, reduced to what the cache
   * reads). Each route counts its renders and holds them until the test has seen every request
   * reach the cache, so all N are in flight while the first one renders.
   */
  async function bareApp() {
    const app = Fastify({ logger: false });
    const cache = pageCache(app, handle);
    let arrived = 0;
    let allArrived!: () => void;
    const everyoneIn = new Promise<void>((r) => (allArrived = r));
    app.decorateRequest('now', null as never);
    app.decorateRequest('actor', null as never);
    app.decorateRequest('owes2fa', null);
    app.decorateRequest('flash', null);
    app.addHook('onRequest', async (req, reply) => {
      req.now = now;
      req.actor = anonymous;
      if (++arrived === N) allArrived();
      if (await cache.lookup(req, reply, 'ar|arab')) return reply;
    });
    const renders = { page: 0, form: 0 };
    const html = (what: string) => `<!doctype html><p>${what}</p>` + '<p>words to compress</p>'.repeat(100);
    app.get('/page', { config: { access: 'public' } }, async (_req, reply) => {
      renders.page++;
      await everyoneIn;
      return reply.type('text/html; charset=utf-8').send(html('the page'));
    });
    // An answer that is never shared (it sets a cookie, as a form with its CSRF token does).
    app.get('/form', { config: { access: 'public' } }, async (_req, reply) => {
      const mine = ++renders.form;
      await everyoneIn;
      return reply
        .type('text/html; charset=utf-8')
        .header('set-cookie', `t=${mine}`)
        .send(html(`form ${mine}`));
    });
    await app.ready();
    return { app, renders };
  }
  const burst = (app: FastifyInstance, url: string) =>
    Promise.all(Array.from({ length: N }, () => app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } })));

  it('renders and compresses the page once; every request gets that answer', async () => {
    const { app, renders } = await bareApp();
    const answers = await burst(app, '/page');
    expect(renders.page).toBe(1);
    for (const a of answers) {
      expect(a.statusCode).toBe(200);
      expect(a.headers['content-encoding']).toBe('br'); // the renderer's own answer too: one compression
      expect(a.headers.etag).toBe(answers[0]!.headers.etag);
      expect(zlib.brotliDecompressSync(a.rawPayload).toString('utf8')).toContain('<p>the page</p>');
    }
    // Later visitors are served from the entry.
    await app.inject({ url: '/page' });
    expect(renders.page).toBe(1);
    await app.close();
  });

  it('lets every request render its own page when the first answer may not be shared', async () => {
    const { app, renders } = await bareApp();
    const answers = await burst(app, '/form');
    expect(renders.form).toBe(N);
    const bodies = new Set(answers.map((a) => a.headers['set-cookie']));
    expect(bodies.size).toBe(N); // each visitor their own cookie, none another's page
    for (const a of answers) {
      expect(a.statusCode).toBe(200);
      expect(a.headers.etag).toBeUndefined();
    }
    await app.close();
  });
});
