// Per-request context for coordination: the network, and the actor as coordination sees it —
// memberships in organizations that have left the network (or belong to another network) do
// not count. Computed once per request.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db/index.js';
import { getDefaultNetwork } from '../organizations/queries.js';

export type CoordContext = {
  network: { id: number; name_ar: string; name_en: string };
  actor: Actor;
  /** active member organizations of this network where the actor has a role, by id */
  orgIds: number[];
};

const cache = new WeakMap<FastifyRequest, Promise<CoordContext | null>>();

export function coordContext(req: FastifyRequest): Promise<CoordContext | null> {
  let p = cache.get(req);
  if (!p) {
    p = load(req.server.wasl.db, req.actor);
    cache.set(req, p);
  }
  return p;
}

async function load(db: Db, actor: Actor): Promise<CoordContext | null> {
  const network = await getDefaultNetwork(db);
  if (!network) return null;
  const ids = [...actor.orgRoles.keys()];
  const active = ids.length
    ? await db
        .selectFrom('organizations')
        .select('id')
        .where('id', 'in', ids)
        .where('network_id', '=', network.id)
        .where('status', '=', 'active')
        .execute()
    : [];
  const keep = new Set(active.map((r) => r.id));
  const orgRoles = new Map([...actor.orgRoles].filter(([id]) => keep.has(id)));
  return {
    network: { id: network.id, name_ar: network.name_ar, name_en: network.name_en },
    actor: { ...actor, orgRoles },
    orgIds: [...keep].sort((a, b) => a - b),
  };
}

/** Parses a positive integer id from a route parameter; null for anything else. */
export function parseId(v: string | undefined): number | null {
  if (!v || !/^\d{1,10}$/.test(v)) return null;
  const n = Number(v);
  return n > 0 && n < 2 ** 31 ? n : null;
}
