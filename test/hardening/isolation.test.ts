// Cross-organization isolation, the full figure: every probe of every feature × all ten people ×
// page, list and write, then ISOLATION_CASES (default 10,000) random (person, resource, operation)
// cases, on the database DATABASE_URL names (SQLite when unset; .ci/run runs it on both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../src/testing/app.js';
import {
  runIsolation,
  runIsolationExhaustively,
  type IsolationWorld,
  type Probe,
} from '../../src/testing/isolation.js';
import { isolationSetUp } from '../../src/testing/isolation-probes.js';

let t: TestApp;
let w: IsolationWorld;
let probes: Probe[];

beforeAll(async () => {
  ({ t, w, probes } = await isolationSetUp());
}, 300_000);
afterAll(() => t?.close());

describe('cross-organization isolation', () => {
  it('every probe × every person × page, list and write', async () => {
    const started = Date.now();
    const report = await runIsolationExhaustively(w, probes);
    console.log(
      `isolation, exhaustive (${t.handle.dialect}): ${report.cases} cases over ${report.probes} probes — ` +
        `${report.allowed} allowed, ${report.denied} refused; page ${report.byOp.page}, list ${report.byOp.list}, ` +
        `write ${report.byOp.write}; ${report.failures.length} failures; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(report.failures).toEqual([]);
  }, 3_600_000);

  it('no read or write crosses an organization unless it shared it (10,000 generated cases)', async () => {
    const cases = Number(process.env.ISOLATION_CASES ?? 10_000);
    const started = Date.now();
    const report = await runIsolation(w, probes, { cases, seed: Number(process.env.ISOLATION_SEED ?? 2026) });
    console.log(
      `isolation (${t.handle.dialect}): ${report.cases} cases over ${report.probes} probes — ` +
        `${report.allowed} allowed, ${report.denied} refused; page ${report.byOp.page}, list ${report.byOp.list}, ` +
        `write ${report.byOp.write}; ${report.failures.length} failures; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(cases);
    expect(report.allowed).toBeGreaterThan(cases / 10);
    expect(report.denied).toBeGreaterThan(cases / 10);
  }, 3_600_000);
});
