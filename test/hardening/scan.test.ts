// Baseline scan with Debian's wapiti 3.0.4 against a real Wasl (src/server.ts, SQLite, demo
// content) on 127.0.0.1: once anonymous, once signed in as an organization admin. Nothing leaves
// the machine: wapiti's proxy is a closed local port (its `wapp` module tries to download a
// database whatever `-m` says) and its ssrf, xxe, wapp and nikto modules are not run.
//
// Two things wapiti 3.0.4 gets wrong, worked around here (docs/security.md, "Baseline scan"):
// - It always sends `Accept-Encoding: gzip, deflate, br`, but Debian installs it without
//   python3-brotli, so Wasl's brotli answers reached its HTML parser as bytes: no links, a
//   one-page crawl, and attack modules that could not read what came back. We ask for gzip.
// - Its `-x` exclusion patterns raise on Python 3.11 (a global regex flag after the pattern), so
//   wapiti is started through a two-line shim that builds the same pattern with the flag first.
//
// The test fails if a crawl is thin (a broken crawl must never pass as a clean scan), if an
// attack module did not run, if any request answered 5xx, or on any finding that is not one of
// the triaged ones listed in `expected` (each explained in docs/security.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/index.js';
import { createSession, sessionCookieName } from '../../src/core/auth/sessions.js';
import { newTotpSecret } from '../../src/core/auth/totp.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-scan-'));
const dataDir = path.join(tmp, 'data');
const dbFile = path.join(dataDir, 'wasl.sqlite');
const serverLog = path.join(tmp, 'server.log');
/** Seconds each attack module may run (wapiti stops a module there and moves to the next). */
/** `0` is the full run: no module is stopped early (about 30 minutes on two busy cores). */
const ATTACK_SECONDS = Number(process.env.SCAN_ATTACK_SECONDS ?? 30);
const FULL = ATTACK_SECONDS === 0;
const TEST_MS = FULL ? 3_600_000 : 600_000;
/** Anonymous: every attack that fits a Node app. Signed in: what staff pages add (stored XSS in
 * their forms, injection, CSRF); the shared code paths were attacked anonymously. The full run
 * adds blindsql (time based, slow) and runs every attack signed in too. */
const ANONYMOUS = ['xss', 'permanentxss', 'sql', 'exec', 'file', 'redirect', 'crlf', ...(FULL ? ['blindsql'] : [])];
const STAFF_ATTACKS = FULL ? ANONYMOUS : ['xss', 'permanentxss', 'sql', 'file'];
const CHECKS = ['csp', 'http_headers', 'cookieflags', 'methods', 'csrf'];
const STAFF = 'ghiras-admin';

// wapiti's own wildcard_translate puts `(?ms)` after the pattern, which Python 3.11 refuses.
const SHIM = [
  'import re, sys, wapitiCore.net.crawler as c',
  "c.wildcard_translate = lambda p: re.compile('(?ms)' + '.*'.join(re.escape(s) for s in p.split('*')) + r'\\Z')",
  'from wapitiCore.main.wapiti import wapiti_main',
  "sys.argv[0] = 'wapiti'",
  'sys.exit(wapiti_main())',
].join('\n');

/** Findings that are triaged in docs/security.md; anything else fails the test. */
const expected: { category: string; info: RegExp; why: string }[] = [
  {
    category: 'HTTP Secure Headers',
    info: /^X-XSS-Protection is not set$/,
    why: 'Wasl sends X-XSS-Protection: 0 on purpose; wapiti 3.0.4 wants the retired "1; mode=block"',
  },
  {
    category: 'HTTP Secure Headers',
    info: /^Strict-Transport-Security is not set$/,
    why: 'plain http on loopback; HSTS is sent when BASE_URL is https (security.test.ts)',
  },
  {
    category: 'Secure Flag cookie',
    info: /^Secure flag is not set in the cookie : wasl_[a-z_]+$/,
    why: 'plain http on loopback; behind TLS every cookie is __Host- and Secure (security.test.ts)',
  },
];

type Finding = { method: string; path: string; info: string; parameter: string; level: number };
type Report = {
  vulnerabilities: Record<string, Finding[]>;
  anomalies: Record<string, Finding[]>;
  additionals: Record<string, Finding[]>;
};
type Scan = {
  report: Report;
  urls: string[];
  attacked: Record<string, number>;
  seconds: number;
  output: string;
};

