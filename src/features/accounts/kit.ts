// One builder the route kit (core/http/route.ts) does not have, which signing in needs. Small, for
// the lead to lift into the core:
//
//   post(path, { access, load?, schema, answer })   a POST whose answers are pages with their own
//                                                   statuses (401 wrong password, 429 rate-limited,
//                                                   the reset request's 200 whether or not the
//                                                   address is known, recovery codes shown once) or
//                                                   a redirect; `answer` gets the parse, ok or not
//                                                   (a malformed second step still counts as a guess,
//                                                   which form() — it answers bad input itself — cannot).
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
