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
// - One render per page: requests that miss while the same page (same key, same change count) is
//   already being rendered wait for that render and are answered from its entry. Without this,
//   the 50 visitors of a busy page who all miss when the minute turns (or after a write) would
//   each render it and compress it — 50 renders one after the other on the event loop.
// - Compressed in libuv's thread pool, never on the event loop; the request that rendered the
//   page is answered with the same compressed copy (not compressed a second time).
// Signed-in pages are never stored (and answered no-store).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbHandle } from '../db/index.js';
import { changeCounter } from '../db/changes.js';

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

/** A render in progress that other requests for the same page wait for: its entry, or null if it stored none. */
type Flight = { done: Promise<Entry | null>; land: (e: Entry | null) => void };

/** Followers stop waiting after this long and render themselves (a render that never answered). */
const FLIGHT_TIMEOUT_MS = 10_000;

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
  const changeCount = changeCounter(handle);
  /** Renders in progress, by key and change count. */
  const flights = new Map<string, Flight>();
  /** The request rendering each flight (a request leads at most one). */
  const leaders = new WeakMap<FastifyRequest, Flight>();
  app.decorateRequest('pageCache', null);

  const takeOff = (id: string, req: FastifyRequest): void => {
    let land!: (e: Entry | null) => void;
    const done = new Promise<Entry | null>((resolve) => (land = resolve));
    const timer = setTimeout(() => flight.land(null), FLIGHT_TIMEOUT_MS);
    timer.unref();
    const flight: Flight = {
      done,
      land: (e) => {
        clearTimeout(timer);
        if (flights.get(id) === flight) flights.delete(id);
        land(e);
      },
    };
    flights.set(id, flight);
    leaders.set(req, flight);
  };
  /** The leader's answer is known (stored, or not to be shared): its followers go on. */
  const landed = (req: FastifyRequest, e: Entry | null): void => {
    const flight = leaders.get(req);
    if (!flight) return;
    leaders.delete(req);
    flight.land(e);
  };

  /** Stores the answer if it may be shared; null when it may not (then it is sent as it is). */
  const keep = async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<Entry | null> => {
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
      return null;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return null;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return null; // streams: files
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
    const entry: Entry = {
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
    };
    store.set(state.key, entry);
    return entry;
  };

  app.addHook('onSend', async (req, reply, payload) => {
    let entry: Entry | null = null;
    try {
      entry = await keep(req, reply, payload);
    } finally {
      landed(req, entry);
    }
    if (!entry) return payload;
    // The rendering request gets the copy its followers get: compressed once, not again by
    // @fastify/compress (which leaves an answer with a content-encoding alone).
    const encoded = encodedBody(req, entry);
    reply.header('etag', entry.etag).header('vary', VARY);
    if (!encoded) return payload;
    reply.header('content-encoding', encoded[0]);
    return encoded[1];
  });
  // An answer that never reached onSend (the visitor went away, an error on the way out) must not
  // keep its followers waiting.
  app.addHook('onResponse', async (req) => landed(req, null));
  app.addHook('onRequestAbort', async (req) => landed(req, null));

  return {
    /** Serves a cached page if there is a fresh one (true: answered). */
    async lookup(req: FastifyRequest, reply: FastifyReply, vary: string): Promise<boolean> {
      if (!enabled || !cacheable(req)) return false;
      const minute = Math.floor(req.now.getTime() / 60_000);
      const key = `${req.url}\u0000${vary}\u0000${minute}`;
      const changes = await changeCount();
      const hit = store.get(key);
      if (hit && hit.changes === changes) {
        send(req, reply, hit);
        return true;
      }
      const id = `${key}\u0000${changes}`;
      const flight = flights.get(id);
      if (flight) {
        // Someone is rendering this very page: its answer is this one's too.
        const rendered = await flight.done;
        if (rendered) {
          send(req, reply, rendered);
          return true;
        }
        // Its answer was not one to share (a form, a cookie, an error): this request renders its own.
      } else takeOff(id, req);
      req.pageCache = { key, changes };
      return false;
    },
    get size() {
      return store.size;
    },
  };
}

const VARY = 'Accept-Encoding, Accept-Language, Cookie';

/** The entry's compressed copy the request accepts, or null for the raw one. */
function encodedBody(req: FastifyRequest, e: Entry): readonly ['br' | 'gzip', Buffer] | null {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  return /\bbr\b/.test(accepts) && e.br
    ? (['br', e.br] as const)
    : /\bgzip\b/.test(accepts) && e.gzip
      ? (['gzip', e.gzip] as const)
      : null;
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
  reply.header('etag', e.etag).header('vary', VARY);
  const match = req.headers['if-none-match'];
  if (match && match.split(/\s*,\s*/).includes(e.etag)) {
    reply.code(304).send();
    return;
  }
  const body = encodedBody(req, e);
  reply.headers(e.headers).type(e.type);
  if (body) reply.header('content-encoding', body[0]).send(body[1]);
  else reply.send(e.raw);
}
