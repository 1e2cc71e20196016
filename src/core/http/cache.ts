// The page cache: public pages for anonymous visitors, rendered once and kept pre-compressed
// (brotli and gzip), served again until anything they could show changes.
//
// - Only GETs of `public` routes by someone with no session (or a staff member who owes two-step:
//   they see the anonymous page, but are never served from or stored to the cache), with no
//   one-time message waiting, answered 200 without setting a cookie (so no page with a CSRF token
//   — a form — is ever shared).
// - Keyed by path and query, the language chosen and the digits setting: a page for one language
//   is never served in the other.
// - Invalidated by the change counter in the database that every write to a table people can see
//   bumps (core/db/changes.ts): N instances on one database agree without a broker, and writes by
//   jobs, the CLI or imports count like any other. Also kept at most a minute (the key holds the
//   minute), so what changes with time alone — a scheduled article's hour — shows within it.
// - ETag on every cached answer; a repeat visit with If-None-Match gets 304.
// Signed-in pages are never stored (and answered no-store).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbHandle } from '../db/index.js';
import { changeCount } from '../db/changes.js';

type Entry = {
  changes: string;
  etag: string;
  type: string;
  raw: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  /** The route's own headers (content-disposition, link, …), given again with every hit. */
  headers: Record<string, string>;
  bytes: number;
};

// Headers the cache sets itself on a hit, or that belong to one answer only.
const OWN_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'date',
  'set-cookie',
]);

/** A size-bounded map, least recently used out first. */
class PageStore {
  private map = new Map<string, Entry>();
  private bytes = 0;
  constructor(private maxBytes: number) {}
  get(key: string): Entry | undefined {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }
  set(key: string, e: Entry) {
    const old = this.map.get(key);
    if (old) this.bytes -= old.bytes;
    this.map.set(key, e);
    this.bytes += e.bytes;
    while (this.bytes > this.maxBytes && this.map.size) {
      const [k, v] = this.map.entries().next().value!;
      this.map.delete(k);
      this.bytes -= v.bytes;
    }
  }
  get size() {
    return this.map.size;
  }
}

const brotli = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript|manifest\+json))/;

type CacheState = { key: string; changes: string } | null;

declare module 'fastify' {
  interface FastifyRequest {
    pageCache: CacheState;
  }
}

export type PageCacheOptions = { maxBytes?: number; enabled?: boolean };

/**
 * Installs the cache's hooks. Call before @fastify/compress is registered (its onSend must see
 * the cache's pre-compressed answers as already encoded), with `lookup` called from the app's
 * onRequest hook once the actor and the locale are known.
 */
export function pageCache(app: FastifyInstance, handle: DbHandle, opts: PageCacheOptions = {}) {
  const store = new PageStore(opts.maxBytes ?? 32 * 1024 * 1024);
  const enabled = opts.enabled ?? true;
  app.decorateRequest('pageCache', null);

  app.addHook('onSend', async (req, reply, payload) => {
    const state = req.pageCache;
    // Not stored: answers that set a cookie, are already encoded, or whose route chose its own
    // caching (assets, service workers, anything private or no-store).
    if (
      !state ||
      reply.statusCode !== 200 ||
      reply.hasHeader('set-cookie') ||
      reply.hasHeader('content-encoding') ||
      reply.hasHeader('cache-control')
    )
      return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: files
    const raw = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
    const etag = `W/"${crypto.createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
    // Compressed in libuv's thread pool, not on the event loop: a 100 KB article at brotli 9 would
    // otherwise hold every other request for tens of milliseconds.
    const [br, gzip] =
      raw.length >= 512
        ? await Promise.all([
            brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
            gzipAsync(raw, { level: 9 }),
          ])
        : [null, null];
    store.set(state.key, {
      changes: state.changes,
      etag,
      type,
      raw,
      br,
      gzip,
      headers: Object.fromEntries(
        Object.entries(reply.getHeaders())
          .filter(([name, value]) => !OWN_HEADERS.has(name) && value !== undefined)
          .map(([name, value]) => [name, String(value)]),
      ),
      bytes: raw.length + (br?.length ?? 0) + (gzip?.length ?? 0) + state.key.length,
    });
    reply.header('etag', etag);
    return payload;
  });

  return {
    /** Serves a cached page if there is a fresh one (true: answered). */
    async lookup(req: FastifyRequest, reply: FastifyReply, vary: string): Promise<boolean> {
      if (!enabled || !cacheable(req)) return false;
      const minute = Math.floor(req.now.getTime() / 60_000);
      const key = `${req.url}\u0000${vary}\u0000${minute}`;
      const changes = await changeCount(handle.db);
      const hit = store.get(key);
      if (hit && hit.changes === changes) {
        send(req, reply, hit);
        return true;
      }
      req.pageCache = { key, changes };
      return false;
    },
    get size() {
      return store.size;
    },
  };
}

function cacheable(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.is404 || req.routeOptions.config?.access !== 'public') return false;
  if (req.actor.user || req.owes2fa || req.flash) return false;
  // A request that proves who it is another way (an observer's bearer token) is about that person.
  if (req.headers.authorization) return false;
  return true;
}

function send(req: FastifyRequest, reply: FastifyReply, e: Entry) {
  reply.header('etag', e.etag).header('vary', 'Accept-Encoding, Accept-Language, Cookie');
  const match = req.headers['if-none-match'];
  if (match && match.split(/\s*,\s*/).includes(e.etag)) {
    reply.code(304).send();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const body =
    /\bbr\b/.test(accepts) && e.br
      ? (['br', e.br] as const)
      : /\bgzip\b/.test(accepts) && e.gzip
        ? (['gzip', e.gzip] as const)
        : null;
  reply.headers(e.headers).type(e.type);
  if (body) reply.header('content-encoding', body[0]).send(body[1]);
  else reply.send(e.raw);
}
