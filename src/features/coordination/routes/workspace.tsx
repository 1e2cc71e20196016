// Member workspaces: /workspace, items and their files, sharing, people and roles, export,
// leaving the network, and the emergency access of network admins.
import { badRequest } from '../../../core/http/errors.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { coordContext, parseId, type CoordContext } from '../context.js';
import type { ItemResource, WorkspaceResource } from '../permissions.js';
import {
  acknowledgeEmergency,
  activeEmergency,
  activeOrganizations,
  addVersion,
  cancelDeparture,
  createItem,
  deleteItem,
  emergencyHistory,
  endEmergency,
  getItem,
  getVersion,
  listOwnItems,
  listPeople,
  listSharedWith,
  listVersions,
  openEmergency,
  pendingDeparture,
  requestDeparture,
  setPersonRole,
  setSharing,
  unacknowledgedEmergencies,
  updateItem,
} from '../workspace.js';
import {
  documentForm,
  emergencyForm,
  emptyForm,
  idForm,
  itemEditForm,
  leaveForm,
  noteForm,
  personRoleForm,
  sharingForm,
  versionForm,
} from '../schemas.js';
import { EmergencyPage, ItemPage, NoWorkspacePage, SharedPage, WorkspacePage } from '../views/workspace.js';
import { isUpload, savePrivateFile, sendPrivateFile } from '../files.js';
import { buildExport } from '../export.js';
import { removeMedia } from '../jobs.js';
import { isNetworkAdmin, isNetworkMember } from '../permissions.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

