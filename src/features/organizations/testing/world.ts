// What the organizations tests share: one app per test file with two member organizations (Alpha
// and Beta) in a small gazetteer, people in each role, and a client signed in as one of them.
import { afterAll, beforeAll } from 'vitest';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { importGazetteer } from '../../../core/towns/queries.js';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../../testing/app.js';

export let t: TestApp;
export const world = { net: 0, orgA: 0, orgB: 0, users: {} as Record<Person, number> };
export type Person = 'adminA' | 'staffA' | 'adminB' | 'netAdmin' | 'member';

const GAZETTEER =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1605,تركمان بارح,Turkman Bareh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.45,37.2\n';

export function withOrganizationsWorld(): void {
  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    await importGazetteer(db, GAZETTEER, { now: t.clock.now });
    world.net = await makeNetwork(db);
    world.orgA = await makeOrganization(db, world.net, 'Alpha Association');
    world.orgB = await makeOrganization(db, world.net, 'Beta Initiative');
    const roles = {
      adminA: { org: [world.orgA, 'orgAdmin'] as const },
      staffA: { org: [world.orgA, 'orgStaff'] as const },
      adminB: { org: [world.orgB, 'orgAdmin'] as const },
      netAdmin: { network: [world.net, 'networkAdmin'] as const },
    };
    for (const [key, opts] of Object.entries(roles)) {
      const { id } = await makeUser(db, {
        username: `org_${key.toLowerCase()}`,
        totpSecret: newTotpSecret(),
        org: 'org' in opts ? [...opts.org] : undefined,
        network: 'network' in opts ? [...opts.network] : undefined,
      });
      world.users[key as Person] = id;
    }
    world.users.member = (await makeUser(db, { username: 'org_member' })).id;
  });
  afterAll(() => t.close());
}

/** A client signed in as that person (or no one), holding a CSRF token. */
export async function as(who: Person | 'anonymous'): Promise<Client> {
  const c = new Client(t.app);
  if (who !== 'anonymous') await signIn(t, c, world.users[who]);
  await c.get('/');
  await c.get('/login');
  return c;
}

/** An organization's row as stored. */
export function storedOrganization(id: number) {
  return t.handle.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A complete, valid profile form. */
export const validForm = {
  name_ar: 'جمعية ألفا للتنمية',
  name_en: 'Alpha Development Association',
  description_ar: 'نعمل في تل عار.',
  description_en: 'We work in Tal Aar.',
  fields: ['youth', 'women'],
  towns_add: 'C1594, c1605',
  phone: '+963 944 000 111',
  email: 'alpha@example.org',
  website: 'https://alpha.example.org',
};
