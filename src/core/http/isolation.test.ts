// Cross-organization isolation, the fast part (npm test): every probe of every feature once for
// every person and operation, then a few hundred random cases. The 10,000-case run on both
// databases is test/hardening/isolation.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import {
  makeIsolationWorld,
  runIsolation,
  runIsolationExhaustively,
  type IsolationWorld,
  type Probe,
} from '../test/isolation.js';
import { allIsolationProbes, isolationProbeSets } from '../../features/isolation.js';

let t: TestApp;
let w: IsolationWorld;
let probes: Probe[];

beforeAll(async () => {
  t = await buildTestApp();
  w = await makeIsolationWorld(t);
  probes = await allIsolationProbes(w);
}, 120_000);
afterAll(() => t?.close());

describe('cross-organization isolation', () => {
  it('has probes from every feature that holds an organization’s data', () => {
    for (const [feature] of isolationProbeSets)
      expect(
        probes.some((p) => p.name.startsWith(`${feature}:`)),
        feature,
      ).toBe(true);
  });

  it('every resource × every person × page, list and write: no read or write crosses an organization', async () => {
    const report = await runIsolationExhaustively(w, probes);
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
