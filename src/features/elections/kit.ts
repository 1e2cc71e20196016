// Two shapes of route this feature uses often, built on the route kit (candidates for
// core/http/route.ts):
//  - managedForm: a coordinator's page and the form on it at one path — GET for the election's
//    coordinators, POST for those who may still change it (not once archived);
//  - pageForm: a form whose answer is a page, not a redirect. The kit's form() answers a saved form
//    with 303, but two forms here must answer with what was just made — a new observer's secret,
//    shown once and never stored (like recovery codes), and the replies to pasted text reports.
//    Same contract otherwise: schema, `check`, `save`; bad input shows `show` again with status
//    400 and nothing changed.
import type { VNode } from 'preact';
import type { z } from 'zod';
import type { AccessLevel } from '../../core/auth/access.js';
import { parseForm } from '../../core/http/forms.js';
import {
  endpoint,
  form,
  FormErrors,
  page,
  type Ctx,
  type MemberCtx,
  type Next,
  type PathParams,
  type RouteDef,
} from '../../core/http/route.js';
import type { FormState } from '../../core/views/forms.js';
import { election } from './permissions.js';
import type { Election } from './queries.js';

type Show = (c: MemberCtx, e: Election, state: FormState | null) => VNode | Promise<VNode>;
type Errors = Record<string, string | undefined> | void;

export function managedForm<const Path extends string, S extends z.ZodObject>(
  path: Path,
  opts: {
    show: Show;
    schema: S;
    check?: (c: MemberCtx, e: Election, data: z.infer<S>) => Errors | Promise<Errors>;
    save: (c: MemberCtx, e: Election, data: z.infer<S>) => Next | Promise<Next>;
  },
): RouteDef[] {
  return [
    page(path, { access: 'member', load: election('coordinate'), render: (c, e) => opts.show(c, e, null) }),
    ...form(path, { access: 'member', load: election('change'), ...opts }),
  ];
}

export function pageForm<const Path extends string, A extends AccessLevel, S extends z.ZodObject, L>(
  path: Path,
  opts: {
    access: A;
    load: (c: Ctx<A, PathParams<Path>>) => L | Promise<L>;
    schema: S;
    show: (c: Ctx<A, PathParams<Path>>, loaded: L, state: FormState | null) => VNode | Promise<VNode>;
    check?: (
      c: Ctx<A, PathParams<Path>>,
      loaded: L,
      data: z.infer<S>,
    ) => Record<string, string | undefined> | void | Promise<Record<string, string | undefined> | void>;
    /** Does the work; returns the page that answers (200). Throw FormErrors to show the form again. */
    save: (c: Ctx<A, PathParams<Path>>, loaded: L, data: z.infer<S>) => VNode | Promise<VNode>;
  },
): RouteDef {
  return endpoint('POST', path, {
    access: opts.access,
    load: opts.load,
    async handle(c, loaded) {
      const parsed = parseForm(opts.schema, c.req.body, c.i18n);
      const refuse = async (errors: Record<string, string | undefined>) => {
        const clean = Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => !!e[1]));
        const state: FormState = { id: c.req.url.split('?')[0]!, values: parsed.raw, errors: clean };
        return c.render(await opts.show(c, loaded, state), 400);
      };
      if (!parsed.ok) return refuse(parsed.errors);
      try {
        const errors = opts.check ? await opts.check(c, loaded, parsed.data) : undefined;
        if (errors && Object.values(errors).some(Boolean)) return refuse(errors);
        return c.render(await opts.save(c, loaded, parsed.data));
      } catch (err) {
        if (err instanceof FormErrors) return refuse(err.errors);
        throw err;
      }
    },
  });
}
