// `npm run bench`: throughput and p99 latency per page type beside a Fastify hello-world, and
// the compressed bytes and request count of each page's first and repeat visit. Starts its own
// servers on 127.0.0.1 with a fresh SQLite database in production mode; every load is bounded.
// Options: BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 10).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/core/db/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const children: ChildProcess[] = [];

function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + out)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]) });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
        });
      })
      .on('error', reject);
  });
}

async function load(port: number, urlPath: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** First visit: HTML + stylesheet + scripts + icons (not content images), brotli as a phone would ask. Repeat: HTML only (assets are cached immutable). */
async function pageWeight(port: number, urlPath: string) {
  const enc = { 'accept-encoding': 'br, gzip' };
  const page = await get(port, urlPath, enc);
  const html = (await get(port, urlPath)).body.toString('utf8');
  const assets = [
    ...html.matchAll(/<link[^>]+rel="(?:stylesheet|manifest|icon)"[^>]*href="(\/[^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="(\/[^"]+)"[^>]*rel="(?:stylesheet|manifest)"/g),
    ...html.matchAll(/<script[^>]+src="(\/[^"]+)"/g),
  ].map((m) => m[1]!);
  let bytes = page.bytes;
  for (const a of new Set(assets)) bytes += (await get(port, a, enc)).bytes;
  return {
    status: page.status,
    htmlBytes: page.bytes,
    firstVisitBytes: bytes,
    requests: 1 + new Set(assets).size,
    repeatVisitBytes: page.bytes,
  };
}

async function benchPaths(dbFile: string): Promise<{ name: string; path: string }[]> {
  const handle = openDatabase(`sqlite:${dbFile}`);
  const paths: { name: string; path: string }[] = [
    { name: 'home', path: '/' },
    { name: 'organizations', path: '/organizations' },
  ];
  const org = await handle.db.selectFrom('organizations').select(['id']).orderBy('id').executeTakeFirst();
  if (org) paths.push({ name: 'organization profile', path: `/organizations/${org.id}` });
  paths.push({ name: 'town page', path: '/towns/C1594' });
  for (const feature of fs.readdirSync(path.join(root, 'src/features'))) {
    const file = path.join(root, 'src/features', feature, 'bench.ts');
    if (!fs.existsSync(file)) continue;
    const mod = (await import(file)) as { benchPaths?: (db: unknown) => Promise<{ name: string; path: string }[]> };
    if (mod.benchPaths) paths.push(...(await mod.benchPaths(handle.db)));
  }
  await handle.close();
  return paths;
}

async function resolveRedirect(port: number, p: string): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const res = await get(port, p);
    if (res.status >= 300 && res.status < 400 && res.headers.location) p = String(res.headers.location);
    else break;
  }
  return p;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-bench-'));
  try {
    const hello = await start(['bench/hello.ts'], { PORT: '0' }, /listening (\d+)/);
    const wasl = await start(
      ['src/server.ts'],
      {
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: '',
        BASE_URL: 'http://127.0.0.1:3000',
      },
      /Server listening at http:\/\/127\.0\.0\.1:(\d+)/,
    );
    const paths = await benchPaths(path.join(dataDir, 'wasl.sqlite'));
    console.log(
      `\nWasl bench — ${os.cpus().length} cores, Node ${process.version}, ${seconds}s × ${connections} connections per target, SQLite, NODE_ENV=production\n`,
    );
    const rows: Record<string, unknown>[] = [];
    const base = await load(hello.port, '/');
    rows.push({
      target: 'fastify hello-world (baseline)',
      path: '/',
      'req/s': base.reqPerSec,
      'p99 ms': base.p99,
      errors: base.errors + base.non2xx,
    });
    for (const p of paths) {
      const target = await resolveRedirect(wasl.port, p.path);
      const r = await load(wasl.port, target);
      const w = await pageWeight(wasl.port, target);
      rows.push({
        target: p.name,
        path: target.length > 40 ? target.slice(0, 39) + '…' : target,
        'req/s': r.reqPerSec,
        'p99 ms': r.p99,
        '% of baseline': Math.round((r.reqPerSec / base.reqPerSec) * 100),
        errors: r.errors + r.non2xx,
        'HTML KB (br)': +(w.htmlBytes / 1024).toFixed(1),
        'first visit KB': +(w.firstVisitBytes / 1024).toFixed(1),
        requests: w.requests,
        'repeat KB': +(w.repeatVisitBytes / 1024).toFixed(1),
      });
    }
    console.table(rows);
    const over = rows.filter(
      (r) =>
        typeof r['first visit KB'] === 'number' &&
        ((r['first visit KB'] as number) > 50 || (r['HTML KB (br)'] as number) > 20),
    );
    console.log(
      over.length
        ? `Over budget (50 KB first visit / 20 KB HTML): ${over.map((r) => r.target).join(', ')}`
        : 'All pages within budget: ≤ 50 KB first visit, ≤ 20 KB HTML (compressed).',
    );
    fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench/results/latest.json'),
      JSON.stringify({ at: new Date().toISOString(), seconds, connections, rows }, null, 2),
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    for (const c of children) c.kill('SIGTERM');
    process.exit(1);
  },
);
