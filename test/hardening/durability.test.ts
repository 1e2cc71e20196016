// Durability of acknowledged writes, through the observer API (the writes that matter most):
// 1. kill -9 of the server at random moments during a stream of submissions, 20 runs: every
//    acknowledged submission is in the database afterwards and the database is intact.
// 2. 8 concurrent clients × 500 offline submissions, each sent 1–3 times with some answers
//    dropped (requests aborted mid-flight): 0 duplicates, 0 missing.
// Both on SQLite, or on PostgreSQL when DATABASE_URL is set (a fresh schema).
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/core/db/index.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { features } from '../../src/features/index.js';
import { makeNetwork, makeOrganization } from '../../src/testing/app.js';
import { makeElectionFixture, type Fixture } from '../../src/features/elections/testing/fixture.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-durability-'));
const KILL_RUNS = Number(process.env.KILL_RUNS ?? 20);
let databaseUrl: string;
let schema: string | null = null;
let fx: Fixture;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    schema = `dur_${crypto.randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
  } else {
    databaseUrl = `sqlite:${path.join(tmp, 'wasl.sqlite')}`;
  }
  const h = openDatabase(databaseUrl);
  await migrateToLatest(h.db, h.dialect, features);
  const net = await makeNetwork(h.db);
  const org = await makeOrganization(h.db, net, 'Observers');
  fx = await makeElectionFixture(h.db, {
    networkId: net,
    organizerOrgId: org,
    userId: null,
    now: new Date(),
    stations: 8,
    observers: 8,
  });
  await h.close();
}, 120_000);

afterAll(async () => {
  if (schema) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function startServer(): Promise<{ proc: ChildProcess; url: string; exited: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        BASE_URL: 'http://127.0.0.1:3000',
        DATABASE_URL: databaseUrl,
        PORT: '0',
        DATA_DIR: tmp,
        DEMO_SEED: 'off',
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Listen for the exit now: a SIGKILLed child leaves exitCode null, and a listener added
    // after the event would wait forever.
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + out)), 60_000);
    void exited.then(() => reject(new Error('server exited before listening:\n' + out)));
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, exited });
      }
    });
    proc.stderr!.on('data', (d) => (out += d));
  });
}

async function tokenFor(url: string, o: { code: string; secret: string }) {
  const res = await fetch(`${url}/api/observe/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: o.code, secret: o.secret }),
  });
  if (res.status !== 201) throw new Error(`login ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

function submission(stationId: number, n: number) {
  return {
    key: crypto.randomUUID(),
    form_id: fx.forms.incident.id,
    station_id: stationId,
    answers: incidentAnswers(n),
  };
}

/** A valid answer set for the fixture's incident form (its first questions, filled by type). */
function incidentAnswers(n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const def = JSON.parse(fx.forms.incident.definition) as {
    questions: {
      id: string;
      type: string;
      options?: { value: string }[];
      min?: number;
      max?: number;
      required?: boolean;
      showIf?: unknown;
    }[];
  };
  for (const q of def.questions) {
    if (q.showIf) continue;
    if (q.type === 'yesno') out[q.id] = 'yes';
    else if (q.type === 'number') out[q.id] = Math.max(q.min ?? 0, Math.min(q.max ?? 1000, n % 50));
    else if (q.type === 'choice') out[q.id] = q.options?.[0]?.value;
    else if (q.type === 'time') out[q.id] = '10:30';
    else out[q.id] = `report ${n}`;
  }
  return out;
}

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = openDatabase(databaseUrl, { pgPoolSize: 2 });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

describe('durability of acknowledged submissions', () => {
  it(`loses nothing acknowledged across ${KILL_RUNS} kill -9s`, async () => {
    const acked = new Set<string>();
    let sent = 0;
    for (let run = 0; run < KILL_RUNS; run++) {
      const server = await startServer();
      const tokens = await Promise.all(fx.observers.slice(0, 4).map((o) => tokenFor(server.url, o)));
      let stop = false;
      const writers = tokens.map(async (token, w) => {
        const o = fx.observers[w]!;
        for (let n = 0; !stop; n++) {
          const body = submission(o.stationId, n);
          sent++;
          try {
            const res = await fetch(`${server.url}/api/observe/submissions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(body),
            });
            if (res.status === 201 || res.status === 200) acked.add(body.key);
            else await res.text();
          } catch {
            return; // the server died mid-request: this one was not acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
      server.proc.kill('SIGKILL');
      stop = true;
      await Promise.allSettled(writers);
      await server.exited;
    }
    const { missing, stored, integrity } = await withDb(async (h) => {
      const keys = new Set(
        (await h.db.selectFrom('observation_submissions').select('idempotency_key').execute()).map(
          (r) => r.idempotency_key,
        ),
      );
      const integrity =
        h.dialect === 'sqlite'
          ? (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(h.db)).rows[0]!.integrity_check
          : 'ok (PostgreSQL: WAL replay on restart)';
      return { missing: [...acked].filter((k) => !keys.has(k)), stored: keys.size, integrity };
    });
    console.log(
      `kill -9 (${databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}): ${KILL_RUNS} runs, ${sent} sent, ${acked.size} acknowledged, ${stored} stored, ${missing.length} acknowledged but lost, integrity ${integrity}`,
    );
    expect(acked.size).toBeGreaterThan(KILL_RUNS * 5);
    expect(missing).toEqual([]);
    expect(integrity.startsWith('ok')).toBe(true);
  }, 900_000);

  it('8 clients × 500 offline submissions, sent 1–3 times with dropped answers: 0 duplicates, 0 missing', async () => {
    const server = await startServer();
    try {
      const before = await withDb(async (h) =>
        Number(
          (
            await h.db
              .selectFrom('observation_submissions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
      const outcomes = await Promise.all(
        fx.observers.slice(0, 8).map(async (o) => {
          const token = await tokenFor(server.url, o);
          const queue = Array.from({ length: 500 }, (_, n) => submission(o.stationId, n)); // the offline outbox
          let attempts = 0;
          let dropped = 0;
          for (const body of queue) {
            const times = 1 + Math.floor(Math.random() * 3);
            let acknowledged = false;
            for (let i = 0; i < times || !acknowledged; i++) {
              attempts++;
              const drop = Math.random() < 0.15;
              const controller = new AbortController();
              const request = fetch(`${server.url}/api/observe/submissions`, {
                method: 'POST',
                signal: controller.signal,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify(body),
              });
              if (drop) {
                // the answer is lost on the way back: the client never sees it and must retry
                setTimeout(() => controller.abort(), Math.random() * 5);
                dropped++;
              }
              try {
                const res = await request;
                if (res.status === 200 || res.status === 201) {
                  const json = (await res.json()) as { key: string };
                  if (json.key === body.key) acknowledged = true;
                } else throw new Error(`status ${res.status}: ${await res.text()}`);
              } catch (e) {
                if (!(e instanceof Error && e.name === 'AbortError')) throw e;
              }
            }
          }
          return { keys: queue.map((q) => q.key), attempts, dropped };
        }),
      );
      const keys = outcomes.flatMap((o) => o.keys);
      const counts = await withDb(async (h) => {
        const rows = await h.db
          .selectFrom('observation_submissions')
          .select('idempotency_key')
          .where('idempotency_key', 'in', keys)
          .execute();
        const seen = new Map<string, number>();
        for (const r of rows) seen.set(r.idempotency_key, (seen.get(r.idempotency_key) ?? 0) + 1);
        const total = Number(
          (
            await h.db
              .selectFrom('observation_submissions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        return {
          duplicates: [...seen.values()].filter((n) => n > 1).length,
          missing: keys.filter((k) => !seen.has(k)).length,
          added: total - before,
        };
      });
      const attempts = outcomes.reduce((a, o) => a + o.attempts, 0);
      const dropped = outcomes.reduce((a, o) => a + o.dropped, 0);
      console.log(
        `offline burst: 8 clients × 500 submissions = ${keys.length}, ${attempts} requests (${dropped} answers dropped), ${counts.added} rows added, ${counts.duplicates} duplicates, ${counts.missing} missing`,
      );
      expect(counts.duplicates).toBe(0);
      expect(counts.missing).toBe(0);
      expect(counts.added).toBe(keys.length);
    } finally {
      server.proc.kill('SIGTERM');
    }
  }, 900_000);
});
