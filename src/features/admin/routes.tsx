// The network admin's pages: organizations, invitations, people (resetting a lost two-step), the
// mail outbox, the audit log.
import { listAudit } from '../../core/audit/index.js';
import { form, FormErrors, notFound, page, type MemberCtx } from '../../core/http/route.js';
import type { FormState } from '../../core/views/forms.js';
import { sendInvitation } from '../accounts/actions.js';
import { mayResetTwoStep, resetTwoStep } from '../accounts/two-step/reset.js';
import { checkOrganization } from '../organizations/form.js';
import { organizationForm } from '../organizations/schemas.js';
import { listOrganizations, saveOrganization } from '../organizations/queries.js';
import { OrganizationEditPage } from '../organizations/views/pages.js';
import { countUnsentMail, outboxForAdmin, personById, personByLogin } from './queries.js';
import { auditFilter, inviteForm, peopleQuery, resetForm } from './schemas.js';
import { AdminHome, AuditPage, InvitePage, OutboxPage, PeoplePage } from './views/pages.js';

/** The network this admin administers (one install may host several). */
function adminNetwork(c: MemberCtx): number {
  for (const [id, roles] of c.actor.networkRoles) if (roles.has('networkAdmin')) return id;
  throw new Error('unreachable: route requires networkAdmin');
}

const access = 'networkAdmin' as const;

/** The people page for a looked-up login, with whether this admin may reset that person's two-step. */
async function peoplePage(c: MemberCtx, q: string | undefined, state: FormState | null) {
  const person = q ? await personByLogin(c.db, q) : null;
  const canReset = !!person && person.twoStep && (await mayResetTwoStep(c.db, c.actor, person.id));
  return <PeoplePage q={q ?? ''} person={person} canReset={canReset} state={state} />;
}

export const adminRoutes = [
  page('/admin', {
    access,
    async render(c) {
      const [orgs, unsent] = await Promise.all([listOrganizations(c.db, adminNetwork(c)), countUnsentMail(c.db)]);
      return <AdminHome orgs={orgs} unsent={unsent} />;
    },
  }),

  form('/admin/organizations/new', {
    access,
    get: true,
    schema: organizationForm,
    show: (_c, _l, state) => <OrganizationEditPage action="/admin/organizations/new" values={{}} state={state} isNew />,
    check: (c, _l, data) => checkOrganization(c, data),
    async save(c, _l, data) {
      const id = await saveOrganization(c.db, null, adminNetwork(c), data, c.now);
      await c.audit('admin.organization.created', { targetType: 'organization', targetId: id, organizationId: id });
      return `/organizations/${id}`;
    },
  }),

  form('/admin/invite', {
    access,
    get: true,
    load: (c) => listOrganizations(c.db, adminNetwork(c)),
    schema: inviteForm,
    show: (_c, orgs, state) => <InvitePage orgs={orgs} state={state} />,
    check(c, orgs, data) {
      const isOrgRole = data.role === 'orgAdmin' || data.role === 'orgStaff';
      if (isOrgRole && !orgs.some((o) => o.id === data.organization_id))
        return { organization_id: c.t('form.invalidChoice') };
    },
    async save(c, _orgs, data) {
      const isOrgRole = data.role === 'orgAdmin' || data.role === 'orgStaff';
      const orgId = isOrgRole ? data.organization_id : null;
      await sendInvitation(
        c.wasl,
        {
          email: data.email,
          networkId: adminNetwork(c),
          organizationId: orgId,
          role: data.role,
          invitedBy: c.user.id,
          locale: c.locale,
        },
        c.now,
      );
      await c.audit('admin.invited', { organizationId: orgId, details: { role: data.role } });
      return { to: '/admin/invite', flash: 'admin.invite.sent' };
    },
  }),

  // A person who lost their phone and their recovery codes: found by exact user name or e-mail.
  page('/admin/people', { access, query: peopleQuery, render: (c) => peoplePage(c, c.query.q, null) }),

  form('/admin/people/:uid/reset-2fa', {
    access,
    fresh: true,
    load: async (c) => (await personById(c.db, c.id('uid'))) ?? notFound(),
    schema: resetForm,
    show: (c, person, state) => peoplePage(c, person.username, state),
    async check(c, person) {
      if (!person.twoStep || !(await mayResetTwoStep(c.db, c.actor, person.id)))
        throw new FormErrors({ _form: c.t('admin.people.cannotReset') }, { status: 403 });
    },
    async save(c, person, d) {
      await resetTwoStep(c.wasl, { userId: person.id, byUserId: c.user.id, reason: d.reason, now: c.now, ip: c.ip });
      return { to: `/admin/people?q=${encodeURIComponent(person.username)}`, flash: 'admin.people.reset' };
    },
  }),

  page('/admin/outbox', {
    access,
    async render(c) {
      const rows = await outboxForAdmin(c.db);
      // Reading the outbox is itself audited: it can hold links meant for someone else.
      await c.audit('admin.outbox.viewed');
      return <OutboxPage rows={rows} />;
    },
  }),

  page('/admin/audit', {
    access,
    query: auditFilter,
    async render(c) {
      const f = c.query;
      const perPage = 50;
      const rows = await listAudit(c.db, {
        action: f.action,
        from: f.from ? `${f.from}T00:00:00.000Z` : undefined,
        to: f.to ? `${f.to}T23:59:59.999Z` : undefined,
        limit: perPage + 1,
        offset: (f.page - 1) * perPage,
      });
      return <AuditPage rows={rows.slice(0, perPage)} filter={f} hasNext={rows.length > perPage} />;
    },
  }),
];
