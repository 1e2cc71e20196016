// The observer app (/observe, a PWA) and its API (/api/observe/…). Both are `endpoint`s: the
// shell and its files are not site pages, and the API answers JSON. The API routes are public at
// the access layer and check a bearer token themselves (no cookies, so no CSRF); a revoked
// observer's tokens are deleted, so revocation takes effect on the next request.
import type { FastifyReply } from 'fastify';
import { render } from 'preact-render-to-string';
import { dummyPasswordHash, verifyPassword } from '../../../core/auth/passwords.js';
import { endpoint, notFound, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import type { Translator } from '../../../core/i18n/index.js';
import { observerAssets } from '../bundle.js';
import { ingestSubmission } from '../entry/actions.js';
import { westernDigits } from '../forms/expr.js';
import { getForm, publishedForms } from '../forms/queries.js';
import {
  assignedStationIds,
  createObserverToken,
  deleteObserverToken,
  observerByCode,
  observerForToken,
} from '../observers/queries.js';
import { normalizeSecret } from '../observers/secret.js';
import { listStations } from '../stations/queries.js';
import { observeLoginBody, observeSubmissionBody } from './schemas.js';
import { Shell } from './shell.js';

export const LOGIN_LIMITS = {
  code: { max: 10, windowMs: 15 * 60_000 },
  // generous: many observers may share one carrier-grade NAT address
  ip: { max: 300, windowMs: 15 * 60_000 },
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const open = (status: string) => status === 'active' || status === 'closed';

/** Both languages of the API's messages (the app shows the observer's). */
function translators(c: AnyCtx) {
  const { i18n } = c.wasl;
  return { ar: i18n.translator('ar', { digits: 'latn' }), en: i18n.translator('en', { digits: 'latn' }) };
}

function apiError(c: AnyCtx, status: number, error: string, key: string, extra: Record<string, unknown> = {}) {
  const tr = translators(c);
  const t = (x: Translator) => x.t(key as never);
  return c.reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error, ...extra, message: { ar: t(tr.ar), en: t(tr.en) } });
}

const json = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).header('cache-control', 'no-store').send(body);

function bearerToken(c: AnyCtx): string {
  const h = c.req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : '';
}

/** The observer a live bearer token belongs to, or null (the route answers 401). */
async function bearer(c: AnyCtx) {
  const token = bearerToken(c);
  return token ? observerForToken(c.db, token, c.now) : null;
}

const api = { access: 'public', csrf: false } as const;

