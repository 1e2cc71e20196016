// Signing in through HTTP: the same answer for unknown accounts and wrong passwords, new session
// tokens, signing out for real, rate limits, the second step (each code once, recovery codes, the
// time window and guessing), and session lifetimes.
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../testing/app.js';
import { checkTotp, newTotpSecret, totpCodeAt } from '../../../core/auth/totp.js';
import { client, makeStaff, signedIn, t, withTestApp } from '../testing/setup.js';

withTestApp();

describe('sign-in', () => {
  it('gives the same answer for an unknown account and a wrong password', async () => {
    await makeUser(t.handle.db, { username: 'samir' });
    const c = client();
    const wrong = await c.login('samir', 'not the password');
    const unknown = await c.login('nobody_here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '').replace(/value="[^"]*"/g, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
  });

  it('signs in by username or e-mail, issues a new session token, and signs out for real', async () => {
    await makeUser(t.handle.db, { username: 'rana', email: 'rana@example.org' });
    const c = client();
    const res = await c.login('RANA@example.org');
    expect(res.statusCode).toBe(303);
    const cookieName = [...c.cookies.keys()].find((k) => k.includes('session'))!;
    const firstToken = c.cookies.get(cookieName)!;
    expect(firstToken.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect((await c.get('/account')).statusCode).toBe(200);
    const c2 = client();
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
      const c = client(); // a different address each time: the per-account limit still holds
      last = await c.login('target', `guess-${i}`);
    }
    expect(last!.statusCode).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // after the window, the right password works again
    t.clock.advance(16 * 60_000);
    const ok = await client().login('target');
    expect(ok.statusCode).toBe(303);
  });
});

describe('two-step verification', () => {
  it('asks for a TOTP code after the password, accepts each code once, and takes recovery codes', async () => {
    const secret = newTotpSecret();
    await makeStaff('staffer', { totp: secret });
    const c = client();
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
    const other = client();
    await other.login('staffer');
    await other.get('/login/2fa');
    expect((await other.post('/login/2fa', { code })).statusCode).toBe(401);
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
    await makeStaff('guessed', { totp: secret });
    const c = client();
    expect((await c.login('guessed')).headers.location).toMatch(/^\/login\/2fa/);
    await c.get('/login/2fa');
    for (let i = 0; i < 5; i++) expect((await c.post('/login/2fa', { code: `00000${i}` })).statusCode).toBe(401);
    const blocked = await c.post('/login/2fa', { code: await totpCodeAt(secret, t.clock.now) });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await c.get('/account')).statusCode).toBe(303); // still not signed in
    t.clock.advance(5 * 60_000);
    const d = client();
    await d.login('guessed');
    await d.get('/login/2fa');
    expect((await d.post('/login/2fa', { code: await totpCodeAt(secret, t.clock.now) })).statusCode).toBe(303);
  });
});

describe('session lifetimes', () => {
  it('ends a staff session after two idle hours and a member session after fourteen idle days', async () => {
    const s = await signedIn((await makeStaff('idle_staff')).id);
    const m = await signedIn((await makeUser(t.handle.db, { username: 'idle_member' })).id);
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
    const s = await signedIn((await makeStaff('busy_staff')).id);
    const m = await signedIn((await makeUser(t.handle.db, { username: 'busy_member' })).id);
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
