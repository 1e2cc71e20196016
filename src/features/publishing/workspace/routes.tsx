// The editorial workspace: the dashboard, new items (an organization's, or the network's), the
// edit form, an item's workflow page and revisions, and the workflow's steps. A step the person
// may not take is a 404. See README.md.
import { FormErrors, form, notFound, page, type MemberCtx, type Next } from '../../../core/http/route.js';
import { bodyHtml } from '../markdown.js';
import { damascusLocalToDate } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { listOrganizations } from '../../organizations/queries.js';
import { asItem, isEditor, siteNetwork, workflowItem } from '../permissions.js';
import { ORG_KINDS, itemPath, liveCards, type ItemRow } from '../queries.js';
import {
  featureForm,
  itemForm,
  newItemQuery,
  publishForm,
  returnForm,
  submitForm,
  unpublishForm,
  type ItemFormData,
} from '../schemas.js';
import type { ItemKind } from '../tables.js';
import type { z } from 'zod';
import {
  createItem,
  publishIfDue,
  publishItem,
  returnItem,
  setFeatured,
  setMedia,
  submitItem,
  unpublishItem,
  updateItem,
} from './actions.js';
import { checkItem, editValues, saveUploads, toInput } from './item-form.js';
import { tellAboutItem } from './notify.js';
import {
  editorQueue,
  itemEvents,
  itemRevisions,
  listForOrganizations,
  listIssues,
  organizationsNamed,
} from './queries.js';
import { DashboardPage } from './views/dashboard.js';
import { EditPage } from './views/edit.js';
import { ItemAdminPage, RevisionPage } from './views/item.js';

/** The organizations the person works for. */
const ownOrganizations = (c: MemberCtx) => organizationsNamed(c.db, [...c.actor.orgRoles.keys()]);

/** What the item form offers: organizations (all of the network's for an editor) and dossiers. */
async function formChoices(c: MemberCtx, net: number) {
  const editor = isEditor(c.actor, net);
  const [orgOptions, issues] = await Promise.all([
    editor ? listOrganizations(c.db, net) : ownOrganizations(c).then((os) => os.filter((o) => o.network_id === net)),
    listIssues(c.db, net, c.now),
  ]);
  return { orgOptions, issues, allowNetwork: editor };
}

/** Writes act on the state readers see: a due scheduled item is recorded as published first. */
function settled<L extends ItemRow | { item: ItemRow }, D>(save: (c: MemberCtx, loaded: L, data: D) => Promise<Next>) {
  return async (c: MemberCtx, loaded: L, data: D) => {
    const id = 'item' in loaded ? loaded.item.id : loaded.id;
    if (await publishIfDue(c.db, id, c.now)) await tellAboutItem(c.wasl, 'published', id, null, c.now);
    return save(c, loaded, data);
  };
}

async function uploadsOrRefuse(c: MemberCtx, d: ItemFormData) {
  const uploads = await saveUploads(c, d, d.organization_id);
  if (Object.keys(uploads.errors).length) throw new FormErrors(uploads.errors);
  return uploads;
}

// New items: org staff write for their organizations (/publishing/new), editors for the network
// or any member organization (/publishing/network/new).
function newItemRoutes(mode: 'org' | 'network') {
  const path = mode === 'org' ? '/publishing/new' : '/publishing/network/new';
  const allowed = (c: MemberCtx, net: number, orgId: number | null, kind: ItemKind) =>
    (mode === 'network' ? isEditor(c.actor, net) : orgId !== null) &&
    c.can('create', { type: 'publishingNew', networkId: net, organizationId: orgId, kind });
  return form(path, {
    access: mode === 'org' ? 'orgStaff' : 'networkEditor',
    get: true,
    async load(c) {
      const { kind, org } = newItemQuery.parse(c.query);
      const net = await siteNetwork(c);
      const first = mode === 'org' ? ([...c.actor.orgRoles.keys()][0] ?? null) : null;
      // The page opens for the organization asked for (?org=). A submission names its organization
      // in the form (judged in `check`); here it is only asked whether the person may write this
      // kind at all, so that someone who may not learns nothing.
      const orgId = c.req.method === 'GET' ? (org ?? first) : first;
      if (!allowed(c, net, orgId, kind)) notFound();
      return { net, kind, orgId, ...(await formChoices(c, net)), allowNetwork: mode === 'network' };
    },
    schema: itemForm,
    show: (c, l, state) => (
      <EditPage
        kind={l.kind}
        action={`${path}?kind=${l.kind}`}
        formId={path}
        isNew
        values={{ organization_id: l.orgId ?? '', lang: c.locale === 'en' ? 'en' : 'ar' }}
        state={state}
        orgOptions={l.orgOptions}
        issues={l.issues}
        allowNetwork={l.allowNetwork}
        hasCover={false}
        hasFile={false}
      />
    ),
    async check(c, l, data) {
      const errors = await checkItem(c, l.net, l.kind, data, null);
      if (!errors.organization_id && !allowed(c, l.net, data.organization_id, l.kind))
        errors.organization_id = c.t('publishing.form.badOrganization');
      return errors;
    },
    async save(c, l, data) {
      const uploads = await uploadsOrRefuse(c, data);
      const id = await createItem(c.db, l.net, toInput(l.kind, data, null), c.user.id, c.now);
      if (uploads.cover) await setMedia(c.db, id, 'cover_media_id', uploads.cover);
      if (uploads.file) await setMedia(c.db, id, 'file_media_id', uploads.file);
      return { to: `/publishing/items/${id}`, flash: 'publishing.flash.saved' };
    },
  });
}

