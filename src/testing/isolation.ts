// Cross-organization isolation as a property. A world of three member organizations (A, B, C) and
// people in every role; each feature's isolation.ts adds resources of every kind it has, owned by A
// or B, with each kind of sharing, and says — from the sharing rule, not from its permission code —
// who may read and who may change each one. Random (person, resource, operation) cases then go
// through the real routes:
//   page  — a reader gets 200 with the resource's marker; anyone else gets a 404 (or, signed out,
//           the sign-in redirect) and never the marker;
//   list  — a page that lists such resources never shows the marker to a non-reader;
//   write — a writer's change lands; anyone else's is refused and changes nothing in the database.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { isDeepStrictEqual } from 'node:util';
import { newTotpSecret } from '../core/auth/totp.js';
import type { Db } from '../core/db/index.js';
import type { Database } from '../core/db/schema.js';
import { importGazetteer } from '../core/towns/queries.js';
import { Client, makeNetwork, makeOrganization, makeUser, signIn, type TestApp } from './app.js';

export const PEOPLE = [
  'adminA',
  'staffA',
  'adminB',
  'staffB',
  'adminC',
  'netAdmin',
  'editor',
  'moderator',
  'member',
  'anonymous',
] as const;
export type Person = (typeof PEOPLE)[number];
export type SignedIn = Exclude<Person, 'anonymous'>;

export type IsolationWorld = {
  t: TestApp;
  net: number;
  orgA: number;
  orgB: number;
  orgC: number;
  users: Record<SignedIn, number>;
  c: Record<Person, Client>;
};

export type Probe = {
  /** e.g. "publishing: A's draft report" */
  name: string;
  /** A unique text the resource's pages show to those who may see it. */
  marker: string;
  /** Who may see it, from its owner's sharing — not from the feature's permission code. */
  readers: (p: Person) => boolean;
  /** Pages of the resource itself (none for things seen only inside pages everyone has, e.g. one's account). */
  pages: string[];
  /** Pages that list resources of this kind (the marker must not show to non-readers). */
  lists?: string[];
  write?: {
    writers: (p: Person) => boolean;
    /** Sends a change as this client (which holds a CSRF token); `n` makes each change different. */
    send: (client: Client, n: number) => Promise<LightMyRequestResponse>;
    /** What the change would alter, read straight from the database. */
    state: () => Promise<unknown>;
  };
};

export type ProbeSet = (w: IsolationWorld) => Promise<Probe[]>;

/** Rules that recur in the probes. */
export const who = {
  staffOf: (org: 'A' | 'B' | 'C') => (p: Person) => p === `admin${org}` || p === `staff${org}`,
  adminOf: (org: 'A' | 'B' | 'C') => (p: Person) => p === `admin${org}`,
  /** Staff of any member organization or holders of a network role. */
  network: (p: Person) => p !== 'anonymous' && p !== 'member',
  signedIn: (p: Person) => p !== 'anonymous',
  everyone: () => true,
  nobody: () => false,
  any:
    (...rules: ((p: Person) => boolean)[]) =>
    (p: Person) =>
      rules.some((r) => r(p)),
  is:
    (...people: Person[]) =>
    (p: Person) =>
      people.includes(p),
};

/** What a refused change would have altered: those columns of one row, straight from the database. */
export const rowState = (db: Db, table: keyof Database & string, columns: string[], id: number) => async () =>
  (await db
    .selectFrom(table as 'organizations')
    .select(columns as 'id'[])
    .where('id', '=', id)
    .executeTakeFirst()) ?? null;

const TOWNS =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  "C1564,أعزاز,Azaz,SY020400,مركز اعزاز,A'zaz,SY0204,اعزاز,A'zaz,SY02,حلب,Aleppo,36.58,37.04\n" +
  'C1202,الباب,Al Bab,SY020200,مركز الباب,Al Bab,SY0202,الباب,Al Bab,SY02,حلب,Aleppo,36.37,37.51\n';

