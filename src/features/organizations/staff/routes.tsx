// An organization's staff: the list (for its staff), and for its admins invitations
// (accounts/actions.ts), roles, removal and resetting a colleague's two-step. Anyone leaves or
// steps down from the same page — the last admin only after naming another, which the page says
// before they try. When the person who casts the organization's vote leaves, its admins are told.
import { orgRole } from '../../../core/auth/actor.js';
import { form, FormErrors, notFound, page, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { sendInvitation } from '../../accounts/actions.js';
import { mayResetTwoStep, resetTwoStep } from '../../accounts/two-step/reset.js';
import { asResource, organization } from '../permissions.js';
import type { OrganizationRow } from '../queries.js';
import { staffInviteForm, staffLeaveForm, staffRemoveForm, staffResetForm, staffRoleForm } from '../schemas.js';
import { nameAdmin, representativeLeft } from './actions.js';
import { organizationStaff, removeStaff, representativeOf, setStaffRole, type StaffMember } from './queries.js';
import { StaffPage } from './views.js';

type Org = NonNullable<OrganizationRow>;

async function staffPage(c: MemberCtx, org: Org, state: FormState | null) {
  const staff = await organizationStaff(c.db, org.id);
  const canManage = c.can('manageStaff', asResource(org));
  const resettable: number[] = [];
  if (canManage)
    for (const s of staff) if (s.twoStep && (await mayResetTwoStep(c.db, c.actor, s.id))) resettable.push(s.id);
  return (
    <StaffPage
      org={org}
      staff={staff}
      me={c.user.id}
      myRole={orgRole(c.actor, org.id)}
      representative={await representativeOf(c.db, org)}
      canManage={canManage}
      resettable={resettable}
      state={state}
    />
  );
}

const base = (org: { id: number }) => `/organizations/${org.id}/staff`;
const admins = (staff: StaffMember[]) => staff.filter((s) => s.role === 'orgAdmin');

/** Loader of a row's forms: the organization (its admin asking) and one of its staff, else a 404. */
async function member(c: MemberCtx) {
  const org = await organization('manageStaff')(c);
  const staff = await organizationStaff(c.db, org.id);
  const person = staff.find((s) => s.id === c.id('uid')) ?? notFound();
  return { org, staff, person };
}
type Member = Awaited<ReturnType<typeof member>>;

/** A form of one row of the admin's table: refused, it shows the page again. */
const onRow = {
  access: 'orgAdmin',
  load: member,
  show: (c: MemberCtx, m: Member, state: FormState | null) => staffPage(c, m.org, state),
} as const;

export const staffRoutes = [
  page('/organizations/:id/staff', {
    access: 'orgStaff',
    load: organization('viewStaff'),
    render: (c, org) => staffPage(c, org, null),
  }),

  form('/organizations/:id/staff/invite', {
    access: 'orgAdmin',
    load: organization('manageStaff'),
    show: staffPage,
    schema: staffInviteForm,
    async save(c, org, data) {
      await sendInvitation(
        c.wasl,
        {
          email: data.email,
          networkId: org.network_id,
          organizationId: org.id,
          role: data.role,
          invitedBy: c.user.id,
          locale: c.locale,
        },
        c.now,
      );
      await c.audit('organization.staff.invited', { organizationId: org.id, details: { role: data.role } });
      return { to: base(org), flash: 'organizations.staff.invited' };
    },
  }),

  form('/organizations/:id/staff/:uid/role', {
    ...onRow,
    schema: staffRoleForm,
    check(c, { staff, person }, d) {
      // The last admin steps down only by naming another (the "step down" form below the table);
      // one's own row has no role form, so that refusal is the form's, said above the table.
      if (d.role === 'orgStaff' && person.role === 'orgAdmin' && admins(staff).length === 1)
        return person.id === c.user.id
          ? { _form: c.t('organizations.staff.lastAdmin') }
          : { role: c.t('organizations.staff.lastAdmin') };
    },
    async save(c, { org, person }, d) {
      if (d.role === person.role) return base(org);
      if (d.role === 'orgAdmin') await nameAdmin(c, org, person.id);
      else {
        await setStaffRole(c.db, org.id, person.id, d.role);
        await c.audit('organization.staff.roleChanged', {
          organizationId: org.id,
          targetType: 'user',
          targetId: person.id,
          details: { role: d.role },
        });
      }
      return base(org);
    },
  }),

  form('/organizations/:id/staff/:uid/remove', {
    ...onRow,
    schema: staffRemoveForm,
    check(c, { staff, person }) {
      if (person.id === c.user.id) return { _form: c.t('organizations.staff.removeSelf') };
      if (person.role === 'orgAdmin' && admins(staff).length === 1)
        return { _form: c.t('organizations.staff.lastAdmin') };
    },
    async save(c, { org, person }) {
      const represented = (await representativeOf(c.db, org)) === person.id;
      await removeStaff(c.db, org.id, person.id);
      await c.audit('organization.staff.removed', { organizationId: org.id, targetType: 'user', targetId: person.id });
      if (!represented) return base(org);
      await representativeLeft(c, org);
      return { to: base(org), flash: 'organizations.staff.representativeGone' };
    },
  }),

  // A colleague who lost their phone and their recovery codes: asks for the password again first.
  form('/organizations/:id/staff/:uid/reset-2fa', {
    ...onRow,
    fresh: true,
    schema: staffResetForm,
    async check(c, { person }) {
      if (!person.twoStep || !(await mayResetTwoStep(c.db, c.actor, person.id)))
        throw new FormErrors({ _form: c.t('organizations.staff.cannotReset') }, { status: 403 });
    },
    async save(c, { org, person }, d) {
      await resetTwoStep(c.wasl, {
        userId: person.id,
        byUserId: c.user.id,
        reason: d.reason,
        now: c.now,
        ip: c.ip,
        organizationId: org.id,
      });
      return { to: base(org), flash: 'organizations.staff.twoStepReset' };
    },
  }),

  // Stepping down (staying as staff) or leaving; the last admin names another first.
  form('/organizations/:id/staff/leave', {
    access: 'orgStaff',
    load: organization('viewStaff'),
    show: staffPage,
    schema: staffLeaveForm,
    async save(c, org, d) {
      const role = orgRole(c.actor, org.id) ?? notFound();
      const others = (await organizationStaff(c.db, org.id)).filter((s) => s.id !== c.user.id);
      const successor = d.successor === null ? null : (others.find((s) => s.id === d.successor) ?? null);
      if (d.successor !== null && !successor) throw new FormErrors({ successor: c.t('form.invalidChoice') });
      if (role === 'orgAdmin' && !admins(others).length && !successor)
        throw new FormErrors({ successor: c.t('organizations.staff.nameSuccessor') });
      if (d.then === 'stay' && role !== 'orgAdmin') throw new FormErrors({ then: c.t('form.invalidChoice') });
      if (successor && successor.role !== 'orgAdmin') await nameAdmin(c, org, successor.id);
      if (d.then === 'stay') {
        await setStaffRole(c.db, org.id, c.user.id, 'orgStaff');
        await c.audit('organization.staff.steppedDown', {
          organizationId: org.id,
          targetType: 'user',
          targetId: c.user.id,
        });
        return { to: base(org), flash: 'organizations.staff.steppedDown' };
      }
      const represented = (await representativeOf(c.db, org)) === c.user.id;
      await removeStaff(c.db, org.id, c.user.id);
      await c.audit('organization.staff.left', { organizationId: org.id, targetType: 'user', targetId: c.user.id });
      if (represented) await representativeLeft(c, org);
      return { to: '/start', flash: 'organizations.staff.youLeft' };
    },
  }),
];
