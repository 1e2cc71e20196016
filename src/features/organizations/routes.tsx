// Organizations: the public list and profiles; editing by the organization's admin (or the
// network admin); staff and invitations by the organization's admin.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit/index.js';
import { badRequest } from '../../core/http/errors.js';
import { authorize } from '../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { loadSections } from '../../core/views/sections.js';
import { slugify } from '../../core/text/slug.js';
import { sendInvitation } from '../accounts/actions.js';
import { asResource } from './permissions.js';
import {
  existingTownCodes,
  getDefaultNetwork,
  getOrganization,
  listOrganizations,
  mediaVariants,
  organizationStaff,
  organizationTowns,
  removeStaff,
  saveOrganization,
  setOrganizationLogo,
} from './queries.js';
import { organizationForm, staffInviteForm, staffRemoveForm } from './schemas.js';
import {
  OrganizationEditPage,
  OrganizationPage,
  OrganizationsPage,
  StaffPage,
  orgName,
  orgPath,
} from './views/pages.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';

export const organizationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  app.get('/organizations', { config: { access: 'public' } }, async (req, reply) => {
    const network = await getDefaultNetwork(db);
    if (!network) return reply.callNotFound();
    const orgs = await listOrganizations(db, network.id);
    const withTowns = await Promise.all(
      orgs.map(async (o) => ({ ...o, href: orgPath(o, slugify), towns: await organizationTowns(db, o.id) })),
    );
    return renderPage(
      req,
      reply,
      <OrganizationsPage orgs={withTowns} networkName={req.i18n.locale === 'ar' ? network.name_ar : network.name_en} />,
    );
  });

  async function loadVisible(req: FastifyRequest, id: string) {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 31) return null;
    const org = await getOrganization(db, n);
    if (!org || !authorize(req.actor, 'view', asResource(org))) return null;
    return org;
  }

  const showProfile = async (
    req: FastifyRequest<{ Params: { id: string; slug?: string } }>,
    reply: import('fastify').FastifyReply,
  ) => {
    const org = await loadVisible(req, req.params.id);
    if (!org) return reply.callNotFound();
    const canonical = orgPath(org, slugify);
    if (req.url.split('?')[0] !== canonical) return reply.redirect(canonical, 301);
    const [towns, logo, sections] = await Promise.all([
      organizationTowns(db, org.id),
      mediaVariants(db, org.logo_media_id),
      loadSections('organization', req, String(org.id)),
    ]);
    const res = asResource(org);
    return renderPage(
      req,
      reply,
      <OrganizationPage
        org={org}
        towns={towns}
        logoUrl={logo?.['320'] ? `/media/${org.logo_media_id}/${logo['320']}` : null}
        canEdit={authorize(req.actor, 'edit', res)}
        canSeeStaff={authorize(req.actor, 'viewStaff', res)}
        sections={sections}
      />,
    );
  };
  app.get('/organizations/:id', { config: { access: 'public' } }, showProfile);
  app.get('/organizations/:id/:slug', { config: { access: 'public' } }, showProfile);

  // ——— editing ———
  const editValues = async (org: NonNullable<Awaited<ReturnType<typeof getOrganization>>>) => ({
    ...org,
    towns: (await organizationTowns(db, org.id)).map((t) => t.pcode).join(', '),
  });

  app.get<{ Params: { id: string } }>(
    '/organizations/:id/edit',
    { config: { access: 'member' } },
    async (req, reply) => {
      const org = await loadVisible(req, req.params.id);
      if (!org || !authorize(req.actor, 'edit', asResource(org))) return reply.callNotFound();
      return renderPage(
        req,
        reply,
        <OrganizationEditPage action={`/organizations/${org.id}/edit`} values={await editValues(org)} isNew={false} />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/organizations/:id/edit',
    { config: { access: 'member' } },
    async (req, reply) => {
      const org = await loadVisible(req, req.params.id);
      if (!org || !authorize(req.actor, 'edit', asResource(org))) return reply.callNotFound();
      const action = `/organizations/${org.id}/edit`;
      const form = parseForm(organizationForm, req.body, req.i18n);
      if (!form.ok)
        return renderPage(
          req,
          reply,
          <OrganizationEditPage action={action} values={form.raw} errors={form.errors} isNew={false} />,
          400,
        );
      const known = await existingTownCodes(db, form.data.towns);
      const unknown = form.data.towns.filter((p) => !known.has(p));
      if (unknown.length) {
        const errors = { towns: req.i18n.t('organizations.form.unknownTowns', { codes: unknown.join(', ') }) };
        return renderPage(
          req,
          reply,
          <OrganizationEditPage action={action} values={form.raw} errors={errors} isNew={false} />,
          400,
        );
      }
      const logo = form.data.logo as UploadedFile | null | undefined;
      let logoId: string | null = null;
      if (logo && logo.data) {
        const saved = await app.wasl.media.save(
          db,
          logo,
          { userId: req.actor.user!.id, organizationId: org.id, isPublic: true, imagesOnly: true },
          req.now,
        );
        if (!saved.ok) {
          const errors = { logo: uploadErrorMessage(req.i18n, saved.error) };
          return renderPage(
            req,
            reply,
            <OrganizationEditPage action={action} values={form.raw} errors={errors} isNew={false} />,
            400,
          );
        }
        logoId = saved.media.id;
      }
      await saveOrganization(db, org.id, org.network_id, form.data, req.now);
      if (logoId) await setOrganizationLogo(db, org.id, logoId);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'organization.edited',
        targetType: 'organization',
        targetId: org.id,
        organizationId: org.id,
        ip: req.ip,
      });
      reply.flashNext('common.saved');
      return seeOther(reply, orgPath({ id: org.id, name_en: form.data.name_en }, slugify));
    },
  );

  // ——— staff ———
  async function staffPage(
    req: FastifyRequest,
    orgId: number,
    extra: { errors?: Record<string, string>; status?: number } = {},
  ) {
    const org = (await getOrganization(db, orgId))!;
    return {
      props: {
        orgId,
        orgName: orgName(org, req.i18n.locale),
        staff: await organizationStaff(db, orgId),
        canManage: authorize(req.actor, 'manageStaff', asResource(org)),
        errors: extra.errors,
      },
      status: extra.status ?? 200,
    };
  }

  app.get<{ Params: { id: string } }>(
    '/organizations/:id/staff',
    { config: { access: 'orgStaff' } },
    async (req, reply) => {
      const org = await loadVisible(req, req.params.id);
      if (!org || !authorize(req.actor, 'viewStaff', asResource(org))) return reply.callNotFound();
      const { props } = await staffPage(req, org.id);
      return renderPage(req, reply, <StaffPage {...props} />);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/organizations/:id/staff/invite',
    { config: { access: 'orgAdmin' } },
    async (req, reply) => {
      const org = await loadVisible(req, req.params.id);
      if (!org || !authorize(req.actor, 'manageStaff', asResource(org))) return reply.callNotFound();
      const form = parseForm(staffInviteForm, req.body, req.i18n);
      if (!form.ok) {
        const { props } = await staffPage(req, org.id, { errors: form.errors });
        return renderPage(req, reply, <StaffPage {...props} />, 400);
      }
      await sendInvitation(
        app.wasl,
        {
          email: form.data.email,
          networkId: org.network_id,
          organizationId: org.id,
          role: form.data.role,
          invitedBy: req.actor.user!.id,
          locale: req.i18n.locale,
        },
        req.now,
      );
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'organization.staff.invited',
        organizationId: org.id,
        details: { role: form.data.role },
        ip: req.ip,
      });
      reply.flashNext('organizations.staff.invited');
      return seeOther(reply, `/organizations/${org.id}/staff`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/organizations/:id/staff/remove',
    { config: { access: 'orgAdmin' } },
    async (req, reply) => {
      const org = await loadVisible(req, req.params.id);
      if (!org || !authorize(req.actor, 'manageStaff', asResource(org))) return reply.callNotFound();
      const form = parseForm(staffRemoveForm, req.body, req.i18n);
      if (!form.ok) return badRequest(req, reply);
      // An organization keeps at least one admin: removing yourself as the last one is refused.
      const staff = await organizationStaff(db, org.id);
      const admins = staff.filter((s) => s.role === 'orgAdmin');
      if (admins.length === 1 && admins[0]!.id === form.data.user_id) {
        const { props } = await staffPage(req, org.id, {
          errors: { _form: req.i18n.t('organizations.staff.lastAdmin') },
        });
        return renderPage(req, reply, <StaffPage {...props} />, 400);
      }
      await removeStaff(db, org.id, form.data.user_id);
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'organization.staff.removed',
        organizationId: org.id,
        targetType: 'user',
        targetId: form.data.user_id,
        ip: req.ip,
      });
      return seeOther(reply, `/organizations/${org.id}/staff`);
    },
  );
};
