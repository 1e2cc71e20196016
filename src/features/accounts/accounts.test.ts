// Accounts through HTTP, as a browser would use them: sign-up, sign-in with and without the
// second step, sign-out, rate limits, password reset through the outbox, e-mail change, deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  TEST_PASSWORD,
  type TestApp,
} from '../../testing/app.js';
import { checkTotp, totpCodeAt, newTotpSecret } from '../../core/auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const ipOf = (() => {
  let n = 1;
  return () => `10.1.${Math.floor(++n / 250)}.${n % 250}`;
})();

async function latestOutbox(to: string) {
  return t.handle.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

describe('sign-up', () => {
  it('creates a pseudonymous account and signs the person in', async () => {
    const c = new Client(t.app, ipOf());
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
    const c = new Client(t.app, ipOf());
    await c.get('/signup');
    const before = await t.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const short = await c.post('/signup', {
      username: 'short1',
      display_name: 'Short',
      password: 'abc',
      password_confirm: 'abc',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('8');
    const common = await c.post('/signup', {
      username: 'common1',
      display_name: 'Common',
      password: 'password123',
      password_confirm: 'password123',
    });
    expect(common.statusCode).toBe(400);
    const mismatch = await c.post('/signup', {
      username: 'mismatch1',
      display_name: 'Mis',
      password: 'a long enough secret',
      password_confirm: 'another long secret',
    });
    expect(mismatch.statusCode).toBe(400);
    const unknownField = await c.post('/signup', {
      username: 'extra1',
      display_name: 'Extra',
      password: 'a long enough secret',
      password_confirm: 'a long enough secret',
      is_admin: '1',
    });
    expect(unknownField.statusCode).toBe(400);
    const after = await t.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const en = await c.post('/signup?lang=en', {
      username: 'short2',
      display_name: 'Short',
      password: 'abc',
      password_confirm: 'abc',
    });
    expect(en.body).toMatch(/at least eight characters/i);
  });

  it('does not reveal that an e-mail is already registered', async () => {
    await makeUser(t.handle.db, { username: 'known_mail', email: 'known@example.org' });
    const c = new Client(t.app, ipOf());
    await c.get('/signup');
    const res = await c.post('/signup', {
      username: 'newcomer',
      display_name: 'Newcomer',
      email: 'known@example.org',
      password: 'a long enough secret',
      password_confirm: 'a long enough secret',
    });
    expect(res.statusCode).toBe(303);
    const mail = await latestOutbox('known@example.org');
    expect(mail?.subject).toBeTruthy();
  });
});

describe('passwords', () => {
  it('takes any characters up to 128, checks them exactly as typed, and lets password managers fill the forms', async () => {
    const long = 'Secret كلمة سر طويلة جداً بالعربية مع مسافات ورموز !@# '.repeat(3).slice(0, 128);
    expect([...long].length).toBe(128);
    const c = new Client(t.app, ipOf());
    const page = await c.get('/signup');
    expect(page.body).toMatch(
      /<input[^>]*type="password"[^>]*autocomplete="new-password"|autocomplete="new-password"[^>]*type="password"/,
    );
    expect(page.body).not.toMatch(/onpaste|<script/i);
    const res = await c.post('/signup', {
      username: 'long_pass',
      display_name: 'Long',
      password: long,
      password_confirm: long,
    });
    expect(res.statusCode).toBe(303);
    const login = await new Client(t.app, ipOf()).get('/login');
    expect(login.body).toMatch(
      /type="password"[^>]*autocomplete="current-password"|autocomplete="current-password"[^>]*type="password"/,
    );
    expect((await new Client(t.app, ipOf()).login('long_pass', long)).statusCode).toBe(303);
    expect((await new Client(t.app, ipOf()).login('long_pass', long.slice(0, 127))).statusCode).toBe(401);
    expect((await new Client(t.app, ipOf()).login('long_pass', long.toUpperCase())).statusCode).toBe(401);
    const tooLong = await c.post('/signup', {
      username: 'too_long_pass',
      display_name: 'Long',
      password: long + 'x',
      password_confirm: long + 'x',
    });
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('sign-in', () => {
  it('gives the same answer for an unknown account and a wrong password', async () => {
    await makeUser(t.handle.db, { username: 'samir' });
    const c = new Client(t.app, ipOf());
    const wrong = await c.login('samir', 'not the password');
    const unknown = await c.login('nobody_here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '').replace(/value="[^"]*"/g, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
  });

  it('signs in by username or e-mail, issues a new session token, and signs out for real', async () => {
    await makeUser(t.handle.db, { username: 'rana', email: 'rana@example.org' });
    const c = new Client(t.app, ipOf());
    const res = await c.login('RANA@example.org');
    expect(res.statusCode).toBe(303);
    const cookieName = [...c.cookies.keys()].find((k) => k.includes('session'))!;
    const firstToken = c.cookies.get(cookieName)!;
    expect(firstToken.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect((await c.get('/account')).statusCode).toBe(200);
    const c2 = new Client(t.app, ipOf());
    await c2.login('rana');
    expect(c2.cookies.get(cookieName)).not.toBe(firstToken);
    await c.get('/account');
    expect((await c.post('/logout', {})).statusCode).toBe(303);
    // the old token is dead on the server, not just forgotten by the browser
    const replay = await t.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `${cookieName}=${firstToken}` },
    });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toMatch(/^\/login/);
  });

  it('rate-limits guessing on one account, with a message that says when to try again', async () => {
    await makeUser(t.handle.db, { username: 'target' });
    let last;
    for (let i = 0; i < 11; i++) {
      const c = new Client(t.app, ipOf()); // a different address each time: the per-account limit still holds
      last = await c.login('target', `guess-${i}`);
    }
    expect(last!.statusCode).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // after the window, the right password works again
    t.clock.advance(16 * 60_000);
    const ok = await new Client(t.app, ipOf()).login('target');
    expect(ok.statusCode).toBe(303);
  });

  it('rejects a form without its CSRF token and changes nothing', async () => {
    const c = new Client(t.app, ipOf());
    const res = await c.post(
      '/signup',
      {
        username: 'nocsrf',
        display_name: 'No',
        password: 'a long enough secret',
        password_confirm: 'a long enough secret',
      },
      { csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(
      await t.handle.db.selectFrom('users').select('id').where('username', '=', 'nocsrf').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('two-step verification', () => {
  it('asks for a TOTP code after the password, accepts each code once, and takes recovery codes', async () => {
    const secret = newTotpSecret();
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    await makeUser(t.handle.db, { username: 'staffer', org: [org, 'orgStaff'], totpSecret: secret });
    const c = new Client(t.app, ipOf());
    const step1 = await c.login('staffer');
    expect(step1.headers.location).toMatch(/^\/login\/2fa/);
    // not signed in yet
    expect((await c.get('/account')).statusCode).toBe(303);
    await c.get('/login/2fa');
    const code = await totpCodeAt(secret, t.clock.now);
    const bad = await c.post('/login/2fa', { code: '000000' });
    expect(bad.statusCode).toBe(401);
    const good = await c.post('/login/2fa', { code });
    expect(good.statusCode).toBe(303);
    expect((await c.get('/account')).statusCode).toBe(200);
    // the same code cannot be used again by someone who saw it
    const other = new Client(t.app, ipOf());
    await other.login('staffer');
    await other.get('/login/2fa');
    expect((await other.post('/login/2fa', { code })).statusCode).toBe(401);
  });

  it('makes staff set it up before anything else, then shows recovery codes once', async () => {
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    await makeUser(t.handle.db, { username: 'newstaff', org: [org, 'orgAdmin'] });
    const c = new Client(t.app, ipOf());
    const res = await c.login('newstaff');
    expect(res.headers.location).toBe('/account/2fa');
    const blocked = await c.get(`/organizations/${org}/staff`);
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/account/2fa');
    await c.get('/account/2fa');
    const row = await t.handle.db
      .selectFrom('users')
      .select('totp_secret')
      .where('username', '=', 'newstaff')
      .executeTakeFirstOrThrow();
    const enable = await c.post('/account/2fa/enable', { code: await totpCodeAt(row.totp_secret!, t.clock.now) });
    expect(enable.statusCode).toBe(200);
    const codes = [...enable.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect((await c.get(`/organizations/${org}/staff`)).statusCode).toBe(200);
    // a recovery code works once
    t.clock.advance(60_000);
    const d = new Client(t.app, ipOf());
    await d.login('newstaff');
    await d.get('/login/2fa');
    expect((await d.post('/login/2fa', { recovery: codes[0]! })).statusCode).toBe(303);
    const e = new Client(t.app, ipOf());
    await e.login('newstaff');
    await e.get('/login/2fa');
    expect((await e.post('/login/2fa', { recovery: codes[0]! })).statusCode).toBe(401);
  });
});

describe('two-step verification: time window and guessing', () => {
  it('accepts the code of the 30-second step before or after, and no older or newer one', async () => {
    const secret = newTotpSecret();
    const at = new Date('2026-06-28T09:00:15Z');
    const codeAt = (s: number) => totpCodeAt(secret, new Date(at.getTime() + s * 1000));
    expect(await checkTotp(secret, await codeAt(0), at, null)).not.toBeNull();
    expect(await checkTotp(secret, await codeAt(-30), at, null)).not.toBeNull();
    expect(await checkTotp(secret, await codeAt(30), at, null)).not.toBeNull();
    expect(await checkTotp(secret, await codeAt(-60), at, null)).toBeNull();
    expect(await checkTotp(secret, await codeAt(60), at, null)).toBeNull();
    // once a step is used, neither it nor an earlier one is accepted again
    const step = (await checkTotp(secret, await codeAt(0), at, null))!;
    expect(await checkTotp(secret, await codeAt(0), at, step)).toBeNull();
    expect(await checkTotp(secret, await codeAt(-30), at, step)).toBeNull();
    expect(await checkTotp(secret, await codeAt(30), at, step)).not.toBeNull();
  });

  it('allows five wrong codes in five minutes, then refuses even the right one until the window ends', async () => {
    const secret = newTotpSecret();
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    await makeUser(t.handle.db, { username: 'guessed', org: [org, 'orgStaff'], totpSecret: secret });
    const c = new Client(t.app, ipOf());
    expect((await c.login('guessed')).headers.location).toMatch(/^\/login\/2fa/);
    await c.get('/login/2fa');
    for (let i = 0; i < 5; i++) expect((await c.post('/login/2fa', { code: `00000${i}` })).statusCode).toBe(401);
    const blocked = await c.post('/login/2fa', { code: await totpCodeAt(secret, t.clock.now) });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await c.get('/account')).statusCode).toBe(303); // still not signed in
    t.clock.advance(5 * 60_000);
    const d = new Client(t.app, ipOf());
    await d.login('guessed');
    await d.get('/login/2fa');
    expect((await d.post('/login/2fa', { code: await totpCodeAt(secret, t.clock.now) })).statusCode).toBe(303);
  });
});

describe('password reset and e-mail change', () => {
  it('answers the same for known and unknown addresses, and the link sets a new password once', async () => {
    await makeUser(t.handle.db, { username: 'huda', email: 'huda@example.org' });
    const c = new Client(t.app, ipOf());
    await c.get('/password-reset');
    const known = await c.post('/password-reset', { email: 'huda@example.org' });
    const unknown = await c.post('/password-reset', { email: 'ghost@example.org' });
    expect(known.statusCode).toBe(unknown.statusCode);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(strip(known.body)).toBe(strip(unknown.body));
    await t.app.wasl.mailer.idle(); // the token and the message are made after the answer
    expect(await latestOutbox('ghost@example.org')).toBeUndefined();
    const mail = await latestOutbox('huda@example.org');
    const link = /\/password-reset\/[A-Za-z0-9_-]+/.exec(mail!.body_text)![0];
    await c.get(link);
    const set = await c.post(link, { new_password: 'a brand new secret', new_password_confirm: 'a brand new secret' });
    expect(set.statusCode).toBe(303);
    expect((await c.get(link)).statusCode).toBe(404);
    expect((await new Client(t.app, ipOf()).login('huda', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(t.app, ipOf()).login('huda', 'a brand new secret')).statusCode).toBe(303);
  });

  it('changes the e-mail only after the new address confirms, and a password change ends other sessions', async () => {
    await makeUser(t.handle.db, { username: 'omar', email: 'omar@example.org' });
    const a = new Client(t.app, ipOf());
    await a.login('omar');
    const b = new Client(t.app, ipOf());
    await b.login('omar');
    await a.get('/account');
    await a.post('/account/email', { email: 'omar.new@example.org', current_password: TEST_PASSWORD });
    const mail = await latestOutbox('omar.new@example.org');
    const link = /\/account\/email\/[A-Za-z0-9_-]+/.exec(mail!.body_text)![0];
    expect(
      (await t.handle.db.selectFrom('users').select('email').where('username', '=', 'omar').executeTakeFirstOrThrow())
        .email,
    ).toBe('omar@example.org');
    await a.get(link);
    expect(
      (await t.handle.db.selectFrom('users').select('email').where('username', '=', 'omar').executeTakeFirstOrThrow())
        .email,
    ).toBe('omar.new@example.org');
    await a.get('/account');
    const changed = await a.post('/account/password', {
      current_password: TEST_PASSWORD,
      new_password: 'a fresh long secret',
      new_password_confirm: 'a fresh long secret',
    });
    expect(changed.statusCode).toBe(303);
    expect((await a.get('/account')).statusCode).toBe(200);
    expect((await b.get('/account')).statusCode).toBe(303);
  });

  it('deletes an account with its sessions after the password is confirmed', async () => {
    await makeUser(t.handle.db, { username: 'leaving' });
    const c = new Client(t.app, ipOf());
    await c.login('leaving');
    await c.get('/account');
    expect((await c.post('/account/delete', { current_password: 'wrong one', confirm: 'on' })).statusCode).toBe(400);
    expect((await c.post('/account/delete', { current_password: TEST_PASSWORD, confirm: 'on' })).statusCode).toBe(303);
    expect(
      await t.handle.db.selectFrom('users').select('id').where('username', '=', 'leaving').executeTakeFirst(),
    ).toBeUndefined();
    expect((await c.get('/account')).statusCode).toBe(303);
  });
});

describe('session lifetimes', () => {
  it('ends a staff session after two idle hours and a member session after fourteen idle days', async () => {
    const { signIn } = await import('../../testing/app.js');
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    const staff = await makeUser(t.handle.db, {
      username: 'idle_staff',
      org: [org, 'orgStaff'],
      totpSecret: newTotpSecret(),
    });
    const member = await makeUser(t.handle.db, { username: 'idle_member' });
    const s = new Client(t.app);
    const m = new Client(t.app);
    await signIn(t, s, staff.id);
    await signIn(t, m, member.id);
    t.clock.advance(90 * 60_000);
    expect((await s.get('/account')).statusCode).toBe(200); // activity slides the idle window
    t.clock.advance(119 * 60_000);
    expect((await s.get('/account')).statusCode).toBe(200);
    t.clock.advance(121 * 60_000);
    expect((await s.get('/account')).statusCode).toBe(303);
    expect((await m.get('/account')).statusCode).toBe(200);
    t.clock.advance(15 * 24 * 3600_000);
    expect((await m.get('/account')).statusCode).toBe(303);
  });
});

describe('absolute session lifetimes', () => {
  it('ends a staff session after twelve hours and a member session after thirty days, however active', async () => {
    const { signIn } = await import('../../testing/app.js');
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    const staff = await makeUser(t.handle.db, {
      username: 'busy_staff',
      org: [org, 'orgStaff'],
      totpSecret: newTotpSecret(),
    });
    const member = await makeUser(t.handle.db, { username: 'busy_member' });
    const s = new Client(t.app);
    const m = new Client(t.app);
    await signIn(t, s, staff.id);
    await signIn(t, m, member.id);
    for (let hour = 1; hour < 12; hour++) {
      t.clock.advance(60 * 60_000);
      expect((await s.get('/account')).statusCode, `hour ${hour}`).toBe(200);
    }
    t.clock.advance(61 * 60_000);
    expect((await s.get('/account')).statusCode).toBe(303);
    for (let day = 12; day < 30; day += 12) {
      t.clock.advance(12 * 24 * 3600_000);
      expect((await m.get('/account')).statusCode, `day ${day}`).toBe(200);
    }
    t.clock.advance(7 * 24 * 3600_000);
    expect((await m.get('/account')).statusCode).toBe(303);
  });
});

describe('my data', () => {
  it('gives a person a copy of what is held about them, without secrets, and nothing of others', async () => {
    const { signIn } = await import('../../testing/app.js');
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    const me = await makeUser(t.handle.db, {
      username: 'export_me',
      email: 'me@example.org',
      org: [org, 'orgStaff'],
      totpSecret: newTotpSecret(),
    });
    await makeUser(t.handle.db, { username: 'export_other', email: 'other@example.org', org: [org, 'orgAdmin'] });
    const c = new Client(t.app);
    await signIn(t, c, me.id);
    const res = await c.get('/account/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="wasl-my-data-/);
    const data = res.json() as { account: Record<string, unknown>; records: Record<string, Record<string, unknown>[]> };
    expect(data.account).toMatchObject({ username: 'export_me', email: 'me@example.org', two_step_verification: true });
    expect(data.records.memberships).toEqual([{ user_id: me.id, organization_id: org, role: 'orgStaff' }]);
    expect(res.body).not.toMatch(/argon2|password_hash|totp_secret/);
    expect(res.body).not.toContain('other@example.org');
    expect(res.body).not.toContain('export_other');
  });
  it('lets a person see and correct what is held about them, and refuses a bad correction without changing anything', async () => {
    const { signIn } = await import('../../testing/app.js');
    const me = await makeUser(t.handle.db, { username: 'correct_me', displayName: 'Old name' });
    const c = new Client(t.app);
    await signIn(t, c, me.id);
    const page = await c.get('/account');
    expect(page.body).toContain('Old name');
    expect(page.body).toContain('correct_me@example.org');
    const bad = await c.post('/account/profile', { display_name: 'x', locale: 'ar', digits: 'latn', address_as: 'f' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/class="error|role="alert"/);
    expect((await c.get('/account/export')).json()).toMatchObject({ account: { display_name: 'Old name' } });
    const ok = await c.post('/account/profile', {
      display_name: 'سلمى',
      locale: 'en',
      digits: 'arab',
      address_as: 'f',
    });
    expect(ok.statusCode).toBe(303);
    const data = (await c.get('/account/export')).json() as { account: Record<string, unknown> };
    expect(data.account).toMatchObject({ display_name: 'سلمى', locale: 'en', digits: 'arab', address_as: 'f' });
  });
});
