// The observer API: sign-in with a code and secret, bearer tokens, assignments only, submissions
// that are idempotent under concurrent retries and dropped answers (a property test), refused
// when the same key carries another payload, and revocation that takes effect at once.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goodSheet, makeElectionFixture, type Fixture } from '../testing/fixture.js';
import { useElectionsWorld, type World } from '../testing/setup.js';
import { SIGN_IN_LIMITS } from './signin.js';

const w = useElectionsWorld({ codePrefix: 'TB' });
let t: World['t'];
let fx: Fixture;
let other: Fixture;
const ip = (() => {
  let n = 0;
  return () => `10.9.${Math.floor(++n / 250)}.${n % 250}`;
})();

beforeAll(async () => {
  t = w.t;
  fx = w.fx;
  other = await makeElectionFixture(w.db, {
    networkId: w.net,
    organizerOrgId: w.outsider,
    userId: null,
    now: t.clock.now,
    stations: 2,
    observers: 1,
    codePrefix: 'ZZ',
  });
});

async function login(code: string, secret: string, from = ip()) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/observe/session',
    payload: { code, secret },
    remoteAddress: from,
  });
  return { res, token: res.statusCode === 201 ? (res.json() as { token: string }).token : '' };
}
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
function submit(token: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/observe/submissions', payload: body, headers: auth(token) });
}
async function rows(keys: string[]) {
  if (!keys.length) return [];
  return t.handle.db
    .selectFrom('observation_submissions')
    .select(['idempotency_key', 'answers'])
    .where('idempotency_key', 'in', keys)
    .execute();
}
const opening = (f: Fixture, stationId: number, late = false) => ({
  key: crypto.randomUUID(),
  form_id: f.forms.opening.id,
  station_id: stationId,
  answers: late
    ? { opened: 'no', observer_allowed: 'yes' }
    : { opened: 'yes', opened_at: '08:00', box_empty: 'yes', materials: 'yes', observer_allowed: 'yes' },
});

