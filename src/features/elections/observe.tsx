// The observer app (/observe, a PWA) and its API (/api/observe/…). The API routes are public at
// the access layer and check a bearer token themselves (no cookies, so no CSRF); a revoked
// observer's tokens are deleted, so revocation takes effect on the next request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';
import { verifyPassword, dummyPasswordHash } from '../../core/auth/passwords.js';
import type { Translator } from '../../core/i18n/index.js';
import { observerAssets, type ObserverAssets } from './bundle.js';
import { ingestSubmission } from './actions.js';
import {
  assignedStationIds,
  createObserverToken,
  deleteObserverToken,
  listStations,
  observerByCode,
  observerForToken,
  publishedForms,
  type TokenObserver,
} from './queries.js';
import { observeLoginBody, observeSubmissionBody } from './schemas.js';
import { westernDigits } from './expr.js';

/** Secrets are shown as XXXXX-XXXXX; what is typed is compared without case, spaces or dashes. */
export function normalizeSecret(s: string): string {
  return westernDigits(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

export const LOGIN_LIMITS = {
  code: { max: 10, windowMs: 15 * 60_000 },
  // generous: many observers may share one carrier-grade NAT address
  ip: { max: 300, windowMs: 15 * 60_000 },
};

function Shell(p: { tr: Translator; assets: ObserverAssets; url: string }) {
  const { t } = p.tr;
  const other = p.tr.locale === 'ar' ? { code: 'en', name: 'English' } : { code: 'ar', name: 'العربية' };
  // Placeholders survive formatting: the app fills them in.
  const m = (k: Parameters<Translator['t']>[0]) =>
    (t as (k: string, p: Record<string, string>) => string)(k, { n: '{n}', min: '{min}', max: '{max}' });
  const data: Record<string, string> = {
    'data-online': m('elections.app.online'),
    'data-offline': m('elections.app.offline'),
    'data-waiting': m('elections.app.waiting'),
    'data-refused': m('elections.app.refused'),
    'data-refused-generic': m('elections.app.refusedGeneric'),
    'data-discard': m('elections.app.discard'),
    'data-discard-confirm': m('elections.app.discardConfirm'),
    'data-waiting-count': m('elections.app.waitingCount'),
    'data-sent-count': m('elections.app.sentCount'),
    'data-queued': m('elections.app.queued'),
    'data-yes': m('common.yes'),
    'data-no': m('common.no'),
    'data-required': m('form.required'),
    'data-bad-number': m('elections.app.badNumber'),
    'data-range': m('elections.app.range'),
    'data-fix-errors': m('elections.app.fixErrors'),
    'data-bad-login': m('elections.app.badLogin'),
    'data-too-many': m('elections.app.tooMany'),
    'data-login-offline': m('elections.app.loginOffline'),
    'data-server-error': m('elections.app.serverError'),
    'data-access-ended': m('elections.app.accessEnded'),
    'data-logout-waiting': m('elections.app.logoutWaiting'),
    'data-women-only': m('elections.stations.womenOnly'),
  };
  return (
    <html lang={p.tr.lang} dir={p.tr.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d4b" />
        <title>{t('elections.app.title')}</title>
        <link rel="manifest" href={`/observe/manifest.webmanifest?lang=${p.tr.locale}`} />
        <link rel="icon" href={p.assets.icon.url} />
        <link rel="stylesheet" href={p.assets.css.url} />
        <script defer src={p.assets.js.url}></script>
      </head>
      <body>
        <header>
          <h1>{t('elections.app.title')}</h1>
          <span id="net" role="status" class="net"></span>
          <a href={`/observe/?lang=${other.code}`} lang={other.code} hreflang={other.code}>
            {other.name}
          </a>
        </header>
        <main>
          <noscript>
            <p class="notice">{t('elections.app.noscript')}</p>
          </noscript>
          <p id="notice" class="notice" role="status"></p>
          <section id="v-login" hidden>
            <h2>{t('elections.app.signIn')}</h2>
            <p class="hint">{t('elections.app.signInHint')}</p>
            <form id="login-form" autocomplete="off">
              <div class="field">
                <label for="code">{t('elections.app.code')}</label>
                <input
                  id="code"
                  name="code"
                  type="text"
                  dir="ltr"
                  required
                  autocapitalize="characters"
                  maxLength={40}
                />
              </div>
              <div class="field">
                <label for="secret">{t('elections.app.secret')}</label>
                <input id="secret" name="secret" type="password" dir="ltr" required maxLength={64} />
              </div>
              <p id="login-error" class="error" role="alert"></p>
              <button type="submit">{t('elections.app.signInButton')}</button>
            </form>
          </section>
          <section id="v-home" hidden>
            <p id="who"></p>
            <h2>{t('elections.app.stations')}</h2>
            <ul id="stations"></ul>
            <h2>{t('elections.app.forms')}</h2>
            <ul id="forms"></ul>
            <div class="actions">
              <button type="button" id="sync">
                {t('elections.app.sendNow')}
              </button>
              <button type="button" id="logout" class="secondary">
                {t('nav.signOut')}
              </button>
            </div>
          </section>
          <section id="v-form" hidden>
            <h2 id="form-title"></h2>
            <form id="report" novalidate>
              <div class="field">
                <label for="station">{t('elections.app.station')}</label>
                <select id="station" name="station"></select>
              </div>
              <div id="questions"></div>
              <p id="form-error" class="error" role="alert"></p>
              <div class="actions">
                <button type="submit">{t('elections.app.save')}</button>
                <button type="button" id="cancel" class="secondary">
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          </section>
          <section id="outbox-panel">
            <h2>{t('elections.app.outbox')}</h2>
            <p class="hint">{t('elections.app.outboxHint')}</p>
            <p id="outbox-summary" role="status" aria-live="polite"></p>
            <p id="outbox-empty" class="hint">
              {t('elections.app.outboxEmpty')}
            </p>
            <ul id="outbox"></ul>
          </section>
          <div id="msgs" hidden {...data}></div>
        </main>
      </body>
    </html>
  );
}

function apiError(
  reply: FastifyReply,
  status: number,
  code: string,
  tr: { ar: Translator; en: Translator },
  key: string,
) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: code, message: { ar: tr.ar.t(key as never), en: tr.en.t(key as never) } });
}

