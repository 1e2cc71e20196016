// What keeps an organization from being lost: another admin named before the last one goes (they
// are told), and its admins told when the person who cast its vote in the network leaves — never
// silently. Used by the staff page and by deleting an account (accounts/settings).
import type { MemberCtx } from '../../../core/http/route.js';
import { notify, type NotificationType } from '../../../core/notify/index.js';
import { organizationAdmins, setStaffRole } from './queries.js';

const ADMIN_NAMED = 'organizations.adminNamed';
const REPRESENTATIVE_LEFT = 'organizations.representativeLeft';

/** The kinds of notice these send (the manifest's `notifications`). */
export const organizationNotifications: NotificationType[] = [
  {
    type: ADMIN_NAMED,
    message: 'organizations.notify.adminNamed',
    label: 'organizations.notify.adminNamedLabel',
    channel: 'now',
  },
  {
    type: REPRESENTATIVE_LEFT,
    message: 'organizations.notify.representativeLeft',
    label: 'organizations.notify.representativeLeftLabel',
    channel: 'now',
  },
];

type Org = { id: number; name_ar: string };

/** Makes one of the organization's staff an admin: audited, and they are told. */
export async function nameAdmin(c: MemberCtx, org: Org, userId: number) {
  await setStaffRole(c.db, org.id, userId, 'orgAdmin');
  await c.audit('organization.admin.named', { organizationId: org.id, targetType: 'user', targetId: userId });
  await notify(c.wasl, {
    users: [userId],
    type: ADMIN_NAMED,
    params: { org: org.name_ar },
    url: `/organizations/${org.id}/staff`,
    now: c.now,
    actorId: c.user.id,
  });
}

/** The person who cast the organization's vote has left it: its admins are asked to name another. */
export async function representativeLeft(c: MemberCtx, org: Org) {
  await notify(c.wasl, {
    users: await organizationAdmins(c.db, org.id),
    type: REPRESENTATIVE_LEFT,
    params: { org: org.name_ar },
    url: `/workspace/${org.id}`,
    now: c.now,
    actorId: c.user.id,
  });
}