describe('signing in', () => {
  it('gives a token for the right code and secret (any case, dashes, Arabic-Indic digits), refuses others', async () => {
    const o = fx.observers[0]!;
    expect((await login(o.code.toLowerCase(), 'abcde٢٣٤٥٦')).res.statusCode).toBe(201);
    const bad = await login(o.code, 'WRONG-SECRET');
    expect(bad.res.statusCode).toBe(401);
    expect(bad.res.json()).toMatchObject({
      error: 'badCredentials',
      message: { ar: expect.any(String), en: expect.any(String) },
    });
    expect((await login('NOBODY-1', 'ABCDE-23456')).res.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/observe/session', payload: { code: 1 } })).statusCode).toBe(
      400,
    );
  });

  it('slows guessing on one code from anywhere, the same for unknown codes, and lets the real observer in after the wait', async () => {
    const o = fx.observers[3]!;
    const { free } = SIGN_IN_LIMITS.delay;
    for (let i = 0; i < free; i++) expect((await login(o.code, `NOPE-${i}`)).res.statusCode).toBe(401);
    for (let i = 0; i < free; i++) await login('NOBODY-2', `NOPE-${i}`);
    const blocked = await login(o.code, o.secret);
    expect(blocked.res.statusCode).toBe(429);
    const wait = Number(blocked.res.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    const unknown = await login('NOBODY-2', 'ABCDE-23456');
    expect(unknown.res.statusCode).toBe(429);
    expect(unknown.res.headers['retry-after']).toBe(String(wait));
    t.clock.advance(wait * 1000);
    expect((await login(o.code, o.secret)).res.statusCode).toBe(201);
  });

  it('stops one address after a few wrong secrets for one code; a phone elsewhere still gets in', async () => {
    const o = fx.observers[2]!;
    const from = ip();
    const { pair, delay } = SIGN_IN_LIMITS;
    for (let i = 0; i < pair.max; i++) {
      await login(o.code, `NOPE-${i}`, from);
      t.clock.advance(delay.maxSeconds * 1000); // past the per-code delay, to reach the address limit
    }
    const here = await login(o.code, o.secret, from);
    expect(here.res.statusCode).toBe(429);
    expect(here.res.headers['retry-after']).toBeDefined();
    expect((await login(o.code, o.secret)).res.statusCode).toBe(201);
  });

  it('stores only a hash of the token and of the secret', async () => {
    const o = fx.observers[0]!;
    const { token } = await login(o.code, o.secret);
    const stored = await t.handle.db.selectFrom('observer_tokens').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    const obs = await t.handle.db
      .selectFrom('observers')
      .select('secret_hash')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(obs.secret_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers without a token with 401 JSON, never a page', async () => {
    const res = await t.app.inject({ url: '/api/observe/assignment' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized' });
    const forged = await t.app.inject({ url: '/api/observe/assignment', headers: auth('x'.repeat(43)) });
    expect(forged.statusCode).toBe(401);
  });
});

describe('assignments', () => {
  it('an observer sees only their stations and their election’s published forms', async () => {
    const o = fx.observers[1]!;
    const { token } = await login(o.code, o.secret);
    const res = await t.app.inject({ url: '/api/observe/assignment', headers: auth(token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as {
      stations: { id: number }[];
      forms: { id: number }[];
      observer: Record<string, unknown>;
    };
    expect(body.stations.map((s) => s.id)).toEqual([o.stationId]);
    expect(body.forms.map((f) => f.id).sort()).toEqual(
      Object.values(fx.forms)
        .map((f) => f.id)
        .sort(),
    );
    expect(Object.keys(body.observer)).toEqual(['code']); // no name, no phone
    // Nothing of it is kept for the next caller: without a token, or with another observer's, the
    // same address answers 401 or that observer's own stations.
    const anonymous = await t.app.inject({ url: '/api/observe/assignment' });
    expect(anonymous.statusCode).toBe(401);
    const o2 = fx.observers[0]!;
    const second = await login(o2.code, o2.secret);
    const theirs = await t.app.inject({ url: '/api/observe/assignment', headers: auth(second.token) });
    expect((theirs.json() as { stations: { id: number }[] }).stations.map((s) => s.id)).toEqual([o2.stationId]);
  });

  it('refuses a report for a station or a form that is not theirs', async () => {
    const o = fx.observers[1]!;
    const { token } = await login(o.code, o.secret);
    const otherStation = await submit(token, opening(fx, fx.observers[0]!.stationId));
    expect(otherStation.statusCode).toBe(403);
    expect(otherStation.json()).toMatchObject({ error: 'notAssigned' });
    const otherElection = await submit(token, { ...opening(fx, o.stationId), form_id: other.forms.opening.id });
    expect(otherElection.statusCode).toBe(404);
    expect(await rows([])).toEqual([]);
  });

  it('a token of another election reads none of this election’s stations or forms and reports to none of them', async () => {
    const o = other.observers[0]!;
    const { token } = await login(o.code, o.secret);
    const res = await t.app.inject({ url: '/api/observe/assignment', headers: auth(token) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { election: { id: number }; stations: { id: number }[]; forms: { id: number }[] };
    expect(body.election.id).toBe(other.electionId);
    const ourStations = new Set(fx.stations.map((s) => s.id));
    const ourForms = new Set(Object.values(fx.forms).map((f) => f.id));
    expect(body.stations.filter((s) => ourStations.has(s.id))).toEqual([]);
    expect(body.forms.filter((f) => ourForms.has(f.id))).toEqual([]);
    const stored = () =>
      t.handle.db
        .selectFrom('observation_submissions')
        .select('id')
        .where('election_id', '=', fx.electionId)
        .execute()
        .then((r) => r.length);
    const before = await stored();
    const station = fx.stations[0]!.id;
    // Our form at our station, their form at our station, our form at their own station.
    expect((await submit(token, opening(fx, station))).statusCode).toBe(403);
    expect((await submit(token, opening(other, station))).statusCode).toBe(403);
    expect((await submit(token, opening(fx, o.stationId))).statusCode).toBe(404);
    expect(await stored()).toBe(before);
  });

  it('refuses answers that do not fit the form, and stores nothing', async () => {
    const o = fx.observers[1]!;
    const { token } = await login(o.code, o.secret);
    const body = { ...opening(fx, o.stationId), answers: { opened: 'no' } };
    const res = await submit(token, body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'invalid', fields: { observer_allowed: 'required' } });
    expect(await rows([body.key])).toHaveLength(0);
    expect((await submit(token, { ...body, key: 'not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('idempotent submissions', () => {
  it('a repeat returns the first result; the same key with another payload is refused', async () => {
    const o = fx.observers[0]!;
    const { token } = await login(o.code, o.secret);
    const body = opening(fx, o.stationId);
    const first = await submit(token, body);
    expect(first.statusCode).toBe(201);
    const again = await submit(token, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ok: true, duplicate: true, id: first.json().id, key: body.key });
    // the acknowledgement carries the day only
    expect(first.json().received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const changed = await submit(token, { ...body, answers: { ...body.answers, materials: 'no' } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ error: 'keyConflict' });
    const stored = await rows([body.key]);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.answers).materials).toBe('yes');
  });

  it('concurrent retries of one report store one row and all get the same answer', async () => {
    const o = fx.observers[2]!;
    const { token } = await login(o.code, o.secret);
    const body = {
      key: crypto.randomUUID(),
      form_id: fx.forms.count.id,
      station_id: o.stationId,
      answers: goodSheet(40, 55),
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(token, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await rows([body.key])).toHaveLength(1);
    const sheets = await t.handle.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', o.stationId)
      .execute();
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.status).toBe('single'); // retries are not a second entry
  });

  it('property: any sequence of submits, dropped answers and retries ends with each report stored exactly once', async () => {
    const o = fx.observers[3]!;
    const { token } = await login(o.code, o.secret);
    const op = fc.record({
      kind: fc.constantFrom('new', 'send', 'send', 'send'),
      pick: fc.nat(),
      tries: fc.integer({ min: 1, max: 3 }),
      drop: fc.boolean(), // the server's answer is lost on the way back
      lostBefore: fc.boolean(), // the request never reaches the server
      concurrent: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const outbox = new Map<string, Record<string, unknown>>();
        const created: string[] = [];
        const send = async (
          body: Record<string, unknown>,
          tries: number,
          drop: boolean,
          lostBefore: boolean,
          concurrent: boolean,
        ) => {
          if (lostBefore) return false;
          const attempts = Array.from({ length: tries }, () => () => submit(token, body));
          const answers = concurrent ? await Promise.all(attempts.map((a) => a())) : [];
          if (!concurrent) for (const a of attempts) answers.push(await a());
          for (const a of answers) expect([200, 201]).toContain(a.statusCode);
          return !drop; // acknowledged only if an answer came back
        };
        for (const x of ops) {
          if (x.kind === 'new' || outbox.size === 0) {
            const body = opening(fx, o.stationId, x.pick % 2 === 0);
            outbox.set(body.key, body);
            created.push(body.key);
            continue;
          }
          const key = [...outbox.keys()][x.pick % outbox.size]!;
          if (await send(outbox.get(key)!, x.tries, x.drop, x.lostBefore, x.concurrent)) outbox.delete(key);
        }
        // back online: the outbox empties, key by key, until every report is acknowledged
        for (const [key, body] of outbox) if (await send(body, 1, false, false, false)) outbox.delete(key);
        expect(outbox.size).toBe(0);
        const stored = await rows(created);
        expect(stored.map((r) => r.idempotency_key).sort()).toEqual([...created].sort()); // none lost, none twice
      }),
      { numRuns: 25 },
    );
  });
});

describe('revocation', () => {
  it('takes effect on the very next request, and a new secret restores access', async () => {
    const db = t.handle.db;
    const o = fx.observers[1]!;
    const { token } = await login(o.code, o.secret);
    expect((await t.app.inject({ url: '/api/observe/assignment', headers: auth(token) })).statusCode).toBe(200);
    const coordinator = await w.as('staff');
    await coordinator.get(`/elections/${fx.electionId}/observers`);
    const revoke = await coordinator.post(`/elections/${fx.electionId}/observers/${o.id}/revoke`, {});
    expect(revoke.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/api/observe/assignment', headers: auth(token) })).statusCode).toBe(401);
    expect((await submit(token, opening(fx, o.stationId))).statusCode).toBe(401);
    expect((await login(o.code, o.secret)).res.statusCode).toBe(401);
    expect(
      await db.selectFrom('observer_tokens').select('token_hash').where('observer_id', '=', o.id).execute(),
    ).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'election.observer.revoked')
      .execute();
    expect(audit).toHaveLength(1);
    // reissue: a new secret, shown once
    const page = await coordinator.post(`/elections/${fx.electionId}/observers/${o.id}/reissue`, {});
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const secret = /data-secret="?[^>]*>([A-Z0-9-]+)</.exec(page.body)?.[1];
    expect(secret).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await login(o.code, o.secret)).res.statusCode).toBe(401);
    expect((await login(o.code, secret!)).res.statusCode).toBe(201);
  });

  it('signing out deletes the token', async () => {
    const o = fx.observers[0]!;
    const { token } = await login(o.code, o.secret);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/observe/session', headers: auth(token) })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: '/api/observe/assignment', headers: auth(token) })).statusCode).toBe(401);
  });

  it('an archived election takes no reports and no sign-in', async () => {
    const db = t.handle.db;
    const o = other.observers[0]!;
    const { token } = await login(o.code, o.secret);
    await db.updateTable('elections').set({ status: 'archived' }).where('id', '=', other.electionId).execute();
    expect((await submit(token, opening(other, o.stationId))).statusCode).toBe(403);
    expect((await login(o.code, o.secret)).res.statusCode).toBe(403);
  });
});

describe('the app shell', () => {
  it('is served as files under /observe/ with a service worker scoped there, within 50 KB compressed', async () => {
    const redirect = await t.app.inject({ url: '/observe' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/observe/');
    const shell = await t.app.inject({ url: '/observe/', headers: { 'accept-encoding': 'br' } });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-security-policy']).toContain("script-src 'self'");
    const html = (await t.app.inject({ url: '/observe/' })).body;
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>[^<]/);
    expect(html).not.toMatch(/<style|style=/);
    const assets = [...html.matchAll(/(?:src|href)="(\/observe\/[^"?]+)"/g)].map((m) => m[1]!);
    let total = Number(shell.headers['content-length'] ?? shell.rawPayload.length);
    for (const a of [...assets, '/observe/sw.js']) {
      const r = await t.app.inject({ url: a, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, a).toBe(200);
      total += r.rawPayload.length;
    }
    expect(total).toBeLessThan(50 * 1024);
    const sw = await t.app.inject({ url: '/observe/sw.js' });
    expect(sw.headers['content-type']).toContain('javascript');
    expect(sw.body).toContain('/observe/assets/app.');
    const js = assets.find((a) => a.endsWith('.js'))!;
    expect((await t.app.inject({ url: js })).headers['cache-control']).toContain('immutable');
    expect((await t.app.inject({ url: '/observe/assets/app.nothere.js' })).statusCode).toBe(404);
  });

  it('is one page per language from the page cache: a repeat visit gets 304, Arabic never answers English', async () => {
    const ar = await t.app.inject({ url: '/observe/', headers: { 'accept-language': 'ar' } });
    const en = await t.app.inject({ url: '/observe/', headers: { 'accept-language': 'en' } });
    expect(ar.headers.etag).toBeTruthy();
    expect(en.headers.etag).not.toBe(ar.headers.etag);
    expect(ar.body).toContain('lang="ar');
    expect(en.body).toContain('lang="en');
    const again = await t.app.inject({
      url: '/observe/',
      headers: { 'accept-language': 'ar', 'if-none-match': String(ar.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(ar.headers['cache-control']).toBe('no-cache'); // the browser asks again each time, and gets 304
  });
});