export async function observeRoutes(app: FastifyInstance) {
  const { db, dialect, limiter, i18n } = app.wasl;
  const assets = await observerAssets();
  const tr = { ar: i18n.translator('ar', { digits: 'latn' }), en: i18n.translator('en', { digits: 'latn' }) };
  const publicCache = 'public, max-age=31536000, immutable';

  // The shell lives at /observe/ so that the service worker (scope /observe/) controls it.
  app.get('/observe', { config: { access: 'public' } }, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!path.endsWith('/')) return reply.redirect(`/observe/${req.url.slice(path.length)}`, 301);
    const html = '<!doctype html>' + render(<Shell tr={req.i18n} assets={assets} url={req.url} />);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });

  app.get('/observe/sw.js', { config: { access: 'public' } }, async (_req, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/observe/')
      .type(assets.sw.type)
      .send(assets.sw.body),
  );

  app.get('/observe/manifest.webmanifest', { config: { access: 'public' } }, async (req, reply) => {
    const { t } = req.i18n;
    const manifest = {
      name: t('elections.app.title'),
      short_name: t('elections.app.shortName'),
      lang: req.i18n.lang,
      dir: req.i18n.dir,
      start_url: `/observe/?lang=${req.i18n.locale}`,
      scope: '/observe/',
      display: 'standalone',
      background_color: '#fafaf7',
      theme_color: '#0b5d4b',
      icons: [{ src: assets.icon.url, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    };
    return reply
      .header('cache-control', 'no-cache')
      .type('application/manifest+json; charset=utf-8')
      .send(JSON.stringify(manifest));
  });

  app.get<{ Params: { file: string } }>(
    '/observe/assets/:file',
    { config: { access: 'public' } },
    async (req, reply) => {
      const asset = assets.byUrl.get(`/observe/assets/${req.params.file}`);
      if (!asset) return reply.callNotFound();
      return reply.header('cache-control', publicCache).type(asset.type).send(asset.body);
    },
  );

  // ——— the API ———

  async function bearer(req: FastifyRequest, reply: FastifyReply): Promise<TokenObserver | null> {
    const h = req.headers.authorization;
    const token = typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : '';
    const observer = token ? await observerForToken(db, token, req.now) : null;
    if (!observer) {
      apiError(reply, 401, 'unauthorized', tr, 'elections.api.unauthorized');
      return null;
    }
    return observer;
  }

  app.post(
    '/api/observe/session',
    { config: { access: 'public', csrf: false }, bodyLimit: 4096 },
    async (req, reply) => {
      const parsed = observeLoginBody.safeParse(req.body);
      if (!parsed.success) return apiError(reply, 400, 'badRequest', tr, 'elections.api.badLogin');
      const code = westernDigits(parsed.data.code).toUpperCase();
      const ipHit = await limiter.hit(`observe:ip:${req.ip}`, LOGIN_LIMITS.ip.max, LOGIN_LIMITS.ip.windowMs, req.now);
      const codeHit = await limiter.hit(
        `observe:code:${code}`,
        LOGIN_LIMITS.code.max,
        LOGIN_LIMITS.code.windowMs,
        req.now,
      );
      if (!ipHit.allowed || !codeHit.allowed) {
        reply.header('retry-after', String(Math.max(ipHit.retryAfterSeconds, codeHit.retryAfterSeconds)));
        return apiError(reply, 429, 'tooManyAttempts', tr, 'elections.api.tooMany');
      }
      const observer = await observerByCode(db, code);
      const ok = await verifyPassword(
        observer?.secret_hash ?? (await dummyPasswordHash()),
        normalizeSecret(parsed.data.secret),
      );
      if (!observer || !ok || observer.status !== 'active')
        return apiError(reply, 401, 'badCredentials', tr, 'elections.api.badLogin');
      if (observer.election_status !== 'active' && observer.election_status !== 'closed')
        return apiError(reply, 403, 'electionNotOpen', tr, 'elections.api.notOpen');
      await limiter.reset(`observe:code:${code}`);
      const token = await createObserverToken(db, observer.id, req.now);
      return reply.code(201).header('cache-control', 'no-store').send({ token });
    },
  );

  app.delete('/api/observe/session', { config: { access: 'public', csrf: false } }, async (req, reply) => {
    const h = req.headers.authorization;
    if (typeof h === 'string' && h.startsWith('Bearer ')) await deleteObserverToken(db, h.slice(7).trim());
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.get('/api/observe/assignment', { config: { access: 'public', csrf: false } }, async (req, reply) => {
    const observer = await bearer(req, reply);
    if (!observer) return reply;
    const [election, stationIds, allStations, forms] = await Promise.all([
      db
        .selectFrom('elections')
        .select(['id', 'title_ar', 'title_en', 'poll_date', 'status'])
        .where('id', '=', observer.election_id)
        .executeTakeFirstOrThrow(),
      assignedStationIds(db, observer.id),
      listStations(db, observer.election_id),
      publishedForms(db, observer.election_id),
    ]);
    const mine = new Set(stationIds);
    return reply.header('cache-control', 'no-store').send({
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
  });

  app.post(
    '/api/observe/submissions',
    { config: { access: 'public', csrf: false }, bodyLimit: 64 * 1024 },
    async (req, reply) => {
      const observer = await bearer(req, reply);
      if (!observer) return reply;
      const parsed = observeSubmissionBody.safeParse(req.body);
      if (!parsed.success) return apiError(reply, 400, 'badRequest', tr, 'elections.api.badRequest');
      const body = parsed.data;
      if (observer.election_status !== 'active' && observer.election_status !== 'closed')
        return apiError(reply, 403, 'electionNotOpen', tr, 'elections.api.notOpen');
      const stations = await assignedStationIds(db, observer.id);
      if (!stations.includes(body.station_id))
        return apiError(reply, 403, 'notAssigned', tr, 'elections.api.notAssigned');
      const formRow = await db
        .selectFrom('observation_forms')
        .selectAll()
        .where('id', '=', body.form_id)
        .where('election_id', '=', observer.election_id)
        .where('status', '!=', 'draft')
        .executeTakeFirst();
      if (!formRow) return apiError(reply, 404, 'unknownForm', tr, 'elections.api.unknownForm');
      const form = {
        ...formRow,
        def: JSON.parse(formRow.definition),
        ruleList: JSON.parse(formRow.rules) as string[],
      };
      const result = await ingestSubmission(
        db,
        dialect,
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
        req.now,
      );
      if (result.status === 'keyConflict') return apiError(reply, 409, 'keyConflict', tr, 'elections.api.keyConflict');
      if (result.status === 'invalid')
        return reply
          .code(422)
          .header('cache-control', 'no-store')
          .send({
            error: 'invalid',
            fields: result.errors,
            message: { ar: tr.ar.t('elections.api.invalid'), en: tr.en.t('elections.api.invalid') },
          });
      // Acknowledged only now: the transaction has committed.
      return reply
        .code(result.status === 'created' ? 201 : 200)
        .header('cache-control', 'no-store')
        .send({
          ok: true,
          key: body.key,
          id: result.id,
          duplicate: result.status === 'duplicate',
          received_on: result.receivedAt.slice(0, 10),
        });
    },
  );
}
