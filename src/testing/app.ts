// Test helpers: a full app on a fresh database (SQLite or PostgreSQL, by DATABASE_URL), a
// movable clock, people with roles, and a cookie-keeping client that fetches CSRF tokens the way
// a browser would (from the form it was given).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../core/config.js';
import type { DbHandle } from '../core/db/index.js';
import { hashPassword } from '../core/auth/passwords.js';
import { createUser } from '../core/auth/users.js';
import type { NetworkRole, OrgRole } from '../core/db/core-tables.js';
import { createTestDb } from './db.js';

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  clock: { now: Date; advance(ms: number): void; set(d: Date | string): void };
  close(): Promise<void>;
};

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await createTestDb();
  const clock = {
    now: new Date('2026-06-28T09:00:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
    set(d: Date | string) {
      this.now = new Date(d);
    },
  };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '.tmp/test-data',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
    ...env,
  });
  const app = await buildApp({ config, handle, clock: () => clock.now, logger: false });
  await app.ready();
  return {
    app,
    handle,
    clock,
    close: () => closeApp(app, handle),
  };
}

/** Stops the app, then closes its database. */
export async function closeApp(app: FastifyInstance, handle: DbHandle): Promise<void> {
  await app.close();
  await handle.close();
}

let seq = 0;
const passwordHashCache = new Map<string, Promise<string>>();
export const TEST_PASSWORD = 'correct horse battery';

/** Creates a network (if none), organizations and a person with the given roles. */
export async function makeNetwork(db: DbHandle['db'], now = new Date('2026-06-28T09:00:00Z')) {
  const existing = await db.selectFrom('networks').select('id').orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('networks')
    .values({
      slug: 'wasl',
      name_ar: 'شبكة وصل',
      name_en: 'Wasl Network',
      description_ar: 'وصف',
      description_en: 'About',
      region_ar: 'ريف حلب',
      region_en: 'Aleppo countryside',
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeOrganization(db: DbHandle['db'], networkId: number, name = `Org ${++seq}`) {
  const iso = new Date('2026-06-28T09:00:00Z').toISOString();
  const row = await db
    .insertInto('organizations')
    .values({
      network_id: networkId,
      name_ar: `منظمة ${name}`,
      name_en: name,
      description_ar: '',
      description_en: '',
      fields_of_work: '[]',
      logo_media_id: null,
      phone: null,
      email: null,
      website: null,
      status: 'active',
      created_at: iso,
      updated_at: iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeUser(
  db: DbHandle['db'],
  opts: {
    username?: string;
    email?: string | null;
    displayName?: string;
    network?: [number, NetworkRole];
    org?: [number, OrgRole];
    totpSecret?: string;
  } = {},
) {
  const username = opts.username ?? `user${++seq}`;
  if (!passwordHashCache.has(TEST_PASSWORD)) passwordHashCache.set(TEST_PASSWORD, hashPassword(TEST_PASSWORD));
  const id = await createUser(
    db,
    {
      username,
      email: opts.email === undefined ? `${username}@example.org` : opts.email,
      displayName: opts.displayName ?? username,
      passwordHash: await passwordHashCache.get(TEST_PASSWORD)!,
      totpSecret: opts.totpSecret ?? null,
    },
    new Date('2026-06-01T09:00:00Z'),
  );
  const row = { id };
  if (opts.network)
    await db
      .insertInto('network_roles')
      .values({ user_id: row.id, network_id: opts.network[0], role: opts.network[1] })
      .execute();
  if (opts.org)
    await db
      .insertInto('memberships')
      .values({ user_id: row.id, organization_id: opts.org[0], role: opts.org[1] })
      .execute();
  return { id: row.id, username };
}

/** A browser-like client: keeps cookies, and reads the CSRF token from the last form it saw. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(
    private app: FastifyInstance,
    public ip = '127.0.0.1',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
      remoteAddress: this.ip,
    });
    this.keep(res);
    return res;
  }

  /** Posts a form. Fetches `formPage` first (default: the same URL) to get a CSRF token if none is held. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    opts: { formPage?: string; csrf?: string | null } = {},
  ) {
    if (opts.csrf === undefined && !this.csrf) await this.get(opts.formPage ?? '/login');
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
      remoteAddress: this.ip,
    });
    this.keep(res);
    return res;
  }

  async login(identifier: string, password = TEST_PASSWORD, totp?: () => Promise<string>) {
    await this.get('/login');
    let res = await this.post('/login', { identifier, password });
    if (res.statusCode === 303 && res.headers.location?.toString().startsWith('/login/2fa') && totp) {
      await this.get(res.headers.location.toString());
      res = await this.post('/login/2fa', { code: await totp() });
    }
    return res;
  }
}

/** Signs a client in directly (a session row and its cookie), for tests about what people may do. */
export async function signIn(t: TestApp, client: Client, userId: number): Promise<void> {
  const { createSession, sessionCookieName } = await import('../core/auth/sessions.js');
  const staff =
    !!(await t.handle.db
      .selectFrom('memberships')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst()) ||
    !!(await t.handle.db
      .selectFrom('network_roles')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst());
  const { token } = await createSession(t.handle.db, userId, t.clock.now, staff ? 'staff' : 'member');
  client.cookies.set(sessionCookieName(t.app.wasl.config.secureCookies), token);
}
