// The soak (issue #8, durability): the bench's page mix for SOAK_SECONDS (default 600) on
// loopback against a production server in a process of its own, to show that its memory stays
// flat and that nothing fails. Run by `npm run bench` after the figures, or alone with
// `npm run bench:soak`. Not part of `npm test`.
//
// The server starts on 127.0.0.1 with a throwaway SQLite data dir and the demo seed. The mix, sent
// by autocannon on SOAK_CONNECTIONS connections (default BENCH_CONNECTIONS, else 10), is, per
// connection and in turn: every page of the bench (anonymous, brotli), the pages a signed-in member
// sees (the demo's `member` account, signed in through /login with its printed password), and one
// write: an observer report (POST /api/observe/submissions, a new key each time) to an election
// added to the database for the soak (the elections fixture: 4 stations, 4 observers). After a
// warm-up (SOAK_WARMUP_SECONDS, default 30) the server's RSS is read from /proc/<pid>/status
// every 10 s (and its open file descriptors from /proc/<pid>/fd).
//
// Reported: RSS at the start (after the warm-up), at the end and the highest, the slope (MB per
// minute, least squares over the second half, with its standard error), requests, responses
// outside 2xx/3xx, connection errors and timeouts, req/s, p50/p99, observer reports sent, answered
// and in the database, database size, error lines in the server's log.
//
// Verdict: memory is flat if the end is within +15% of the start and the second-half slope is at
// most SOAK_MAX_SLOPE MB/min — by default the rate that would add 5% of the starting RSS over the
// soak (about 2.3 MB/min for 465 MB over 10 minutes). A tighter fixed limit is below the noise:
// V8 grows and shrinks its heap (heapTotal moves between about 100 and 230 MB under this mix)
// while the live heap stays the same. SOAK_HEAP=1 shows that live heap: the server then runs with
// bench/heap-probe.ts (a full GC and process.memoryUsage() every 10 s, to a file), and the report
// adds the live heap at start and end and its slope; the GCs change the RSS figures, so judge RSS
// on a run without it. The exit status is non-zero if memory is not flat, any response fell
// outside 2xx/3xx, any request failed or timed out, a stored report went missing, or the server
// stopped. Bounded: autocannon stops after the duration, and a watchdog ends everything 3 minutes
// after that.
//
//   npm run bench:soak                       # 10 minutes
//   SOAK_SECONDS=60 npm run bench:soak       # a quick look
//   SOAK_SECONDS=0 npm run bench             # the figures without the soak
//   SOAK_HEAP=1 npm run bench:soak           # with the live heap (a diagnosis, not the figures)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/core/db/index.js';
import { makeElectionFixture } from '../src/features/elections/testing/fixture.js';
import {
  benchPaths,
  buildIfStale,
  productionServer,
  get,
  request,
  resolveRedirect,
  root,
  start,
  stop,
  stopAll,
  waslServerEnv,
  WASL_READY,
  type Answer,
} from './lib.js';

export type SoakOptions = {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /**
   * MB per minute over the second half above which memory is not called flat; null: the rate that
   * would add 5% of the starting RSS over the soak's duration.
   */
  maxSlope: number | null;
  /** SOAK_HEAP=1: also the live JS heap after a full GC, from bench/heap-probe.ts in the server */
  heapProbe: boolean;
};

