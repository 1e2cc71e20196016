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

  it('random cases (changes included) keep to the rules', async () => {
    const report = await runIsolation(w, probes, { cases: 300, seed: 20261129 });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(300);
  }, 300_000);
});
