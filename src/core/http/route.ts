// The route kit: every route of every feature is written with one of four builders, so each
// answers the same way — a missing or forbidden thing is a 404 from the error handler, a form
// with bad input is re-rendered (400) with each error beside its field, a saved form is a flash
// message and a 303 to a Location header that is always percent-encoded.
//
//   page(path, { access, query?, load?, render })          a GET that renders a page
//   form(path, { access, load?, schema, show, check?, save, get? })
//                                                         a POST form (and optionally its GET page)
//   action(path, { access, load?, schema?, run })         a POST button: do it, then 303
//   endpoint(method, path, { access, handle })            anything else: files, JSON, feeds, CSS
//
// A builder returns plain route records; the feature lists them in its manifest and the app
// registers them (features/index.ts → app.ts). `npm run wasl -- routes` prints them all.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isValidElement, type VNode } from 'preact';
import type { z } from 'zod';
import type { AccessLevel } from '../auth/access.js';
import type { Actor } from '../auth/actor.js';
import { authorize, type ActionOf, type AnyResource } from '../auth/authorize.js';
import { audit, type AuditEntry } from '../audit/index.js';
import type { Db } from '../db/index.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import type { WaslServices } from '../services.js';
import type { FormState } from '../views/forms.js';
import { parseForm, safeLocalPath } from './forms.js';
import { renderPage } from './render.js';
import { badRequest } from './errors.js';
import { notFound } from './not-found.js';
import { FRESH_AUTH_MS } from '../auth/sessions.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One registered route, as the app and `wasl routes` see it. */
export type RouteDef = {
  method: Method;
  path: string;
  access: AccessLevel;
  /** false only for routes authenticated another way (bearer tokens) */
  csrf?: boolean;
  /** reachable by a staff member who has not set up two-step yet (the set-up pages, sign-out) */
  allowWithout2fa?: boolean;
  bodyLimit?: number;
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** set when the feature is installed */
  feature?: string;
};

export { NotFound, notFound } from './not-found.js';

/**
 * Thrown from `check` or `save`: the form is shown again with these messages beside its fields,
 * with status 400 — or another (403 for a refused action, 429 with Retry-After when too fast).
 */
export class FormErrors extends Error {
  constructor(
    readonly errors: Record<string, string>,
    readonly answer: { status?: number; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super('Form errors');
  }
}

type User = NonNullable<Actor['user']>;

/** `:id` and `:slug` in '/x/:id/:slug' */
export type PathParams<S extends string> = S extends `${string}:${infer P}/${infer Rest}`
  ? P | PathParams<`/${Rest}`>
  : S extends `${string}:${infer P}`
    ? P
    : never;

/** Where a save goes next: a path, or a path with the message shown there. */
export type Next = string | { to: string; flash?: MessageKey | null };
/** What a save answers: where to go next, or a page shown at once (a secret shown only once). */
export type Saved = Next | VNode;

/** What a handler knows about its request. `user` is present on every route above `public`. */
export type Ctx<A extends AccessLevel = AccessLevel, P extends string = string, Q = Record<string, unknown>> = {
  req: FastifyRequest;
  reply: FastifyReply;
  wasl: WaslServices;
  db: Db;
  i18n: Translator;
  t: Translator['t'];
  locale: string;
  now: Date;
  actor: Actor;
  user: A extends 'public' ? User | null : User;
  ip: string;
  params: Record<P, string>;
  query: Q;
  /** A path parameter as a positive 32-bit id; anything else is a 404. */
  id(param: P): number;
  /** May the person asking do this with that? */
  can<R extends AnyResource>(action: ActionOf<R>, resource: R): boolean;
  render(page: VNode, status?: number): FastifyReply;
  /** 303 (or 301) to a same-site path, percent-encoded, with an optional one-time message. */
  redirect(next: Next, status?: 301 | 302 | 303): FastifyReply;
  /** An audit entry by the person asking, with the request's address. */
  audit(action: string, target?: Omit<AuditEntry, 'action' | 'actorUserId' | 'ip'>): Promise<void>;
};

/** Any Ctx, for helpers that do not care about the route's access level or parameters. */
export type AnyCtx = Ctx<AccessLevel, string, any>;
/** A Ctx of a signed-in route. */
export type MemberCtx = Ctx<'member', string, any>;

const ID = /^\d{1,10}$/;
/** A positive 32-bit integer from a path or form value, or null. */
export function parseId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 && raw < 2 ** 31 ? raw : null;
  if (typeof raw !== 'string' || !ID.test(raw)) return null;
  const n = Number(raw);
  return n > 0 && n < 2 ** 31 ? n : null;
}

