// The observer app (/observe, a PWA) and its API (/api/observe/…). Both are `endpoint`s: the
// shell and its files are not site pages, and the API answers JSON. The API routes are public at
// the access layer and check a bearer token themselves (no cookies, so no CSRF); a revoked
// observer's tokens are deleted, so revocation takes effect on the next request. Sign-in limits
// are in signin.ts; a report that needs someone tells the election's coordinators.
import type { FastifyReply } from 'fastify';
import { render } from 'preact-render-to-string';
import { endpoint, notFound, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import type { Translator } from '../../../core/i18n/index.js';
import { observerAssets } from '../bundle.js';
import { stationLabel } from '../codes.js';
import { ingestSubmission } from '../entry/actions.js';
import { tellIfNeeded } from '../entry/attention.js';
import { formForReport, publishedForms } from '../forms/queries.js';
import { assignedStationIds, deleteObserverToken, isAssigned, observerForToken } from '../observers/queries.js';
import { getElection } from '../queries.js';
import { stationsById } from '../stations/queries.js';
import { clientRules } from './rules.js';
import { observeLoginBody, observeSubmissionBody } from './schemas.js';
import { observerSignIn } from './signin.js';
import { Shell } from './shell.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const open = (status: string) => status === 'active' || status === 'closed';

/** Both languages of the API's messages (the app shows the observer's). */
function translators(c: AnyCtx): { ar: Translator; en: Translator } {
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

/**
 * No answer here but the shell goes into the page cache for anonymous visitors: the API's depend
 * on the bearer token (which the cache's key does not hold), and the app's files carry their own
 * headers (immutable assets, the service worker's scope), which a cached copy would not. The shell
 * is the same for every observer in a language (who they are is only known to the API), so it is
 * cached like any public page, kept pre-compressed, and answered 304 to a repeat visit.
 */
const uncached = (c: AnyCtx) => {
  c.req.pageCache = null;
};

export const observeRoutes = [
  // The shell lives at /observe/ so that the service worker (scope /observe/) controls it.
  endpoint('GET', '/observe', {
    access: 'public',
    async handle(c) {
      const path = c.req.url.split('?')[0]!;
      if (!path.endsWith('/')) return redirectTo(c.reply, `/observe/${c.req.url.slice(path.length)}`, 301);
      const html = '<!doctype html>' + render(<Shell tr={c.i18n} assets={await observerAssets()} />);
      return c.reply.type('text/html; charset=utf-8').send(html);
    },
  }),

  endpoint('GET', '/observe/sw.js', {
    access: 'public',
    async handle(c) {
      uncached(c);
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
      uncached(c);
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
      uncached(c);
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
      const answer = await observerSignIn(c, parsed.data.code, parsed.data.secret);
      switch (answer.status) {
        case 201:
          return json(c.reply, 201, { token: answer.token });
        case 429:
          c.reply.header('retry-after', String(answer.retryAfter));
          return apiError(c, 429, 'tooManyAttempts', 'elections.api.tooMany', { retry_after: answer.retryAfter });
        case 403:
          return apiError(c, 403, 'electionNotOpen', 'elections.api.notOpen');
        default:
          return apiError(c, 401, 'badCredentials', 'elections.api.badLogin');
      }
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
      uncached(c);
      const observer = await bearer(c);
      if (!observer) return apiError(c, 401, 'unauthorized', 'elections.api.unauthorized');
      const [election, stations, forms] = await Promise.all([
        getElection(c.db, observer.election_id),
        assignedStationIds(c.db, observer.id).then((ids) => stationsById(c.db, observer.election_id, ids)),
        publishedForms(c.db, observer.election_id),
      ]);
      const tr = translators(c);
      return json(c.reply, 200, {
        observer: { code: observer.code },
        election: {
          id: election!.id,
          title_ar: election!.title_ar,
          title_en: election!.title_en,
          poll_date: election!.poll_date,
          status: election!.status,
          hotline: election!.hotline,
        },
        stations: stations.map((s) => ({
          id: s.id,
          label: stationLabel(s),
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
          // What the app checks before saving a count (it warns; the server flags).
          rules: f.kind === 'count' ? clientRules(f, tr) : [],
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
      if (!(await isAssigned(c.db, observer.id, body.station_id)))
        return apiError(c, 403, 'notAssigned', 'elections.api.notAssigned');
      // A form of the observer's own election that is (or was) published: never a draft.
      const form = await formForReport(c.db, observer.election_id, body.form_id);
      if (!form) return apiError(c, 404, 'unknownForm', 'elections.api.unknownForm');
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
      if (result.status === 'created') await tellIfNeeded(c, observer.election_id, form, body.station_id, result, null);
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
