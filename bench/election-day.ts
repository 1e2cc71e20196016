// A simulated election day on loopback, on SQLite (a temporary file) and on PostgreSQL (a fresh
// schema in a database of its own, dropped at the end): 200 observers sign in, each sends 4
// forms (opening, voting, closing, the count sheet); every request is sent 1–3 times at random
// (some at once, some one after the other) and some answers are dropped (the client hangs up
// before the answer arrives), and an observer repeats a report until one answer comes back, as
// the app does. Reports submissions/s, latency p50/p99 of the answered requests, and the counts
// that prove nothing was lost and nothing stored twice. Bounded: stops by itself after
// BENCH_DEADLINE_SECONDS (default 200) per database. Not part of `npm test`.
//
//   node --import tsx bench/election-day.ts
//   BENCH_OBSERVERS=50 BENCH_DB=sqlite node --import tsx bench/election-day.ts
import crypto from 'node:crypto';
import http from 'node:http';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { goodSheet, makeElectionFixture, type Fixture } from '../src/features/elections/testing/fixture.js';
import { benchDatabase, electionOrganizers } from './election-setup.js';

const OBSERVERS = Number(process.env.BENCH_OBSERVERS ?? 200);
const FORMS_EACH = 4;
const DROP_RATE = Number(process.env.BENCH_DROP ?? 0.15);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 50);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_SECONDS ?? 200) * 1000;
const which = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',');

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
const rnd = (n: number) => crypto.randomInt(n);

type Answer = { status: number; body: string; ms: number } | { dropped: true };

function request(
  port: number,
  method: string,
  urlPath: string,
  body: unknown,
  headers: Record<string, string>,
  drop: boolean,
): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
        res.on('error', () => resolve({ dropped: true }));
      },
    );
    req.on('error', () => resolve({ dropped: true }));
    if (payload) req.write(payload);
    req.end();
    // A dropped answer: the connection is cut after the request left, sometimes before the
    // server read it all, sometimes after it committed.
    if (drop) setTimeout(() => req.destroy(), rnd(25));
  });
}

