// The HSDS 3.0 API under /api/hsds: public, read-only, JSON (or NDJSON with format=ndjson).
// Filters combine as AND. Bad or unknown parameters answer 400 with {error, message: {ar, en}}.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../core/db/index.js';
import { containsInsensitive } from '../../core/db/helpers.js';
import { searchDocuments } from '../../core/search/index.js';
import {
  loadGraph,
  onlyPublicServices,
  organizationListItem,
  organizationObject,
  serviceAtLocationListItem,
  serviceAtLocationObject,
  serviceListItem,
  serviceObject,
  ownFields,
  type Graph,
} from './hsds/export.js';
import { profileDocument } from './hsds/profile.js';
import { hxlCsv } from './hsds/hxl.js';
import { SPECS, type ObjectName } from './hsds/spec.js';
import { PUBLIC_STATUSES, SEARCH_KIND } from './queries.js';
import { audit } from '../../core/audit/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 50;
const NDJSON_BATCH = 200;

const param = {
  search: z.string().trim().min(1).max(200),
  page: z.coerce.number().int().min(1).max(1_000_000),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE),
  format: z.enum(['json', 'ndjson']),
  taxonomy_term_id: z.string().regex(UUID),
  taxonomy_id: z.string().regex(UUID),
  organization_id: z.string().regex(UUID),
  parent_id: z.string().regex(UUID),
  top_only: z.enum(['true', 'false', '1', '0']),
  modified_after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/)
    .refine((s) => !Number.isNaN(Date.parse(s))),
};
type ParamName = keyof typeof param;

const ENDPOINT_PARAMS: Record<string, ParamName[]> = {
  services: [
    'search',
    'page',
    'per_page',
    'format',
    'taxonomy_term_id',
    'taxonomy_id',
    'organization_id',
    'modified_after',
  ],
  service_at_locations: [
    'search',
    'page',
    'per_page',
    'format',
    'taxonomy_term_id',
    'taxonomy_id',
    'organization_id',
    'modified_after',
  ],
  organizations: ['search', 'page', 'per_page', 'format', 'modified_after'],
  taxonomies: ['search', 'page', 'per_page', 'format'],
  taxonomy_terms: ['search', 'page', 'per_page', 'format', 'taxonomy_id', 'parent_id', 'top_only'],
  item: [],
};

type Params = Partial<Record<ParamName, string | number>> & {
  page: number;
  per_page: number;
  format: 'json' | 'ndjson';
};

function badRequest(req: FastifyRequest, reply: FastifyReply, key: 'badParameter' | 'unknownParameter', name: string) {
  const i18n = req.server.wasl.i18n;
  const ar = i18n.translator('ar', { digits: 'latn' });
  const en = i18n.translator('en', { digits: 'latn' });
  const k = `services.api.${key}` as const;
  return reply
    .code(400)
    .type('application/json')
    .send({ error: k, parameter: name, message: { ar: ar.t(k, { name }), en: en.t(k, { name }) } });
}

/** Parses the query for an endpoint, or answers 400 and returns null. */
function parseParams(req: FastifyRequest, reply: FastifyReply, endpoint: string): Params | null {
  const allowed = new Set<string>(ENDPOINT_PARAMS[endpoint]);
  const out: Params = { page: 1, per_page: DEFAULT_PER_PAGE, format: 'json' };
  for (const [k, raw] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (!allowed.has(k)) {
      badRequest(req, reply, 'unknownParameter', k);
      return null;
    }
    const parsed = param[k as ParamName].safeParse(Array.isArray(raw) ? undefined : raw);
    if (!parsed.success) {
      badRequest(req, reply, 'badParameter', k);
      return null;
    }
    (out as Record<string, unknown>)[k] = parsed.data;
  }
  return out;
}

function page<T>(items: T[], total: number, p: Params) {
  const totalPages = Math.ceil(total / p.per_page);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: p.page,
    size: items.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: items.length === 0,
    contents: items,
  };
}

