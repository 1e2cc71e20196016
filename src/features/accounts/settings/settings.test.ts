// The account page through HTTP: e-mail change (once the new address confirms), password change
// (ends other sessions), deletion, and the person's own data: a copy, and corrections.
import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { client, emailOf, latestOutbox, makeStaff, signedIn, t, withTestApp } from '../testing/setup.js';

withTestApp();

describe('e-mail, password and deletion', () => {
  it('changes the e-mail only after the new address confirms, and a password change ends other sessions', async () => {
    await makeUser(t.handle.db, { username: 'omar', email: 'omar@example.org' });
    const a = client();
    await a.login('omar');
    const b = client();
    await b.login('omar');
    await a.get('/account');
    // a sign-in more than ten minutes old: the password is asked again first, then the change goes on
    t.clock.advance(11 * 60_000);
    const stale = await a.post('/account/email', { email: 'omar.new@example.org' });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toMatch(/^\/account\/confirm\?next=/);
    expect(await latestOutbox('omar.new@example.org')).toBeUndefined();
    await a.get(String(stale.headers.location));
    expect((await a.post('/account/confirm', { password: 'not the password', next: '/account' })).statusCode).toBe(401);
    const confirmed = await a.post('/account/confirm', { password: TEST_PASSWORD, next: '/account' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/account');
    expect((await a.post('/account/email', { email: 'omar.new@example.org' })).statusCode).toBe(303);
    const mail = await latestOutbox('omar.new@example.org');
    const link = /\/account\/email\/[A-Za-z0-9_-]+/.exec(mail!.body_text)![0];
    expect(await emailOf('omar')).toBe('omar@example.org');
    // the link opens a page that asks (a mail client fetching it changes nothing); someone else gets a 404
    const confirm = await a.get(link);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('omar.new@example.org');
    expect(await emailOf('omar')).toBe('omar@example.org');
    expect((await b.get(link)).statusCode).toBe(200);
    const stranger = client();
    await stranger.login((await makeUser(t.handle.db, { username: 'not_omar' })).username);
    expect((await stranger.get(link)).statusCode).toBe(404);
    expect((await stranger.post(link, {})).statusCode).toBe(404);
    const done = await a.post(link, {});
    expect(done.statusCode).toBe(303);
    expect(await emailOf('omar')).toBe('omar.new@example.org');
    expect((await a.get(link)).statusCode).toBe(404);
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
    const c = client();
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

describe('my data', () => {
  it('gives a person a copy of what is held about them, without secrets, and nothing of others', async () => {
    const me = await makeStaff('export_me', { email: 'me@example.org' });
    const { org } = me;
    await makeUser(t.handle.db, { username: 'export_other', email: 'other@example.org', org: [org, 'orgAdmin'] });
    const c = await signedIn(me.id);
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
    const me = await makeUser(t.handle.db, { username: 'correct_me', displayName: 'Old name' });
    const c = await signedIn(me.id);
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
