// What the core adds to Fastify's request, reply and instance.
import type { Actor } from '../auth/actor.js';
import type { AccessLevel } from '../auth/access.js';
import type { Translator } from '../i18n/index.js';
import type { WaslServices } from '../services.js';

export type RouteEntry = { method: string; url: string; access: AccessLevel; feature: string };

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
