// Helpers shared by bench/run.ts and bench/soak.ts: start a server as a child process on
// 127.0.0.1, plain HTTP requests, and the page mix (the core pages plus each feature's bench.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/core/db/index.js';
import { features } from '../src/features/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const children: ChildProcess[] = [];

export type Server = {
  proc: ChildProcess;
  port: number;
  /** Everything printed up to "listening" (the demo seed prints its accounts there). */
  startup: string;
  /** The last few KB printed since, for error messages. */
  tail: () => string;
};

/**
 * Starts `node --import tsx <args>` (or `node dist/…` for the compiled build) and resolves once `ready` (whose group 1 is the port) is
 * printed. Output is drained for as long as the child runs (a full pipe would stall it); after
 * start-up only a short tail is kept, and each chunk goes to `onOutput`.
 */
export function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  onOutput?: (chunk: string) => void,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    // The compiled server (dist/*.js) runs as in production; TypeScript sources go through tsx.
    const node = args.some((a) => a.startsWith('dist/')) ? args : ['--import', 'tsx', ...args];
    const proc = spawn(process.execPath, node, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + out)), 60_000);
    const onData = (d: Buffer) => {
      const text = d.toString('utf8');
      out += text;
      if (started) {
        if (out.length > 64_000) out = out.slice(-16_000);
        onOutput?.(text);
        return;
      }
      const m = ready.exec(out);
      if (m) {
        started = true;
        clearTimeout(timer);
        const startup = out;
        resolve({ proc, port: Number(m[1]), startup, tail: () => out.slice(-4000) });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

/** Builds dist/ when a source is newer than it: the bench measures the compiled server. */
export function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--quiet'], { cwd: root, stdio: 'inherit' });
}

/** RSS of a running process in MiB, from /proc (Linux). */
export function rssMib(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : NaN;
}

/** SIGTERM, then wait (at most `ms`) for the process to exit. */
export function stop(proc: ChildProcess, ms = 15_000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      resolve();
    }, ms);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/**
 * The compiled server exactly as `npm start` runs it (its last command, `[VAR=value …] node <flags>
 * dist/server.js`): node's arguments, and the variables set before it (MALLOC_ARENA_MAX), so the
 * bench measures the server production runs.
 */
export function productionServer(): { args: string[]; env: Record<string, string> } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split('&&').at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, value] = words.shift()!.split('=', 2) as [string, string];
    env[name] = value;
  }
  if (words[0] !== 'node' || words.at(-1) !== 'dist/server.js')
    throw new Error(`npm start does not end with "[VAR=value …] node … dist/server.js": ${pkg.scripts.start}`);
  return { args: words.slice(1), env };
}

/** Kills every child still running (on the way out, or after a failure). */
export function stopAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
}

/**
 * The environment of a production Wasl server on loopback with a throwaway SQLite data dir and the
 * demo seed. Every variable that could leak in from the caller's environment (vitest and npm may
 * set BASE_URL; a shell may have DATABASE_URL or REDIS_URL) is set here.
 */
export function waslServerEnv(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    UPLOAD_DIR: '',
    DATABASE_URL: '',
    REDIS_URL: '',
    SMTP_HOST: '',
    TRUST_PROXY: 'false',
    DEMO_SEED: 'on',
    LOG_LEVEL: 'info',
    BASE_URL: 'http://127.0.0.1:3000',
  };
}

export const WASL_READY = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/;

export type Answer = { status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer };

export function request(
  port: number,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const data = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: data.length, body: data });
      });
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath}: no answer in 30 s`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return request(port, 'GET', urlPath, headers);
}

/** The bench's page mix: core pages, then what each feature's manifest lists (`bench`), after the demo seed. */
export async function benchPaths(dbFile: string): Promise<{ name: string; path: string }[]> {
  const handle = openDatabase(`sqlite:${dbFile}`);
  const paths: { name: string; path: string }[] = [
    { name: 'home', path: '/' },
    { name: 'organizations', path: '/organizations' },
  ];
  const org = await handle.db.selectFrom('organizations').select(['id']).orderBy('id').executeTakeFirst();
  if (org) paths.push({ name: 'organization profile', path: `/organizations/${org.id}` });
  paths.push({ name: 'town page', path: '/towns/C1594' });
  for (const feature of features) if (feature.bench) paths.push(...(await (await feature.bench())(handle.db)));
  await handle.close();
  return paths;
}

export async function resolveRedirect(port: number, p: string, headers: Record<string, string> = {}): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const res = await get(port, p, headers);
    if (res.status >= 300 && res.status < 400 && res.headers.location) p = String(res.headers.location);
    else break;
  }
  return p;
}
