// The elections of the browser tests: two stations and two observers, organized by a member
// called Jusoor — the demo seed's (a seeded server) or a new one's (an empty server).
import type { Db } from '../../../core/db/index.js';
import { makeNetwork, makeOrganization } from '../../../testing/app.js';
import { makeElectionFixture, type Fixture } from './fixture.js';

type Organizer = { networkId: number; organizerOrgId: number };

/** The demo seed's network and its member Jusoor. */
export async function seededOrganizer(db: Db): Promise<Organizer> {
  const net = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const org = await db
    .selectFrom('organizations')
    .select('id')
    .where('name_en', 'like', 'Jusoor%')
    .executeTakeFirstOrThrow();
  return { networkId: net.id, organizerOrgId: org.id };
}

/** A new network with one member, Jusoor. */
export async function newOrganizer(db: Db): Promise<Organizer> {
  const networkId = await makeNetwork(db);
  return { networkId, organizerOrgId: await makeOrganization(db, networkId, 'Jusoor') };
}

/** Two stations and two observers, made now by nobody. */
export function smallElection(db: Db, organizer: Organizer, codePrefix?: string): Promise<Fixture> {
  return makeElectionFixture(db, {
    ...organizer,
    userId: null,
    now: new Date(),
    stations: 2,
    observers: 2,
    codePrefix,
  });
}
