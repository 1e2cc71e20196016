// The network admin's pages: organizations, invitations, the mail outbox, the audit log.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { audit, listAudit } from '../../core/audit/index.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { sendInvitation } from '../accounts/actions.js';
import { organizationForm } from '../organizations/schemas.js';
import { existingTownCodes, listOrganizations, saveOrganization } from '../organizations/queries.js';
import { OrganizationEditPage } from '../organizations/views/pages.js';
import { auditFilter, inviteForm } from './schemas.js';
import { AdminHome, AuditPage, InvitePage, OutboxPage } from './views/pages.js';

/**
 * A delivered message's one-time links (reset, invitation, unsubscribe, calendar feed) belong to
 * its recipient: an admin who could read them could take over the account (ASVS 6.4.6). Unsent
 * messages keep them, since without SMTP the admin is how they reach the person.
 */
export function withoutOneTimeTokens(text: string): string {
  return text.replace(/([/=])[A-Za-z0-9_-]{20,}/g, '$1[…]');
}

export const adminRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;
  const cfg = { config: { access: 'networkAdmin' as const } };

  /** The network this admin administers (one install may host several). */
  function adminNetwork(req: FastifyRequest): number {
    for (const [id, roles] of req.actor.networkRoles) if (roles.has('networkAdmin')) return id;
    throw new Error('unreachable: route requires networkAdmin');
  }

  app.get('/admin', cfg, async (req, reply) => {
    const networkId = adminNetwork(req);
    const orgs = await listOrganizations(db, networkId);
    const outbox = await db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    return renderPage(req, reply, <AdminHome orgs={orgs} unsent={Number(outbox.n)} />);
  });

  app.get('/admin/organizations/new', cfg, async (req, reply) =>
    renderPage(req, reply, <OrganizationEditPage action="/admin/organizations/new" values={{}} isNew />),
  );

  app.post('/admin/organizations/new', cfg, async (req, reply) => {
    const networkId = adminNetwork(req);
    const form = parseForm(organizationForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <OrganizationEditPage action="/admin/organizations/new" values={form.raw} errors={form.errors} isNew />,
        400,
      );
    const known = await existingTownCodes(db, form.data.towns);
    const unknown = form.data.towns.filter((p) => !known.has(p));
    if (unknown.length) {
      const errors = { towns: req.i18n.t('organizations.form.unknownTowns', { codes: unknown.join(', ') }) };
      return renderPage(
        req,
        reply,
        <OrganizationEditPage action="/admin/organizations/new" values={form.raw} errors={errors} isNew />,
        400,
      );
    }
    const id = await saveOrganization(db, null, networkId, form.data, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'admin.organization.created',
      targetType: 'organization',
      targetId: id,
      organizationId: id,
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/organizations/${id}`);
  });

  app.get('/admin/invite', cfg, async (req, reply) => {
    const orgs = await listOrganizations(db, adminNetwork(req));
    return renderPage(req, reply, <InvitePage orgs={orgs} />);
  });

  app.post('/admin/invite', cfg, async (req, reply) => {
    const networkId = adminNetwork(req);
    const orgs = await listOrganizations(db, networkId);
    const form = parseForm(inviteForm, req.body, req.i18n);
    if (!form.ok) return renderPage(req, reply, <InvitePage orgs={orgs} values={form.raw} errors={form.errors} />, 400);
    const isOrgRole = form.data.role === 'orgAdmin' || form.data.role === 'orgStaff';
    const orgId = isOrgRole ? form.data.organization_id : null;
    if (orgId !== null && !orgs.some((o) => o.id === orgId)) {
      return renderPage(
        req,
        reply,
        <InvitePage orgs={orgs} values={form.raw} errors={{ organization_id: req.i18n.t('form.invalidChoice') }} />,
        400,
      );
    }
    await sendInvitation(
      app.wasl,
      {
        email: form.data.email,
        networkId,
        organizationId: orgId,
        role: form.data.role,
        invitedBy: req.actor.user!.id,
        locale: req.i18n.locale,
      },
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'admin.invited',
      organizationId: orgId,
      details: { role: form.data.role },
      ip: req.ip,
    });
    reply.flashNext('admin.invite.sent');
    return seeOther(reply, '/admin/invite');
  });

  app.get('/admin/outbox', cfg, async (req, reply) => {
    const rows = (await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(100).execute()).map((r) =>
      r.sent_at ? { ...r, body_text: withoutOneTimeTokens(r.body_text) } : r,
    );
    await audit(db, req.now, { actorUserId: req.actor.user!.id, action: 'admin.outbox.viewed', ip: req.ip });
    return renderPage(req, reply, <OutboxPage rows={rows} />);
  });

  app.get('/admin/audit', cfg, async (req, reply) => {
    const f = auditFilter.parse(req.query ?? {});
    const perPage = 50;
    const rows = await listAudit(db, {
      action: f.action,
      from: f.from ? `${f.from}T00:00:00.000Z` : undefined,
      to: f.to ? `${f.to}T23:59:59.999Z` : undefined,
      limit: perPage + 1,
      offset: (f.page - 1) * perPage,
    });
    return renderPage(
      req,
      reply,
      <AuditPage rows={rows.slice(0, perPage)} filter={f} hasNext={rows.length > perPage} />,
    );
  });
};