/** The item's workflow page, with the state of a refused step. */
async function adminPage(c: MemberCtx, item: ItemRow, state: FormState | null) {
  const [[card], events, revisions] = await Promise.all([
    liveCards(c.db, [item], c.now),
    itemEvents(c.db, item.id),
    itemRevisions(c.db, item.id),
  ]);
  const res = asItem(item);
  const published = item.status === 'published';
  return (
    <ItemAdminPage
      item={{
        ...card!,
        body_html: await bodyHtml(item),
        return_comment: item.return_comment,
        publish_at: item.publish_at,
      }}
      publicUrl={item.kind === 'page' && !published ? `/publishing/items/${item.id}` : itemPath(item)}
      can={{
        edit: c.can('edit', res),
        submit: c.can('submit', res),
        publish: c.can('publish', res),
        return: c.can('return', res),
        feature: c.can('feature', res),
        unpublish: c.can('unpublish', res),
      }}
      events={events}
      revisions={revisions}
      state={state}
    />
  );
}

/** An audit entry about the item (publication, scheduling, unpublishing, edits once published). */
const auditItem = (c: MemberCtx, action: string, item: ItemRow) =>
  c.audit(action, { targetType: 'publishing_item', targetId: item.id, organizationId: item.organization_id });

const showItem = (c: MemberCtx, item: ItemRow, state: FormState | null) => adminPage(c, item, state);
const back = (item: ItemRow) => `/publishing/items/${item.id}`;

/**
 * A workflow step, POST /publishing/items/:id/<step>: the item's policy must allow it (else a 404);
 * a refused one shows the item's page again; a due scheduled item is published first.
 */
function step<S extends z.ZodObject>(
  name: 'submit' | 'publish' | 'return' | 'feature' | 'unpublish',
  access: 'member' | 'networkEditor',
  schema: S,
  save: (c: MemberCtx, item: ItemRow, data: z.output<S>) => Promise<Next>,
  check?: (c: MemberCtx, item: ItemRow, data: z.output<S>) => Record<string, string | undefined>,
) {
  return form(`/publishing/items/:id/${name}`, {
    access,
    load: workflowItem(name),
    schema,
    show: showItem,
    check,
    save: settled(save),
  });
}

