// Observer codes through HTTP (#18): drawn at random — many observers issued at once get unique
// codes that follow no sequence and do not continue an earlier batch — and a coordinator of
// another election learns nothing about this election's codes: searching, naming a supervisor and
// opening an observer's page answer exactly as they do for a code or an id that exists nowhere.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../testing/app.js';
import type { Fixture } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld({ observers: 2 });
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The codes on the printable cards that answer an issue, in the order issued. */
const cardCodes = (html: string) => [...html.matchAll(/class="observer-card" data-code="([^"]+)"/g)].map((m) => m[1]!);

/** A code as a number (base 31): sequential codes would be neighbours. */
const value = (code: string) =>
  [...code.replace('-', '')].reduce((n, ch) => n * ALPHABET.length + ALPHABET.indexOf(ch), 0);

async function issueMany(c: Client, electionId: number, n: number) {
  const rows = Array.from({ length: n }, (_, i) => `Observer ${i + 1},,Jusoor,fixed,TB-01 S1,`);
  const res = await c.post(
    `/elections/${electionId}/observers/import`,
    { csv: ['name,phone,organization,kind,stations,route', ...rows].join('\n') },
    { formPage: `/elections/${electionId}/observers` },
  );
  expect(res.statusCode).toBe(200);
  return cardCodes(res.body);
}

describe('observer codes are drawn at random', () => {
  it('many observers get unique codes with no sequence, and a second batch does not continue the first', async () => {
    const c = await w.as('staff');
    const first = await issueMany(c, w.fx.electionId, 40);
    const second = await issueMany(c, w.fx.electionId, 20);
    expect(first).toHaveLength(40);
    expect(second).toHaveLength(20);
    const all = [...first, ...second, ...w.fx.observers.map((o) => o.code)];
    expect(all.every((code) => /^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}$/.test(code))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    // The database agrees: one row per code in this election.
    const stored = await w.db
      .selectFrom('observers')
      .select('code')
      .where('election_id', '=', w.fx.electionId)
      .execute();
    expect(new Set(stored.map((r) => r.code)).size).toBe(stored.length);
    expect(stored.length).toBe(all.length);
    // No code is the previous one plus a small step (a counter, whatever its start or stride),
    // and no code of the second batch is a near neighbour of any code issued before.
    const values = all.map(value);
    const steps = values.slice(1, 60).map((v, i) => v - values[i]!);
    expect(new Set(steps).size).toBeGreaterThan(50);
    expect(steps.filter((s) => Math.abs(s) < 1000)).toEqual([]);
    for (const v of second.map(value))
      expect(
        first.map(value).filter((u) => Math.abs(u - v) < 1000),
        'second batch continues the first',
      ).toEqual([]);
    // Every position varies: a sequence changes its last symbols only.
    for (let pos = 0; pos < 7; pos++) {
      if (pos === 3) continue;
      expect(new Set(first.map((code) => code[pos])).size, `position ${pos}`).toBeGreaterThan(10);
    }
  });
});

describe('a coordinator of another election learns nothing about this election’s codes', () => {
  let theirs: Fixture;
  let other: Client;
  let mine: { id: number; code: string };
  const nowhere = { code: 'QQQ-QQQ', id: 999_999 };
  beforeAll(async () => {
    theirs = await w.election({ by: 'outsider', stations: 2, observers: 1 });
    other = await w.as('other');
    mine = w.fx.observers[0]!;
    expect(await w.db.selectFrom('observers').select('id').where('code', '=', nowhere.code).executeTakeFirst()).toBe(
      undefined,
    );
  });
  /** A page with the code asked about (and the form token, new on every page) taken out. */
  const without = (html: string, code: string) =>
    html.replaceAll(code, '«code»').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"');

  it('searching their own observers for this election’s code answers as for a code that exists nowhere', async () => {
    const base = `/elections/${theirs.electionId}/observers`;
    const found = await other.get(`${base}?q=${encodeURIComponent(mine.code)}`);
    const none = await other.get(`${base}?q=${encodeURIComponent(nowhere.code)}`);
    expect(found.statusCode).toBe(200);
    expect(without(found.body, mine.code)).toBe(without(none.body, nowhere.code));
    expect(found.body).not.toContain('Observer 1');
    // Their own observer is found by the same search.
    const own = await other.get(`${base}?q=${encodeURIComponent(theirs.observers[0]!.code)}`);
    expect(own.body).toContain(`/observers/${theirs.observers[0]!.id}"`);
  });

  it('naming this election’s observer as a supervisor is refused exactly like a made-up code, and saves nothing', async () => {
    const url = `/elections/${theirs.electionId}/observers`;
    const body = (supervisor: string) => ({
      name: 'Mobile supervisor',
      phone: '',
      organization_id: String(w.outsider),
      kind: 'mobile',
      route_name: '',
      supervisor,
      stations: theirs.stations.map((s) => s.label).join(', '),
    });
    const before = await w.count('observers');
    await other.get(url);
    const found = await other.post(url, body(mine.code));
    const none = await other.post(url, body(nowhere.code));
    expect(found.statusCode).toBe(400);
    expect(none.statusCode).toBe(400);
    expect(found.body).toContain('aria-invalid="true"');
    expect(without(found.body, mine.code)).toBe(without(none.body, nowhere.code));
    expect(await w.count('observers')).toBe(before);
    // The same form with their own observer as supervisor goes through (typed as people type it).
    const ok = await other.post(url, body(theirs.observers[0]!.code.toLowerCase().replace('-', ' ')));
    expect(ok.statusCode).toBe(200);
    expect(cardCodes(ok.body)).toHaveLength(1);
  });

  it('this election’s observers, under either election’s address, answer as an id that exists nowhere', async () => {
    for (const path of [
      (id: number) => `/elections/${theirs.electionId}/observers/${id}`,
      (id: number) => `/elections/${w.fx.electionId}/observers/${id}`,
    ]) {
      const found = await other.get(path(mine.id));
      const none = await other.get(path(nowhere.id));
      expect(found.statusCode).toBe(404);
      expect(none.statusCode).toBe(404);
      expect(without(found.body, `/observers/${mine.id}`)).toBe(without(none.body, `/observers/${nowhere.id}`));
      expect(found.body).not.toContain(mine.code);
    }
    // A change to this election's observer through their election's address is refused and changes nothing.
    const revoke = await other.post(
      `/elections/${theirs.electionId}/observers/${mine.id}/revoke`,
      {},
      { formPage: `/elections/${theirs.electionId}/observers` },
    );
    expect(revoke.statusCode).toBe(404);
    const row = await w.db.selectFrom('observers').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
  });
});
