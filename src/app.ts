// Builds the Fastify app: core plugins, then the feature list, explicitly. Nothing listens here
// (server.ts does), so tests drive the very same app through inject().
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import helmet from 'helmet';
import { changeMemo } from './core/db/changes.js';
import compress from '@fastify/compress';
import csrf from '@fastify/csrf-protection';
import type { RouteEntry } from './core/http/types.js';
import type { Config } from './core/config.js';
import type { DbHandle } from './core/db/index.js';
import { createI18n, loadCatalogs, pickLocale } from './core/i18n/index.js';
import { anonymous, holdsStaffRole, loadActor } from './core/auth/actor.js';
import { accessLevels, meetsAccess } from './core/auth/access.js';
import { findSession, hostCookieName, sessionCookieName } from './core/auth/sessions.js';
import { createMailer } from './core/mail/index.js';
import { databaseRateLimiter, redisRateLimiter } from './core/http/rate-limit.js';
import { createMediaStore, MAX_UPLOAD_BYTES } from './core/media/index.js';
import { controlCharacters, registerErrorPages } from './core/http/errors.js';
import { hasControlCharacters } from './core/http/control-characters.js';
import { coreRoutes } from './core/http/core-routes.js';
import { siteStylesheet } from './core/http/assets.js';
import { pageCache } from './core/http/cache.js';
import { createTurns } from './core/http/turns.js';
import { setSiteChrome } from './core/http/render.js';
import type { RouteDef } from './core/http/route.js';
import { installPolicies } from './core/auth/authorize.js';
import { installSections } from './core/views/sections.js';
import { installSearchSources } from './core/search/sources.js';
import { countUnread, installNotificationTypes } from './core/notify/index.js';
import type { Feature, NavEntry } from './core/feature.js';
import { features as allFeatures } from './features/index.js';
import { audit } from './core/audit/index.js';

// src/ under tsx, dist/ when compiled: catalogs and stylesheets are read from beside the code.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export type BuildOptions = {
  config: Config;
  handle: DbHandle;
  /** Injected clock for tests; defaults to the wall clock. */
  clock?: () => Date;
  logger?: boolean | object;
  /** Where the log lines go (tests read them); stdout otherwise. */
  logStream?: { write(line: string): void };
  /** The features to mount; all of them unless a test says otherwise. */
  features?: Feature[];
};

/**
 * What a log line says about a request: its method and the route's pattern, never the concrete
 * path (a reset, invitation, unsubscribe or calendar-feed link carries its token there), nor the
 * query string, cookies, body or address. A path that matched no route is logged as it came.
 */