export const observeRoutes = [
  // The shell lives at /observe/ so that the service worker (scope /observe/) controls it.
  endpoint('GET', '/observe', {
    access: 'public',
    async handle(c) {
      const path = c.req.url.split('?')[0]!;
      if (!path.endsWith('/')) return redirectTo(c.reply, `/observe/${c.req.url.slice(path.length)}`, 301);
      const html = '<!doctype html>' + render(<Shell tr={c.i18n} assets={await observerAssets()} />);
      return c.reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  }),

  endpoint('GET', '/observe/sw.js', {
    access: 'public',
    async handle(c) {
      const { sw } = await observerAssets();
      return c.reply
        .header('cache-control', 'no-cache')
        .header('service-worker-allowed', '/observe/')
        .type(sw.type)
        .send(sw.body);
    },
  }),

  endpoint('GET', '/observe/manifest.webmanifest', {
    access: 'public',
    async handle(c) {
      const { icon } = await observerAssets();
      const manifest = {
        name: c.t('elections.app.title'),
        short_name: c.t('elections.app.shortName'),
        lang: c.i18n.lang,
        dir: c.i18n.dir,
        start_url: `/observe/?lang=${c.locale}`,
        scope: '/observe/',
        display: 'standalone',
        background_color: '#fafaf7',
        theme_color: '#0b5d4b',
        icons: [{ src: icon.url, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      };
      return c.reply
        .header('cache-control', 'no-cache')
        .type('application/manifest+json; charset=utf-8')
        .send(JSON.stringify(manifest));
    },
  }),

  endpoint('GET', '/observe/assets/:file', {
    access: 'public',
    async handle(c) {
      const asset = (await observerAssets()).byUrl.get(`/observe/assets/${c.params.file}`) ?? notFound();
      return c.reply.header('cache-control', IMMUTABLE).type(asset.type).send(asset.body);
    },
  }),

  // ——— the API ———

  endpoint('POST', '/api/observe/session', {
    ...api,
    bodyLimit: 4096,
    async handle(c) {
      const parsed = observeLoginBody.safeParse(c.req.body);
      if (!parsed.success) return apiError(c, 400, 'badRequest', 'elections.api.badLogin');
      const code = westernDigits(parsed.data.code).toUpperCase();
      const { limiter } = c.wasl;
      const ipHit = await limiter.hit(`observe:ip:${c.ip}`, LOGIN_LIMITS.ip.max, LOGIN_LIMITS.ip.windowMs, c.now);
      const codeHit = await limiter.hit(
        `observe:code:${code}`,
        LOGIN_LIMITS.code.max,
        LOGIN_LIMITS.code.windowMs,
        c.now,
      );
      if (!ipHit.allowed || !codeHit.allowed) {
        c.reply.header('retry-after', String(Math.max(ipHit.retryAfterSeconds, codeHit.retryAfterSeconds)));
        return apiError(c, 429, 'tooManyAttempts', 'elections.api.tooMany');
      }
      const observer = await observerByCode(c.db, code);
      const ok = await verifyPassword(
        observer?.secret_hash ?? (await dummyPasswordHash()),
        normalizeSecret(parsed.data.secret),
      );
      if (!observer || !ok || observer.status !== 'active')
        return apiError(c, 401, 'badCredentials', 'elections.api.badLogin');
      if (!open(observer.election_status)) return apiError(c, 403, 'electionNotOpen', 'elections.api.notOpen');
      await limiter.reset(`observe:code:${code}`);
      return json(c.reply, 201, { token: await createObserverToken(c.db, observer.id, c.now) });
    },
  }),

  endpoint('DELETE', '/api/observe/session', {
    ...api,
    async handle(c) {
      const token = bearerToken(c);
      if (token) await deleteObserverToken(c.db, token);
      return c.reply.code(204).header('cache-control', 'no-store').send();
    },
  }),

  endpoint('GET', '/api/observe/assignment', {
    ...api,
    async handle(c) {
      const observer = await bearer(c);
      if (!observer) return apiError(c, 401, 'unauthorized', 'elections.api.unauthorized');
      const [election, stationIds, allStations, forms] = await Promise.all([
        c.db
          .selectFrom('elections')
          .select(['id', 'title_ar', 'title_en', 'poll_date', 'status'])
          .where('id', '=', observer.election_id)
          .executeTakeFirstOrThrow(),
        assignedStationIds(c.db, observer.id),
        listStations(c.db, observer.election_id),
        publishedForms(c.db, observer.election_id),
      ]);
      const mine = new Set(stationIds);
      return json(c.reply, 200, {
        observer: { code: observer.code },
        election,
        stations: allStations
          .filter((s) => mine.has(s.id))
          .map((s) => ({
            id: s.id,
            label: `${s.centre_code} ${s.code}`,
            centre_ar: s.centre_name_ar,
            centre_en: s.centre_name_en,
            women_only: s.women_only === 1,
          })),
        forms: forms.map((f) => ({
          id: f.id,
          slug: f.slug,
          kind: f.kind,
          title_ar: f.title_ar,
          title_en: f.title_en,
          version: f.version,
          questions: f.def.questions,
        })),
      });
    },
  }),

  endpoint('POST', '/api/observe/submissions', {
    ...api,
    bodyLimit: 64 * 1024,
    async handle(c) {
      const observer = await bearer(c);
      if (!observer) return apiError(c, 401, 'unauthorized', 'elections.api.unauthorized');
      const parsed = observeSubmissionBody.safeParse(c.req.body);
      if (!parsed.success) return apiError(c, 400, 'badRequest', 'elections.api.badRequest');
      const body = parsed.data;
      if (!open(observer.election_status)) return apiError(c, 403, 'electionNotOpen', 'elections.api.notOpen');
      const stations = await assignedStationIds(c.db, observer.id);
      if (!stations.includes(body.station_id)) return apiError(c, 403, 'notAssigned', 'elections.api.notAssigned');
      // A form of the observer's own election that is (or was) published: never a draft.
      const form = await getForm(c.db, observer.election_id, body.form_id);
      if (!form || form.status === 'draft') return apiError(c, 404, 'unknownForm', 'elections.api.unknownForm');
      const result = await ingestSubmission(
        c.db,
        c.wasl.dialect,
        {
          electionId: observer.election_id,
          electionStatus: observer.election_status,
          form,
          stationId: body.station_id,
          observerId: observer.id,
          enteredBy: null,
          source: 'app',
          key: body.key,
          rawAnswers: body.answers,
        },
        c.now,
      );
      if (result.status === 'keyConflict') return apiError(c, 409, 'keyConflict', 'elections.api.keyConflict');
      if (result.status === 'invalid')
        return apiError(c, 422, 'invalid', 'elections.api.invalid', { fields: result.errors });
      // Acknowledged only now: the transaction has committed.
      return json(c.reply, result.status === 'created' ? 201 : 200, {
        ok: true,
        key: body.key,
        id: result.id,
        duplicate: result.status === 'duplicate',
        received_on: result.receivedAt.slice(0, 10),
      });
    },
  }),
];