export const workspaceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  async function getOrg(ctx: CoordContext, id: number) {
    return db
      .selectFrom('organizations')
      .select(['id', 'name_ar', 'name_en', 'network_id', 'status'])
      .where('id', '=', id)
      .where('network_id', '=', ctx.network.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
  }

  /** The workspace an actor may open: its own, or another under a running emergency grant. */
  async function loadWorkspace(req: FastifyRequest, orgIdParam: string | undefined) {
    const ctx = await coordContext(req);
    const orgId = parseId(orgIdParam);
    if (!ctx || !orgId) return null;
    const org = await getOrg(ctx, orgId);
    if (!org) return null;
    const isMember = ctx.actor.orgRoles.has(org.id);
    const grant =
      !isMember && ctx.actor.user && isNetworkAdmin(ctx.actor, ctx.network.id)
        ? await activeEmergency(db, org.id, ctx.actor.user.id, req.now)
        : undefined;
    const res: WorkspaceResource = {
      type: 'coord.workspace',
      orgId: org.id,
      networkId: ctx.network.id,
      emergency: !!grant,
    };
    return { ctx, org, res, grant: grant ?? null };
  }

  async function renderWorkspace(
    req: FastifyRequest,
    reply: FastifyReply,
    w: NonNullable<Awaited<ReturnType<typeof loadWorkspace>>>,
    extra: {
      errors?: Record<string, string>;
      values?: Record<string, unknown>;
      form?: 'note' | 'document' | 'leave';
    } = {},
    status = 200,
  ) {
    const { ctx, org, res, grant } = w;
    const canManage = authorize(ctx.actor, 'manage', res);
    const [items, people, notices, history, departure, myOrgs] = await Promise.all([
      listOwnItems(db, org.id),
      listPeople(db, org.id),
      canManage ? unacknowledgedEmergencies(db, org.id) : Promise.resolve([]),
      canManage ? emergencyHistory(db, org.id) : Promise.resolve([]),
      pendingDeparture(db, org.id),
      ctx.orgIds.length
        ? db
            .selectFrom('organizations')
            .select(['id', 'name_ar', 'name_en'])
            .where('id', 'in', ctx.orgIds)
            .orderBy('id')
            .execute()
        : Promise.resolve([]),
    ]);
    if (grant) {
      await audit(db, req.now, {
        actorUserId: ctx.actor.user!.id,
        action: 'coordination.emergency.viewed',
        targetType: 'workspace',
        targetId: org.id,
        organizationId: org.id,
        ip: req.ip,
      });
    }
    return renderPage(
      req,
      reply,
      <WorkspacePage
        org={org}
        myOrgs={myOrgs}
        mode={grant ? 'emergency' : 'member'}
        emergencyExpiresAt={grant?.expires_at ?? null}
        notices={notices}
        history={history}
        departure={departure ?? null}
        canEdit={authorize(ctx.actor, 'edit', res)}
        canManage={canManage}
        items={items}
        people={people}
        {...extra}
      />,
      status,
    );
  }

  app.get('/workspace', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    if (ctx.orgIds.length) {
      const w = await loadWorkspace(req, String(ctx.orgIds[0]));
      if (!w) return reply.callNotFound();
      return renderWorkspace(req, reply, w);
    }
    const canEmergency = isNetworkAdmin(ctx.actor, ctx.network.id);
    const orgs = canEmergency ? await activeOrganizations(db, ctx.network.id) : [];
    return renderPage(req, reply, <NoWorkspacePage orgs={orgs} canEmergency={canEmergency} />);
  });

  app.get('/workspace/shared', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    const items = await listSharedWith(db, ctx.orgIds, ctx.network.id, isNetworkMember(ctx.actor, ctx.network.id));
    return renderPage(req, reply, <SharedPage items={items} />);
  });

  app.get('/workspace/:orgId', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'view', w.res)) return reply.callNotFound();
    return renderWorkspace(req, reply, w);
  });

  app.post('/workspace/:orgId/notes', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'edit', w.res)) return reply.callNotFound();
    const form = parseForm(noteForm, req.body, req.i18n);
    if (!form.ok) return renderWorkspace(req, reply, w, { errors: form.errors, values: form.raw, form: 'note' }, 400);
    const id = await createItem(
      db,
      w.org.id,
      { kind: 'note', title: form.data.title, body: form.data.body, userId: req.actor.user!.id },
      req.now,
    );
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/items/${id}`);
  });

  app.post('/workspace/:orgId/documents', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'edit', w.res)) return reply.callNotFound();
    const form = parseForm(documentForm, req.body, req.i18n);
    const bad = (errors: Record<string, string>) =>
      renderWorkspace(req, reply, w, { errors, values: form.raw, form: 'document' }, 400);
    if (!form.ok) return bad(form.errors);
    if (!isUpload(form.data.file)) return bad({ file: req.i18n.t('form.required') });
    const saved = await savePrivateFile(
      app.wasl,
      form.data.file,
      { userId: req.actor.user!.id, organizationId: w.org.id },
      req.i18n,
      req.now,
    );
    if (!saved.ok) return bad({ file: saved.error });
    const id = await createItem(
      db,
      w.org.id,
      {
        kind: 'document',
        title: form.data.title,
        body: form.data.body,
        userId: req.actor.user!.id,
        file: { ...saved, note: form.data.note },
      },
      req.now,
    );
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/items/${id}`);
  });

  app.post('/workspace/:orgId/people', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'manage', w.res)) return reply.callNotFound();
    const form = parseForm(personRoleForm, req.body, req.i18n);
    if (!form.ok) return renderWorkspace(req, reply, w, { errors: form.errors }, 400);
    const ok = await setPersonRole(
      db,
      w.org.id,
      form.data.user_id,
      {
        title: form.data.title,
        executiveDirector: form.data.executive_director,
        representative: form.data.representative,
      },
      req.now,
    );
    if (!ok) return reply.callNotFound();
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.people.roleChanged',
      targetType: 'user',
      targetId: form.data.user_id,
      organizationId: w.org.id,
      details: { executiveDirector: form.data.executive_director, representative: form.data.representative },
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/${w.org.id}`);
  });

  app.get('/workspace/:orgId/export', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'manage', w.res)) return reply.callNotFound();
    const zip = await buildExport(app.wasl, w.org.id, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.export',
      targetType: 'organization',
      targetId: w.org.id,
      organizationId: w.org.id,
      details: { bytes: zip.length },
      ip: req.ip,
    });
    const day = req.now.toISOString().slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="wasl-organization-${w.org.id}-${day}.zip"`)
      .header('cache-control', 'private, no-store')
      .type('application/zip')
      .send(Buffer.from(zip));
  });

  app.post('/workspace/:orgId/leave', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'manage', w.res)) return reply.callNotFound();
    const form = parseForm(leaveForm, req.body, req.i18n);
    const typed = form.ok ? form.data.confirm_name : '';
    if (typed !== w.org.name_ar.trim() && typed !== w.org.name_en.trim()) {
      const errors = { confirm_name: req.i18n.t('coordination.leave.mismatch') };
      return renderWorkspace(req, reply, w, { errors, values: form.raw, form: 'leave' }, 400);
    }
    const effective = await requestDeparture(db, w.org.id, req.actor.user!.id, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.departure.requested',
      targetType: 'organization',
      targetId: w.org.id,
      organizationId: w.org.id,
      details: { effectiveAt: effective },
      ip: req.ip,
    });
    reply.flashNext('coordination.leave.requested');
    return seeOther(reply, `/workspace/${w.org.id}`);
  });

  app.post('/workspace/:orgId/leave/cancel', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'manage', w.res)) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await cancelDeparture(db, w.org.id, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.departure.cancelled',
      organizationId: w.org.id,
      ip: req.ip,
    });
    reply.flashNext('coordination.leave.cancelled');
    return seeOther(reply, `/workspace/${w.org.id}`);
  });

  // ——— emergency access (network admins) ———
  app.get('/workspace/:orgId/emergency', { config: { access: 'networkAdmin' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'openEmergency', w.res)) return reply.callNotFound();
    return renderPage(req, reply, <EmergencyPage org={w.org} active={w.grant} />);
  });

  app.post('/workspace/:orgId/emergency', { config: { access: 'networkAdmin' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'openEmergency', w.res)) return reply.callNotFound();
    const form = parseForm(emergencyForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <EmergencyPage org={w.org} active={null} errors={form.errors} values={form.raw} />,
        400,
      );
    const grant = await openEmergency(db, w.org.id, req.actor.user!.id, form.data.reason, form.data.hours, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.emergency.opened',
      targetType: 'workspace',
      targetId: w.org.id,
      organizationId: w.org.id,
      details: { grantId: grant.id, reason: form.data.reason, hours: form.data.hours, expiresAt: grant.expiresAt },
      ip: req.ip,
    });
    return seeOther(reply, `/workspace/${w.org.id}`);
  });

  app.post('/workspace/:orgId/emergency/end', { config: { access: 'networkAdmin' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'openEmergency', w.res)) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await endEmergency(db, w.org.id, req.actor.user!.id, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.emergency.ended',
      targetType: 'workspace',
      targetId: w.org.id,
      organizationId: w.org.id,
      ip: req.ip,
    });
    return seeOther(reply, '/workspace');
  });

  app.post('/workspace/:orgId/emergency/acknowledge', { config: { access: 'member' } }, async (req: Req, reply) => {
    const w = await loadWorkspace(req, req.params.orgId);
    if (!w || !authorize(w.ctx.actor, 'manage', w.res)) return reply.callNotFound();
    const form = parseForm(idForm, req.body, req.i18n);
    if (!form.ok) return renderWorkspace(req, reply, w, { errors: form.errors }, 400);
    const ok = await acknowledgeEmergency(db, w.org.id, form.data.id, req.actor.user!.id, req.now);
    if (!ok) return reply.callNotFound();
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.emergency.acknowledged',
      targetType: 'emergency',
      targetId: form.data.id,
      organizationId: w.org.id,
      ip: req.ip,
    });
    return seeOther(reply, `/workspace/${w.org.id}`);
  });

  // ——— items ———
  async function loadItem(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const item = await getItem(db, id);
    if (!item || item.network_id !== ctx.network.id || item.org_status !== 'active') return null;
    const member = ctx.actor.orgRoles.has(item.organization_id);
    const grant =
      !member && ctx.actor.user && isNetworkAdmin(ctx.actor, ctx.network.id)
        ? await activeEmergency(db, item.organization_id, ctx.actor.user.id, req.now)
        : undefined;
    const res: ItemResource = {
      type: 'coord.item',
      orgId: item.organization_id,
      networkId: ctx.network.id,
      sharing: item.sharing,
      sharedOrgIds: item.shares.map((s) => s.id),
      emergency: !!grant,
    };
    if (!authorize(ctx.actor, 'view', res)) return null;
    return { ctx, item, res, grant: grant ?? null };
  }

  async function renderItem(
    req: FastifyRequest,
    reply: FastifyReply,
    l: NonNullable<Awaited<ReturnType<typeof loadItem>>>,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown> } = {},
    status = 200,
  ) {
    const canEdit = authorize(l.ctx.actor, 'edit', l.res);
    const [versions, orgs] = await Promise.all([
      l.item.kind === 'document' ? listVersions(db, l.item.id, l.item.organization_id) : Promise.resolve([]),
      canEdit ? activeOrganizations(db, l.ctx.network.id) : Promise.resolve([]),
    ]);
    if (l.grant)
      await audit(db, req.now, {
        actorUserId: req.actor.user!.id,
        action: 'coordination.emergency.viewed',
        targetType: 'item',
        targetId: l.item.id,
        organizationId: l.item.organization_id,
        ip: req.ip,
      });
    return renderPage(
      req,
      reply,
      <ItemPage
        item={l.item}
        versions={versions}
        canEdit={canEdit}
        canSeeVersions
        orgs={orgs.filter((o) => o.id !== l.item.organization_id)}
        {...extra}
      />,
      status,
    );
  }

  app.get('/workspace/items/:id', { config: { access: 'public' } }, async (req: Req, reply) => {
    const l = await loadItem(req, req.params.id);
    if (!l) return reply.callNotFound();
    return renderItem(req, reply, l);
  });

  app.get(
    '/workspace/items/:id/versions/:versionId/file',
    { config: { access: 'public' } },
    async (req: Req, reply) => {
      const l = await loadItem(req, req.params.id);
      const versionId = parseId(req.params.versionId);
      if (!l || !versionId || l.item.kind !== 'document') return reply.callNotFound();
      const v = await getVersion(db, l.item.id, versionId, l.item.organization_id);
      if (!v) return reply.callNotFound();
      if (l.grant)
        await audit(db, req.now, {
          actorUserId: req.actor.user!.id,
          action: 'coordination.emergency.downloaded',
          targetType: 'item',
          targetId: l.item.id,
          organizationId: l.item.organization_id,
          ip: req.ip,
        });
      const sent = await sendPrivateFile(app.wasl, reply, v.media_id, v.filename);
      return sent ?? reply.callNotFound();
    },
  );

  app.post('/workspace/items/:id/edit', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadItem(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'edit', l.res)) return reply.callNotFound();
    const form = parseForm(itemEditForm, req.body, req.i18n);
    if (!form.ok) return renderItem(req, reply, l, { errors: form.errors, values: form.raw }, 400);
    await updateItem(db, l.item.id, l.item.organization_id, form.data, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/items/${l.item.id}`);
  });

  app.post('/workspace/items/:id/sharing', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadItem(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'edit', l.res)) return reply.callNotFound();
    const form = parseForm(sharingForm, req.body, req.i18n);
    if (!form.ok) return renderItem(req, reply, l, { errors: form.errors }, 400);
    if (form.data.sharing === 'orgs' && !form.data.orgs.length)
      return renderItem(req, reply, l, { errors: { orgs: req.i18n.t('coordination.sharing.chooseOrgs') } }, 400);
    await setSharing(
      db,
      l.item.id,
      l.item.organization_id,
      l.ctx.network.id,
      form.data.sharing,
      form.data.orgs,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.item.sharing',
      targetType: 'item',
      targetId: l.item.id,
      organizationId: l.item.organization_id,
      details: { sharing: form.data.sharing, orgs: form.data.orgs },
      ip: req.ip,
    });
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/items/${l.item.id}`);
  });

  app.post('/workspace/items/:id/versions', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadItem(req, req.params.id);
    if (!l || l.item.kind !== 'document' || !authorize(l.ctx.actor, 'edit', l.res)) return reply.callNotFound();
    const form = parseForm(versionForm, req.body, req.i18n);
    if (!form.ok) return renderItem(req, reply, l, { errors: form.errors }, 400);
    if (!isUpload(form.data.file))
      return renderItem(req, reply, l, { errors: { file: req.i18n.t('form.required') } }, 400);
    const saved = await savePrivateFile(
      app.wasl,
      form.data.file,
      { userId: req.actor.user!.id, organizationId: l.item.organization_id },
      req.i18n,
      req.now,
    );
    if (!saved.ok) return renderItem(req, reply, l, { errors: { file: saved.error } }, 400);
    await addVersion(
      db,
      l.item.id,
      l.item.organization_id,
      { ...saved, note: form.data.note },
      req.actor.user!.id,
      req.now,
    );
    reply.flashNext('common.saved');
    return seeOther(reply, `/workspace/items/${l.item.id}`);
  });

  app.post('/workspace/items/:id/delete', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadItem(req, req.params.id);
    if (!l || !authorize(l.ctx.actor, 'edit', l.res)) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    const media = await deleteItem(db, l.item.id, l.item.organization_id);
    await removeMedia(app.wasl, media);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.item.deleted',
      targetType: 'item',
      targetId: l.item.id,
      organizationId: l.item.organization_id,
      ip: req.ip,
    });
    reply.flashNext('common.deleted');
    return seeOther(reply, `/workspace/${l.item.organization_id}`);
  });
};
