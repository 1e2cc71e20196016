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
    expect((await b.post(`/organizations/${world.orgA}/staff/${world.users.staffA}/remove`, {})).statusCode).toBe(404);
    const a = await as('adminA');
    await a.get(`/organizations/${world.orgA}/staff`);
    // the last admin is not removed, and does not step down or leave without naming another
    const last = await a.post(`/organizations/${world.orgA}/staff/${world.users.adminA}/remove`, {});
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('<p class="form-error" role="alert">');
    const leave = await a.post(`/organizations/${world.orgA}/staff/leave`, { successor: '', then: 'leave' });
    expect(leave.statusCode).toBe(400);
    expect(leave.body).toMatch(/<p class="error" id="leave-successor-err">/);
    const stepDown = await a.post(`/organizations/${world.orgA}/staff/${world.users.adminA}/role`, {
      role: 'orgStaff',
    });
    expect(stepDown.statusCode).toBe(400);
    expect(stepDown.body).toContain('<p class="form-error" role="alert">');
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
    expect(staff.body).not.toContain('/remove"');
    expect(staff.body).not.toContain('/role"');
    expect(staff.body).not.toContain('/staff/invite');
    const a = await as('adminA');
    const list = await a.get(`/organizations/${world.orgA}/staff`);
    expect(list.body).toContain(`action="/organizations/${world.orgA}/staff/${world.users.staffA}/remove"`);
    const bad = await a.post(`/organizations/${world.orgA}/staff/invite`, {
      email: 'not-an-address',
      role: 'orgStaff',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="not-an-address"');
    expect(bad.body).toMatch(/<p class="error" id="invite-email-err">/);
  });

  it('an admin names another admin (told on their start page), resets a lost two-step, and steps down', async () => {
    const db = t.handle.db;
    const staffA = world.users.staffA;
    const notices = () =>
      db.selectFrom('notifications').select('id').where('user_id', '=', staffA).orderBy('id').execute();
    const colleague = await as('staffA');
    const a = await as('adminA');
    await a.get(`/organizations/${world.orgA}/staff`);

    // named admin: the colleague is told, on their start page, and marks it read from there
    const named = await a.post(`/organizations/${world.orgA}/staff/${staffA}/role`, { role: 'orgAdmin' });
    expect(named.statusCode).toBe(303);
    const [notice] = await notices();
    const start = await colleague.get('/start?lang=en');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`action="/notifications/${notice!.id}/read"`);
    expect(start.body).toContain('You are now an admin of');
    const read = await colleague.post(`/notifications/${notice!.id}/read`, { back: '/start' });
    expect(read.headers.location).toBe('/start');
    expect((await colleague.get('/start?lang=en')).body).not.toContain(`action="/notifications/${notice!.id}/read"`);

    // a lost phone: a reason is required; the reset ends the colleague's sessions, is logged, and told
    const tooShort = await a.post(`/organizations/${world.orgA}/staff/${staffA}/reset-2fa`, { reason: 'x' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('<p class="form-error" role="alert">');
    const reset = await a.post(`/organizations/${world.orgA}/staff/${staffA}/reset-2fa`, {
      reason: 'lost phone and codes',
    });
    expect(reset.statusCode).toBe(303);
    const row = await db.selectFrom('users').select('totp_enabled').where('id', '=', staffA).executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBeFalsy();
    expect((await colleague.get('/account')).statusCode).toBe(303);
    const entry = await db
      .selectFrom('audit_log')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'account.2fa.reset')
      .where('target_id', '=', String(staffA))
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(world.users.adminA);
    expect(entry.details).toContain('lost phone and codes');
    expect(await notices()).toHaveLength(2);
    // not from an organization's page for someone who is not its staff
    expect(
      (await a.post(`/organizations/${world.orgA}/staff/${world.users.netAdmin}/reset-2fa`, { reason: 'lost phone' }))
        .statusCode,
    ).toBe(404);

    // with another admin named, the first steps down and stays on the staff
    const down = await a.post(`/organizations/${world.orgA}/staff/leave`, { successor: '', then: 'stay' });
    expect(down.statusCode).toBe(303);
    const roles = await db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('organization_id', '=', world.orgA)
      .where('user_id', 'in', [world.users.adminA, staffA])
      .execute();
    expect(new Map(roles.map((r) => [r.user_id, r.role]))).toEqual(
      new Map([
        [world.users.adminA, 'orgStaff'],
        [staffA, 'orgAdmin'],
      ]),
    );
  });
});