let baseUrl = '';
let server: { kill(): void; exited: Promise<void> } | null = null;
let staffCookie = '';
let staffOrgId = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(dataDir);
  const log = fs.openSync(serverLog, 'w');
  // vitest puts BASE_URL='/' into process.env: the child gets its own, real one.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${dbFile}`,
      REDIS_URL: '',
      SMTP_HOST: '',
      DEMO_SEED: 'on',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  server = { kill: () => proc.kill('SIGTERM'), exited };
  let dead = false;
  void exited.then(() => (dead = true));
  for (let i = 0; ; i++) {
    if (dead) throw new Error('server exited:\n' + fs.readFileSync(serverLog, 'utf8'));
    if (i > 240) throw new Error('server did not start:\n' + fs.readFileSync(serverLog, 'utf8'));
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // A staff member who has set up two-step verification, signed in: a session row, as signIn()
  // does in the route tests (the demo passwords are random and TOTP needs a live code).
  const h = openDatabase(`sqlite:${dbFile}`);
  try {
    const user = await h.db.selectFrom('users').select('id').where('username', '=', STAFF).executeTakeFirstOrThrow();
    staffOrgId = (
      await h.db
        .selectFrom('memberships')
        .select('organization_id')
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow()
    ).organization_id;
    await h.db
      .updateTable('users')
      .set({ totp_secret: newTotpSecret(), totp_enabled: 1 })
      .where('id', '=', user.id)
      .execute();
    staffCookie = (await createSession(h.db, user.id, new Date(), 'staff')).token;
  } finally {
    await h.close();
  }
}, 180_000);

