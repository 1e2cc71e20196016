// The services tests' one set-up: an app on the test database (SQLite, or PostgreSQL with
// DATABASE_URL) with the Aleppo gazetteer, a network, member organizations and the demo services;
// people in the roles the tests need; the HSDS 3.0 fixtures (test/fixtures/hsds-3.0, in the
// repository); an import as a network admin posts it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { loadAleppoSeed } from '../../../core/towns/seed.js';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../../testing/app.js';
import { importHsdsJson } from '../hsds/import.js';
import { indexServices } from '../search-index.js';
import { seedDemoServices } from './seed.js';

/** Sunday 28 June 2026, 12:00 in Damascus. */
export const NOW = '2026-06-28T09:00:00.000Z';

/** The demo's member organizations (their keys name them in the seed). */
export const MEMBERS = ['noon', 'wathiqa', 'diyaa', 'sanabel', 'amal', 'jusoor', 'ghiras', 'basma', 'furat'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Open Referral's HSDS 3.0 schemas and examples, copied into the repository (see its README). */
export const HSDS = path.join(repoRoot, 'test', 'fixtures', 'hsds-3.0');
export const hsdsExample = (name: string) => JSON.parse(fs.readFileSync(path.join(HSDS, 'examples', name), 'utf8'));

export type ServicesWorld = {
  t: TestApp;
  net: number;
  /** member organization key → id */
  orgs: Record<string, number>;
  /** demo service English name → id */
  ids: Record<string, string>;
};

/** The app with the demo directory for these member organizations (all of them by default). */
export async function servicesWorld(members: string[] = MEMBERS): Promise<ServicesWorld> {
  const t = await buildTestApp();
  const db = t.handle.db;
  await loadAleppoSeed(db, new Date(NOW));
  const net = await makeNetwork(db);
  const orgs: Record<string, number> = {};
  for (const key of members) orgs[key] = await makeOrganization(db, net, key);
  const ids = await seedDemoServices(db, orgs, new Date(NOW));
  return { t, net, orgs, ids };
}

/** The people the tests sign in as: a member organization's staff and admin, network roles, a plain member. */
export async function servicesPeople(w: ServicesWorld): Promise<Record<string, number>> {
  const db = w.t.handle.db;
  const people: Record<string, number> = {};
  const staff = async (name: string, opts: Parameters<typeof makeUser>[1]) =>
    (people[name] = (await makeUser(db, { username: name, totpSecret: newTotpSecret(), ...opts })).id);
  await staff('noonStaff', { org: [w.orgs.noon!, 'orgStaff'] });
  await staff('wathiqaAdmin', { org: [w.orgs.wathiqa!, 'orgAdmin'] });
  await staff('moderator', { network: [w.net, 'moderator'] });
  await staff('editor', { network: [w.net, 'networkEditor'] });
  await staff('admin', { network: [w.net, 'networkAdmin'] });
  people.member = (await makeUser(db, { username: 'plainmember' })).id;
  return people;
}

/** A client signed in as one of `people` (or anonymous). */
export async function clientAs(t: TestApp, people: Record<string, number>, name: string | null): Promise<Client> {
  const c = new Client(t.app);
  if (name) await signIn(t, c, people[name]!);
  return c;
}

/**
 * A test file's world: the demo directory and its people, built before the file's tests and closed
 * after them. `as(name)` is a client signed in as one of them (null: anonymous); `id(name)` a demo
 * service's id by its English name.
 */
export function servicesTestWorld() {
  let w: ServicesWorld | undefined;
  let people: Record<string, number> = {};
  beforeAll(async () => {
    w = await servicesWorld();
    people = await servicesPeople(w);
  });
  afterAll(() => w?.t.close());
  const world = () => {
    if (!w) throw new Error('servicesTestWorld: used outside a test');
    return w;
  };
  return {
    get t() {
      return world().t;
    },
    get orgs() {
      return world().orgs;
    },
    as: (name: string | null) => clientAs(world().t, people, name),
    id: (name: string) => world().ids[name]!,
  };
}

/** An HSDS import straight into the database, as the CLI does it. */
export const importDirectly = (t: TestApp, doc: unknown, networkId: number | null = null) =>
  importHsdsJson(t.handle.db, doc, { now: new Date(NOW), networkId, reindex: indexServices });

/** Posts a file to the admin's import form, as a browser's multipart upload. */
export function uploadToImport(
  t: TestApp,
  admin: Client,
  file: { name: string; type: string; data: Uint8Array },
  url = '/services/admin/import',
) {
  const boundary = '----wasltest';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}