/** 303 See Other to a same-site path; the one redirect every feature uses. */
export function redirectTo(reply: FastifyReply, next: Next, status: 301 | 302 | 303 = 303): FastifyReply {
  const to = typeof next === 'string' ? next : next.to;
  if (typeof next !== 'string' && next.flash) reply.flashNext(next.flash);
  return reply.code(status).header('location', safeLocalPath(to)).send();
}

export function makeCtx<A extends AccessLevel, P extends string, Q>(
  req: FastifyRequest,
  reply: FastifyReply,
  query: Q,
): Ctx<A, P, Q> {
  const actor = req.actor;
  const params = (req.params ?? {}) as Record<P, string>;
  return {
    req,
    reply,
    wasl: req.server.wasl,
    db: req.server.wasl.db,
    i18n: req.i18n,
    t: req.i18n.t,
    locale: req.i18n.locale,
    now: req.now,
    actor,
    user: actor.user as Ctx<A>['user'],
    ip: req.ip,
    params,
    query,
    id(param) {
      return parseId(params[param]) ?? notFound();
    },
    can(action, resource) {
      return authorize(actor, action, resource);
    },
    render(page, status = 200) {
      return renderPage(req, reply, page, status);
    },
    redirect(next, status = 303) {
      return redirectTo(reply, next, status);
    },
    audit(action, target = {}) {
      return audit(req.server.wasl.db, req.now, { ...target, action, actorUserId: actor.user?.id ?? null, ip: req.ip });
    },
  };
}

type Common<A extends AccessLevel> = {
  access: A;
  allowWithout2fa?: boolean;
  /**
   * A sensitive change (recovery codes, e-mail, an organization's export, emergency access): the
   * person must have typed their password or a code in the last minutes, else they are asked to
   * (/account/confirm) and brought back.
   */
  fresh?: boolean;
};

/** Whether the person's proof of identity is recent enough for a `fresh` route. */
export function isFresh(req: FastifyRequest): boolean {
  return !!req.confirmedAt && req.now.getTime() - Date.parse(req.confirmedAt) <= FRESH_AUTH_MS;
}

/** Sends the person to confirm who they are, then back to the page they were on. */
function askToConfirm(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  let back = req.method === 'GET' ? req.url : '/';
  if (req.method !== 'GET' && typeof req.headers.referer === 'string') {
    try {
      const ref = new URL(req.headers.referer);
      if (ref.host === req.headers.host) back = ref.pathname + ref.search;
    } catch {
      /* not a URL: back to the start */
    }
  }
  return redirectTo(reply, {
    to: `/account/confirm?next=${encodeURIComponent(back)}`,
    flash: 'account.confirm.needed',
  });
}

/** Runs the `fresh` check of a route; true when the request may go on. */
function freshEnough(opts: { fresh?: boolean }, req: FastifyRequest, reply: FastifyReply): boolean {
  if (!opts.fresh || isFresh(req)) return true;
  askToConfirm(req, reply);
  return false;
}

type Loader<C, L> = (c: C) => L | Promise<L>;

/** Parses the query string; a value the schema refuses is a clear 400. */
function readQuery<Q>(req: FastifyRequest, schema: z.ZodType<Q> | undefined): { ok: true; query: Q } | { ok: false } {
  const raw = (req.query ?? {}) as Record<string, unknown>;
  if (!schema) return { ok: true, query: raw as Q };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false };
}

/**
 * What a page and an endpoint do before they answer: the recent-sign-in check, the query string
 * (a value its schema refuses is a 400) and the loader. `answered` when one of those has replied.
 */
async function readyToAnswer<A extends AccessLevel, P extends string, Q, L>(
  opts: { fresh?: boolean; query?: z.ZodType<Q>; load?: Loader<Ctx<A, P, Q>, L> },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ answered: FastifyReply } | { c: Ctx<A, P, Q>; loaded: L }> {
  if (!freshEnough(opts, req, reply)) return { answered: reply };
  const q = readQuery(req, opts.query);
  if (!q.ok) return { answered: await badRequest(req, reply) };
  const c = makeCtx<A, P, Q>(req, reply, q.query);
  return { c, loaded: (opts.load ? await opts.load(c) : undefined) as L };
}

