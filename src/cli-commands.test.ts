// `npm run wasl -- routes`: every route an operator or a security reviewer should know about,
// with who may call it and which feature owns it.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './testing/use-app.js';
import { routeListing } from './cli-commands.js';
import { features } from './features/index.js';

const t = useTestApp();

describe('wasl routes', () => {
  it('lists every registered route once, with its access level and its feature', () => {
    const lines = routeListing(t.app.routeTable);
    const names = new Set(['core', ...features.map((f) => f.name)]);
    const rows = lines.slice(0, -2).map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(t.app.routeTable.length);
    expect(lines.at(-1)).toBe(`${t.app.routeTable.length} routes`);
    for (const [method, , access, feature] of rows) {
      expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(method);
      expect(['public', 'member', 'orgStaff', 'orgAdmin', 'moderator', 'networkEditor', 'networkAdmin']).toContain(
        access,
      );
      expect(names.has(feature!), feature).toBe(true);
    }
    expect(lines).toContainEqual(expect.stringMatching(/^GET\s+\/admin\/audit\s+networkAdmin\s+admin$/));
    expect(lines).toContainEqual(expect.stringMatching(/^GET\s+\/healthz\s+public\s+core$/));
    // every feature with routes shows up under its own name
    for (const f of features)
      expect(
        rows.some((r) => r[3] === f.name),
        f.name,
      ).toBe(true);
  });
});
