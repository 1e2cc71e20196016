// Shapes of route this feature uses often, built on the route kit (candidates for
// core/http/route.ts): managedForm — a coordinator's page and the form on it at one path, GET for
// the election's coordinators, POST for those who may still change it (not once archived);
// managedButton — a button of a coordinator's page (no fields): a change, then a page to go to;
// listRequest — what a searched list's page takes from its request besides its rows.
import type { VNode } from 'preact';
import type { z } from 'zod';
import { action, form, page, type AnyCtx, type MemberCtx, type Next, type RouteDef } from '../../core/http/route.js';
import type { FormState } from '../../core/views/forms.js';
import { canChange, election } from './permissions.js';
import type { Election } from './queries.js';
import { emptyForm, listQuery } from './schemas.js';

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

export function managedButton<const Path extends string, L>(
  path: Path,
  load: (c: AnyCtx) => Promise<L>,
  run: (c: MemberCtx, loaded: L) => Next | Promise<Next>,
): RouteDef {
  return action(path, { access: 'member', load, schema: emptyForm, run });
}

/** The search and page asked for, whether the viewer may change the list, its import's row limit (ListPageProps). */
export function listRequest(c: MemberCtx, e: Election, state: FormState | null, maxRows: number) {
  return { e, query: listQuery.parse(c.query), state, canChange: canChange(c, e), maxRows };
}
