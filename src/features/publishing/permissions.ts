// Who may do what to a publishing item. Deny by default.
//
// - Anyone sees a published item. An organization's draft is its own until its admin submits it:
//   only its staff see it (not the network's editors). From submission on, the workflow is seen by
//   the organization's staff and the network's editors; anyone else gets a 404.
// - Org staff (and admins) write drafts for their own organization, and edit them while they are
//   drafts, returned or unpublished. Only the organization's admin submits.
// - A network editor (or network admin) publishes, schedules, returns with a comment, features,
//   unpublishes, and edits at any stage; news and static pages are theirs alone.
import { definePolicy } from '../../core/auth/authorize.js';
import { hasNetworkRole, orgRole, type Actor } from '../../core/auth/actor.js';
import { notFound, type AnyCtx } from '../../core/http/route.js';
import type { ItemKind, ItemStatus } from './tables.js';
import { ORG_KINDS, getItem, live, type ItemRow } from './queries.js';
import { getDefaultNetwork } from '../organizations/queries.js';

export type ItemResource = {
  type: 'publishingItem';
  id: number;
  networkId: number;
  organizationId: number | null;
  status: ItemStatus;
  kind: ItemKind;
};

export type NewItemResource = {
  type: 'publishingNew';
  networkId: number;
  organizationId: number | null;
  kind: ItemKind;
};

const EDITABLE_BY_ORG: ItemStatus[] = ['draft', 'returned', 'unpublished'];

export function isEditor(actor: Actor, networkId: number): boolean {
  return hasNetworkRole(actor, 'networkEditor', networkId);
}

function inOrg(actor: Actor, organizationId: number | null): boolean {
  return organizationId !== null && orgRole(actor, organizationId) !== null;
}

export function itemPolicy(actor: Actor, action: string, item: ItemResource): boolean {
  // An organization's never-submitted draft is private to it, editors included.
  const privateDraft = item.status === 'draft' && item.organizationId !== null;
  const editor = isEditor(actor, item.networkId) && !privateDraft;
  const member = inOrg(actor, item.organizationId);
  switch (action) {
    case 'view':
      return item.status === 'published' || editor || member;
    case 'viewWorkflow':
      return editor || member;
    case 'edit':
      return editor || (member && EDITABLE_BY_ORG.includes(item.status));
    case 'submit':
      return (
        EDITABLE_BY_ORG.includes(item.status) &&
        (editor || (item.organizationId !== null && orgRole(actor, item.organizationId) === 'orgAdmin'))
      );
    case 'publish':
      return (
        editor &&
        (item.status === 'submitted' ||
          item.status === 'scheduled' ||
          item.status === 'unpublished' ||
          (item.organizationId === null && EDITABLE_BY_ORG.includes(item.status)))
      );
    case 'return':
      return editor && (item.status === 'submitted' || item.status === 'scheduled');
    case 'feature':
      return editor && item.status === 'published';
    case 'unpublish':
      return editor && (item.status === 'published' || item.status === 'scheduled');
    default:
      return false;
  }
}

export function newItemPolicy(actor: Actor, action: string, r: NewItemResource): boolean {
  if (action !== 'create') return false;
  if (isEditor(actor, r.networkId)) return true;
  return inOrg(actor, r.organizationId) && ORG_KINDS.includes(r.kind);
}

const itemPolicyDef = definePolicy('publishingItem', itemPolicy);
const newItemPolicyDef = definePolicy('publishingNew', newItemPolicy);

export function asItem(row: {
  id: number;
  network_id: number;
  organization_id: number | null;
  status: ItemStatus;
  kind: ItemKind;
}): ItemResource {
  return {
    type: 'publishingItem',
    id: row.id,
    networkId: row.network_id,
    organizationId: row.organization_id,
    status: row.status,
    kind: row.kind,
  };
}

type ItemAction = 'view' | 'viewWorkflow' | 'edit' | 'submit' | 'publish' | 'return' | 'feature' | 'unpublish';

/**
 * The item of the path's `:id` as readers see it now (queries.ts `live`), if the person asking may
 * do `action` with it (and it is of `kind`, when given); anything else is a 404. Writes record a
 * due publication first (workspace/routes.tsx `settled`), once their input is accepted.
 */
export function itemLoader(action: ItemAction, kind?: ItemKind) {
  return async (c: AnyCtx): Promise<ItemRow> => {
    const id = c.id('id');
    const row = await getItem(c.db, id);
    const item = row ? live(row, c.now) : null;
    if (!item || (kind && item.kind !== kind) || !c.can(action, asItem(item))) notFound();
    return item;
  };
}

/** The item in the workspace: its workflow must be visible to the person asking, and `action` allowed. */
export function workflowItem(action: ItemAction = 'viewWorkflow') {
  const load = itemLoader(action);
  return async (c: AnyCtx): Promise<ItemRow> => {
    const item = await load(c);
    if (!c.can('viewWorkflow', asItem(item))) notFound();
    return item;
  };
}

/** The network the public site shows (a loader): none yet is a 404. */
export async function siteNetwork(c: AnyCtx): Promise<number> {
  return (await getDefaultNetwork(c.db))?.id ?? notFound();
}

/** This feature's policies, installed by the app from the manifest. */
export const publishingPolicies = [itemPolicyDef, newItemPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    publishingItem: {
      resource: ItemResource;
      action: ItemAction;
    };
    publishingNew: { resource: NewItemResource; action: 'create' };
  }
}
