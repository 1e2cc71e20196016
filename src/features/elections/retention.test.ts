// Elections' retention with an injected clock, through the core's daily purge: expired and revoked
// observers' devices go; an archived election's observers lose name, phone and secret, and relayed
// texts are erased; an active election's observers keep theirs. SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { makeNetwork, makeOrganization, makeUser } from '../../testing/app.js';
import { useTestApp } from '../../testing/use-app.js';
import { runRetentionPurge } from '../../core/jobs/retention.js';
import { HOUR } from '../../core/time.js';
import { makeElectionFixture } from './testing/fixture.js';
import { createObserverToken, revokeObserver } from './observers/queries.js';
import { saveTextReport } from './entry/queries.js';
import elections from './index.js';

const t = useTestApp();

describe('elections retention', () => {
  it('removes expired and revoked devices, and erases archived elections’ observers and texts', async () => {
    const db = t.handle.db;
    const net = await makeNetwork(db);
    const org = await makeOrganization(db, net, 'Retention');
    const coordinator = await makeUser(db, { username: 'retention_coord', org: [org, 'orgStaff'] });
    const t0 = new Date('2026-06-01T08:00:00Z');
    const live = await makeElectionFixture(db, {
      networkId: net,
      organizerOrgId: org,
      userId: coordinator.id,
      now: t0,
      status: 'active',
      observers: 3,
      codePrefix: 'RL',
    });
    const old = await makeElectionFixture(db, {
      networkId: net,
      organizerOrgId: org,
      userId: coordinator.id,
      now: t0,
      status: 'active',
      observers: 2,
      codePrefix: 'RO',
    });
    await db.updateTable('observers').set({ phone: '+963944000123' }).execute();
    const [a, b, c] = live.observers;
    await createObserverToken(db, a!.id, t0); // expires after 4 days
    const now = new Date(t0.getTime() + 10 * 24 * HOUR);
    await createObserverToken(db, a!.id, now); // fresh: stays
    await createObserverToken(db, b!.id, now);
    await revokeObserver(db, b!.id, now); // (revocation deletes at once; the purge is the backstop)
    await createObserverToken(db, c!.id, now);
    await db.updateTable('observers').set({ status: 'revoked' }).where('id', '=', c!.id).execute();
    await createObserverToken(db, old.observers[0]!.id, now);
    for (const [f, line] of [
      [old, 'RO-OB-01 1 نعم'],
      [live, 'RL-OB-01 1 نعم'],
    ] as const)
      await saveTextReport(db, f.electionId, coordinator.id, line, [{ line, ok: true }], now);
    await db.updateTable('elections').set({ status: 'archived' }).where('id', '=', old.electionId).execute();

    const removed = await runRetentionPurge(db, now, elections.purge);
    expect(removed['observer devices (expired or revoked)']).toBeGreaterThanOrEqual(2);
    const tokens = await db.selectFrom('observer_tokens').select('observer_id').execute();
    expect(tokens.map((r) => r.observer_id).sort()).toEqual([a!.id]);

    const observers = await db
      .selectFrom('observers')
      .select(['election_id', 'code', 'name', 'phone', 'secret_hash', 'status'])
      .execute();
    const oldObservers = observers.filter((o) => o.election_id === old.electionId);
    expect(oldObservers.map((o) => o.code).sort()).toEqual(old.observers.map((o) => o.code).sort()); // the record keeps who observed where, by code
    for (const o of oldObservers)
      expect(o).toMatchObject({ name: '', phone: null, secret_hash: '', status: 'revoked' });
    for (const o of observers.filter((o) => o.election_id === live.electionId)) {
      expect(o.name).not.toBe('');
      expect(o.phone).toBe('+963944000123');
      expect(o.secret_hash).not.toBe('');
    }
    const texts = await db.selectFrom('election_text_reports').select(['election_id', 'raw', 'outcome']).execute();
    expect(texts.find((x) => x.election_id === old.electionId)).toMatchObject({ raw: '', outcome: '[]' });
    expect(texts.find((x) => x.election_id === live.electionId)!.raw).toContain('RL-OB-01');
    // A second run has nothing left to do.
    const again = await runRetentionPurge(db, now, elections.purge);
    expect(again['archived elections: observers and relayed texts']).toBe(0);
  });
});