/** A GET that renders a page (or answers otherwise, if `render` returns the reply itself). */
export function page<const Path extends string, A extends AccessLevel, L = undefined, Q = Record<string, unknown>>(
  path: Path,
  opts: Common<A> & {
    query?: z.ZodType<Q>;
    load?: Loader<Ctx<A, PathParams<Path>, Q>, L>;
    render: (c: Ctx<A, PathParams<Path>, Q>, loaded: L) => VNode | FastifyReply | Promise<VNode | FastifyReply>;
  },
): RouteDef {
  return {
    method: 'GET',
    path,
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    async handler(req, reply) {
      const ready = await readyToAnswer<A, PathParams<Path>, Q, L>(opts, req, reply);
      return 'answered' in ready ? ready.answered : answer(ready.c, await opts.render(ready.c, ready.loaded));
    },
  };
}

type FormOpts<Path extends string, A extends AccessLevel, L, S extends z.ZodObject> = Common<A> & {
  load?: Loader<Ctx<A, PathParams<Path>>, L>;
  /** The form's fields; a function when they depend on what was loaded. */
  schema: S | ((c: Ctx<A, PathParams<Path>>, loaded: L) => S);
  /**
   * The page the form is on, with `state` (values and errors) after a refused submission. Without
   * it, bad input answers the generic 400 page.
   */
  show?: (
    c: Ctx<A, PathParams<Path>>,
    loaded: L,
    state: FormState | null,
  ) => VNode | FastifyReply | Promise<VNode | FastifyReply>;
  /** Also answer GET at this path with `show` (the form's own page). */
  get?: boolean;
  /** Checks that need the database; return (or throw FormErrors with) messages by field. */
  check?: (
    c: Ctx<A, PathParams<Path>>,
    loaded: L,
    data: z.infer<S>,
  ) => Record<string, string | undefined> | void | Promise<Record<string, string | undefined> | void>;
  /**
   * Does the work; returns where to go next (flash + 303), or a page to answer with at once (200:
   * a secret shown only once). Throw FormErrors to show the form again.
   */
  save: (c: Ctx<A, PathParams<Path>>, loaded: L, data: z.infer<S>) => Saved | Promise<Saved>;
  /** Shown on the next page unless `save` names its own; default "Saved." */
  flash?: MessageKey | null;
  /** The form scope on a page with several forms; default the posted path. */
  id?: string;
  csrf?: boolean;
  bodyLimit?: number;
};

/**
 * A form: POST parses with the schema, then `check`, then `save` → flash + 303. Bad input shows
 * `show` again with status 400 and nothing changed. With `get: true` the same path answers GET.
 */
export function form<const Path extends string, A extends AccessLevel, S extends z.ZodObject, L = undefined>(
  path: Path,
  opts: FormOpts<Path, A, L, S>,
): RouteDef[] {
  const routes: RouteDef[] = [];
  if (opts.get) {
    if (!opts.show) throw new Error(`form ${path}: get: true needs show`);
    const show = opts.show;
    routes.push({
      method: 'GET',
      path,
      access: opts.access,
      allowWithout2fa: opts.allowWithout2fa,
      async handler(req, reply) {
        if (!freshEnough(opts, req, reply)) return reply;
        const c = makeCtx<A, PathParams<Path>, Record<string, unknown>>(req, reply, queryOf(req));
        const loaded = (opts.load ? await opts.load(c) : undefined) as L;
        return answer(c, await show(c, loaded, null));
      },
    });
  }
  routes.push({
    method: 'POST',
    path,
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    csrf: opts.csrf,
    bodyLimit: opts.bodyLimit,
    async handler(req, reply) {
      if (!freshEnough(opts, req, reply)) return reply;
      const c = makeCtx<A, PathParams<Path>, Record<string, unknown>>(req, reply, queryOf(req));
      const loaded = (opts.load ? await opts.load(c) : undefined) as L;
      const schema = typeof opts.schema === 'function' ? opts.schema(c, loaded) : opts.schema;
      const parsed = parseForm(schema, req.body, req.i18n);
      const refuse = async (errors: Record<string, string | undefined>, how: FormErrors['answer'] = {}) => {
        for (const [name, value] of Object.entries(how.headers ?? {})) reply.header(name, value);
        if (!opts.show) return badRequest(req, reply);
        const state: FormState = {
          id: opts.id ?? formIdOf(req),
          values: parsed.raw,
          errors: clean(errors),
          ...(how.extra ? { extra: how.extra } : {}),
        };
        return answer(c, await opts.show(c, loaded, state), how.status ?? 400);
      };
      if (!parsed.ok) return refuse(parsed.errors);
      try {
        const errors = opts.check ? await opts.check(c, loaded, parsed.data) : undefined;
        if (errors && Object.values(errors).some(Boolean)) return refuse(errors);
        const next = await opts.save(c, loaded, parsed.data);
        if (isValidElement(next)) return answer(c, next);
        if (typeof next === 'string' && opts.flash !== null) reply.flashNext(opts.flash ?? 'common.saved');
        return c.redirect(next as Next);
      } catch (err) {
        if (err instanceof FormErrors) return refuse(err.errors, err.answer);
        throw err;
      }
    },
  });
  return routes;
}

