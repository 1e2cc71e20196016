// Smoke run of the form fuzzer (a few inputs per POST route and role); the full run with many
// more is in test/hardening/form-fuzz.test.ts.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/use-app.js';
import { fuzzPostRoutes } from '../../testing/form-fuzz.js';

const t = useTestApp();

describe('form fuzzer (smoke)', () => {
  it('answers random and malformed input on every POST route without a 5xx or a partial write', async () => {
    const result = await fuzzPostRoutes(t, { runsPerRoute: 2, seed: 20261129 });
    expect(result.failures).toEqual([]);
    expect(result.requests).toBeGreaterThan(40);
  }, 240_000);
});
