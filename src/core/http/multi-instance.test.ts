// Two app processes on one database behave as one: a session made through one is valid on the
// other, and rate limits count requests to both. Runs on SQLite (a shared WAL file) or, with
// DATABASE_URL, on PostgreSQL (a fresh schema) — the configuration the docs give for N instances.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.js';
import { migrateToLatest } from '../db/migrate.js';
import { features } from '../../features/index.js';
import { makeUser, TEST_PASSWORD } from '../../testing/app.js';

const root = path.resolve(import.meta.dirname, '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-multi-'));
let databaseUrl: string;
let schema: string | null = null;
const servers: { proc: ChildProcess; url: string }[] = [];

function startServer(): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      // Vitest puts Vite's BASE_URL ('/') into process.env; the app would rightly refuse it.
      env: {
        ...process.env,
        BASE_URL: 'http://127.0.0.1:3000',
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: tmp,
        DEMO_SEED: 'off',
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    });
    proc.stderr!.on('data', (d) => (out += d));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    schema = `multi_${crypto.randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
  } else {
    databaseUrl = `sqlite:${path.join(tmp, 'shared.sqlite')}`;
  }
  const h = openDatabase(databaseUrl);
  await migrateToLatest(h.db, h.dialect, features);
  await makeUser(h.db, { username: 'shared_user' });
  await makeUser(h.db, { username: 'guessed_user' });
  await h.close();
  servers.push(await startServer(), await startServer());
}, 90_000);

afterAll(async () => {
  for (const s of servers) s.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  if (schema) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

class Jar {
  cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair!.slice(0, i));
      else this.cookies.set(pair!.slice(0, i), value);
    }
  }
}

async function csrfFrom(base: string, jar: Jar) {
  const res = await fetch(`${base}/login`, { headers: { cookie: jar.header() } });
  jar.keep(res);
  return /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
}

async function postLogin(base: string, jar: Jar, token: string, password: string, identifier = 'shared_user') {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ _csrf: token, identifier, password }).toString(),
  });
  jar.keep(res);
  return res.status;
}

describe('two app processes on one database', () => {
  it('a sign-in through one process is valid on the other, and sign-out through the other ends it', async () => {
    const [a, b] = servers;
    const jar = new Jar();
    const token = await csrfFrom(a!.url, jar);
    expect(await postLogin(a!.url, jar, token, TEST_PASSWORD)).toBe(303);
    const onB = await fetch(`${b!.url}/account`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('shared_user');
    const oldCookie = jar.header();
    const page = await fetch(`${b!.url}/account`, { headers: { cookie: jar.header() } });
    const csrfB = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const out = await fetch(`${b!.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: `_csrf=${encodeURIComponent(csrfB)}`,
    });
    expect(out.status).toBe(303);
    // the session is gone from the shared database, so process A refuses the old cookie too
    const replay = await fetch(`${a!.url}/account`, { headers: { cookie: oldCookie }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/login/);
  });

  it('counts a rate limit across both processes', async () => {
    const [a, b] = servers;
    const jar = new Jar();
    const tokenA = await csrfFrom(a!.url, jar);
    const statuses: number[] = [];
    // ten wrong guesses spread over both processes use up the per-account allowance
    for (let i = 0; i < 10; i++)
      statuses.push(await postLogin(i % 2 ? b!.url : a!.url, jar, tokenA, `wrong-${i}`, 'guessed_user'));
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await postLogin(b!.url, jar, tokenA, TEST_PASSWORD, 'guessed_user')).toBe(429);
    expect(await postLogin(a!.url, jar, tokenA, TEST_PASSWORD, 'guessed_user')).toBe(429);
  });
});