export async function makeIsolationWorld(t: TestApp): Promise<IsolationWorld> {
  const db = t.handle.db;
  await importGazetteer(db, TOWNS, { now: t.clock.now });
  const net = await makeNetwork(db);
  const orgA = await makeOrganization(db, net, 'Alpha');
  const orgB = await makeOrganization(db, net, 'Beta');
  const orgC = await makeOrganization(db, net, 'Gamma');
  const totp = () => newTotpSecret();
  const u: Record<SignedIn, { id: number }> = {
    adminA: await makeUser(db, { username: 'iso_admin_a', org: [orgA, 'orgAdmin'], totpSecret: totp() }),
    staffA: await makeUser(db, { username: 'iso_staff_a', org: [orgA, 'orgStaff'], totpSecret: totp() }),
    adminB: await makeUser(db, { username: 'iso_admin_b', org: [orgB, 'orgAdmin'], totpSecret: totp() }),
    staffB: await makeUser(db, { username: 'iso_staff_b', org: [orgB, 'orgStaff'], totpSecret: totp() }),
    adminC: await makeUser(db, { username: 'iso_admin_c', org: [orgC, 'orgAdmin'], totpSecret: totp() }),
    netAdmin: await makeUser(db, { username: 'iso_net_admin', network: [net, 'networkAdmin'], totpSecret: totp() }),
    editor: await makeUser(db, { username: 'iso_editor', network: [net, 'networkEditor'], totpSecret: totp() }),
    moderator: await makeUser(db, { username: 'iso_moderator', network: [net, 'moderator'], totpSecret: totp() }),
    member: await makeUser(db, { username: 'iso_member' }),
  };
  const users = Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v.id])) as Record<SignedIn, number>;
  const c = { anonymous: new Client(t.app) } as Record<Person, Client>;
  for (const key of Object.keys(users) as SignedIn[]) {
    c[key] = new Client(t.app);
    await signIn(t, c[key], users[key]);
  }
  // A page with a form hands each client its CSRF token.
  for (const [key, client] of Object.entries(c)) await client.get(key === 'anonymous' ? '/login' : '/account');
  for (const [key, client] of Object.entries(c))
    if (!client.csrf) throw new Error(`isolation world: ${key} has no CSRF token`);
  return { t, net, orgA, orgB, orgC, users, c };
}

/** Numbers each change so that no two are the same, across runs on one world. */
let n = 0;

const OPS = ['page', 'list', 'write'] as const;
type Op = (typeof OPS)[number];

/** A probe without lists or a write is asked about its pages instead (and one without pages, about its lists). */
const effectiveOp = (probe: Probe, op: Op): Op => {
  if (op === 'page' && !probe.pages.length) return 'list';
  return (op === 'list' && !probe.lists?.length) || (op === 'write' && !probe.write)
    ? probe.pages.length
      ? 'page'
      : 'list'
    : op;
};

export type IsolationReport = {
  cases: number;
  probes: number;
  /** cases by outcome */
  allowed: number;
  denied: number;
  byOp: Record<Op, number>;
  failures: string[];
};

/** GET, following one redirect to a canonical URL on the same site (e.g. an item's slug). */
async function getFollowing(client: Client, url: string): Promise<LightMyRequestResponse> {
  const res = await client.get(url);
  const location = String(res.headers.location ?? '');
  if ((res.statusCode === 301 || res.statusCode === 308) && location.startsWith('/')) return client.get(location);
  return res;
}

function deniedStatus(res: LightMyRequestResponse, person: Person): boolean {
  if (res.statusCode === 404) return true;
  // Signed-out people are sent to sign in for anything beyond public pages.
  if (person === 'anonymous' && res.statusCode === 303) return String(res.headers.location ?? '').startsWith('/login');
  return false;
}

