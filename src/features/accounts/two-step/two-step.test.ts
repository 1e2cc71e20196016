// Setting up two-step verification through HTTP.
import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { totpCodeAt } from '../../../core/auth/totp.js';
import { client, makeStaff, t, withTestApp } from '../testing/setup.js';

withTestApp();

/** The secret a set-up page shows (grouped by four for reading). */
const shownSecret = (body: string) => /<code class="code">([A-Z2-7 ]+)<\/code>/.exec(body)?.[1]?.replace(/ /g, '');

describe('setting up two-step verification', () => {
  it('makes staff set it up before anything else, then shows recovery codes once', async () => {
    const { org } = await makeStaff('newstaff', { role: 'orgAdmin', totp: false });
    const c = client();
    const res = await c.login('newstaff');
    expect(res.headers.location).toBe('/account/2fa');
    const blocked = await c.get(`/organizations/${org}/staff`);
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/account/2fa');
    // signing in made the secret: the page shows it, the same on every reload
    const secret = shownSecret((await c.get('/account/2fa')).body)!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(shownSecret((await c.get('/account/2fa')).body)).toBe(secret);
    expect((await c.post('/account/2fa/enable', { code: '000000' })).statusCode).toBe(400);
    const enable = await c.post('/account/2fa/enable', { code: await totpCodeAt(secret, t.clock.now) });
    expect(enable.statusCode).toBe(200);
    const codes = [...enable.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect((await c.get(`/organizations/${org}/staff`)).statusCode).toBe(200);
    // a recovery code works once
    t.clock.advance(60_000);
    const d = client();
    await d.login('newstaff');
    await d.get('/login/2fa');
    expect((await d.post('/login/2fa', { recovery: codes[0]! })).statusCode).toBe(303);
    const e = client();
    await e.login('newstaff');
    await e.get('/login/2fa');
    expect((await e.post('/login/2fa', { recovery: codes[0]! })).statusCode).toBe(401);
  });

  it('lets a member begin the set-up with a button (the page itself writes nothing), and switch it off again', async () => {
    const { id } = await makeUser(t.handle.db, { username: 'careful_member' });
    const stored = async () =>
      (await t.handle.db.selectFrom('users').select('totp_secret').where('id', '=', id).executeTakeFirstOrThrow())
        .totp_secret;
    const c = client();
    await c.login('careful_member');
    const before = await c.get('/account/2fa');
    expect(before.statusCode).toBe(200);
    expect(shownSecret(before.body)).toBeUndefined();
    expect(before.body).toContain('action="/account/2fa/start"');
    expect(await stored()).toBeNull();
    const start = await c.post('/account/2fa/start', {});
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/account/2fa');
    const secret = shownSecret((await c.get('/account/2fa')).body)!;
    expect(secret).toBe(await stored());
    // starting again keeps the secret already shown
    await c.post('/account/2fa/start', {});
    expect(await stored()).toBe(secret);
    const enable = await c.post('/account/2fa/enable', { code: await totpCodeAt(secret, t.clock.now) });
    expect(enable.statusCode).toBe(200);
    expect(shownSecret((await c.get('/account/2fa')).body)).toBeUndefined();
    // off again, with the password and a newer code
    t.clock.advance(30_000);
    const wrong = await c.post('/account/2fa/disable', { current_password: 'not it', code: '123456' });
    expect(wrong.statusCode).toBe(400);
    const off = await c.post('/account/2fa/disable', {
      current_password: TEST_PASSWORD,
      code: await totpCodeAt(secret, t.clock.now),
    });
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe('/account');
    expect(await stored()).toBeNull();
  });
});
