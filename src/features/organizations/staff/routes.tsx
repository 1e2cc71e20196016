// An organization's staff: the list (for its staff and the network admin), and for its admin,
// invitations (accounts/actions.ts) and removal — never of its last admin.
import { form, page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { sendInvitation } from '../../accounts/actions.js';
import { asResource, organization } from '../permissions.js';
import type { OrganizationRow } from '../queries.js';
import { staffInviteForm, staffRemoveForm } from '../schemas.js';
import { organizationStaff, removeStaff } from './queries.js';
import { StaffPage } from './views.js';

type Org = NonNullable<OrganizationRow>;

async function staffPage(c: AnyCtx, org: Org, state: FormState | null) {
  return (
    <StaffPage
      org={org}
      staff={await organizationStaff(c.db, org.id)}
      canManage={c.can('manageStaff', asResource(org))}
      state={state}
    />
  );
}

/** The admin's forms on the staff page: refused, they show the page again. */
const byAdmin = {
  access: 'orgAdmin',
  load: organization('manageStaff'),
  show: staffPage,
} as const;

export const staffRoutes = [
  page('/organizations/:id/staff', {
    access: 'orgStaff',
    load: organization('viewStaff'),
    render: (c, org) => staffPage(c, org, null),
  }),

  form('/organizations/:id/staff/invite', {
    ...byAdmin,
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
      return { to: `/organizations/${org.id}/staff`, flash: 'organizations.staff.invited' };
    },
  }),

  form('/organizations/:id/staff/remove', {
    ...byAdmin,
    schema: staffRemoveForm,
    async check(c, org, data) {
      // An organization keeps at least one admin: removing yourself as the last one is refused.
      const admins = (await organizationStaff(c.db, org.id)).filter((s) => s.role === 'orgAdmin');
      if (admins.length === 1 && admins[0]!.id === data.user_id) return { _form: c.t('organizations.staff.lastAdmin') };
    },
    async save(c, org, data) {
      await removeStaff(c.db, org.id, data.user_id);
      await c.audit('organization.staff.removed', {
        organizationId: org.id,
        targetType: 'user',
        targetId: data.user_id,
      });
      return { to: `/organizations/${org.id}/staff` };
    },
  }),
];