export function soakOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SoakOptions {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not ${v}`);
    return n;
  };
  return {
    seconds: num('SOAK_SECONDS', 600),
    warmupSeconds: num('SOAK_WARMUP_SECONDS', 30),
    connections: Math.max(1, num('SOAK_CONNECTIONS', num('BENCH_CONNECTIONS', 10))),
    maxSlope: env.SOAK_MAX_SLOPE ? num('SOAK_MAX_SLOPE', 0) : null,
    heapProbe: env.SOAK_HEAP === '1',
  };
}

type Sample = { t: number; rssMb: number; fds: number | null };

/** Resident memory (MB) and open descriptors of a process, read from outside it. */
function readProcess(pid: number): { rssMb: number; hwmMb: number; fds: number | null } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  let fds: number | null = null;
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    // not readable: leave it out
  }
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, fds };
}

/** Least-squares slope of y over x, and its standard error (0 with fewer than 3 points). */
export function fit(points: { x: number; y: number }[]): { slope: number; se: number } {
  const n = points.length;
  if (n < 2) return { slope: 0, se: 0 };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  if (den === 0) return { slope: 0, se: 0 };
  const slope = num / den;
  const residuals = points.reduce((a, p) => a + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, se: n > 2 ? Math.sqrt(residuals / (n - 2) / den) : 0 };
}

/** The fit over the samples of the second half of the run (x in minutes). */
function secondHalfFit<T extends { t: number }>(samples: T[], y: (s: T) => number) {
  const end = samples.length ? samples[samples.length - 1]!.t : 0;
  const points = samples.filter((s) => s.t >= end / 2).map((s) => ({ x: s.t / 60, y: y(s) }));
  return { ...fit(points), n: points.length };
}

function cookiesFrom(res: Answer, jar: Map<string, string>) {
  const set = res.headers['set-cookie'] ?? [];
  for (const c of set) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs the demo's member in through the login form, as a browser would; returns the Cookie header. */
export async function signIn(port: number, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const page = await get(port, '/login');
  cookiesFrom(page, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body.toString('utf8'))?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`GET /login answered ${page.status} without a CSRF token`);
  const body = new URLSearchParams({ identifier: username, password, _csrf: csrf }).toString();
  const res = await request(
    port,
    'POST',
    '/login',
    { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body,
  );
  cookiesFrom(res, jar);
  if (res.status !== 303) throw new Error(`signing in as ${username} answered ${res.status}`);
  return cookieHeader(jar);
}

/** A path as a person would read it, cut at 40 characters. */
const short = (p: string) => {
  const d = decodeURI(p);
  return d.length > 40 ? d.slice(0, 39) + '…' : d;
};
const mb = (n: number) => `${n.toFixed(1)} MB`;
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function dbBytes(dataDir: string): number {
  let total = 0;
  for (const f of ['wasl.sqlite', 'wasl.sqlite-wal']) {
    const p = path.join(dataDir, f);
    if (fs.existsSync(p)) total += fs.statSync(p).size;
  }
  return total;
}

export async function soak(options: SoakOptions): Promise<{ ok: boolean; report: Record<string, unknown> }> {
  const { seconds, warmupSeconds, connections } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-soak-'));
  const dbFile = path.join(dataDir, 'wasl.sqlite');
  const watchdog = setTimeout(
    () => {
      console.error('Soak: watchdog — still running 3 minutes after the planned end; stopping.');
      stopAll();
      process.exit(2);
    },
    (warmupSeconds + seconds + 180) * 1000,
  );
  watchdog.unref();

  // Error lines in the server's log (pino level 50 = error, 60 = fatal), counted line by line.
  let logErrors = 0;
  const logErrorSamples: string[] = [];
  let partial = '';
  const onOutput = (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      if (/"level":(50|60)/.test(line)) {
        logErrors++;
        if (logErrorSamples.length < 5) logErrorSamples.push(line.slice(0, 500));
      }
  };

  if (!options.heapProbe) buildIfStale();
  const heapFile = path.join(dataDir, 'heap.jsonl');
  const production = productionServer();
  const server = await start(
    // The compiled build, as in production; the heap probe needs tsx, so it runs the sources.
    options.heapProbe ? ['--expose-gc', '--import', './bench/heap-probe.ts', 'src/server.ts'] : production.args,
    { ...waslServerEnv(dataDir), ...production.env, SOAK_HEAP_FILE: options.heapProbe ? heapFile : '' },
    WASL_READY,
    onOutput,
  );
  let serverExit: string | null = null;
  server.proc.on('exit', (code, signal) => (serverExit = `exited with ${signal ?? code}`));
  const port = server.port;
  try {
    // Fixtures: an active election with observers whose secret is known, and the member's password.
    const handle = openDatabase(`sqlite:${dbFile}`);
    const network = await handle.db.selectFrom('networks').select('id').orderBy('id').executeTakeFirstOrThrow();
    const org = await handle.db.selectFrom('organizations').select('id').orderBy('id').executeTakeFirstOrThrow();
    const fx = await makeElectionFixture(handle.db, {
      networkId: network.id,
      organizerOrgId: org.id,
      userId: null,
      now: new Date(),
      stations: 4,
      observers: 4,
      codePrefix: 'SOAK',
    });
    await handle.close();
    const memberPassword = /^\s+member\s+(\S+)\s+member\s*$/m.exec(server.startup)?.[1];
    if (!memberPassword) throw new Error('the demo seed did not print the member account');

    // Anonymous pages: the bench's mix (redirects resolved), each path once.
    const anonymous: string[] = [];
    for (const p of await benchPaths(dbFile)) {
      const target = await resolveRedirect(port, p.path);
      if (!anonymous.includes(target)) anonymous.push(target);
    }

    // Signed-in pages: those that answer 200 with no-store (the mark of a signed-in page).
    const cookie = await signIn(port, 'member', memberPassword);
    const topic = anonymous.find((p) => p.startsWith('/forum/t/'));
    const signedIn: string[] = [];
    const dropped: string[] = [];
    for (const p of ['/', '/forum', '/forum/notifications', '/forum/settings', '/account', ...(topic ? [topic] : [])]) {
      const res = await get(port, p, { cookie });
      if (res.status === 200 && String(res.headers['cache-control']).includes('no-store')) signedIn.push(p);
      else dropped.push(`${p} (${res.status})`);
    }
    if (!signedIn.length) throw new Error(`no signed-in page answered: ${dropped.join(', ')}`);

    // Observers: one token each (argon2 on the server, so once).
    const observers: { token: string; stationId: number }[] = [];
    for (const o of fx.observers) {
      const res = await request(
        port,
        'POST',
        '/api/observe/session',
        { 'content-type': 'application/json' },
        JSON.stringify({ code: o.code, secret: o.secret }),
      );
      if (res.status !== 201) throw new Error(`observer ${o.code} sign-in answered ${res.status}`);
      observers.push({
        token: (JSON.parse(res.body.toString('utf8')) as { token: string }).token,
        stationId: o.stationId,
      });
    }
    const formId = fx.forms.voting.id;
    let writes = 0;
    let stored = 0;
    const report = () => {
      const o = observers[writes % observers.length]!;
      writes++;
      return {
        authorization: `Bearer ${o.token}`,
        body: JSON.stringify({
          key: crypto.randomUUID(),
          form_id: formId,
          station_id: o.stationId,
          answers: { voters_so_far: 50 + (writes % 400), secrecy: 'yes', ids_checked: 'yes', campaigning: 'o1' },
        }),
      };
    };
    {
      const first = report();
      const res = await request(
        port,
        'POST',
        '/api/observe/submissions',
        { 'content-type': 'application/json', authorization: first.authorization },
        first.body,
      );
      if (res.status !== 201) throw new Error(`a test report answered ${res.status}: ${res.body.toString('utf8')}`);
      stored++;
    }

    const enc = { 'accept-encoding': 'br, gzip' };
    const requests: autocannon.Request[] = [
      ...anonymous.map((p) => ({ method: 'GET' as const, path: p, headers: enc })),
      ...signedIn.map((p) => ({ method: 'GET' as const, path: p, headers: { ...enc, cookie } })),
      {
        method: 'POST',
        path: '/api/observe/submissions',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: autocannon.Request) => {
          const r = report();
          return { ...req, headers: { ...req.headers, authorization: r.authorization }, body: r.body };
        },
        onResponse: (status: number) => {
          if (status === 201) stored++;
        },
      },
    ];

    console.log(
      `\nSoak — ${seconds}s after a ${warmupSeconds}s warm-up, ${connections} connections on 127.0.0.1, ` +
        `${os.cpus().length} cores, Node ${process.version}, SQLite, NODE_ENV=production\n` +
        `  mix per connection, in turn: ${anonymous.length} anonymous pages, ${signedIn.length} signed-in pages ` +
        `(member: ${signedIn.map(short).join(' ')}), 1 observer report (POST /api/observe/submissions)` +
        (dropped.length ? `\n  signed-in pages left out: ${dropped.join(', ')}` : ''),
    );

    const fire = (duration: number) => {
      let instance!: autocannon.Instance;
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        instance = autocannon({ url: `http://127.0.0.1:${port}`, connections, duration, requests }, (err, result) =>
          err ? reject(err) : resolve(result),
        );
      });
      let responses = 0;
      instance.on('response', () => responses++);
      return { instance, done, responses: () => responses };
    };

    // Warm-up: the same mix, so the JIT, caches and the heap settle before the first sample.
    let warmup: autocannon.Result | null = null;
    if (warmupSeconds > 0) {
      const w = fire(warmupSeconds);
      warmup = await w.done;
    }
    const dbAtStart = dbBytes(dataDir);

    const samples: Sample[] = [];
    let hwmMb = 0;
    const t0 = Date.now();
    const sample = () => {
      if (serverExit) return;
      const p = readProcess(server.proc.pid!);
      hwmMb = p.hwmMb;
      const s = { t: (Date.now() - t0) / 1000, rssMb: p.rssMb, fds: p.fds };
      samples.push(s);
      return s;
    };
    const first = sample()!;
    console.log(`  ${clock(0)}  RSS ${mb(first.rssMb)}  fds ${first.fds ?? '?'}  (after the warm-up)`);
    const run = fire(seconds);
    const every = Math.max(1, Math.min(10, seconds / 6));
    let lastPrinted = 0;
    const timer = setInterval(() => {
      const s = sample();
      if (serverExit) {
        run.instance.stop();
        return;
      }
      if (s && s.t - lastPrinted >= 59) {
        lastPrinted = s.t;
        console.log(`  ${clock(s.t)}  RSS ${mb(s.rssMb)}  fds ${s.fds ?? '?'}  responses ${run.responses()}`);
      }
    }, every * 1000);
    const result = await run.done;
    clearInterval(timer);
    const last = sample();
    const dbAtEnd = dbBytes(dataDir);
    // What the server acknowledged (201) must be in the database, once each.
    const check = openDatabase(`sqlite:${dbFile}`);
    const inDb = await check.db
      .selectFrom('observation_submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('election_id', '=', fx.electionId)
      .executeTakeFirstOrThrow();
    await check.close();
    const reportsInDb = Number(inDb.n);

    // Figures.
    const byStatus = Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => ({
      code: Number(code),
      count: v.count ?? 0,
    }));
    const bad = byStatus.filter((s) => s.code < 200 || s.code >= 400);
    const badCount = bad.reduce((a, s) => a + s.count, 0);
    const redirects = byStatus.filter((s) => s.code >= 300 && s.code < 400).reduce((a, s) => a + s.count, 0);
    const warmupBad = warmup ? warmup['1xx'] + warmup['4xx'] + warmup['5xx'] + warmup.errors : 0;
    const start = samples[0]!;
    const end = last ?? samples[samples.length - 1]!;
    const maxRss = Math.max(...samples.map((s) => s.rssMb));
    const rss2 = secondHalfFit(samples, (s) => s.rssMb);
    const rssAll = fit(samples.map((s) => ({ x: s.t / 60, y: s.rssMb })));
    const growth = end.rssMb / start.rssMb - 1;
    const maxSlope = options.maxSlope ?? (0.05 * start.rssMb) / (seconds / 60);
    const flat = growth <= 0.15 && rss2.slope <= maxSlope;
    // The live heap after a full GC, when the probe ran (SOAK_HEAP=1).
    const heap =
      options.heapProbe && fs.existsSync(heapFile)
        ? fs
            .readFileSync(heapFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { at: number; heapUsed: number; heapTotal: number; external: number })
            .map((h) => ({ ...h, t: (h.at - t0) / 1000 }))
            .filter((h) => h.t >= 0)
        : [];
    const heap2 = secondHalfFit(heap, (h) => h.heapUsed);
    const failures = [
      ...(badCount
        ? [`${badCount} responses outside 2xx/3xx (${bad.map((s) => `${s.code}×${s.count}`).join(', ')})`]
        : []),
      ...(result.errors ? [`${result.errors} request errors (${result.timeouts} timeouts)`] : []),
      ...(warmupBad ? [`${warmupBad} failures during the warm-up`] : []),
      ...(serverExit ? [`the server ${serverExit}`] : []),
      // autocannon stops with requests in flight: those may be stored without an answer seen.
      ...(reportsInDb < stored || reportsInDb > writes
        ? [`${stored} reports acknowledged, ${writes} prepared, but ${reportsInDb} in the database`]
        : []),
    ];
    const perMin = (f: { slope: number; se: number; n: number }) =>
      `${f.slope.toFixed(2)} ± ${f.se.toFixed(2)} MB/min (${f.n} samples)`;

    const rows = {
      'RSS at start (after warm-up)': mb(start.rssMb),
      'RSS at end': `${mb(end.rssMb)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
      'RSS max (sampled)': mb(maxRss),
      'RSS high-water mark (VmHWM)': mb(hwmMb),
      'RSS slope, second half (± standard error)': perMin(rss2),
      'RSS slope, whole run': perMin({ ...rssAll, n: samples.length }),
      ...(heap.length
        ? {
            'live heap after full GC, start → end': `${mb(heap[0]!.heapUsed)} → ${mb(heap[heap.length - 1]!.heapUsed)}`,
            'live heap slope, second half': perMin(heap2),
            'heapTotal / external at end': `${mb(heap[heap.length - 1]!.heapTotal)} / ${mb(heap[heap.length - 1]!.external)}`,
          }
        : {}),
      'open fds start → end': `${start.fds ?? '?'} → ${end.fds ?? '?'}`,
      requests: result.requests.total,
      'req/s (mean)': Math.round(result.requests.average),
      'latency p50 / p99 / max': `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`,
      'responses 2xx / 3xx': `${result['2xx']} / ${redirects}`,
      'responses outside 2xx/3xx': badCount,
      'errors (of which timeouts)': `${result.errors} (${result.timeouts})`,
      'observer reports prepared / acknowledged (201) / in the database': `${writes} / ${stored} / ${reportsInDb}`,
      'database size start → end': `${(dbAtStart / 1048576).toFixed(1)} → ${(dbAtEnd / 1048576).toFixed(1)} MB`,
      'error lines in the server log': logErrors,
    };
    console.log('');
    console.table(rows);
    if (redirects) console.log(`Note: ${redirects} redirects — every path was resolved first, so none was expected.`);
    for (const line of logErrorSamples) console.log(`  server log: ${line}`);
    const memory =
      `memory ${flat ? 'flat' : 'NOT flat'}: end ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% of the warm start ` +
      `(limit +15%), second-half slope ${rss2.slope.toFixed(2)} MB/min (limit ${maxSlope.toFixed(2)})`;
    const errors = failures.length ? failures.join('; ') : 'errors: 0 responses outside 2xx/3xx, 0 failed requests';
    console.log(`Soak verdict: ${failures.length === 0 && flat ? 'PASS' : 'FAIL'} — ${memory}; ${errors}`);

    const out = {
      at: new Date().toISOString(),
      options,
      connections,
      mix: { anonymous, signedIn, writes: '/api/observe/submissions' },
      rows,
      statusCodes: Object.fromEntries(byStatus.map((s) => [s.code, s.count])),
      samples,
      heap,
      rssStartMb: start.rssMb,
      rssEndMb: end.rssMb,
      maxSlope,
      flat,
      failures,
    };
    fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench/results/soak-latest.json'), JSON.stringify(out, null, 2));
    return { ok: failures.length === 0 && flat, report: out };
  } finally {
    clearTimeout(watchdog);
    await stop(server.proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = soakOptionsFromEnv();
  if (options.seconds <= 0) {
    console.log('Soak skipped (SOAK_SECONDS=0).');
    process.exit(0);
  }
  soak(options).then(
    ({ ok }) => process.exit(ok ? 0 : 1),
    (err) => {
      console.error(err);
      stopAll();
      process.exit(1);
    },
  );
}
