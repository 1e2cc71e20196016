// Walks every registered route × {anonymous, member, admin of org A, admin of org B, network
// admin} and fails on any access the route's level and the object rules do not grant: a denied
// actor must get 404 (or, anonymous, a redirect to sign in), never the page. New routes are
// covered automatically; organization routes get a real object and the rules listed below.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/use-app.js';
import { Client, makeNetwork, makeOrganization, makeUser, signIn } from '../../testing/app.js';
import { meetsAccess } from '../auth/access.js';
import { loadActor, anonymous, type Actor } from '../auth/actor.js';
import { newTotpSecret } from '../auth/totp.js';
import { importGazetteer } from '../towns/queries.js';
import { ownTables } from '../../testing/db.js';

type ActorKey = 'anonymous' | 'member' | 'staffA' | 'staffB' | 'networkAdmin';
const actorKeys: ActorKey[] = ['anonymous', 'member', 'staffA', 'staffB', 'networkAdmin'];

const t = useTestApp();
const ids: Record<string, number> = {};
const actors = new Map<ActorKey, { actor: Actor; client: Client }>();

/** Routes about one organization (:id = org A): who may reach them beyond the route's level. */
const objectRules: Record<string, (k: ActorKey) => boolean> = {
  'GET /organizations/:id/edit': (k) => k === 'staffA' || k === 'networkAdmin',
  'POST /organizations/:id/edit': (k) => k === 'staffA' || k === 'networkAdmin',
  'GET /organizations/:id/staff': (k) => k === 'staffA',
  'POST /organizations/:id/staff/invite': (k) => k === 'staffA',
  'POST /organizations/:id/staff/remove': (k) => k === 'staffA',
};

beforeAll(async () => {
  const db = t.handle.db;
  await importGazetteer(
    db,
    'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
      'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n',
    { now: t.clock.now },
  );
  const net = await makeNetwork(db);
  ids.orgA = await makeOrganization(db, net, 'A');
  ids.orgB = await makeOrganization(db, net, 'B');
  const users = {
    member: await makeUser(db, { username: 'walk_member' }),
    staffA: await makeUser(db, { username: 'walk_staff_a', org: [ids.orgA, 'orgAdmin'], totpSecret: newTotpSecret() }),
    staffB: await makeUser(db, { username: 'walk_staff_b', org: [ids.orgB, 'orgAdmin'], totpSecret: newTotpSecret() }),
    networkAdmin: await makeUser(db, {
      username: 'walk_admin',
      network: [net, 'networkAdmin'],
      totpSecret: newTotpSecret(),
    }),
  };
  actors.set('anonymous', { actor: anonymous, client: new Client(t.app) });
  for (const [key, u] of Object.entries(users) as [ActorKey, { id: number }][]) {
    const client = new Client(t.app);
    await signIn(t, client, u.id);
    actors.set(key, { actor: (await loadActor(db, u.id, 'x'))!, client });
  }
  for (const { client } of actors.values()) await client.get('/login'); // a CSRF token, as a browser would have
});

function fill(url: string) {
  return url
    .replace(':id', String(ids.orgA))
    .replace(':pcode', 'C1594')
    .replace(':token', 'not-a-token')
    .replace(':slug', 'x')
    .replace(':file', 'x.webp')
    .replace('*', '');
}

