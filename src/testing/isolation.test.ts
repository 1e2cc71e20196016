// Cross-organization isolation, the fast part (npm test): every probe of every feature, for each
// operation and page, asked of one person its rule allows and one it refuses (in turn), then a few
// hundred random cases. The full run — every probe × all ten people, then 10,000 random cases, on
// both databases — is test/hardening/isolation.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './app.js';
import { runIsolation, runIsolationExhaustively, type IsolationWorld, type Probe } from './isolation.js';
import { isolationSetUp, isolationProbeSets } from './isolation-probes.js';

let t: TestApp;
let w: IsolationWorld;
let probes: Probe[];

beforeAll(async () => {
  ({ t, w, probes } = await isolationSetUp());
}, 300_000);
afterAll(() => t?.close());

describe('cross-organization isolation', () => {
  it('has probes from every feature that holds an organization’s data', async () => {
    for (const [feature] of await isolationProbeSets())
      expect(
        probes.some((p) => p.name.startsWith(`${feature}:`)),
        feature,
      ).toBe(true);
  });

  it('every resource × page, list and write, both sides of its rule: no read or write crosses an organization', async () => {
    const report = await runIsolationExhaustively(w, probes, { sample: true });
    expect(report.failures).toEqual([]);
    // Not vacuous: both answers occur, for each operation.
    expect(report.allowed).toBeGreaterThan(0);
    expect(report.denied).toBeGreaterThan(0);
    expect(report.byOp.write).toBeGreaterThan(0);
  }, 300_000);

  it('an admin of A who has not set up two-step reads nothing an anonymous visitor may not', async () => {
    // The two-step obligation is the person's: with the password alone, A's private note, file
    // versions, invitees-only meetings and their .ics files stay closed (and every other probe).
    const { makeUser, signIn, Client } = await import('./app.js');
    const owes = await makeUser(t.handle.db, { username: 'iso_admin_a_no2fa', org: [w.orgA, 'orgAdmin'] });
    const client = new Client(t.app);
    await signIn(t, client, owes.id);
    const leaks: string[] = [];
    let checked = 0;
    for (const probe of probes) {
      if (probe.readers('anonymous')) continue;
      for (const url of [...probe.pages, ...(probe.lists ?? [])]) {
        const res = await client.get(url);
        checked++;
        if (res.body.includes(probe.marker)) leaks.push(`${probe.name}: ${url} (${res.statusCode})`);
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it('random cases (changes included) keep to the rules', async () => {
    const report = await runIsolation(w, probes, { cases: 300, seed: 20261129 });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(300);
  }, 300_000);
});
