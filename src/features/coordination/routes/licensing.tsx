// Licensing with local councils: /licensing (a member's own rows, or the network view for
// coordinators), one member × council row at /licensing/:id with documents and the visit log.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { coordContext, parseId, type CoordContext } from '../context.js';
import type { LicenceResource, LicensingResource } from '../permissions.js';
import {
  EXPIRY_REMINDER_DAYS,
  addLicenceDocument,
  addVisit,
  createLicence,
  getCouncil,
  getLicence,
  listCouncils,
  listLicenceDocuments,
  listNetworkLicences,
  listOwnLicences,
  listVisits,
  plannedVisits,
  saveCouncil,
  setDocumentSubmitted,
  updateLicence,
} from '../licensing.js';
import { activeOrganizations } from '../workspace.js';
import {
  councilForm,
  licenceDocForm,
  licenceDocSubmitForm,
  licenceForm,
  licenceNewForm,
  visitForm,
} from '../schemas.js';
import { LicencePage, LicensingPage } from '../views/licensing.js';
import { addDays, damascusDay } from '../../../core/time.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

export const licensingRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  const expiring = (expires: string | null, today: string) =>
    expires !== null && expires <= addDays(today, EXPIRY_REMINDER_DAYS);

  async function renderLicensing(
    req: FastifyRequest,
    reply: FastifyReply,
    ctx: CoordContext,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown>; form?: string } = {},
    status = 200,
  ) {
    const res: LicensingResource = { type: 'coord.licensing', networkId: ctx.network.id };
    const network = authorize(ctx.actor, 'viewNetwork', res);
    const today = damascusDay(req.now);
    const [councils, licences, planned, allOrgs] = await Promise.all([
      listCouncils(db, ctx.network.id),
      network ? listNetworkLicences(db, ctx.network.id) : listOwnLicences(db, ctx.orgIds),
      plannedVisits(db, network ? { networkId: ctx.network.id } : { orgIds: ctx.orgIds }, today),
      activeOrganizations(db, ctx.network.id),
    ]);
    return renderPage(
      req,
      reply,
      <LicensingPage
        network={network}
        councils={councils}
        licences={licences.map((l) => ({ ...l, expiringSoon: expiring(l.expires_on, today) }))}
        planned={planned}
        orgs={network ? allOrgs : allOrgs.filter((o) => ctx.orgIds.includes(o.id))}
        canManageCouncils={authorize(ctx.actor, 'manageCouncils', res)}
        {...extra}
      />,
      status,
    );
  }

  async function context(req: FastifyRequest) {
    const ctx = await coordContext(req);
    if (!ctx || !authorize(ctx.actor, 'view', { type: 'coord.licensing', networkId: ctx.network.id })) return null;
    return ctx;
  }

  app.get('/licensing', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await context(req);
    if (!ctx) return reply.callNotFound();
    return renderLicensing(req, reply, ctx);
  });

  app.post('/licensing/councils', { config: { access: 'networkEditor' } }, async (req, reply) => {
    const ctx = await context(req);
    if (!ctx || !authorize(ctx.actor, 'manageCouncils', { type: 'coord.licensing', networkId: ctx.network.id }))
      return reply.callNotFound();
    const form = parseForm(councilForm, req.body, req.i18n);
    if (!form.ok)
      return renderLicensing(req, reply, ctx, { errors: form.errors, values: form.raw, form: 'council' }, 400);
    const town = await db
      .selectFrom('towns')
      .select('pcode')
      .where('pcode', '=', form.data.town_pcode)
      .executeTakeFirst();
    if (!town)
      return renderLicensing(
        req,
        reply,
        ctx,
        { errors: { town_pcode: req.i18n.t('coordination.form.unknownTown') }, values: form.raw, form: 'council' },
        400,
      );
    const id = await saveCouncil(db, ctx.network.id, null, form.data, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.council.created',
      targetType: 'council',
      targetId: id,
      ip: req.ip,
    });
    return seeOther(reply, `/licensing#council-${id}`);
  });

  app.post('/licensing/licences', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await context(req);
    if (!ctx) return reply.callNotFound();
    const form = parseForm(licenceNewForm, req.body, req.i18n);
    if (!form.ok)
      return renderLicensing(req, reply, ctx, { errors: form.errors, values: form.raw, form: 'licence' }, 400);
    const org = await db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', form.data.org_id)
      .where('network_id', '=', ctx.network.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const res: LicenceResource = { type: 'coord.licence', orgId: form.data.org_id, networkId: ctx.network.id };
    if (!org || !authorize(ctx.actor, 'edit', res))
      return renderLicensing(
        req,
        reply,
        ctx,
        { errors: { org_id: req.i18n.t('form.invalidChoice') }, values: form.raw, form: 'licence' },
        400,
      );
    const council = await getCouncil(db, ctx.network.id, form.data.council_id);
    if (!council)
      return renderLicensing(
        req,
        reply,
        ctx,
        { errors: { council_id: req.i18n.t('form.invalidChoice') }, values: form.raw, form: 'licence' },
        400,
      );
    const docs = form.data.documents
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 30)
      .map((s) => s.slice(0, 200));
    const id = await createLicence(db, org.id, council.id, docs, req.actor.user!.id, req.now);
    return seeOther(reply, `/licensing/${id}`);
  });

  async function loadLicence(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const l = await getLicence(db, id);
    if (!l || l.network_id !== ctx.network.id) return null;
    const res: LicenceResource = { type: 'coord.licence', orgId: l.organization_id, networkId: ctx.network.id };
    if (!authorize(ctx.actor, 'view', res)) return null;
    return { ctx, l, res };
  }

  async function renderLicence(
    req: FastifyRequest,
    reply: FastifyReply,
    x: NonNullable<Awaited<ReturnType<typeof loadLicence>>>,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown>; form?: string } = {},
    status = 200,
  ) {
    const today = damascusDay(req.now);
    const [documents, visits] = await Promise.all([
      listLicenceDocuments(db, x.l.id, x.l.organization_id),
      listVisits(db, x.l.id, x.l.organization_id),
    ]);
    return renderPage(
      req,
      reply,
      <LicencePage
        l={{ ...x.l, expiringSoon: expiring(x.l.expires_on, today) }}
        documents={documents}
        visits={visits}
        today={today}
        {...extra}
      />,
      status,
    );
  }

  app.get('/licensing/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLicence(req, req.params.id);
    if (!x) return reply.callNotFound();
    return renderLicence(req, reply, x);
  });

  app.post('/licensing/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLicence(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', x.res)) return reply.callNotFound();
    const form = parseForm(licenceForm, req.body, req.i18n);
    if (!form.ok) return renderLicence(req, reply, x, { errors: form.errors, values: form.raw, form: 'licence' }, 400);
    await updateLicence(db, x.l.id, x.l.organization_id, form.data, req.actor.user!.id, req.now);
    // A new expiry date gets its own reminder.
    if (form.data.expires_on !== x.l.expires_on)
      await db.updateTable('coord_licences').set({ reminded_for: null }).where('id', '=', x.l.id).execute();
    reply.flashNext('common.saved');
    return seeOther(reply, `/licensing/${x.l.id}`);
  });

  app.post('/licensing/:id/documents', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLicence(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', x.res)) return reply.callNotFound();
    const form = parseForm(licenceDocForm, req.body, req.i18n);
    if (!form.ok) return renderLicence(req, reply, x, { errors: form.errors, form: 'document' }, 400);
    await addLicenceDocument(db, x.l.id, x.l.organization_id, form.data.name);
    return seeOther(reply, `/licensing/${x.l.id}`);
  });

  app.post('/licensing/:id/documents/submitted', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLicence(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', x.res)) return reply.callNotFound();
    const form = parseForm(licenceDocSubmitForm, req.body, req.i18n);
    if (!form.ok) return renderLicence(req, reply, x, { errors: form.errors }, 400);
    await setDocumentSubmitted(db, x.l.id, x.l.organization_id, form.data.doc_id, form.data.submitted_on);
    return seeOther(reply, `/licensing/${x.l.id}`);
  });

  app.post('/licensing/:id/visits', { config: { access: 'member' } }, async (req: Req, reply) => {
    const x = await loadLicence(req, req.params.id);
    if (!x || !authorize(x.ctx.actor, 'edit', x.res)) return reply.callNotFound();
    const form = parseForm(visitForm, req.body, req.i18n);
    if (!form.ok) return renderLicence(req, reply, x, { errors: form.errors, values: form.raw, form: 'visit' }, 400);
    const id = await addVisit(db, x.l.id, x.l.organization_id, form.data, req.actor.user!.id, req.now);
    return seeOther(reply, `/licensing/${x.l.id}#visit-${id}`);
  });
};
