// Results and the statement at a national election's scale, on loopback (issue #14): 5,000
// stations (BENCH_STATIONS), each with an accepted count sheet, on SQLite (a temporary file).
// Times drafting a statement (the whole release protected off the event loop, with the
// event-loop delay measured while it runs), the coordinators' live figures, and over HTTP: the
// public results page (the first request, which parses the frozen figures, then p50 / p99 of
// BENCH_REQUESTS sequential requests over its pages, with the event loop's worst delay and what a
// small page answered meanwhile), the coordinators' statement page, and the results as CSV and
// JSON. Bounded: stops after BENCH_DEADLINE_SECONDS (default 300). Not part of `npm test`.
//
//   node --import tsx bench/election-results.ts
import crypto from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { createSession, sessionCookieName } from '../src/core/auth/sessions.js';
import { goodSheet, makeElectionFixture } from '../src/features/elections/testing/fixture.js';
import { benchDatabase, electionOrganizers } from './election-setup.js';
import { getElection } from '../src/features/elections/queries.js';
import { approveStatement, draftStatement } from '../src/features/elections/statements/actions.js';
import { freezeFigures } from '../src/features/elections/statements/results.js';

const STATIONS = Number(process.env.BENCH_STATIONS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_SECONDS ?? 300) * 1000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      })
      .on('error', reject);
  });
}

/** Runs `work` while sampling the event loop; returns its time and the loop's worst delay. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; loopMaxMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  h.disable();
  return { value, ms, loopMaxMs: h.max / 1e6 };
}

async function main() {
  const timer = setTimeout(() => {
    console.error(`election-results: stopped after ${DEADLINE_MS / 1000} s`);
    process.exit(2);
  }, DEADLINE_MS);
  timer.unref();
  const setup = await benchDatabase('sqlite', 'election_results');
  const { handle } = setup;
  const tmp = setup.dataDir;
  try {
    const db = handle.db;
    const now = new Date();
    const who = await electionOrganizers(db, now);
    const user = { id: who.userId };
    const setupStarted = performance.now();
    const fx = await makeElectionFixture(db, {
      networkId: who.networkId,
      organizerOrgId: who.organizationId,
      userId: user.id,
      now,
      stations: STATIONS,
      observers: 0,
      codePrefix: 'RB',
    });
    // one accepted sheet per station; some stations with few women, some that do not reconcile
    const rows = fx.stations.map((s, i) => {
      const women = i % 37 === 0 ? 1 + (i % 9) : 40 + (i % 90);
      const sheet = goodSheet(women, 60 + (i % 120));
      if (i % 53 === 0) sheet.valid = sheet.valid! - 3;
      return {
        election_id: fx.electionId,
        station_id: s.id,
        form_slug: 'count',
        status: 'single' as const,
        values_json: JSON.stringify(sheet),
        flags: i % 53 === 0 ? '["valid + invalid = voters"]' : '[]',
        decided_by: null,
        decided_at: null,
        decision_note: '',
        updated_at: now.toISOString(),
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('count_sheets')
        .values(rows.slice(i, i + 500))
        .execute();
    await db.updateTable('elections').set({ status: 'active' }).where('id', '=', fx.electionId).execute();
    console.log(`set up ${STATIONS} stations in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    const e = (await getElection(db, fx.electionId))!;
    const config = loadConfig({
      NODE_ENV: 'production',
      BASE_URL: 'http://127.0.0.1:3000',
      DATA_DIR: tmp,
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'off',
      DATABASE_URL: setup.url,
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    });
    const app = await buildApp({ config, handle, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    try {
      const tr = {
        ar: app.wasl.i18n.translator('ar', { digits: 'latn' }),
        en: app.wasl.i18n.translator('en', { digits: 'latn' }),
      };
      const live = await timed(() => freezeFigures(db, e, new Date(), { protect: false }));
      console.log(`live figures (coordinators' statement page): ${live.ms.toFixed(0)} ms`);
      // drafting while the public page is being asked: other requests must not wait for it
      const during: number[] = [];
      let drafting = true;
      const probe = (async () => {
        while (drafting) during.push((await get(port, '/elections')).ms);
      })();
      const draft = await timed(() =>
        draftStatement(
          db,
          e,
          { cutoff: new Date(), remarks_ar: '', remarks_en: '', change_note_ar: '', change_note_en: '' },
          tr,
          user.id,
          new Date(),
        ),
      );
      drafting = false;
      await probe;
      console.log(
        `draft (whole release protected, off the event loop): ${draft.ms.toFixed(0)} ms, event-loop delay max ${draft.loopMaxMs.toFixed(1)} ms; ${during.length} other requests meanwhile, p99 ${pct(during, 99).toFixed(1)} ms`,
      );
      const d = await db
        .selectFrom('election_statements')
        .select('id')
        .where('election_id', '=', e.id)
        .executeTakeFirstOrThrow();
      await approveStatement(db, e.id, d.id, user.id, new Date());
      const results = `/elections/${e.id}/results`;
      const firstPage = await timed(() => get(port, results));
      console.log(
        `results page, first request (frozen figures parsed and kept): ${firstPage.ms.toFixed(0)} ms, event-loop delay max ${firstPage.loopMaxMs.toFixed(1)} ms`,
      );
      await sequence('results page over HTTP', (i) => `${results}?page=${1 + (i % 25)}`);
      await sequence('results page, one town', () => `${results}?town=C1605&page=2`);
      const { token } = await createSession(db, user.id, new Date(), 'staff');
      const cookie = { cookie: `${sessionCookieName(false)}=${token}` };
      await sequence(
        'statement page (coordinators, live figures) over HTTP',
        (i) => `/elections/${e.id}/statement?page=${1 + (i % 25)}`,
        cookie,
      );
      for (const format of ['csv', 'json']) {
        const cold = await timed(() => get(port, `${results}.${format}`));
        const warm = await timed(() => get(port, `${results}.${format}`));
        console.log(
          `results as ${format.toUpperCase()}: first ${cold.ms.toFixed(0)} ms (event-loop delay max ${cold.loopMaxMs.toFixed(1)} ms), then ${warm.ms.toFixed(0)} ms; ${(cold.value.bytes / 1024).toFixed(0)} KiB`,
        );
      }

      /** REQUESTS sequential requests, with a small page asked meanwhile by another client. */
      async function sequence(what: string, pathOf: (i: number) => string, headers: Record<string, string> = {}) {
        const times: number[] = [];
        const others: number[] = [];
        let bytes = 0;
        let running = true;
        const probe = (async () => {
          while (running) others.push((await get(port, '/elections')).ms);
        })();
        const run = await timed(async () => {
          for (let i = 0; i < REQUESTS; i++) {
            const r = await get(port, pathOf(i), headers);
            if (r.status !== 200) throw new Error(`${what}: ${r.status}`);
            times.push(r.ms);
            bytes = Math.max(bytes, r.bytes);
          }
        });
        running = false;
        await probe;
        console.log(
          `${what}: p50 ${pct(times, 50).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms (${REQUESTS} requests, up to ${(bytes / 1024).toFixed(0)} KiB), event-loop delay max ${run.loopMaxMs.toFixed(1)} ms; a small page meanwhile: p99 ${pct(others, 99).toFixed(0)} ms, max ${Math.max(...others).toFixed(0)} ms`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await setup.drop();
  }
}

await main();
