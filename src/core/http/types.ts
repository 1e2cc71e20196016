// What the core adds to Fastify's request, reply and instance.
import type { Actor } from '../auth/actor.js';
import type { AccessLevel } from '../auth/access.js';
import type { Translator } from '../i18n/index.js';
import type { WaslServices } from '../services.js';

export type RouteEntry = {
  method: string;
  url: string;
  access: AccessLevel;
  feature: string;
  /** reachable before two-step set-up (the set-up pages, sign-out) */
  allowWithout2fa?: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    wasl: WaslServices;
    /** Every registered route with its declared access level (the access-walk test reads it). */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor;
    i18n: Translator;
    /** The app's clock (injectable in tests). */
    now: Date;
    flash: string | null;
    /** A staff member signed in who has not set up two-step yet; `actor` is anonymous meanwhile. */
    owes2fa: Actor | null;
    /** unread notifications of the person signed in (the header's count) */
    unread: number;
    /** when the person signed in last proved who they are (core/auth/sessions.ts) */
    confirmedAt: string | null;
  }
  interface FastifyReply {
    /** Shows a one-time message (a catalog key) on the next page. */
    flashNext(key: string): void;
  }
  interface FastifyContextConfig {
    /** Who may call this route; required on every route. */
    access?: AccessLevel;
    /** Set to false for routes authenticated another way (e.g. the observer API's bearer tokens). */
    csrf?: boolean;
    /** Allow a member who owes two-step set-up to reach this route (the set-up pages, logout). */
    allowWithout2fa?: boolean;
  }
}
