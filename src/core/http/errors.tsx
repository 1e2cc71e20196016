// Generic error pages in the person's language: no stack traces, no details of what exists.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TitledLayout } from '../views/Layout.js';
import { usePage } from '../views/context.js';
import { renderPage } from './render.js';
import { anonymous } from '../auth/actor.js';
import { NotFound } from './not-found.js';

function ErrorPage(props: { title: string; message: string }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={props.title}>
      <p>{props.message}</p>
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </TitledLayout>
  );
}

function wantsJson(req: FastifyRequest) {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');
}

function send(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  titleKey: string,
  messageKey: string,
  params?: object,
) {
  // The request may have failed before the core hooks ran (e.g. a malformed body).
  const i18n = req.i18n ?? req.server.wasl.i18n.translator('ar', { digits: 'latn' });
  req.i18n = i18n;
  req.actor ??= anonymous;
  const t = i18n.t as (k: string, p?: object) => string;
  if (wantsJson(req)) {
    const en = req.server.wasl.i18n.translator('en', { digits: 'latn' }).t as (k: string, p?: object) => string;
    const ar = req.server.wasl.i18n.translator('ar', { digits: 'latn' }).t as (k: string, p?: object) => string;
    return reply
      .code(status)
      .type('application/json')
      .send({ error: messageKey, message: { ar: ar(messageKey, params), en: en(messageKey, params) } });
  }
  return renderPage(req, reply, <ErrorPage title={t(titleKey, params)} message={t(messageKey, params)} />, status);
}

/** A clear 400 in the person's language (HTML, or JSON with Arabic and English under /api/). */
export function badRequest(req: FastifyRequest, reply: FastifyReply) {
  return send(req, reply, 400, 'error.badRequest.title', 'error.badRequest.message');
}

/** Input with control characters (NUL and the like): refused whole, before anything reads it. */
export function controlCharacters(req: FastifyRequest, reply: FastifyReply) {
  return send(req, reply, 400, 'error.badRequest.title', 'error.controlCharacters.message');
}

export function registerErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler({ preHandler: undefined }, (req, reply) =>
    send(req, reply, 404, 'error.notFound.title', 'error.notFound.message'),
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // A loader or handler found nothing the person may see (core/http/route.ts): the same page
    // as any unknown address, so a 404 never tells "exists but not yours" from "does not exist".
    if (err instanceof NotFound) return reply.callNotFound();
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      return send(req, reply, 403, 'error.csrf.title', 'error.csrf.message');
    }
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') {
      return send(req, reply, 413, 'error.tooLarge.title', 'error.tooLarge.message');
    }
    if (status === 429) {
      return send(req, reply, 429, 'error.rateLimited.title', 'error.rateLimited.message', { seconds: 60 });
    }
    if (status >= 400 && status < 500) {
      return send(req, reply, status === 404 ? 404 : 400, 'error.badRequest.title', 'error.badRequest.message');
    }
    req.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'request failed');
    return send(req, reply, 500, 'error.server.title', 'error.server.message');
  });
}
