// Member workspaces: /workspace, items and their files, sharing, people and roles, export,
// leaving the network, and the emergency access of network admins.
import { action, endpoint, form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import type { ActionOf } from '../../../core/auth/authorize.js';
import type { FormState } from '../../../core/views/forms.js';
import { coord, type CoordContext } from '../context.js';
import { isNetworkAdmin, isNetworkMember, type ItemResource, type WorkspaceResource } from '../permissions.js';
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
import { savePrivateFile, sendPrivateFile } from '../files.js';
import {
  activeEmergency,
  activeOrganizations,
  emergencyHistory,
  getActiveOrganization,
  getItem,
  getVersion,
  listOwnItems,
  listPeople,
  listSharedWith,
  listVersions,
  organizationsByIds,
  pendingDeparture,
  unacknowledgedEmergencies,
} from './queries.js';
import {
  acknowledgeEmergency,
  addVersion,
  cancelDeparture,
  createItem,
  deleteItem,
  endEmergency,
  openEmergency,
  requestDeparture,
  setPersonRole,
  setSharing,
  updateItem,
} from './actions.js';
import { buildExport } from './export.js';
import { offerDownload } from '../../../core/downloads/index.js';
import { staffOf, tell } from '../notify.js';
import { EmergencyPage, ItemPage, NoWorkspacePage, SharedPage, WorkspacePage } from './views.js';

/** A network admin's running emergency grant on an organization they are not part of. */
async function grantOf(c: AnyCtx, ctx: CoordContext, orgId: number) {
  if (ctx.actor.orgRoles.has(orgId) || !ctx.actor.user || !isNetworkAdmin(ctx.actor, ctx.network.id)) return null;
  return (await activeEmergency(c.db, orgId, ctx.actor.user.id, c.now)) ?? null;
}

/** The workspace an actor may open: its own, or another under a running emergency grant. */
async function loadWorkspace(c: AnyCtx, ctx: CoordContext, orgId: number) {
  const org = (await getActiveOrganization(c.db, ctx.network.id, orgId)) ?? notFound();
  const grant = await grantOf(c, ctx, org.id);
  const res: WorkspaceResource = {
    type: 'coord.workspace',
    orgId: org.id,
    networkId: ctx.network.id,
    emergency: !!grant,
  };
  return { ctx, org, res, grant };
}
type Workspace = Awaited<ReturnType<typeof loadWorkspace>>;

const workspace =
  (act: ActionOf<WorkspaceResource>) =>
  async (c: AnyCtx): Promise<Workspace> => {
    const w = await loadWorkspace(c, await coord(c), c.id('orgId'));
    return w.ctx.can(act, w.res) ? w : notFound();
  };

async function workspacePage(c: AnyCtx, w: Workspace, state: FormState | null = null) {
  const { ctx, org, res, grant } = w;
  const canManage = ctx.can('manage', res);
  const [items, people, notices, history, departure, myOrgs] = await Promise.all([
    listOwnItems(c.db, org.id),
    listPeople(c.db, org.id),
    canManage ? unacknowledgedEmergencies(c.db, org.id) : [],
    canManage ? emergencyHistory(c.db, org.id) : [],
    pendingDeparture(c.db, org.id),
    organizationsByIds(c.db, ctx.orgIds),
  ]);
  // Each look under an emergency grant is on record.
  if (grant)
    await c.audit('coordination.emergency.viewed', {
      targetType: 'workspace',
      targetId: org.id,
      organizationId: org.id,
    });
  return (
    <WorkspacePage
      org={org}
      myOrgs={myOrgs}
      mode={grant ? 'emergency' : 'member'}
      emergencyExpiresAt={grant?.expires_at ?? null}
      notices={notices}
      history={history}
      departure={departure ?? null}
      canEdit={ctx.can('edit', res)}
      canManage={canManage}
      items={items}
      people={people}
      state={state}
    />
  );
}

/** An item the actor may see (and, for 'edit', change). */
const item =
  (act: 'view' | 'edit') =>
  async (c: AnyCtx): Promise<LoadedItem> => {
    const ctx = await coord(c);
    const it = await getItem(c.db, c.id('id'));
    if (!it || it.network_id !== ctx.network.id || it.org_status !== 'active') notFound();
    const grant = await grantOf(c, ctx, it.organization_id);
    const res: ItemResource = {
      type: 'coord.item',
      orgId: it.organization_id,
      networkId: ctx.network.id,
      sharing: it.sharing,
      sharedOrgIds: it.shares.map((s) => s.id),
      emergency: !!grant,
    };
    if (!ctx.can('view', res) || !ctx.can(act, res)) notFound();
    return { ctx, item: it, res, grant };
  };
type LoadedItem = {
  ctx: CoordContext;
  item: NonNullable<Awaited<ReturnType<typeof getItem>>>;
  res: ItemResource;
  grant: Awaited<ReturnType<typeof grantOf>>;
};

async function itemPage(c: AnyCtx, l: LoadedItem, state: FormState | null = null) {
  const canEdit = l.ctx.can('edit', l.res);
  const [versions, orgs] = await Promise.all([
    l.item.kind === 'document' ? listVersions(c.db, l.item.id, l.item.organization_id) : [],
    canEdit ? activeOrganizations(c.db, l.ctx.network.id) : [],
  ]);
  if (l.grant) await c.audit('coordination.emergency.viewed', itemTarget(l));
  return (
    <ItemPage
      item={l.item}
      versions={versions}
      canEdit={canEdit}
      orgs={orgs.filter((o) => o.id !== l.item.organization_id)}
      state={state}
    />
  );
}

const itemTarget = (l: LoadedItem) => ({
  targetType: 'item',
  targetId: l.item.id,
  organizationId: l.item.organization_id,
});
const toItem = (l: LoadedItem) => `/workspace/items/${l.item.id}`;
const toWorkspace = (w: Workspace) => `/workspace/${w.org.id}`;
const workspaceTarget = (type: string, w: Workspace) => ({
  targetType: type,
  targetId: w.org.id,
  organizationId: w.org.id,
});

const access = 'member' as const;

export const workspaceRoutes = [
  page('/workspace', {
    access,
    async render(c) {
      const ctx = await coord(c);
      if (ctx.orgIds.length) return workspacePage(c, await loadWorkspace(c, ctx, ctx.orgIds[0]!));
      const canEmergency = isNetworkAdmin(ctx.actor, ctx.network.id);
      const orgs = canEmergency ? await activeOrganizations(c.db, ctx.network.id) : [];
      return <NoWorkspacePage orgs={orgs} canEmergency={canEmergency} />;
    },
  }),

  page('/workspace/shared', {
    access,
    async render(c) {
      const ctx = await coord(c);
      const items = await listSharedWith(c.db, ctx.orgIds, ctx.network.id, isNetworkMember(ctx.actor, ctx.network.id));
      return <SharedPage items={items} />;
    },
  }),

  page('/workspace/:orgId', { access, load: workspace('view'), render: (c, w) => workspacePage(c, w) }),

  form('/workspace/:orgId/notes', {
    access,
    load: workspace('edit'),
    schema: noteForm,
    show: workspacePage,
    async save(c, w, data) {
      const id = await createItem(c.db, w.org.id, { kind: 'note', ...data, userId: c.user.id }, c.now);
      return `/workspace/items/${id}`;
    },
  }),

  form('/workspace/:orgId/documents', {
    access,
    load: workspace('edit'),
    schema: documentForm,
    show: workspacePage,
    async save(c, w, { file, note, ...data }) {
      const owner = { userId: c.user.id, organizationId: w.org.id };
      const saved = (await savePrivateFile(c.wasl, file, owner, c.i18n, c.now))!;
      const input = { kind: 'document' as const, ...data, userId: c.user.id, file: { ...saved, note } };
      return `/workspace/items/${await createItem(c.db, w.org.id, input, c.now)}`;
    },
  }),

  form('/workspace/:orgId/people', {
    access,
    load: workspace('manage'),
    schema: personRoleForm,
    show: workspacePage,
    async save(c, w, data) {
      const roles = { executiveDirector: data.executive_director, representative: data.representative };
      const ok = await setPersonRole(c.db, w.org.id, data.user_id, { title: data.title, ...roles }, c.now);
      if (!ok) notFound();
      await c.audit('coordination.people.roleChanged', {
        targetType: 'user',
        targetId: data.user_id,
        organizationId: w.org.id,
        details: roles,
      });
      return toWorkspace(w);
    },
  }),

  endpoint('GET', '/workspace/:orgId/export', {
    access,
    load: workspace('manage'),
    fresh: true, // everything the organization holds: asked again on a session left open
    // Built while the person waits a moment; a large one is finished on its own page (core/downloads).
    handle: (c, w) =>
      offerDownload(c, {
        fileName: `wasl-organization-${w.org.id}-${c.now.toISOString().slice(0, 10)}.zip`,
        contentType: 'application/zip',
        backTo: `/workspace/${w.org.id}`,
        build: () => buildExport(c.wasl, w.org.id, c.now),
        built: (bytes) => c.audit('coordination.export', { ...workspaceTarget('organization', w), details: { bytes } }),
      }),
  }),

  form('/workspace/:orgId/leave', {
    access,
    load: workspace('manage'),
    schema: leaveForm,
    show: workspacePage,
    check(c, w, data) {
      if (data.confirm_name !== w.org.name_ar.trim() && data.confirm_name !== w.org.name_en.trim())
        return { confirm_name: c.t('coordination.leave.mismatch') };
    },
    async save(c, w) {
      const effective = await requestDeparture(c.db, w.org.id, c.user.id, c.now);
      await c.audit('coordination.departure.requested', {
        ...workspaceTarget('organization', w),
        details: { effectiveAt: effective },
      });
      return { to: toWorkspace(w), flash: 'coordination.leave.requested' };
    },
  }),

  action('/workspace/:orgId/leave/cancel', {
    access,
    load: workspace('manage'),
    schema: emptyForm,
    async run(c, w) {
      await cancelDeparture(c.db, w.org.id, c.now);
      await c.audit('coordination.departure.cancelled', { organizationId: w.org.id });
      return { to: toWorkspace(w), flash: 'coordination.leave.cancelled' };
    },
  }),

  // ——— emergency access (network admins) ———
  form('/workspace/:orgId/emergency', {
    access: 'networkAdmin',
    get: true,
    load: workspace('openEmergency'),
    fresh: true, // into another organization's private workspace: asked again on a session left open
    schema: emergencyForm,
    show: (_c, w, state) => <EmergencyPage org={w.org} active={state ? null : w.grant} state={state} />,
    flash: null,
    async save(c, w, data) {
      const grant = await openEmergency(c.db, w.org.id, c.user.id, data.reason, data.hours, c.now);
      await c.audit('coordination.emergency.opened', {
        ...workspaceTarget('workspace', w),
        details: { grantId: grant.id, reason: data.reason, hours: data.hours, expiresAt: grant.expiresAt },
      });
      // The organization's admins hear of it at once (not only on their next visit to the workspace).
      await tell(c, 'emergencyOpened', await staffOf(c.db, w.org.id, true), toWorkspace(w), {});
      return toWorkspace(w);
    },
  }),

  action('/workspace/:orgId/emergency/end', {
    access: 'networkAdmin',
    load: workspace('openEmergency'),
    schema: emptyForm,
    async run(c, w) {
      const ended = await endEmergency(c.db, w.org.id, c.user.id, c.now);
      await c.audit('coordination.emergency.ended', workspaceTarget('workspace', w));
      if (ended) await tell(c, 'emergencyEnded', await staffOf(c.db, w.org.id, true), toWorkspace(w), {});
      return '/workspace';
    },
  }),

  form('/workspace/:orgId/emergency/acknowledge', {
    access,
    load: workspace('manage'),
    schema: idForm,
    show: workspacePage,
    flash: null,
    async save(c, w, data) {
      if (!(await acknowledgeEmergency(c.db, w.org.id, data.id, c.user.id, c.now))) notFound();
      await c.audit('coordination.emergency.acknowledged', {
        targetType: 'emergency',
        targetId: data.id,
        organizationId: w.org.id,
      });
      return toWorkspace(w);
    },
  }),

  // ——— items ———
  page('/workspace/items/:id', { access: 'public', load: item('view'), render: (c, l) => itemPage(c, l) }),

  endpoint('GET', '/workspace/items/:id/versions/:versionId/file', {
    access: 'public',
    load: item('view'),
    async handle(c, l) {
      if (l.item.kind !== 'document') notFound();
      const v = (await getVersion(c.db, l.item.id, c.id('versionId'), l.item.organization_id)) ?? notFound();
      if (l.grant) await c.audit('coordination.emergency.downloaded', itemTarget(l));
      return (await sendPrivateFile(c.wasl, c.reply, v.media_id, v.filename)) ?? notFound();
    },
  }),

  form('/workspace/items/:id/edit', {
    access,
    load: item('edit'),
    schema: (_c, l) => itemEditForm(l.item.kind),
    show: itemPage,
    async save(c, l, data) {
      await updateItem(c.db, l.item.id, l.item.organization_id, data, c.now);
      return toItem(l);
    },
  }),

  form('/workspace/items/:id/sharing', {
    access,
    load: item('edit'),
    schema: sharingForm,
    show: itemPage,
    check: (c, _l, data) =>
      data.sharing === 'orgs' && !data.orgs.length ? { orgs: c.t('coordination.sharing.chooseOrgs') } : undefined,
    async save(c, l, data) {
      await setSharing(c.db, l.item.id, l.item.organization_id, l.ctx.network.id, data.sharing, data.orgs, c.now);
      await c.audit('coordination.item.sharing', { ...itemTarget(l), details: data });
      return toItem(l);
    },
  }),

  form('/workspace/items/:id/versions', {
    access,
    load: async (c) => {
      const l = await item('edit')(c);
      return l.item.kind === 'document' ? l : notFound();
    },
    schema: versionForm,
    show: itemPage,
    async save(c, l, { file, note }) {
      const owner = { userId: c.user.id, organizationId: l.item.organization_id };
      const saved = (await savePrivateFile(c.wasl, file, owner, c.i18n, c.now))!;
      await addVersion(c.db, l.item.id, l.item.organization_id, { ...saved, note }, c.user.id, c.now);
      return toItem(l);
    },
  }),

  action('/workspace/items/:id/delete', {
    access,
    load: item('edit'),
    schema: emptyForm,
    async run(c, l) {
      await deleteItem(c.wasl, l.item.id, l.item.organization_id);
      await c.audit('coordination.item.deleted', itemTarget(l));
      return { to: `/workspace/${l.item.organization_id}`, flash: 'common.deleted' };
    },
  }),
];
