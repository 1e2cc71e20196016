// Two builders the route kit (core/http/route.ts) does not have, which signing in needs. Small, for
// the lead to lift into the core:
//
//   view(path, { access, query?, load?, render })   a GET page that may answer otherwise: a redirect
//                                                   (signed in already) or another status (an
//                                                   invalid link's 404).
//   post(path, { access, load?, schema, answer })   a POST whose answers are pages with their own
//                                                   statuses (401 wrong password, 429 rate-limited,
//                                                   the reset request's 200 whether or not the
//                                                   address is known, recovery codes shown once) or
//                                                   a redirect; `answer` gets the parse, ok or not
//                                                   (a malformed second step still counts as a guess).
//
// Why not page() and form(): they `await` what render/show return, and a Fastify reply is a
// thenable, so a returned reply (c.redirect, c.render(page, 404)) comes back as undefined and the
// kit renders a second time ("Reply was already sent", logged with the URL — a reset token in it).
// Here the reply's `sent` decides; the core fix is the same check in page() and form().
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import type { AccessLevel } from '../../core/auth/access.js';
import { parseForm, type FormResult } from '../../core/http/forms.js';
import { endpoint, type AnyCtx, type Ctx, type PathParams, type RouteDef } from '../../core/http/route.js';

type Answer = VNode | FastifyReply;

/** The reply, if the handler answered; else its page, rendered (200). */
function answered(c: AnyCtx, out: Answer | undefined): FastifyReply {
  return c.reply.sent ? c.reply : c.render(out as VNode);
}

export function view<const Path extends string, A extends AccessLevel, L = undefined, Q = Record<string, unknown>>(
  path: Path,
  opts: {
    access: A;
    allowWithout2fa?: boolean;
    query?: z.ZodType<Q>;
    load?: (c: Ctx<A, PathParams<Path>, Q>) => L | Promise<L>;
    render: (c: Ctx<A, PathParams<Path>, Q>, loaded: L) => Answer | Promise<Answer>;
  },
): RouteDef {
  return endpoint('GET', path, {
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    query: opts.query,
    load: opts.load,
    handle: async (c, loaded) => answered(c, await opts.render(c, loaded as L)),
  });
}

export function post<const Path extends string, A extends AccessLevel, S extends z.ZodObject, L = undefined>(
  path: Path,
  opts: {
    access: A;
    allowWithout2fa?: boolean;
    load?: (c: Ctx<A, PathParams<Path>>) => L | Promise<L>;
    schema: S;
    answer: (c: Ctx<A, PathParams<Path>>, loaded: L, form: FormResult<z.infer<S>>) => Answer | Promise<Answer>;
  },
): RouteDef {
  return endpoint('POST', path, {
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    load: opts.load,
    handle: async (c, loaded) =>
      answered(c, await opts.answer(c, loaded as L, parseForm(opts.schema, c.req.body, c.i18n))),
  });
}