function answersFor(kind: string, i: number): Record<string, unknown> {
  switch (kind) {
    case 'opening':
      return { opened: 'yes', opened_at: '08:00', box_empty: 'yes', materials: 'yes', observer_allowed: 'yes' };
    case 'voting':
      return { voters_so_far: 50 + (i % 100), secrecy: 'yes', ids_checked: 'yes', campaigning: 'o1' };
    case 'closing':
      return { closed_at: '18:00', queue: 'no', count_public: 'yes' };
    default:
      return goodSheet(60 + (i % 40), 80 + (i % 50));
  }
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function run(kind: 'sqlite' | 'postgres') {
  const setup = await benchDatabase(kind, 'election_day');
  const { handle } = setup;
  const tmp = setup.dataDir;
  const deadline = Date.now() + DEADLINE_MS;
  let timedOut = false;
  try {
    const now = new Date();
    const who = await electionOrganizers(handle.db, now);
    const fx: Fixture = await makeElectionFixture(handle.db, {
      networkId: who.networkId,
      organizerOrgId: who.organizationId,
      userId: null,
      now,
      stations: OBSERVERS,
      observers: OBSERVERS,
      codePrefix: 'BN',
    });
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
      // sign in everyone (argon2: a few at a time)
      const tokens = new Map<number, string>();
      const queue = [...fx.observers];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let o = queue.shift(); o; o = queue.shift()) {
            const res = await request(
              port,
              'POST',
              '/api/observe/session',
              { code: o.code, secret: o.secret },
              {},
              false,
            );
            if ('dropped' in res || res.status !== 201)
              throw new Error(`sign-in failed for ${o.code}: ${JSON.stringify(res)}`);
            tokens.set(o.id, (JSON.parse(res.body) as { token: string }).token);
          }
        }),
      );

      const latencies: number[] = [];
      const counts = { sent: 0, created: 0, duplicate: 0, dropped: 0, refused: 0, otherStatus: 0 };
      const keys: string[] = [];
      const kinds = ['opening', 'voting', 'closing', 'count'] as const;

      async function deliver(token: string, body: Record<string, unknown>) {
        for (let round = 0; ; round++) {
          if (Date.now() > deadline) {
            timedOut = true;
            return;
          }
          const copies = 1 + rnd(3);
          const together = rnd(2) === 0;
          const attempt = () => {
            counts.sent++;
            return request(
              port,
              'POST',
              '/api/observe/submissions',
              body,
              { authorization: `Bearer ${token}` },
              Math.random() < DROP_RATE,
            );
          };
          const answers: Answer[] = [];
          if (together) answers.push(...(await Promise.all(Array.from({ length: copies }, attempt))));
          else for (let i = 0; i < copies; i++) answers.push(await attempt());
          let acked = false;
          for (const a of answers) {
            if ('dropped' in a) {
              counts.dropped++;
              continue;
            }
            latencies.push(a.ms);
            if (a.status === 201) counts.created++;
            else if (a.status === 200) counts.duplicate++;
            else if (a.status === 409) counts.refused++;
            else counts.otherStatus++;
            if (a.status === 200 || a.status === 201) acked = true;
          }
          if (acked) return;
          await new Promise((r) => setTimeout(r, 20 + rnd(80))); // back off, then the outbox tries again
        }
      }

      const started = performance.now();
      const todo = fx.observers.map((o, i) => ({ o, i }));
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let job = todo.shift(); job; job = todo.shift()) {
            for (const k of kinds) {
              const key = crypto.randomUUID();
              keys.push(key);
              await deliver(tokens.get(job.o.id)!, {
                key,
                form_id: fx.forms[k].id,
                station_id: job.o.stationId,
                answers: answersFor(k, job.i),
              });
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;

      // the proof, from the database
      const stored = await handle.db
        .selectFrom('observation_submissions')
        .select(['idempotency_key'])
        .where('election_id', '=', fx.electionId)
        .execute();
      const storedKeys = new Set(stored.map((r) => r.idempotency_key));
      const lost = keys.filter((k) => !storedKeys.has(k)).length;
      const duplicated = stored.length - storedKeys.size;
      const sentKeys = new Set(keys);
      const strays = stored.filter((r) => !sentKeys.has(r.idempotency_key)).length;
      const sheets = await handle.db
        .selectFrom('count_sheets')
        .select(['status'])
        .where('election_id', '=', fx.electionId)
        .execute();
      const result = {
        database: setup.label,
        observers: OBSERVERS,
        reports: keys.length,
        expectedRows: OBSERVERS * FORMS_EACH,
        storedRows: stored.length,
        lost,
        duplicated,
        unexpectedRows: strays,
        countSheets: sheets.length,
        countSheetsNotSingle: sheets.filter((s) => s.status !== 'single').length,
        requests: counts,
        seconds: Number(seconds.toFixed(2)),
        submissionsPerSecond: Number((keys.length / seconds).toFixed(1)),
        requestsPerSecond: Number((counts.sent / seconds).toFixed(1)),
        latencyMs: {
          p50: Number(pct(latencies, 50).toFixed(1)),
          p99: Number(pct(latencies, 99).toFixed(1)),
          max: Number(pct(latencies, 100).toFixed(1)),
        },
        timedOut,
        ok:
          !timedOut &&
          lost === 0 &&
          duplicated === 0 &&
          strays === 0 &&
          stored.length === OBSERVERS * FORMS_EACH &&
          counts.refused === 0,
      };
      console.log(JSON.stringify(result, null, 2));
      return result;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await setup.drop();
  }
}

const results = [];
for (const kind of which) {
  if (kind !== 'sqlite' && kind !== 'postgres') continue;
  console.log(
    `\n— election day on ${kind}: ${OBSERVERS} observers × ${FORMS_EACH} forms, each request sent 1–3 times, ${DROP_RATE * 100}% of answers dropped —`,
  );
  try {
    results.push(await run(kind));
  } catch (e) {
    console.error(`${kind}: ${(e as Error).message}`);
    results.push({ database: kind, ok: false });
  }
}
agent.destroy();
const failed = results.some((r) => !r.ok);
console.log(failed ? '\nFAILED: see above.' : '\nOK: 0 lost, 0 duplicated on every database.');
process.exit(failed ? 1 : 0);