export const workspaceRoutes = [
  page('/publishing', {
    access: 'member',
    async render(c) {
      const orgs = await ownOrganizations(c);
      const nets = [...c.actor.networkRoles.keys()].filter((n) => isEditor(c.actor, n));
      const [items, queues] = await Promise.all([
        listForOrganizations(
          c.db,
          orgs.map((o) => o.id),
          c.now,
        ),
        Promise.all(nets.map((n) => editorQueue(c.db, n, c.now))),
      ]);
      return (
        <DashboardPage
          orgs={orgs.map((o) => ({
            ...o,
            canCreate: ORG_KINDS,
            items: items.filter((i) => i.organization?.id === o.id),
          }))}
          editor={nets.length ? { queue: queues.flat(), kinds: ['news', 'page', 'local_issue', 'resource'] } : null}
        />
      );
    },
  }),

  newItemRoutes('org'),
  newItemRoutes('network'),

  form('/publishing/items/:id/edit', {
    access: 'member',
    get: true,
    async load(c) {
      const item = await workflowItem('edit')(c);
      const [[card], choices] = await Promise.all([liveCards(c.db, [item], c.now), formChoices(c, item.network_id)]);
      const current = card!.organization;
      // The organization it already has stays a choice, whoever may edit it.
      const orgOptions =
        !current || choices.orgOptions.some((o) => o.id === current.id)
          ? choices.orgOptions
          : [...choices.orgOptions, current];
      return { item, card: card!, ...choices, orgOptions };
    },
    schema: itemForm,
    show: (_c, l, state) => (
      <EditPage
        kind={l.item.kind}
        action={`/publishing/items/${l.item.id}/edit`}
        formId={`/publishing/items/${l.item.id}/edit`}
        isNew={false}
        values={editValues(l.item, l.card)}
        state={state}
        orgOptions={l.orgOptions}
        issues={l.issues}
        allowNetwork={l.allowNetwork}
        hasCover={!!l.item.cover_media_id}
        hasFile={!!l.item.file_media_id}
      />
    ),
    async check(c, { item }, data) {
      const errors = await checkItem(c, item.network_id, item.kind, data, item.id);
      // Keeping the organization it already has is always allowed to whoever may edit the item.
      if (errors.organization_id && data.organization_id === item.organization_id) delete errors.organization_id;
      return errors;
    },
    save: settled(async (c, { item }, data: ItemFormData) => {
      const uploads = await uploadsOrRefuse(c, data);
      if (uploads.cover) await setMedia(c.db, item.id, 'cover_media_id', uploads.cover);
      if (uploads.file) await setMedia(c.db, item.id, 'file_media_id', uploads.file);
      await updateItem(c.db, item.id, toInput(item.kind, data, item.project_id), c.user.id, c.now);
      if (item.status === 'published') await auditItem(c, 'publishing.published_item_edited', item);
      return { to: back(item), flash: 'publishing.flash.saved' };
    }),
  }),

  page('/publishing/items/:id', {
    access: 'member',
    load: workflowItem(),
    render: (c, item) => showItem(c, item, null),
  }),

  page('/publishing/items/:id/revisions/:n', {
    access: 'member',
    load: workflowItem(),
    async render(c, item) {
      const n = c.id('n');
      const rev = (await itemRevisions(c.db, item.id)).find((r) => r.number === n) ?? notFound();
      return <RevisionPage itemId={item.id} lang={item.lang} revision={rev} html={await bodyHtml(rev)} />;
    },
  }),

  // The workflow's steps: each checks the item's policy (a step one may not take is a 404),
  // changes state in one transaction, and answers 303 back to the item.
  step('submit', 'member', submitForm, async (c, item, data) => {
    await submitItem(c.db, item.id, c.user.id, c.now, data.comment || null);
    await tellAboutItem(c.wasl, 'submitted', item.id, c.user.id, c.now);
    return { to: back(item), flash: 'publishing.flash.submitted' };
  }),

  step(
    'publish',
    'networkEditor',
    publishForm,
    async (c, item, data) => {
      const at = data.publish_at ? damascusLocalToDate(data.publish_at) : null;
      const later = !!at && at > c.now;
      await publishItem(c.db, item.id, c.user.id, c.now, at);
      await auditItem(c, later ? 'publishing.scheduled' : 'publishing.published', item);
      if (!later) await tellAboutItem(c.wasl, 'published', item.id, c.user.id, c.now);
      return { to: back(item), flash: later ? 'publishing.flash.scheduled' : 'publishing.flash.published' };
    },
    (c, _item, data) =>
      data.publish_at && !damascusLocalToDate(data.publish_at)
        ? { publish_at: c.t('publishing.form.badDateTime') }
        : {},
  ),

  step('return', 'networkEditor', returnForm, async (c, item, data) => {
    await returnItem(c.db, item.id, c.user.id, data.comment, c.now);
    await tellAboutItem(c.wasl, 'returned', item.id, c.user.id, c.now);
    return { to: back(item), flash: 'publishing.flash.returned' };
  }),

  step('feature', 'networkEditor', featureForm, async (c, item, data) => {
    await setFeatured(c.db, item.id, data.featured === '1', c.user.id, c.now);
    return back(item);
  }),

  step('unpublish', 'networkEditor', unpublishForm, async (c, item, data) => {
    await unpublishItem(c.db, item.id, c.user.id, c.now, data.comment || null);
    await auditItem(c, 'publishing.unpublished', item);
    return { to: back(item), flash: 'publishing.flash.unpublished' };
  }),
];
