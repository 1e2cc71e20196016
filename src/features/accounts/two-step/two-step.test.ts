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

  it('asks for the password or a code again before new recovery codes on a stale session', async () => {
    const { secret } = await makeStaff('codes_owner', { role: 'orgStaff' });
    const c = client();
    const signed = await c.login('codes_owner', TEST_PASSWORD, () => totpCodeAt(secret!, t.clock.now));
    expect(signed.statusCode).toBe(303);
    // a session left open for more than ten minutes (a phone taken at a checkpoint) gets no codes
    t.clock.advance(11 * 60_000);
    await c.get('/account/2fa');
    const stale = await c.post('/account/2fa/recovery-codes', {});
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toMatch(/^\/account\/confirm\?next=/);
    expect(stale.body).not.toMatch(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const used = async () =>
      (
        await t.handle.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'account.2fa.recoveryCodes')
          .execute()
      ).length;
    expect(await used()).toBe(0);
    // a wrong password does not confirm; the password (or a fresh code) does
    await c.get('/account/confirm?next=/account/2fa');
    expect((await c.post('/account/confirm', { password: 'not the password', next: '/account/2fa' })).statusCode).toBe(
      401,
    );
    t.clock.advance(30_000);
    const confirmed = await c.post('/account/confirm', {
      code: await totpCodeAt(secret!, t.clock.now),
      next: '/account/2fa',
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/account/2fa');
    await c.get('/account/2fa');
    const fresh = await c.post('/account/2fa/recovery-codes', {});
    expect(fresh.statusCode).toBe(200);
    expect([...fresh.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)]).toHaveLength(10);
    expect(await used()).toBe(1);
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
