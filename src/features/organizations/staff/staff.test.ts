// An organization's staff through HTTP: invitations that turn into memberships, and who may invite
// and remove (never the last admin).
import { describe, expect, it } from 'vitest';
import { Client } from '../../../testing/app.js';
import { as, t, withOrganizationsWorld, world } from '../testing/world.js';

withOrganizationsWorld();

describe('staff and invitations', () => {
  it('an org admin invites a staff member, who accepts, must set up two-step, and becomes staff', async () => {
    const c = await as('adminA');
    await c.get(`/organizations/${world.orgA}/staff`);
    expect(
      (await c.post(`/organizations/${world.orgA}/staff/invite`, { email: 'new.staff@example.org', role: 'orgStaff' }))
        .statusCode,
    ).toBe(303);
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'new.staff@example.org')
      .executeTakeFirstOrThrow();
    const link = /\/invite\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];
    const guest = new Client(t.app);
    expect((await guest.get(link)).statusCode).toBe(200);
    const accept = await guest.post(link, {
      username: 'new_staff',
      display_name: 'موظفة جديدة',
      password: 'a strong staff secret',
      password_confirm: 'a strong staff secret',
    });
    expect(accept.statusCode).toBe(303);
    expect(accept.headers.location).toBe('/account/2fa');
    const m = await t.handle.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.role', 'memberships.organization_id'])
      .where('users.username', '=', 'new_staff')
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ role: 'orgStaff', organization_id: world.orgA });
    // the invitation works once
    expect((await new Client(t.app).get(link)).statusCode).toBe(404);
  });

  it("another organization's admin cannot invite into or remove from it, and the last admin stays", async () => {
    const b = await as('adminB');
    expect(
      (await b.post(`/organizations/${world.orgA}/staff/invite`, { email: 'x@example.org', role: 'orgAdmin' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await b.post(`/organizations/${world.orgA}/staff/remove`, { user_id: String(world.users.staffA) })).statusCode,
    ).toBe(404);
    const a = await as('adminA');
    await a.get(`/organizations/${world.orgA}/staff`);
    const last = await a.post(`/organizations/${world.orgA}/staff/remove`, { user_id: String(world.users.adminA) });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('<p class="form-error" role="alert">');
    expect(
      await t.handle.db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', world.users.adminA!)
        .executeTakeFirst(),
    ).toEqual({ role: 'orgAdmin' });
  });

  it('shows the list to staff without the admin controls, and a refused invitation beside its field', async () => {
    const staff = await (await as('staffA')).get(`/organizations/${world.orgA}/staff?lang=en`);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('org_adminA'.toLowerCase());
    expect(staff.body).not.toContain('/staff/remove');
    expect(staff.body).not.toContain('/staff/invite');
    const a = await as('adminA');
    const list = await a.get(`/organizations/${world.orgA}/staff`);
    expect(list.body).toContain(`name="user_id" value="${world.users.staffA}"`);
    const bad = await a.post(`/organizations/${world.orgA}/staff/invite`, {
      email: 'not-an-address',
      role: 'orgStaff',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="not-an-address"');
    expect(bad.body).toMatch(/<p class="error" id="f-email-err">/);
  });
});