export const logSerializers = {
  req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    path: req.routeOptions?.url ?? req.url.split('?')[0],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** A secret shared by every app process through the database: signs cookies and CSRF secrets. */
async function sharedSecret(handle: DbHandle, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const existing = await handle.db
    .selectFrom('kv')
    .select('value')
    .where('key', '=', 'cookie_secret')
    .executeTakeFirst();
  if (existing) return existing.value;
  const value = crypto.randomBytes(32).toString('hex');
  await handle.db
    .insertInto('kv')
    .values({ key: 'cookie_secret', value })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await handle.db
    .selectFrom('kv')
    .select('value')
    .where('key', '=', 'cookie_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** The navigation of every feature, in order. */
function navOf(features: Feature[], which: 'main' | 'staff' | 'footer') {
  return features
    .flatMap((f) => f.nav?.[which] ?? [])
    .sort((a: NavEntry, b: NavEntry) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
}

/** Registers one route record (see core/http/route.ts). */
function mount(app: FastifyInstance, route: RouteDef) {
  app.route({
    method: route.method,
    url: route.path,
    bodyLimit: route.bodyLimit,
    config: {
      access: route.access,
      ...(route.csrf === false ? { csrf: false } : {}),
      ...(route.allowWithout2fa ? { allowWithout2fa: true } : {}),
    },
    handler: route.handler,
  });
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, handle } = opts;
  const features = opts.features ?? allFeatures;
  const clock = opts.clock ?? (() => new Date());
  const app = Fastify({
    logger:
      opts.logger === undefined
        ? { level: config.logLevel, serializers: logSerializers, ...(opts.logStream ? { stream: opts.logStream } : {}) }
        : opts.logger,
    // a hop count is valid for Fastify (proxy-addr) though its types omit it
    trustProxy: config.trustProxy as boolean | string[],
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  const i18n = createI18n(loadCatalogs(here));
  // ioredis is loaded only when REDIS_URL is set.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : null;
  app.decorate('wasl', {
    config,
    db: handle.db,
    dialect: handle.dialect,
    handle,
    clock,
    i18n,
    mailer: createMailer(handle.db, config, (m) => app.log.info(m)),
    limiter: redis ? redisRateLimiter(redis) : databaseRateLimiter(handle.db),
    media: createMediaStore(config.uploadDir),
    remember: changeMemo(handle),
  });
  app.addHook('onClose', async () => {
    await app.wasl.mailer.idle();
    if (redis) await redis.quit();
  });

  // First of all hooks, requests take turns: after 20 ms of requests the loop runs its timers and sockets again.
  const turns = createTurns();
  app.addHook('onRequest', (_req, _reply, done) => {
    const wait = turns.wait();
    if (wait) void wait.then(() => done());
    else done();
  });
  const secret = await sharedSecret(handle, config.sessionSecret);
  await app.register(cookie, { secret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 100 },
    // Files arrive as { filename, mimetype, data }; an empty file input becomes null.
    async onFile(part) {
      const data = await part.toBuffer();
      (part as unknown as { value: unknown }).value =
        part.filename && data.length > 0 ? { filename: part.filename, mimetype: part.mimetype, data } : null;
    },
  });
  // Security headers. The middleware is built once: @fastify/helmet built it, parsing the CSP, on
  // every request (about a tenth of a cached page's cost, measured with --cpu-prof).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  // The page cache's store hook runs before compression (it keeps its own brotli and gzip copies).
  const cache = pageCache(app, handle, { enabled: config.pageCache });
  // Brotli at quality 5: nearly the size of 11 at a fraction of the CPU (measured in bench/).
  await app.register(compress, {
    global: true,
    threshold: 512,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    // Always in libuv's thread pool, never on the event loop: its default compresses small
    // answers synchronously, which on two cores held the loop for a tenth of a signed-in page.
    syncThreshold: 0,
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.secureCookies ? '__Host-wasl_csrf' : 'wasl_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, signed: true },
  });

  // Every route must say who may call it, or the app does not boot.
  const routeTable: RouteEntry[] = [];
  let mounting = 'core';
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || !accessLevels.includes(access)) {
      throw new Error(`Route ${route.method} ${route.url} declares no access level (config.access)`);
    }
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        routeTable.push({
          method,
          url: route.url,
          access,
          feature: mounting,
          ...(route.config?.allowWithout2fa ? { allowWithout2fa: true } : {}),
        });
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('i18n', null as never);
  app.decorateRequest('now', null as never);
  app.decorateRequest('flash', null);
  app.decorateRequest('owes2fa', null);
  app.decorateRequest('unread', 0);
  app.decorateRequest('confirmedAt', null);
  const langCookie = hostCookieName('wasl_lang', config.secureCookies);
  const digitsCookieName = hostCookieName('wasl_digits', config.secureCookies);
  const flashCookie = hostCookieName('wasl_flash', config.secureCookies);
  app.decorateReply('flashNext', function (this: { setCookie: Function }, key: string) {
    this.setCookie(flashCookie, key, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 60,
      secure: config.secureCookies,
    });
  });

  const cookieName = sessionCookieName(config.secureCookies);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
  app.addHook('onRequest', async (req, reply) => {
    req.now = clock();
    req.actor = anonymous;
    const token = req.cookies[cookieName];
    if (token) {
      const session = await findSession(handle.db, token, req.now, async (userId) => {
        const a = await loadActor(handle.db, userId, '');
        return a ? holdsStaffRole(a) : false;
      });
      if (session && !session.pending2fa) {
        req.actor = (await loadActor(handle.db, session.userId, session.id)) ?? anonymous;
        req.confirmedAt = session.confirmedAt;
        // The two-step obligation belongs to the person, not to routes: until a staff member has
        // set it up, every page answers them as it answers an anonymous visitor (only the set-up
        // pages and sign-out, `allowWithout2fa`, see who they are).
        if (req.actor.user && !req.actor.user.totpEnabled && holdsStaffRole(req.actor)) {
          req.owes2fa = req.actor;
          req.actor = anonymous;
        }
      } else if (!session) {
        reply.clearCookie(cookieName, cookieOptions); // a __Host- cookie is only removed with Secure
      }
    }
    // The header's unread count, for people signed in (one indexed count).
    if (req.actor.user) req.unread = await countUnread(handle.db, req.actor.user.id);
    const query = req.query as Record<string, unknown>;
    const requested = typeof query?.lang === 'string' ? query.lang : undefined;
    const locale = pickLocale({
      query: requested,
      cookie: req.cookies[langCookie],
      acceptLanguage: req.headers['accept-language'],
      available: i18n.locales,
    });
    if (requested && i18n.locales.includes(requested)) {
      reply.setCookie(langCookie, requested, { ...cookieOptions, maxAge: 365 * 86400 });
    }
    const digitsCookie = req.cookies[digitsCookieName];
    const person = (req.owes2fa ?? req.actor).user;
    const digits =
      person?.digits ?? (digitsCookie === 'arab' || digitsCookie === 'latn' ? digitsCookie : config.digits);
    req.i18n = i18n.translator(locale, { digits, addressAs: person?.addressAs ?? 'x' });
    const flash = req.cookies[flashCookie];
    if (flash) {
      req.flash = i18n.has(flash) ? req.i18n.t(flash as never) : null;
      reply.clearCookie(flashCookie, cookieOptions);
    }
    // An anonymous visitor's public page, already rendered since the last change: answered here.
    if (await cache.lookup(req, reply, `${locale}|${req.i18n.digits}`)) return reply;
  });

  // Access level, the two-step obligation of staff roles, then CSRF on anything that changes state.
  app.addHook('preHandler', async (req, reply) => {
    if (req.is404) return; // the not-found page is for everyone
    if (hasControlCharacters(req.query) || hasControlCharacters(req.params) || hasControlCharacters(req.body))
      return controlCharacters(req, reply);
    const config = req.routeOptions.config;
    const access = config.access!;
    const isApi = req.url.startsWith('/api/');
    if (req.owes2fa) {
      if (config.allowWithout2fa) req.actor = req.owes2fa;
      else if (access !== 'public') return reply.code(303).header('location', '/account/2fa').send();
    }
    if (!meetsAccess(req.actor, access)) {
      if (!req.actor.user && !isApi && access !== 'public') {
        const next = encodeURIComponent(req.method === 'GET' ? req.url : '/');
        return reply.code(303).header('location', `/login?next=${next}`).send();
      }
      await audit(handle.db, req.now, {
        actorUserId: req.actor.user?.id ?? null,
        action: 'access.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url}`,
        ip: req.ip,
      });
      return reply.callNotFound();
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && config.csrf !== false) {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
  });

  // Pages for signed-in people are never stored by the browser or a proxy.
  app.addHook('onSend', async (req, reply) => {
    if (req.actor?.user || req.owes2fa) reply.header('cache-control', 'no-store');
    else if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
  });

  registerErrorPages(app);

  installPolicies(features.flatMap((f) => f.policies ?? []));
  installSections(features.flatMap((f) => f.sections ?? []));
  installSearchSources(features.flatMap((f) => (f.search ? [f.search] : [])));
  installNotificationTypes(features.flatMap((f) => f.notifications ?? []));
  const css = siteStylesheet(
    root,
    features.flatMap((f) => f.styles ?? []),
  );
  setSiteChrome(
    { nav: navOf(features, 'main'), staffNav: navOf(features, 'staff'), footerNav: navOf(features, 'footer') },
    css.href,
  );
  for (const route of coreRoutes([css])) mount(app, route);
  for (const feature of features) {
    mounting = feature.name;
    for (const route of (feature.routes ?? []).flat()) mount(app, route);
  }
  mounting = 'core';
  return app;
}
