// What a feature hands the app: one manifest per feature folder (`<feature>/index.ts`), listed
// once in src/features/index.ts. The app, the migrator, the demo seeder, the CLI, the retention
// purge, the job runner and the isolation pass all read that list; the core imports no feature.
import type { Kysely } from 'kysely';
import type { PolicyDef } from './auth/authorize.js';
import type { Db, Dialect } from './db/index.js';
import type { RouteDef } from './http/route.js';
import type { Job } from './jobs/scheduler.js';
import type { PurgeStep } from './jobs/retention.js';
import type { SearchSourceLoader } from './search/sources.js';
import type { WaslServices } from './services.js';
import type { NavItem } from './views/context.js';
import type { Section } from './views/sections.js';
import type { NotificationType } from './notify/index.js';

export type Migration = {
  /** sorts in the order migrations must run: '0500_elections' */
  name: string;
  up: (db: Kysely<any>, dialect: Dialect) => Promise<void>;
};

/** What the demo seeder passes along: ids made by earlier steps. */
export type DemoContext = {
  now: Date;
  networkId: number;
  /** organization key (e.g. 'ghiras') → id */
  orgs: Record<string, number>;
  /** username → user id */
  users: Record<string, number>;
};

export type CliIo = { fs: typeof import('node:fs'); path: typeof import('node:path') };

export type CliCommand = {
  name: string;
  help: string;
  /**
   * Writes nothing: the database is not migrated and no app is built first (a backup must not wait
   * for the write lock); `run` may use only config, handle, db, dialect and clock.
   */
  readOnly?: boolean;
  run: (wasl: WaslServices, args: string[], io: CliIo) => Promise<number | void>;
};

/** A navigation link with its place: lower `order` comes first. */
export type NavEntry = NavItem & { order: number };

export type Feature = {
  name: string;
  /** every route, built with core/http/route.ts (a form's GET and POST come as a pair) */
  routes?: (RouteDef | RouteDef[])[];
  migration?: Migration;
  /** later changes to the feature's tables, each its own named migration ('0501_elections_codes') */
  migrations?: Migration[];
  policies?: PolicyDef[];
  /** blocks on the home page, a town page or an organization profile */
  sections?: Section[];
  nav?: { main?: NavEntry[]; staff?: NavEntry[]; footer?: NavEntry[] };
  /** periodic work, run once per period across all instances */
  jobs?: Job[];
  /** kinds of event this feature tells people about (core/notify) */
  notifications?: NotificationType[];
  /**
   * its public items in the site search (/search), a group of their own (core/search/sources.ts):
   * `() => import('./search-source.js').then((m) => m.xSource)`
   */
  search?: SearchSourceLoader;
  /** steps of the daily retention purge */
  purge?: PurgeStep[];
  /** stylesheets merged into the site's one stylesheet */
  styles?: URL[];
  /** demo content, loaded only when a database is seeded: `() => import('./testing/seed.js').then((m) => m.seedX)` */
  seed?: () => Promise<(wasl: WaslServices, ctx: DemoContext) => Promise<void>>;
  /** cross-organization isolation probes (src/testing/isolation.ts), loaded only by the tests */
  isolation?: () => Promise<(world: any) => Promise<any[]>>;
  cli?: CliCommand[];
  /** pages this feature adds to `npm run bench`'s mix, found in a seeded database */
  bench?: () => Promise<(db: Db) => Promise<{ name: string; path: string }[]>>;
  /**
   * Transitional: a feature not yet written with the route kit registers a Fastify plugin.
   * Removed once every feature lists `routes`.
   */
  plugin?: import('fastify').FastifyPluginAsync;
};

export function defineFeature(feature: Feature): Feature {
  return feature;
}
