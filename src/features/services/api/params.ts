// The HSDS API's parameters and answers: each endpoint accepts its own parameters (an unknown or
// bad one is a 400 naming it, in Arabic and English), lists come in the HSDS page wrapper or as
// NDJSON (every record, one a line, streamed in batches).
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AnyCtx } from '../../../core/http/route.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

const LIST: ParamName[] = ['search', 'page', 'per_page', 'format'];
const SERVICE_FILTERS: ParamName[] = ['taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after'];

/** The parameters each endpoint accepts; `item` is a single record (none). */
export const ENDPOINT_PARAMS = {
  services: [...LIST, ...SERVICE_FILTERS],
  service_at_locations: [...LIST, ...SERVICE_FILTERS],
  organizations: [...LIST, 'modified_after'],
  taxonomies: LIST,
  taxonomy_terms: [...LIST, 'taxonomy_id', 'parent_id', 'top_only'],
  item: [],
} satisfies Record<string, ParamName[]>;
export type Endpoint = keyof typeof ENDPOINT_PARAMS;

export type Params = Partial<Record<ParamName, string | number>> & {
  page: number;
  per_page: number;
  format: 'json' | 'ndjson';
};

function refuse(c: AnyCtx, key: 'badParameter' | 'unknownParameter', name: string) {
  const { i18n } = c.wasl;
  const ar = i18n.translator('ar', { digits: 'latn' });
  const en = i18n.translator('en', { digits: 'latn' });
  const k = `services.api.${key}` as const;
  return c.reply
    .code(400)
    .type('application/json')
    .send({ error: k, parameter: name, message: { ar: ar.t(k, { name }), en: en.t(k, { name }) } });
}

/** The query's parameters for an endpoint; or, when one is unknown or bad, the 400 already sent. */
export function readParams(c: AnyCtx, endpoint: Endpoint): Params | FastifyReply {
  const allowed = new Set<string>(ENDPOINT_PARAMS[endpoint]);
  const out: Params = { page: 1, per_page: DEFAULT_PER_PAGE, format: 'json' };
  for (const [k, raw] of Object.entries((c.req.query ?? {}) as Record<string, unknown>)) {
    if (!allowed.has(k)) return refuse(c, 'unknownParameter', k);
    const parsed = param[k as ParamName].safeParse(Array.isArray(raw) ? undefined : raw);
    if (!parsed.success) return refuse(c, 'badParameter', k);
    (out as Record<string, unknown>)[k] = parsed.data;
  }
  return out;
}

export const refused = (p: Params | FastifyReply): p is FastifyReply => !('per_page' in p);

function headers(reply: FastifyReply) {
  return reply.header('cache-control', 'public, max-age=60').header('access-control-allow-origin', '*');
}

export function sendJson(reply: FastifyReply, body: unknown) {
  return headers(reply).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** A list: one page of it in the HSDS page wrapper, or every record as NDJSON (no pages). */
export async function sendList<T>(
  reply: FastifyReply,
  p: Params,
  ids: T[],
  render: (ids: T[]) => Promise<unknown[]> | unknown[],
) {
  if (p.format === 'ndjson') {
    async function* lines() {
      for (let i = 0; i < ids.length; i += NDJSON_BATCH)
        for (const item of await render(ids.slice(i, i + NDJSON_BATCH))) yield JSON.stringify(item) + '\n';
    }
    return headers(reply).type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
  }
  const start = (p.page - 1) * p.per_page;
  const items = await render(ids.slice(start, start + p.per_page));
  const totalPages = Math.ceil(ids.length / p.per_page);
  return sendJson(reply, {
    total_items: ids.length,
    total_pages: totalPages,
    page_number: p.page,
    size: items.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: items.length === 0,
    contents: items,
  });
}
