// One world for the feature's HTTP tests, built once per test file: a network with two member
// organizations that may organize (Jusoor, Noon) and one that is not part of the election
// (Outsider); Jusoor's staff and admin, the outsider's admin, the network's admin (chair) and a
// member without an organization, all with two-step set up; the towns the tests name; and an
// active election organized by Jusoor (`fx`), with known observer secrets.
import { afterAll, beforeAll } from 'vitest';
import * as testApp from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import type { Database } from '../../../core/db/schema.js';
import { ingestSubmission } from '../entry/actions.js';
import { ensureTown, makeElectionFixture, type Fixture } from './fixture.js';

export type Who = 'anonymous' | 'staff' | 'admin' | 'other' | 'chair' | 'member';

export type World = {
  t: testApp.TestApp;
  db: testApp.TestApp['handle']['db'];
  net: number;
  jusoor: number;
  noon: number;
  outsider: number;
  users: Record<Exclude<Who, 'anonymous'>, number>;
  fx: Fixture;
  /** A client signed in as that person (each from its own address). */
  as(who: Who): Promise<testApp.Client>;
  /** A client signed in as any user. */
  asUser(userId: number): Promise<testApp.Client>;
  /** Rows in a table, to prove that refused input wrote nothing. */
  count(table: keyof Database & string): Promise<number>;
  /** Another active election, made now by Jusoor's staff (or by the outsider's admin). */
  election(opts: {
    stations: number;
    observers: number;
    codePrefix?: string;
    by?: 'jusoor' | 'outsider';
  }): Promise<Fixture>;
  /** Count sheets typed on the web by Jusoor's staff, one a station in order; keys `web:<prefix>-<i>`. */
  enterSheets(f: Fixture, sheets: Record<string, number>[], keyPrefix: string): Promise<void>;
};

export async function electionsWorld(
  fixture: { stations?: number; observers?: number; codePrefix?: string } = {},
): Promise<World> {
  const t = await testApp.buildTestApp();
  const db = t.handle.db;
  const net = await testApp.makeNetwork(db);
  const jusoor = await testApp.makeOrganization(db, net, 'Jusoor');
  const noon = await testApp.makeOrganization(db, net, 'Noon');
  const outsider = await testApp.makeOrganization(db, net, 'Outsider');
  const totp = newTotpSecret();
  const user = async (opts: Parameters<typeof testApp.makeUser>[1] = {}) => (await testApp.makeUser(db, opts)).id;
  const users = {
    staff: await user({ org: [jusoor, 'orgStaff'], totpSecret: totp }),
    admin: await user({ org: [jusoor, 'orgAdmin'], totpSecret: totp }),
    other: await user({ org: [outsider, 'orgAdmin'], totpSecret: totp }),
    chair: await user({ network: [net, 'networkAdmin'], totpSecret: totp }),
    member: await user(),
  };
  await ensureTown(db);
  await ensureTown(db, 'C1594', 'تل عار', "Tal'ar");
  const fx = await makeElectionFixture(db, {
    networkId: net,
    organizerOrgId: jusoor,
    userId: users.staff,
    now: t.clock.now,
    stations: fixture.stations ?? 4,
    observers: fixture.observers ?? 4,
    codePrefix: fixture.codePrefix ?? 'EL',
  });
  let n = 0;
  const asUser = async (userId: number | null) => {
    n++;
    const c = new testApp.Client(t.app, `10.7.${Math.floor(n / 250)}.${n % 250}`);
    if (userId !== null) await testApp.signIn(t, c, userId);
    return c;
  };
  return {
    t,
    db,
    net,
    jusoor,
    noon,
    outsider,
    users,
    fx,
    as: (who) => asUser(who === 'anonymous' ? null : users[who]),
    asUser,
    async count(table) {
      const row = await db
        .selectFrom(table as 'elections')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    election: ({ by = 'jusoor', ...size }) =>
      makeElectionFixture(db, {
        networkId: net,
        organizerOrgId: by === 'jusoor' ? jusoor : outsider,
        userId: by === 'jusoor' ? users.staff : users.other,
        now: t.clock.now,
        ...size,
      }),
    async enterSheets(f, sheets, keyPrefix) {
      for (const [i, rawAnswers] of sheets.entries())
        await ingestSubmission(
          db,
          t.app.wasl.dialect,
          {
            electionId: f.electionId,
            electionStatus: 'active',
            form: f.forms.count,
            stationId: f.stations[i]!.id,
            observerId: null,
            enteredBy: users.staff,
            source: 'web',
            key: `web:${keyPrefix}-${i}`,
            rawAnswers,
          },
          t.clock.now,
        );
    },
  };
}

/**
 * The world of one test file: built before its tests, closed after them. Read it inside a test
 * (`w.fx.electionId`); it does not exist yet when the file is loaded.
 */
export function useElectionsWorld(fixture: Parameters<typeof electionsWorld>[0] = {}): World {
  let built: World | null = null;
  beforeAll(async () => {
    built = await electionsWorld(fixture);
  });
  afterAll(() => built?.t.close());
  return new Proxy({} as World, {
    get(_, key) {
      if (!built) throw new Error('the elections test world is built in beforeAll');
      return built[key as keyof World];
    },
  });
}
