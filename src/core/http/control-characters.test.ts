// Control characters in any input are refused with a clear 400, before anything reads them
// (NUL answered 500 on PostgreSQL at /login, /signup and the HSDS API's search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, type TestApp } from '../../testing/app.js';
import { hasControlCharacters } from './control-characters.js';

describe('hasControlCharacters', () => {
  it('finds NUL, other C0 and C1 controls, DEL and lone surrogates anywhere in the input', () => {
    for (const bad of ['a\u0000b', '\u0001', 'x\u001b[31m', '\u007f', '\u0085', 'a\ud800', '\udc00b'])
      expect(hasControlCharacters({ q: bad }), JSON.stringify(bad)).toBe(true);
    expect(hasControlCharacters({ list: ['ok', { deep: 'x\u0000' }] })).toBe(true);
    expect(hasControlCharacters({ ['k\u0000']: 'v' })).toBe(true);
  });

  it('lets every language, emoji, tabs and line breaks through, and skips file bytes', () => {
    const fine = ['تل عار', 'Ṣabāḥ', 'line one\r\nline two\tend', '🇸🇾 ✓', '\u200f\u200e', 'ﷲ'];
    for (const s of fine) expect(hasControlCharacters({ s }), s).toBe(false);
    expect(hasControlCharacters({ file: { filename: 'a.png', data: Buffer.from([0, 1, 2]) } })).toBe(false);
  });
});

describe('a request with a control character', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('is refused with a clear 400 on forms, changing nothing', async () => {
    const c = new Client(t.app);
    await c.get('/signup');
    const before = await t.handle.db.selectFrom('users').select('id').execute();
    const signup = await c.post('/signup', {
      username: 'nul\u0000user',
      email: 'nul@example.org',
      password: 'a long enough passphrase',
      password_confirm: 'a long enough passphrase',
    });
    expect(signup.statusCode).toBe(400);
    expect(signup.body).toContain('محارف تحكّم');
    expect(await t.handle.db.selectFrom('users').select('id').execute()).toEqual(before);
    const login = await c.post('/login', { identifier: 'x\u0000', password: 'y' });
    expect(login.statusCode).toBe(400);
  });

  it('is refused in query strings and paths, in the reader’s language, and as JSON under /api', async () => {
    const page = await t.app.inject({ url: '/search?q=%00', headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('control characters');
    const api = await t.app.inject({ url: '/api/hsds/services?search=%00' });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ message: { ar: expect.stringContaining('محارف'), en: expect.any(String) } });
    const path = await t.app.inject({ url: '/towns/C1594%01' });
    expect([400, 404]).toContain(path.statusCode);
  });
});
