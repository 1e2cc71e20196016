// What every response carries, and how errors look: headers a browser enforces, no-store on
// private pages, generic error pages in the person's language, no open redirects.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { useTestApp } from '../../testing/use-app.js';
import { loadConfig } from '../config.js';
import { createTestDb } from '../../testing/db.js';
import { safeLocalPath } from './forms.js';
import { buildTestApp, Client, makeUser, TEST_PASSWORD } from '../../testing/app.js';

const t = useTestApp();

describe('security headers', () => {
  it('sends a strict CSP without unsafe-inline, frame-ancestors none, nosniff and a referrer policy on every page', async () => {
    for (const url of ['/', '/login', '/organizations', '/no-such-page', '/healthz']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http in tests
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers.server).toBeUndefined();
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

  it('behind TLS sets every cookie __Host-, Secure and HttpOnly, and really removes them', async () => {
    const tls = await buildTestApp({ BASE_URL: 'https://wasl.example' });
    try {
      await makeUser(tls.handle.db, { username: 'tls_cookies' });
      const c = new Client(tls.app);
      const setCookies: string[] = [];
      const collect = (res: { headers: Record<string, unknown> }) =>
        setCookies.push(...([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []));
      collect(await c.get('/login?lang=en')); // the language cookie and the CSRF secret
      collect(await c.login('tls_cookies'));
      await c.get('/account');
      const deleted = await c.post('/account/delete', { current_password: TEST_PASSWORD, confirm: 'on' });
      collect(deleted); // the flash cookie, and the session cookie removed
      const names = setCookies.map((h) => h.split('=')[0]);
      expect(names).toEqual(
        expect.arrayContaining(['__Host-wasl_lang', '__Host-wasl_csrf', '__Host-wasl_session', '__Host-wasl_flash']),
      );
      for (const h of setCookies) {
        expect(h, h).toMatch(/^__Host-/);
        expect(h, h).toMatch(/;\s*Secure/i);
        expect(h, h).toMatch(/;\s*HttpOnly/i);
        expect(h, h).toMatch(/;\s*Path=\/(;|$)/i);
        expect(h, h).not.toMatch(/;\s*Domain=/i);
      }
      // A browser ignores a __Host- cookie without Secure, removal included.
      const removal = ([] as string[])
        .concat(deleted.headers['set-cookie'] as string[])
        .find((h) => h.startsWith('__Host-wasl_session='));
      expect(removal).toMatch(/^__Host-wasl_session=;.*Max-Age=0.*Secure/i);
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
      expect(res.headers.location).toBe('/start'); // the person's own start page, never `next`
    }
  });

  it('answers an unexpected failure with a generic 500 page or JSON, never its details', async () => {
    const handle = await createTestDb();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '.tmp/test-data', LOG_LEVEL: 'silent', DEMO_SEED: 'off' });
    const app = await buildApp({ config, handle, logger: false });
    app.get('/boom', { config: { access: 'public' } }, async () => {
      throw new Error('SELECT secret_column FROM users WHERE token = 42');
    });
    await app.ready();
    try {
      const page = await app.inject({ url: '/boom' });
      expect(page.statusCode).toBe(500);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('lang="ar-SY"');
      const json = await app.inject({ url: '/boom?lang=en', headers: { accept: 'application/json' } });
      expect(json.statusCode).toBe(500);
      expect(Object.keys(json.json() as object).sort()).toEqual(['error', 'message']);
      for (const body of [page.body, json.body]) expect(body).not.toMatch(/SELECT|secret_column|token = 42|at \S+:\d+/);
    } finally {
      await app.close();
      await handle.close();
    }
  });

  it('logs method, route pattern and status only: no token, query string, cookie, body or address', async () => {
    const lines: string[] = [];
    const handle = await createTestDb();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '.tmp/test-data', LOG_LEVEL: 'info', DEMO_SEED: 'off' });
    const app = await buildApp({ config, handle, logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
    try {
      const headers = { cookie: 'wasl_session_insecure_dev=COOKIE-SECRET-42', 'user-agent': 'Phone-Of-Someone' };
      await app.inject({ url: '/password-reset/RESET-TOKEN-42?email=someone%40example.org', headers });
      await app.inject({ url: '/meetings/feed/FEED-TOKEN-42.ics', headers });
      await app.inject({ url: '/invite/INVITE-TOKEN-42', headers, remoteAddress: '203.0.113.77' });
      await app.inject({
        method: 'POST',
        url: '/login',
        payload: 'identifier=someone&password=PASSWORD-42',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      });
      const log = lines.join('');
      expect(log).toContain('"path":"/password-reset/:token"');
      expect(log).toContain('"path":"/meetings/feed/:token.ics"');
      expect(log).toContain('"statusCode":');
      expect(log).not.toMatch(/TOKEN-42|COOKIE-SECRET|PASSWORD-42|someone|Phone-Of-Someone|203\.0\.113/);
    } finally {
      await app.close();
      await handle.close();
    }
  });

  it('serves no file outside what it stored, whatever the path says', async () => {
    for (const url of [
      '/media/..%2F..%2F..%2Fetc%2Fpasswd/x.webp',
      '/media/00000000-0000-4000-8000-000000000000/..%2F..%2F..%2Fpackage.json',
      '/media/00000000-0000-4000-8000-000000000000/....%2F%2Fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/observe/..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/public/style.css',
      '/src/app.ts',
      '/.git/config',
      '/package.json',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toMatch(/root:x:0|"name": "wasl"|\[core\]|buildApp/);
    }
  });

  it('does not support TRACE (nor other methods no route declares)', async () => {
    for (const method of ['TRACE', 'PUT', 'PATCH'] as const) {
      const res = await t.app.inject({ method, url: '/' });
      expect(res.statusCode, method).toBe(404);
    }
  });

  it('redirects to a local path with any characters in it, encoded, never failing', async () => {
    await makeUser(t.handle.db, { username: 'unicode_next' });
    const c = new Client(t.app);
    await c.get('/login');
    const arabic = '/towns/C1594?q=تل عار';
    const res = await c.post('/login', { identifier: 'unicode_next', password: TEST_PASSWORD, next: arabic });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/towns/C1594?q=' + encodeURIComponent('تل') + '%20' + encodeURIComponent('عار'));
    // Signed in, /login sends the person on at once; characters that only look like a line break
    // are encoded, and real control characters are refused outright (400) before any redirect.
    const r = await c.get(`/login?next=${encodeURIComponent('/a\u560a\u560dSet-Cookie:x=1')}`);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/a' + encodeURIComponent('\u560a\u560d') + 'Set-Cookie:x=1');
    expect(r.headers['set-cookie'] ?? '').not.toContain('x=1');
    for (const next of ['/a\r\nSet-Cookie:x=1', '/a\u0000b']) {
      const refused = await c.get(`/login?next=${encodeURIComponent(next)}`);
      expect(refused.statusCode, next).toBe(400);
      expect(refused.headers.location, next).toBeUndefined();
      expect(refused.headers['set-cookie'] ?? '', next).not.toContain('x=1');
    }
    // and the redirect helper itself still falls back to / on them
    expect(safeLocalPath('/a\r\nSet-Cookie:x=1')).toBe('/');
    expect(safeLocalPath('/a\u0000b')).toBe('/');
    expect(safeLocalPath('/a\ud800')).toBe('/'); // a lone surrogate (a JSON body can carry one)
  });

  it('reports health with the database state', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});
