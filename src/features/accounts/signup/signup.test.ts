// Signing up through HTTP, as a browser would: a pseudonymous account, password rules in the
// person's language, no hint that an address is registered, and no form without its CSRF token.
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../testing/app.js';
import { accountForm, client, latestOutbox, t, withTestApp } from '../testing/setup.js';

withTestApp();

describe('sign-up', () => {
  it('creates a pseudonymous account and signs the person in', async () => {
    const c = client();
    await c.get('/signup');
    const res = await c.post('/signup', {
      username: 'layla_22',
      display_name: 'زهرة الياسمين',
      email: '',
      password: 'a long enough secret',
      password_confirm: 'a long enough secret',
    });
    expect(res.statusCode).toBe(303);
    const account = await c.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('زهرة الياسمين');
    expect(account.headers['cache-control']).toBe('no-store');
    const row = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'layla_22')
      .executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses short, common and mismatched passwords in the person's language, and writes nothing", async () => {
    const c = client();
    await c.get('/signup');
    const before = await t.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const short = await c.post('/signup', accountForm('short1', 'abc'));
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('8');
    for (const refused of [
      accountForm('common1', 'password123'),
      accountForm('mismatch1', 'a long enough secret', { password_confirm: 'another long secret' }),
      accountForm('extra1', 'a long enough secret', { is_admin: '1' }),
    ])
      expect((await c.post('/signup', refused)).statusCode, refused.username).toBe(400);
    const after = await t.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const en = await c.post('/signup?lang=en', accountForm('short2', 'abc'));
    expect(en.body).toMatch(/at least eight characters/i);
  });

  it('does not reveal that an e-mail is already registered', async () => {
    await makeUser(t.handle.db, { username: 'known_mail', email: 'known@example.org' });
    const c = client();
    await c.get('/signup');
    const res = await c.post('/signup', accountForm('newcomer', undefined, { email: 'known@example.org' }));
    expect(res.statusCode).toBe(303);
    const mail = await latestOutbox('known@example.org');
    expect(mail?.subject).toBeTruthy();
  });
});

describe('passwords', () => {
  it('takes any characters up to 128, checks them exactly as typed, and lets password managers fill the forms', async () => {
    const long = 'Secret كلمة سر طويلة جداً بالعربية مع مسافات ورموز !@# '.repeat(3).slice(0, 128);
    expect([...long].length).toBe(128);
    const c = client();
    const page = await c.get('/signup');
    expect(page.body).toMatch(
      /<input[^>]*type="password"[^>]*autocomplete="new-password"|autocomplete="new-password"[^>]*type="password"/,
    );
    expect(page.body).not.toMatch(/onpaste|<script/i);
    const res = await c.post('/signup', accountForm('long_pass', long));
    expect(res.statusCode).toBe(303);
    const login = await client().get('/login');
    expect(login.body).toMatch(
      /type="password"[^>]*autocomplete="current-password"|autocomplete="current-password"[^>]*type="password"/,
    );
    expect((await client().login('long_pass', long)).statusCode).toBe(303);
    expect((await client().login('long_pass', long.slice(0, 127))).statusCode).toBe(401);
    expect((await client().login('long_pass', long.toUpperCase())).statusCode).toBe(401);
    const tooLong = await c.post('/signup', accountForm('too_long_pass', long + 'x'));
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('the sign-up form', () => {
  it('rejects a form without its CSRF token and changes nothing', async () => {
    const c = client();
    const res = await c.post('/signup', accountForm('nocsrf'), { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(
      await t.handle.db.selectFrom('users').select('id').where('username', '=', 'nocsrf').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('shows a refused form again with what was typed, except the passwords', async () => {
    const c = client();
    await c.get('/signup');
    const res = await c.post('/signup', accountForm('echo_me', 'short'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="echo_me"');
    expect(res.body).not.toContain('value="short"');
    expect(res.body).toMatch(/id="f-password-err"/);
  });

  it('limits sign-ups from one address, with a message that says when to try again', async () => {
    const c = client();
    await c.get('/signup');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await c.post('/signup', accountForm(`flood_${i}`, 'x'));
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body).toContain('value="flood_10"');
      }
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
  });
});
