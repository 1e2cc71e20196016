// Invitations through HTTP: a refused form changes nothing and leaves the invitation usable; someone
// signed in accepts with the button alone; either way the set-up of two-step comes next, ready.
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../testing/app.js';
import { sendInvitation } from '../actions.js';
import { accountForm, client, makeStaff, t, withTestApp } from '../testing/setup.js';

withTestApp();

async function invite(email: string) {
  const inviter = await makeStaff(`inviter_${email.split('@')[0]}`, { role: 'orgAdmin' });
  const { net, org } = inviter;
  const token = await sendInvitation(
    t.app.wasl,
    { email, networkId: net, organizationId: org, role: 'orgStaff', invitedBy: inviter.id, locale: 'en' },
    t.clock.now,
  );
  return { org, link: `/invite/${token}` };
}

const roleOf = async (userId: number, org: number) =>
  (
    await t.handle.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', userId)
      .where('organization_id', '=', org)
      .executeTakeFirst()
  )?.role;

describe('invitations', () => {
  it('refuses a bad new account without using the invitation, then makes it', async () => {
    await makeUser(t.handle.db, { username: 'taken_name' });
    const { org, link } = await invite('newcomer@example.org');
    const c = client();
    const page = await c.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toMatch(/Org \d+/);
    const refused = await c.post(link, accountForm('taken_name'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="taken_name"');
    expect(refused.body).toMatch(/id="f-username-err"/);
    const made = await c.post(link, accountForm('newcomer'));
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/account/2fa');
    const user = await t.handle.db
      .selectFrom('users')
      .select(['id', 'email', 'totp_secret'])
      .where('username', '=', 'newcomer')
      .executeTakeFirstOrThrow();
    expect(user.email).toBe('newcomer@example.org');
    expect(user.totp_secret).toBeTruthy(); // the set-up page has its secret ready
    expect(await roleOf(user.id, org)).toBe('orgStaff');
    expect((await c.get('/account/2fa')).body).toContain('<code class="code">');
  });

  it('lets someone signed in accept with the button alone', async () => {
    const me = await makeUser(t.handle.db, { username: 'already_here' });
    const { org, link } = await invite('already_here@example.org');
    const c = client();
    await c.login('already_here');
    const page = await c.get(link);
    expect(page.body).not.toContain('name="username"');
    expect((await c.post(link, { username: 'ignored' })).statusCode).toBe(400);
    expect(await roleOf(me.id, org)).toBeUndefined();
    const accepted = await c.post(link, {});
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/account/2fa');
    expect(await roleOf(me.id, org)).toBe('orgStaff');
    expect((await c.get(link)).statusCode).toBe(404);
  });
});