/** Checks one case; returns a description of what went wrong, or null. */
async function checkCase(
  w: IsolationWorld,
  probe: Probe,
  person: Person,
  op: Op,
  pick: number,
  n: number,
): Promise<{ allowed: boolean; failure: string | null }> {
  const client = w.c[person];
  const where = `${probe.name} × ${person} × ${op}`;
  if (op === 'page') {
    const url = probe.pages[pick % probe.pages.length]!;
    const res = await getFollowing(client, url);
    const shows = res.body.includes(probe.marker);
    if (probe.readers(person)) {
      return {
        allowed: true,
        failure:
          res.statusCode === 200 && shows
            ? null
            : `${where}: GET ${url} should show it, got ${res.statusCode}${shows ? '' : ' without the marker'}`,
      };
    }
    return {
      allowed: false,
      failure:
        !shows && deniedStatus(res, person)
          ? null
          : `${where}: GET ${url} should be refused, got ${res.statusCode}${shows ? ' WITH the marker' : ''}`,
    };
  }
  if (op === 'list') {
    const url = probe.lists![pick % probe.lists!.length]!;
    const res = await getFollowing(client, url);
    const shows = res.body.includes(probe.marker);
    if (probe.readers(person)) return { allowed: true, failure: res.statusCode >= 500 ? `${where}: ${url} 5xx` : null };
    return { allowed: false, failure: shows ? `${where}: ${url} shows it to a non-reader` : null };
  }
  const write = probe.write!;
  const before = await write.state();
  const res = await write.send(client, n);
  const after = await write.state();
  const changed = !isDeepStrictEqual(before, after);
  const status = res.statusCode === 303 ? `303 → ${String(res.headers.location)}` : String(res.statusCode);
  if (write.writers(person)) {
    const ok = res.statusCode === 303 && changed;
    return {
      allowed: true,
      failure: ok ? null : `${where}: the change should land, got ${status}${changed ? '' : ', nothing changed'}`,
    };
  }
  return {
    allowed: false,
    failure:
      !changed && deniedStatus(res, person)
        ? null
        : `${where}: the change should be refused, got ${status}${changed ? ' and the data CHANGED' : ''}`,
  };
}

function emptyReport(probes: number): IsolationReport {
  return { cases: 0, probes, allowed: 0, denied: 0, byOp: { page: 0, list: 0, write: 0 }, failures: [] };
}

/** Asks one case and counts it; a failure is listed once however often it recurs. */
async function ask(w: IsolationWorld, report: IsolationReport, probe: Probe, person: Person, op: Op, pick: number) {
  const result = await checkCase(w, probe, person, op, pick, ++n);
  report.cases++;
  report.byOp[op]++;
  if (result.allowed) report.allowed++;
  else report.denied++;
  if (result.failure && !report.failures.includes(result.failure)) report.failures.push(result.failure);
}

/**
 * Runs `cases` random cases over the probes. Failures are collected (not thrown at the first) so
 * that a report names every broken rule; the caller asserts there are none.
 */
export async function runIsolation(
  w: IsolationWorld,
  probes: Probe[],
  opts: { cases: number; seed?: number },
): Promise<IsolationReport> {
  const report = emptyReport(probes.length);
  const arbitrary = fc.record({
    probe: fc.nat({ max: probes.length - 1 }),
    person: fc.constantFrom(...PEOPLE),
    op: fc.constantFrom(...OPS),
    pick: fc.nat({ max: 1000 }),
  });
  for (const c of fc.sample(arbitrary, { numRuns: opts.cases, seed: opts.seed ?? 8 })) {
    const probe = probes[c.probe]!;
    await ask(w, report, probe, c.person, effectiveOp(probe, c.op), c.pick);
  }
  return report;
}

/**
 * Every probe, operation and page once for every person — or, with `sample`, for one person the
 * rule allows and one it refuses (taken in turn, so that over all probes everyone is asked): the
 * fast pass of `npm test`, which still asks both sides of every rule.
 */
export async function runIsolationExhaustively(
  w: IsolationWorld,
  probes: Probe[],
  opts: { sample?: boolean } = {},
): Promise<IsolationReport> {
  const report = emptyReport(probes.length);
  let turn = 0;
  const peopleFor = (probe: Probe, op: Op): Person[] => {
    if (!opts.sample) return [...PEOPLE];
    const rule = op === 'write' ? probe.write!.writers : probe.readers;
    const yes = PEOPLE.filter((p) => rule(p));
    const no = PEOPLE.filter((p) => !rule(p));
    turn++;
    return [yes[turn % (yes.length || 1)], no[turn % (no.length || 1)]].filter((p): p is Person => !!p);
  };
  for (const probe of probes)
    for (const op of OPS) {
      if (effectiveOp(probe, op) !== op) continue;
      const picks = op === 'page' ? probe.pages.length : op === 'list' ? (probe.lists?.length ?? 1) : 1;
      for (let pick = 0; pick < picks; pick++)
        for (const person of peopleFor(probe, op)) await ask(w, report, probe, person, op, pick);
    }
  return report;
}
