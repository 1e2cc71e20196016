// The full form fuzzer: many random, oversized, wrongly encoded and mixed-script inputs per POST
// route and role (FUZZ_RUNS, default 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../src/testing/app.js';
import { fuzzPostRoutes } from '../../src/testing/form-fuzz.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('form fuzzer', () => {
  it('never answers 5xx, always explains a 4xx, never writes part of a refused form', async () => {
    const result = await fuzzPostRoutes(t, { runsPerRoute: Number(process.env.FUZZ_RUNS ?? 12) });
    console.log(
      `form fuzzer: ${result.requests} requests over ${t.app.routeTable.filter((r) => r.method === 'POST').length} POST routes × 4 roles; statuses ${JSON.stringify(result.statuses)}; failures ${result.failures.length}`,
    );
    expect(result.failures).toEqual([]);
  }, 1_200_000);
});