afterAll(async () => {
  if (server) {
    server.kill();
    await server.exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function scan(
  name: string,
  opts: { depth: number; attacks: string[]; cookie?: string; exclude?: string[] },
): Promise<Scan> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  const reportFile = path.join(dir, 'report.json');
  const args = [
    '-c',
    SHIM,
    '-u',
    `${baseUrl}/`,
    '--scope',
    'folder',
    '-m',
    [...opts.attacks, ...CHECKS].join(','),
    '-d',
    String(opts.depth),
    // Fewer look-alike URLs (the same filter form with other values; ?lang= on every link), and
    // no payloads in the CSRF token, which only earn a 403: the time goes to real parameters.
    '-S',
    'polite',
    '-r',
    'lang',
    '--skip',
    '_csrf',
    '--max-scan-time',
    '150',
    '--max-attack-time',
    String(ATTACK_SECONDS),
    '-t',
    '10',
    '-H',
    'Accept-Encoding: gzip, deflate',
    '--flush-session',
    '--store-session',
    dir,
    '--store-config',
    path.join(dir, 'config'),
    '-f',
    'json',
    '-o',
    reportFile,
    '-v',
    '1',
    '--no-bugreport',
  ];
  for (const x of opts.exclude ?? []) args.push('-x', `${baseUrl}${x}`);
  if (opts.cookie) {
    const cookieFile = path.join(dir, 'cookies.json');
    const cookie = { value: opts.cookie, expires: null, secure: false, port: null, version: 0 };
    fs.writeFileSync(cookieFile, JSON.stringify({ '127.0.0.1': { '/': { [sessionCookieName(false)]: cookie } } }));
    args.push('-c', cookieFile);
  }
  const started = Date.now();
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn('/usr/bin/python3', args, {
      cwd: dir,
      env: {
        ...process.env,
        HOME: dir,
        PYTHONIOENCODING: 'utf-8',
        // Anything not for 127.0.0.1 goes to a closed port and fails at once.
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        http_proxy: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), TEST_MS - 40_000);
    proc.once('error', reject);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`wapiti exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  const sessionDb = fs.readdirSync(dir).find((f) => f.endsWith('.db'));
  if (!sessionDb) throw new Error(`no wapiti session database in ${dir}`);
  const db = new SQLite(path.join(dir, sessionDb), { readonly: true });
  try {
    const urls = (db.prepare('SELECT method, path FROM paths').all() as { method: string; path: string }[]).map(
      (r) => `${r.method} ${r.path}`,
    );
    const attacked = Object.fromEntries(
      (
        db.prepare('SELECT module_name AS m, count(*) AS n FROM attack_log GROUP BY module_name').all() as {
          m: string;
          n: number;
        }[]
      ).map((r) => [r.m, r.n]),
    );
    return { report, urls, attacked, seconds, output };
  } finally {
    db.close();
  }
}

function unexpectedFindings(report: Report): string[] {
  const out: string[] = [];
  for (const [category, list] of Object.entries(report.vulnerabilities))
    for (const f of list)
      if (!expected.some((e) => e.category === category && e.info.test(f.info)))
        out.push(`${category}: ${f.method} ${f.path} [${f.parameter}] ${f.info}`);
  for (const [category, list] of Object.entries(report.anomalies))
    for (const f of list) out.push(`anomaly ${category}: ${f.method} ${f.path} [${f.parameter}] ${f.info}`);
  return out;
}

function summary(name: string, s: Scan) {
  const findings = Object.entries(s.report.vulnerabilities)
    .filter(([, l]) => l.length)
    .map(([c, l]) => `${c} ×${l.length}`);
  console.log(
    `wapiti ${name}: ${s.urls.length} URLs and forms crawled, ${s.seconds} s; attacked per module ${JSON.stringify(s.attacked)}; findings ${findings.join(', ') || 'none'}`,
  );
}

function families(urls: string[]) {
  const has = (re: RegExp) => urls.some((u) => re.test(u.replace(/^\w+ http:\/\/127\.0\.0\.1:\d+/, '')));
  return {
    towns: has(/^\/towns\/C\d+/),
    organizations: has(/^\/organizations\/\d+/),
    articles: has(/^\/(activities|news|opinion|resources|local-issues)\/\d+/),
    forum: has(/^\/forum\/t\/\d+/),
    services: has(/^\/services\/[0-9a-f-]{36}/),
    elections: has(/^\/elections\/\d+/),
    search: has(/^\/search$/),
  };
}

/** Every attack module ran against real parameters (a time-boxed module covers the first ones). */
function attackedEnough(s: Scan, modules: string[]) {
  for (const m of [...modules, 'csrf']) expect(s.attacked[m] ?? 0, `${m} attacked nothing`).toBeGreaterThan(0);
  const total = modules.reduce((n, m) => n + (s.attacked[m] ?? 0), 0);
  expect(total).toBeGreaterThan(100);
}

function serverErrors(): string[] {
  return fs
    .readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((l) => /"statusCode":5\d\d/.test(l) || /"level":(50|60)/.test(l));
}

describe('wapiti baseline scan', () => {
  it(
    'anonymous: crawls the public site and finds nothing beyond the triaged list',
    async () => {
      const s = await scan('anonymous', { depth: 3, attacks: ANONYMOUS });
      summary('anonymous', s);
      expect(s.urls.length).toBeGreaterThan(200);
      expect(families(s.urls)).toEqual({
        towns: true,
        organizations: true,
        articles: true,
        forum: true,
        services: true,
        elections: true,
        search: true,
      });
      attackedEnough(s, ANONYMOUS);
      expect(unexpectedFindings(s.report)).toEqual([]);
      expect(serverErrors()).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'signed in as an organization admin: reaches the staff pages and stays signed in',
    async () => {
      const s = await scan('staff', {
        depth: 3,
        attacks: STAFF_ATTACKS,
        cookie: staffCookie,
        // What would end the session or the account under test; everything else is fair game.
        exclude: ['/logout*', '/account/delete*', '/account/password*', '/account/email*', '/account/2fa*'],
      });
      summary('staff', s);
      const paths = s.urls.map((u) => u.replace(/^\w+ http:\/\/127\.0\.0\.1:\d+/, ''));
      expect(s.urls.length).toBeGreaterThan(200);
      expect(paths).toContain(`/workspace/${staffOrgId}`);
      for (const staffOnly of ['/publishing', '/programmes', '/account']) expect(paths, staffOnly).toContain(staffOnly);
      const account = await fetch(`${baseUrl}/account`, {
        headers: { cookie: `${sessionCookieName(false)}=${staffCookie}` },
        redirect: 'manual',
      });
      expect(account.status, 'the scan ended its own session').toBe(200);
      attackedEnough(s, STAFF_ATTACKS);
      expect(unexpectedFindings(s.report)).toEqual([]);
      expect(serverErrors()).toEqual([]);
    },
    TEST_MS,
  );
});