/**
 * A button that does one thing (publish, revoke, delete): POST → `run` → 303. Bad input is the
 * generic 400 page; nothing is changed.
 */
export function action<
  const Path extends string,
  A extends AccessLevel,
  L = undefined,
  S extends z.ZodObject = z.ZodObject,
>(
  path: Path,
  opts: Common<A> & {
    load?: Loader<Ctx<A, PathParams<Path>>, L>;
    schema?: S;
    run: (c: Ctx<A, PathParams<Path>>, loaded: L, data: z.infer<S>) => Next | Promise<Next>;
    csrf?: boolean;
  },
): RouteDef {
  return {
    method: 'POST',
    path,
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    csrf: opts.csrf,
    async handler(req, reply) {
      if (!freshEnough(opts, req, reply)) return reply;
      const c = makeCtx<A, PathParams<Path>, Record<string, unknown>>(req, reply, queryOf(req));
      const loaded = (opts.load ? await opts.load(c) : undefined) as L;
      let data = {} as z.infer<S>;
      if (opts.schema) {
        const parsed = parseForm(opts.schema, req.body, req.i18n);
        if (!parsed.ok) return badRequest(req, reply);
        data = parsed.data;
      }
      return c.redirect(await opts.run(c, loaded, data));
    },
  };
}

/** Anything that is not a page or a form: files, JSON, feeds, stylesheets. `handle` answers itself. */
export function endpoint<const Path extends string, A extends AccessLevel, L = undefined, Q = Record<string, unknown>>(
  method: Method,
  path: Path,
  opts: Common<A> & {
    query?: z.ZodType<Q>;
    load?: Loader<Ctx<A, PathParams<Path>, Q>, L>;
    handle: (c: Ctx<A, PathParams<Path>, Q>, loaded: L) => unknown;
    csrf?: boolean;
    bodyLimit?: number;
  },
): RouteDef {
  return {
    method,
    path,
    access: opts.access,
    allowWithout2fa: opts.allowWithout2fa,
    csrf: opts.csrf,
    bodyLimit: opts.bodyLimit,
    async handler(req, reply) {
      const ready = await readyToAnswer<A, PathParams<Path>, Q, L>(opts, req, reply);
      return 'answered' in ready ? ready.answered : opts.handle(ready.c, ready.loaded);
    },
  };
}

/**
 * A loader for one kind of resource: fetch by the path's id, then ask the resource's policy.
 * `const election = resourceLoader(getElection, asResource)` → `load: election('change')`.
 */
export function resourceLoader<Row, R extends AnyResource>(
  fetch: (db: Db, id: number) => Promise<Row | null | undefined>,
  toResource: (row: Row) => R,
) {
  return (action: ActionOf<R>, param = 'id') =>
    async (c: AnyCtx): Promise<Row> => {
      const row = await fetch(c.db, c.id(param));
      if (!row || !c.can(action, toResource(row))) notFound();
      return row;
    };
}

/**
 * Renders what a handler returned, unless it answered itself. A reply is thenable: awaiting one
 * that was returned yields undefined once it has been sent, so `sent` is what tells.
 */
function answer(c: AnyCtx, out: VNode | FastifyReply | undefined, status = 200): FastifyReply {
  if (c.reply.sent || out === undefined || isReply(out)) return c.reply;
  return c.render(out, status);
}

function isReply(x: unknown): x is FastifyReply {
  return (
    typeof x === 'object' && x !== null && 'sent' in x && 'raw' in x && typeof (x as FastifyReply).send === 'function'
  );
}

function queryOf(req: FastifyRequest): Record<string, unknown> {
  return (req.query ?? {}) as Record<string, unknown>;
}

/** The posted path (without its query), which is what a page's <Form action=…> names. */
function formIdOf(req: FastifyRequest): string {
  const path = req.url.split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function clean(errors: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = v;
  return out;
}
