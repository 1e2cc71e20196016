// What every response carries, and how errors look: headers a browser enforces, no-store on
// private pages, generic error pages in the person's language, no open redirects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, makeUser, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict CSP without unsafe-inline, frame-ancestors none, nosniff and a referrer policy on every page', async () => {
    for (const url of ['/', '/login', '/organizations', '/no-such-page', '/healthz']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http in tests
    }
  });

  it('adds HSTS and __Host- cookies behind TLS', async () => {
    const tls = await buildTestApp({ BASE_URL: 'https://wasl.example' });
    try {
      const res = await tls.app.inject({ url: '/login' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      await makeUser(tls.handle.db, { username: 'tls_user' });
      const c = new Client(tls.app);
      const login = await c.login('tls_user');
      const setCookie = ([] as string[]).concat(login.headers['set-cookie'] as string[]).join('\n');
      expect(setCookie).toMatch(/__Host-wasl_session=[^;]+;.*Path=\/.*HttpOnly.*Secure.*SameSite=Lax/i);
    } finally {
      await tls.close();
    }
  });

  it('marks pages of signed-in people no-store', async () => {
    await makeUser(t.handle.db, { username: 'private_user' });
    const c = new Client(t.app);
    await c.login('private_user');
    expect((await c.get('/')).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
  });

  it('serves the stylesheet from a fingerprinted URL cached for a year', async () => {
    const home = await t.app.inject({ url: '/' });
    const href = /href="(\/assets\/style\.[0-9a-f]+\.css)"/.exec(home.body)![1]!;
    const css = await t.app.inject({ url: href });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});

describe('errors and redirects', () => {
  it("answers unknown pages with a generic 404 in the person's language", async () => {
    const ar = await t.app.inject({ url: '/nothing/here' });
    expect(ar.statusCode).toBe(404);
    expect(ar.body).toContain('lang="ar-SY"');
    const en = await t.app.inject({ url: '/nothing/here?lang=en' });
    expect(en.body).toContain('lang="en"');
    expect(en.body).not.toMatch(/stack|Error:/);
  });

  it('answers malformed bodies with a clear 400, not a crash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: '%%%',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('never redirects sign-in to another site', async () => {
    await makeUser(t.handle.db, { username: 'redirect_user' });
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const c = new Client(t.app);
      await c.get('/login');
      const res = await c.post('/login', { identifier: 'redirect_user', password: 'correct horse battery', next });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
    }
  });

  it('reports health with the database state', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});
