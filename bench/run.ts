// `npm run bench`: throughput and p99 latency per page type beside a Fastify hello-world, and
// the compressed bytes and request count of each page's first and repeat visit. Starts its own
// servers on 127.0.0.1 with a fresh SQLite database in production mode; every load is bounded.
// Options: BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 10).
//
// Then the soak (bench/soak.ts): the same page mix, with a signed-in member and observer reports,
// for SOAK_SECONDS (default 600; 0 skips it) against a server of its own, sampling its RSS every
// 10 s; it prints RSS at start/end/max and the slope, requests, errors, req/s and p99, and a
// verdict. Also SOAK_WARMUP_SECONDS (30), SOAK_CONNECTIONS (BENCH_CONNECTIONS), SOAK_MAX_SLOPE
// (MB/min; default: 5% of the starting RSS over the soak), SOAK_HEAP=1 (the live heap too). The
// exit status is non-zero if the soak saw an error response, a failed request, memory that is not
// flat, or the server stop. `npm run bench:soak` runs the soak alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  benchPaths,
  get,
  resolveRedirect,
  root,
  start,
  stop,
  stopAll,
  waslServerEnv,
  WASL_READY,
  type Server,
} from './lib.js';
import { soak, soakOptionsFromEnv } from './soak.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

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

/** Throughput, latency and page weight per page type beside the hello-world; written to bench/results/latest.json. */
async function figures(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-bench-'));
  const servers: Server[] = [];
  try {
    const hello = await start(['bench/hello.ts'], { PORT: '0' }, /listening (\d+)/);
    servers.push(hello);
    const wasl = await start(['src/server.ts'], waslServerEnv(dataDir), WASL_READY);
    servers.push(wasl);
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
    // The soak starts a server of its own: these stop first, so they neither share the CPU nor
    // count in its memory.
    for (const s of servers) await stop(s.proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  await figures();
  const options = soakOptionsFromEnv();
  if (options.seconds <= 0) {
    console.log('\nSoak skipped (SOAK_SECONDS=0).');
    return 0;
  }
  const { ok } = await soak(options);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    stopAll();
    process.exit(1);
  },
);
