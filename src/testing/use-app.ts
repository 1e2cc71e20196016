// The app a test file shares: built before its tests, closed after them (as useBrowser does for
// the browser tests). Apart from app.ts because it registers vitest hooks, and app.ts is also
// used outside vitest (bench/election-setup.ts).
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './app.js';

/** Call at the top of a test file; the fields are there from the file's first beforeAll on. */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await buildTestApp(env));
  });
  afterAll(() => t.close?.());
  return t;
}
