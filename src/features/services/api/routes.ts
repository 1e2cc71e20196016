// The HSDS 3.0 API under /api/hsds: public, read-only, JSON (or NDJSON with format=ndjson), and
// the 3W sheet with HXL hashtags. Endpoints, not pages: each answers JSON (or CSV) itself. It
// publishes what the public site shows: active and temporarily closed services.
import { endpoint, notFound, type AnyCtx } from '../../../core/http/route.js';
import {
  loadGraph,
  onlyPublicServices,
  organizationListItem,
  organizationObject,
  ownFields,
  serviceAtLocationObject,
  serviceObject,
} from '../hsds/export.js';
import { hxlCsv } from '../hsds/hxl.js';
import { profileDocument } from '../hsds/profile.js';
import { PUBLIC_STATUSES } from '../queries.js';
import { readParams, refused, sendJson, sendList, type Endpoint, type Params } from './params.js';
import {
  matchingServiceIds,
  nameContains,
  serviceAtLocationIds,
  serviceAtLocationListItems,
  serviceListItems,
} from './queries.js';

export const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const access = 'public' as const;

const base = (c: AnyCtx) => c.wasl.config.baseUrl.replace(/\/$/, '');

/** A GET under /api/hsds that reads its parameters first (an unknown or bad one is a 400). */
function api(path: string, params: Endpoint, answer: (c: AnyCtx, p: Params) => Promise<unknown>) {
  return endpoint('GET', path, {
    access,
    async handle(c) {
      const p = readParams(c, params);
      return refused(p) ? p : answer(c, p);
    },
  });
}

/** The :id of a single record, lower-cased; anything that is not a UUID is a 404. */
const recordId = (c: AnyCtx) => {
  const id = String(c.params.id).toLowerCase();
  return UUID.test(id) ? id : notFound();
};

/** One record out of the public graph, or 404. */
async function publicRecord<K extends 'service' | 'service_at_location' | 'organization'>(
  c: AnyCtx,
  kind: K,
  key: 'serviceIds' | 'salIds' | 'organizationIds',
) {
  const id = recordId(c);
  const g = onlyPublicServices(await loadGraph(c.db, { [key]: [id] }), PUBLIC_STATUSES);
  const row = g[kind].get(id) ?? notFound();
  return { g, row };
}

export const hsdsApiRoutes = [
  api('/api/hsds', 'item', async (c) =>
    sendJson(c.reply, { version: '3.0', profile: `${base(c)}/api/hsds/profile.json`, openapi_url: OPENAPI_URL }),
  ),

  api('/api/hsds/profile.json', 'item', async (c) => sendJson(c.reply, profileDocument(base(c)))),

  api('/api/hsds/services', 'services', async (c, p) => {
    const ids = await matchingServiceIds(c.db, c.wasl.dialect, p, c.now);
    return sendList(c.reply, p, ids, (part) => serviceListItems(c.db, part));
  }),

  api('/api/hsds/services/:id', 'item', async (c) => {
    const { g, row } = await publicRecord(c, 'service', 'serviceIds');
    return sendJson(c.reply, serviceObject(g, row));
  }),

  api('/api/hsds/service_at_locations', 'service_at_locations', async (c, p) => {
    const ids = await serviceAtLocationIds(c.db, await matchingServiceIds(c.db, c.wasl.dialect, p, c.now));
    return sendList(c.reply, p, ids, (part) => serviceAtLocationListItems(c.db, part));
  }),

  api('/api/hsds/service_at_locations/:id', 'item', async (c) => {
    const { g, row } = await publicRecord(c, 'service_at_location', 'salIds');
    return sendJson(c.reply, serviceAtLocationObject(g, row));
  }),

  api('/api/hsds/organizations', 'organizations', async (c, p) => {
    let q = c.db.selectFrom('svc_organizations').selectAll();
    if (p.search) q = q.where(nameContains(c.wasl.dialect, String(p.search)));
    if (p.modified_after) q = q.where('updated_at', '>=', new Date(String(p.modified_after)).toISOString());
    const rows = await q.orderBy('id').execute();
    return sendList(c.reply, p, rows, (part) => part.map((r) => organizationListItem(r)));
  }),

  api('/api/hsds/organizations/:id', 'item', async (c) => {
    const { g, row } = await publicRecord(c, 'organization', 'organizationIds');
    return sendJson(c.reply, organizationObject(g, row, true));
  }),

  api('/api/hsds/taxonomies', 'taxonomies', async (c, p) => {
    let q = c.db.selectFrom('svc_taxonomies').selectAll();
    if (p.search) q = q.where(nameContains(c.wasl.dialect, String(p.search)));
    const rows = (await q.orderBy('id').execute()).map((r) => ownFields('taxonomy', r));
    return sendList(c.reply, p, rows, (part) => part);
  }),

  api('/api/hsds/taxonomy_terms', 'taxonomy_terms', async (c, p) => {
    let q = c.db.selectFrom('svc_taxonomy_terms').selectAll();
    if (p.search) q = q.where(nameContains(c.wasl.dialect, String(p.search), true));
    if (p.taxonomy_id) q = q.where('taxonomy_id', '=', String(p.taxonomy_id).toLowerCase());
    if (p.parent_id) q = q.where('parent_id', '=', String(p.parent_id).toLowerCase());
    if (p.top_only === 'true' || p.top_only === '1') q = q.where('parent_id', 'is', null);
    const terms = await q.orderBy('id').execute();
    const taxonomies = new Map(
      (await c.db.selectFrom('svc_taxonomies').selectAll().execute()).map((t) => [t.id, ownFields('taxonomy', t)]),
    );
    const rows = terms.map((t) => {
      const out = ownFields('taxonomy_term', t);
      const tax = t.taxonomy_id ? taxonomies.get(t.taxonomy_id) : undefined;
      if (tax) out.taxonomy_detail = tax;
      if (t.taxonomy_id) out.taxonomy_id = t.taxonomy_id;
      return out;
    });
    return sendList(c.reply, p, rows, (part) => part);
  }),

  // Public, like the API; each download is audited (who, if anyone, and from where).
  api('/api/hsds/export/hxl.csv', 'item', async (c) => {
    const csv = await hxlCsv(c.db);
    await c.audit('services.export.hxl', { targetType: 'services' });
    return c.reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', 'attachment; filename="wasl-services-3w-hxl.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv);
  }),
];