describe('route access walk', () => {
  it('every route declares an access level (the app would not boot otherwise)', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
    for (const r of t.app.routeTable) expect(r.access).toBeTruthy();
  });

  it('no actor reaches a route or object it may not', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.access === 'public') continue;
      const key = `${route.method} ${route.url}`;
      for (const actorKey of actorKeys) {
        const { actor, client } = actors.get(actorKey)!;
        const allowed = meetsAccess(actor, route.access) && (objectRules[key]?.(actorKey) ?? true);
        const url = fill(route.url);
        const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        const deniedLike =
          res.statusCode === 404 || (res.statusCode === 303 && String(res.headers.location).startsWith('/login'));
        if (!allowed && !deniedLike) failures.push(`${actorKey} reached ${key}: ${res.statusCode}`);
        if (!allowed && actorKey !== 'anonymous' && res.statusCode !== 404)
          failures.push(`${actorKey} on ${key} got ${res.statusCode}, not 404`);
        // A refusal is only wrong where the walk filled in a real object (routes with object
        // rules here); features test their own objects × roles (and may refuse by design, e.g.
        // a member without an organization creating an election).
        if (allowed && objectRules[key] && deniedLike) failures.push(`${actorKey} was refused ${key}`);
        if (res.statusCode >= 500) failures.push(`${actorKey} ${key}: server error ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('records denials in the audit log', async () => {
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'access.denied')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('a staff member who has not set up two-step', () => {
  // The obligation is the person's: until it is set up, every page answers them exactly as it
  // answers an anonymous visitor (a notice aside), and every non-public route sends them to set-up.
  const normalize = (html: string) =>
    html
      .replace(/<header class="site-header">[\s\S]*?<\/header>/, '')
      .replace(/<p class="flash flash--warn" role="alert">[\s\S]*?<\/p>/, '')
      .replace(/name="_csrf" value="[^"]*"/g, '');

  it('sees on every public page what an anonymous visitor sees, and is sent to set-up everywhere else', async () => {
    const owes = await makeUser(t.handle.db, { username: 'walk_staff_no2fa', org: [ids.orgA!, 'orgAdmin'] });
    const client = new Client(t.app);
    await signIn(t, client, owes.id);
    const anon = new Client(t.app);
    const failures: string[] = [];
    let compared = 0;
    for (const route of t.app.routeTable) {
      if (route.method !== 'GET') continue;
      const url = fill(route.url);
      const [mine, theirs] = [await client.get(url), await anon.get(url)];
      if (route.allowWithout2fa) continue; // the set-up pages themselves
      if (route.access !== 'public') {
        if (mine.statusCode !== 303 || mine.headers.location !== '/account/2fa')
          failures.push(`${route.url}: ${mine.statusCode} ${mine.headers.location ?? ''}`);
        continue;
      }
      if (mine.statusCode !== theirs.statusCode)
        failures.push(`${route.url}: ${mine.statusCode} ≠ ${theirs.statusCode}`);
      else if (
        String(mine.headers['content-type']).startsWith('text/html') &&
        normalize(mine.body) !== normalize(theirs.body)
      )
        failures.push(`${route.url}: a different page`);
      else compared++;
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(50);
    // …and the page says what is owed.
    const home = await client.get('/');
    expect(home.body).toContain('href="/account/2fa"');
    expect(home.headers['cache-control']).toBe('no-store');
  });
});

describe('CSRF on every state-changing route', () => {
  it('refuses every non-GET route without its token, to a person allowed there, and writes nothing', async () => {
    const db = t.handle.db;
    // One person who meets every access level, holding the CSRF secret cookie a browser would have.
    const net = await makeNetwork(db);
    const all = await makeUser(db, {
      username: 'csrf_everyone',
      network: [net, 'networkAdmin'],
      org: [ids.orgA!, 'orgAdmin'],
      totpSecret: newTotpSecret(),
    });
    await db
      .insertInto('network_roles')
      .values([
        { user_id: all.id, network_id: net, role: 'moderator' },
        { user_id: all.id, network_id: net, role: 'networkEditor' },
      ])
      .execute();
    const client = new Client(t.app);
    await signIn(t, client, all.id);
    await client.get('/login');
    const actor = (await loadActor(db, all.id, 'x'))!;
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of await ownTables(db)) {
        const row = await db
          .selectFrom(table.name as 'users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        out[table.name] = Number(row.n);
      }
      return out;
    };
    const before = await counts();
    const notRefused: string[] = [];
    let refused = 0;
    for (const route of t.app.routeTable) {
      if (route.method === 'GET') continue;
      expect(meetsAccess(actor, route.access), route.url).toBe(true);
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: fill(route.url),
        payload: 'title=x&body=y',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      if (res.statusCode === 403) refused++;
      else notRefused.push(`${route.method} ${route.url}`);
    }
    // Only the observer app's bearer-token API is exempt: a browser never sends its token by itself.
    expect(notRefused.sort()).toEqual([
      'DELETE /api/observe/session',
      'POST /api/observe/session',
      'POST /api/observe/submissions',
    ]);
    expect(refused).toBeGreaterThan(100);
    expect(await counts()).toEqual(before);
  });
});

describe('security headers on every response', () => {
  it('every route, for anonymous people and a network admin, answers with CSP, nosniff, a referrer policy and cache-control', async () => {
    const missing: string[] = [];
    let seen = 0;
    for (const route of t.app.routeTable) {
      for (const actorKey of ['anonymous', 'networkAdmin'] as const) {
        const { client } = actors.get(actorKey)!;
        const url = fill(route.url);
        const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {}, { csrf: null });
        seen++;
        const csp = String(res.headers['content-security-policy'] ?? '');
        if (
          !csp.includes("default-src 'self'") ||
          !csp.includes("frame-ancestors 'none'") ||
          res.headers['x-content-type-options'] !== 'nosniff' ||
          !['same-origin', 'no-referrer'].includes(String(res.headers['referrer-policy'])) || // no-referrer: reset links
          !res.headers['cache-control']
        )
          missing.push(`${actorKey} ${route.method} ${route.url} (${res.statusCode})`);
      }
    }
    expect(seen).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
