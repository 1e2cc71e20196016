// Per-request context for coordination: the network, and the actor as coordination sees it —
// memberships in organizations that have left the network (or belong to another network) do
// not count. Computed once per request. Every coordination route authorizes with `ctx.can`, which
// asks the policies about this actor (not the request's raw one).
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.js';
import { authorize, type ActionOf, type AnyResource } from '../../core/auth/authorize.js';
import type { Db } from '../../core/db/index.js';
import { notFound, type AnyCtx } from '../../core/http/route.js';
import { getDefaultNetwork } from '../organizations/queries.js';
import { isNetworkMember } from './permissions.js';
import { columnOf } from './records.js';

export type CoordContext = {
  network: { id: number; name_ar: string; name_en: string };
  actor: Actor;
  /** active member organizations of this network where the actor has a role, by id */
  orgIds: number[];
  /** May this actor (memberships of active members only) do that? */
  can<R extends AnyResource>(action: ActionOf<R>, resource: R): boolean;
};

/** Who is asking, as the list queries filter by it. */
export type Viewer = { userId: number | null; actingOrgIds: number[]; networkMember: boolean };

const cache = new WeakMap<FastifyRequest, Promise<CoordContext | null>>();

export function coordContext(req: FastifyRequest): Promise<CoordContext | null> {
  let p = cache.get(req);
  if (!p) {
    p = loadCoordContext(req.server.wasl.db, req.actor);
    cache.set(req, p);
  }
  return p;
}

/** The context of a route: the network and the actor, or a 404 when there is no network. */
export async function coord(c: AnyCtx): Promise<CoordContext> {
  return (await coordContext(c.req)) ?? notFound();
}

/** The context of any actor (the calendar feed computes its owner's). */
export async function loadCoordContext(db: Db, actor: Actor): Promise<CoordContext | null> {
  const network = await getDefaultNetwork(db);
  if (!network) return null;
  const ids = [...actor.orgRoles.keys()];
  const keep = new Set(
    await columnOf(db, 'organizations', 'id', { id: ids, network_id: network.id, status: 'active' }),
  );
  const orgRoles = new Map([...actor.orgRoles].filter(([id]) => keep.has(id)));
  const scoped: Actor = { ...actor, orgRoles };
  return {
    network: { id: network.id, name_ar: network.name_ar, name_en: network.name_en },
    actor: scoped,
    orgIds: [...keep].sort((a, b) => a - b),
    can: (action, resource) => authorize(scoped, action, resource),
  };
}

export function viewerOf(ctx: CoordContext): Viewer {
  return {
    userId: ctx.actor.user?.id ?? null,
    actingOrgIds: ctx.orgIds,
    networkMember: isNetworkMember(ctx.actor, ctx.network.id),
  };
}