function sendJson(reply: FastifyReply, body: unknown) {
  return reply
    .header('cache-control', 'public, max-age=60')
    .header('access-control-allow-origin', '*')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

/** NDJSON: every matching record, one a line, streamed in batches (no pagination). */
function sendNdjson(reply: FastifyReply, ids: string[], render: (ids: string[]) => Promise<unknown[]>) {
  async function* lines() {
    for (let i = 0; i < ids.length; i += NDJSON_BATCH) {
      for (const item of await render(ids.slice(i, i + NDJSON_BATCH))) yield JSON.stringify(item) + '\n';
    }
  }
  return reply
    .header('cache-control', 'public, max-age=60')
    .header('access-control-allow-origin', '*')
    .type('application/x-ndjson; charset=utf-8')
    .send(Readable.from(lines()));
}

async function chunked<T>(ids: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 400) out.push(...(await run(ids.slice(i, i + 400))));
  return out;
}

/** Service ids matching the filters, in a stable order (search rank when searching). */
async function matchingServiceIds(db: Db, dialect: 'sqlite' | 'postgres', p: Params, now: Date): Promise<string[]> {
  let q = db.selectFrom('svc_services').select(['id']).where('status', 'in', PUBLIC_STATUSES);
  if (p.organization_id) q = q.where('organization_id', '=', String(p.organization_id).toLowerCase());
  if (p.modified_after) q = q.where('last_modified', '>=', new Date(String(p.modified_after)).toISOString());
  if (p.taxonomy_term_id)
    q = q.where(
      'id',
      'in',
      db
        .selectFrom('svc_attributes')
        .select('link_id')
        .where('taxonomy_term_id', '=', String(p.taxonomy_term_id).toLowerCase()) as never,
    );
  if (p.taxonomy_id)
    q = q.where(
      'id',
      'in',
      db
        .selectFrom('svc_attributes as a')
        .innerJoin('svc_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
        .select('a.link_id')
        .where('t.taxonomy_id', '=', String(p.taxonomy_id).toLowerCase()) as never,
    );
  const rows = await q.orderBy('id').execute();
  let ids = rows.map((r) => r.id);
  if (p.search) {
    const hits = await searchDocuments(db, dialect, {
      q: String(p.search),
      kinds: [SEARCH_KIND],
      limit: 5000,
      offset: 0,
      now,
      excerpts: false,
    });
    const keep = new Set(ids);
    ids = hits.hits.map((h) => h.refId).filter((id) => keep.has(id));
  }
  return ids;
}

async function serviceListItems(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const services = await chunked(ids, (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).execute(),
  );
  const orgs = await chunked([...new Set(services.map((s) => s.organization_id))], (part) =>
    db.selectFrom('svc_organizations').selectAll().where('id', 'in', part).execute(),
  );
  const byId = new Map(services.map((s) => [s.id, s]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return ids
    .map((id) => byId.get(id))
    .filter((s) => s !== undefined)
    .map((s) => serviceListItem(s as never, orgById.get(s!.organization_id) as never));
}

async function salListItems(db: Db, salIds: string[]) {
  if (!salIds.length) return [];
  const sals = await chunked(salIds, (part) =>
    db.selectFrom('svc_service_at_locations').selectAll().where('id', 'in', part).execute(),
  );
  const g = { towns: new Map() } as unknown as Graph;
  for (const n of Object.keys(SPECS) as ObjectName[])
    (g as unknown as Record<string, Map<string, unknown>>)[n] = new Map();
  for (const s of sals) g.service_at_location.set(s.id, s);
  for (const l of await chunked([...new Set(sals.map((s) => s.location_id))], (part) =>
    db.selectFrom('svc_locations').selectAll().where('id', 'in', part).execute(),
  ))
    g.location.set(l.id, l);
  const services = await chunked([...new Set(sals.map((s) => s.service_id))], (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).execute(),
  );
  for (const s of services) g.service.set(s.id, s);
  for (const o of await chunked([...new Set(services.map((s) => s.organization_id))], (part) =>
    db.selectFrom('svc_organizations').selectAll().where('id', 'in', part).execute(),
  ))
    g.organization.set(o.id, o);
  const byId = new Map(sals.map((s) => [s.id, s]));
  return salIds.map((id) => serviceAtLocationListItem(g, byId.get(id)!));
}

export const hsdsApiRoutes: FastifyPluginAsync = async (app) => {
  const { db, dialect } = app.wasl;
  const base = () => app.wasl.config.baseUrl.replace(/\/$/, '');
  const opts = { config: { access: 'public' as const } };

  app.get('/api/hsds', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    return sendJson(reply, { version: '3.0', profile: `${base()}/api/hsds/profile.json`, openapi_url: OPENAPI_URL });
  });

  app.get('/api/hsds/profile.json', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    return sendJson(reply, profileDocument(base()));
  });

  app.get('/api/hsds/services', opts, async (req, reply) => {
    const p = parseParams(req, reply, 'services');
    if (!p) return reply;
    const ids = await matchingServiceIds(db, dialect, p, req.now);
    if (p.format === 'ndjson') return sendNdjson(reply, ids, (part) => serviceListItems(db, part));
    const start = (p.page - 1) * p.per_page;
    return sendJson(reply, page(await serviceListItems(db, ids.slice(start, start + p.per_page)), ids.length, p));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/services/:id', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    const id = req.params.id.toLowerCase();
    if (!UUID.test(id)) return reply.callNotFound();
    const g = onlyPublicServices(await loadGraph(db, { serviceIds: [id] }), PUBLIC_STATUSES);
    const s = g.service.get(id);
    if (!s) return reply.callNotFound();
    return sendJson(reply, serviceObject(g, s));
  });

  app.get('/api/hsds/service_at_locations', opts, async (req, reply) => {
    const p = parseParams(req, reply, 'service_at_locations');
    if (!p) return reply;
    const serviceIds = await matchingServiceIds(db, dialect, p, req.now);
    const order = new Map(serviceIds.map((id, i) => [id, i]));
    const sals = (
      await chunked(serviceIds, (part) =>
        db
          .selectFrom('svc_service_at_locations')
          .select(['id', 'service_id'])
          .where('service_id', 'in', part)
          .execute(),
      )
    ).sort((a, b) => order.get(a.service_id)! - order.get(b.service_id)! || (a.id < b.id ? -1 : 1));
    const ids = sals.map((s) => s.id);
    if (p.format === 'ndjson') return sendNdjson(reply, ids, (part) => salListItems(db, part));
    const start = (p.page - 1) * p.per_page;
    return sendJson(reply, page(await salListItems(db, ids.slice(start, start + p.per_page)), ids.length, p));
  });

  app.get<{ Params: { id: string } }>('/api/hsds/service_at_locations/:id', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    const id = req.params.id.toLowerCase();
    if (!UUID.test(id)) return reply.callNotFound();
    const g = onlyPublicServices(await loadGraph(db, { salIds: [id] }), PUBLIC_STATUSES);
    const sal = g.service_at_location.get(id);
    if (!sal) return reply.callNotFound();
    return sendJson(reply, serviceAtLocationObject(g, sal));
  });

  app.get('/api/hsds/organizations', opts, async (req, reply) => {
    const p = parseParams(req, reply, 'organizations');
    if (!p) return reply;
    let q = db.selectFrom('svc_organizations').selectAll();
    if (p.search) {
      const like = `%${String(p.search).replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('name_ar', 'like', like), eb('name_en', containsInsensitive(dialect), like)]));
    }
    if (p.modified_after) q = q.where('updated_at', '>=', new Date(String(p.modified_after)).toISOString());
    const rows = await q.orderBy('id').execute();
    if (p.format === 'ndjson')
      return sendNdjson(
        reply,
        rows.map((r) => r.id),
        async (part) => rows.filter((r) => part.includes(r.id)).map((r) => organizationListItem(r as never)),
      );
    const start = (p.page - 1) * p.per_page;
    return sendJson(
      reply,
      page(
        rows.slice(start, start + p.per_page).map((r) => organizationListItem(r as never)),
        rows.length,
        p,
      ),
    );
  });

  app.get<{ Params: { id: string } }>('/api/hsds/organizations/:id', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    const id = req.params.id.toLowerCase();
    if (!UUID.test(id)) return reply.callNotFound();
    const g = onlyPublicServices(await loadGraph(db, { organizationIds: [id] }), PUBLIC_STATUSES);
    const o = g.organization.get(id);
    if (!o) return reply.callNotFound();
    return sendJson(reply, organizationObject(g, o, true));
  });

  app.get('/api/hsds/taxonomies', opts, async (req, reply) => {
    const p = parseParams(req, reply, 'taxonomies');
    if (!p) return reply;
    let q = db.selectFrom('svc_taxonomies').selectAll();
    if (p.search) {
      const like = `%${String(p.search).replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('name_ar', 'like', like), eb('name_en', containsInsensitive(dialect), like)]));
    }
    const rows = (await q.orderBy('id').execute()).map((r) => ownFields('taxonomy', r as never));
    if (p.format === 'ndjson')
      return sendNdjson(
        reply,
        rows.map((r) => r.id as string),
        async (part) => rows.filter((r) => part.includes(r.id as string)),
      );
    const start = (p.page - 1) * p.per_page;
    return sendJson(reply, page(rows.slice(start, start + p.per_page), rows.length, p));
  });

  app.get('/api/hsds/taxonomy_terms', opts, async (req, reply) => {
    const p = parseParams(req, reply, 'taxonomy_terms');
    if (!p) return reply;
    let q = db.selectFrom('svc_taxonomy_terms').selectAll();
    if (p.search) {
      const like = `%${String(p.search).replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) =>
        eb.or([
          eb('name_ar', 'like', like),
          eb('name_en', containsInsensitive(dialect), like),
          eb('code', containsInsensitive(dialect), like),
        ]),
      );
    }
    if (p.taxonomy_id) q = q.where('taxonomy_id', '=', String(p.taxonomy_id).toLowerCase());
    if (p.parent_id) q = q.where('parent_id', '=', String(p.parent_id).toLowerCase());
    if (p.top_only === 'true' || p.top_only === '1') q = q.where('parent_id', 'is', null);
    const terms = await q.orderBy('id').execute();
    const taxonomies = new Map(
      (await db.selectFrom('svc_taxonomies').selectAll().execute()).map((t) => [
        t.id,
        ownFields('taxonomy', t as never),
      ]),
    );
    const rows = terms.map((t) => {
      const out = ownFields('taxonomy_term', t as never);
      const tax = t.taxonomy_id ? taxonomies.get(t.taxonomy_id) : undefined;
      if (tax) out.taxonomy_detail = tax;
      if (t.taxonomy_id) out.taxonomy_id = t.taxonomy_id;
      return out;
    });
    if (p.format === 'ndjson')
      return sendNdjson(
        reply,
        rows.map((r) => r.id as string),
        async (part) => rows.filter((r) => part.includes(r.id as string)),
      );
    const start = (p.page - 1) * p.per_page;
    return sendJson(reply, page(rows.slice(start, start + p.per_page), rows.length, p));
  });

  app.get('/api/hsds/export/hxl.csv', opts, async (req, reply) => {
    if (!parseParams(req, reply, 'item')) return reply;
    const csv = await hxlCsv(db);
    await audit(db, req.now, {
      actorUserId: req.actor.user?.id ?? null,
      action: 'services.export.hxl',
      targetType: 'services',
      ip: req.ip,
    });
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', 'attachment; filename="wasl-services-3w-hxl.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
};
