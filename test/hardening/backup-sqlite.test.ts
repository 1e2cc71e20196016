// Backup and restore drill on SQLite: `npm run wasl -- backup` while another process keeps
// writing, then a restore into a fresh data directory that a new Wasl serves. The copy must be
// consistent (integrity_check ok) and hold every row committed before the backup finished.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/index.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { features } from '../../src/features/index.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const cleanEnv = { ...process.env, BASE_URL: 'http://127.0.0.1:3000', DATABASE_URL: '' };

describe('SQLite backup while writing', () => {
  it('copies a consistent database that restores into a working Wasl', async () => {
    const dataDir = path.join(tmp, 'live');
    const file = path.join(dataDir, 'wasl.sqlite');
    const h = openDatabase(`sqlite:${file}`);
    await migrateToLatest(h.db, h.dialect, features);
    await h.close();

    // A writer in another process: one committed row every millisecond or so, for twelve seconds.
    const writerCode = `
      const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
      const ins = db.prepare("INSERT INTO kv (key, value) VALUES (?, ?)");
      const end = Date.now() + 12000; let i = 0;
      while (Date.now() < end) { ins.run('row-' + (i++), new Date().toISOString()); }
      console.log(i);`;
    const writer = spawn(process.execPath, ['-e', writerCode], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let written = '';
    writer.stdout.on('data', (d) => (written += d));
    const writerDone = new Promise<void>((r) => writer.once('exit', () => r())); // listen before it can exit
    await new Promise((r) => setTimeout(r, 1000));

    const backupFile = path.join(tmp, 'backup.sqlite');
    const backup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'backup', backupFile], {
      cwd: root,
      env: { ...cleanEnv, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written/);
    await writerDone;
    const total = Number(written.trim());
    expect(total).toBeGreaterThan(1000);

    const copy = new SQLite(backupFile, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const inCopy = (copy.prepare("SELECT count(*) AS n FROM kv WHERE key LIKE 'row-%'").get() as { n: number }).n;
    // rows are numbered in commit order: the copy holds a gap-free prefix of them
    const max = (
      copy.prepare("SELECT max(CAST(substr(key, 5) AS INTEGER)) AS m FROM kv WHERE key LIKE 'row-%'").get() as {
        m: number;
      }
    ).m;
    expect(max + 1).toBe(inCopy);
    expect(inCopy).toBeGreaterThan(0);
    expect(inCopy).toBeLessThanOrEqual(total);
    copy.close();

    // restore into a fresh data directory and serve it
    const restoredDir = path.join(tmp, 'restored');
    fs.mkdirSync(restoredDir);
    fs.copyFileSync(backupFile, path.join(restoredDir, 'wasl.sqlite'));
    const handle = openDatabase(`sqlite:${path.join(restoredDir, 'wasl.sqlite')}`);
    const app = await buildApp({
      config: loadConfig({ DATA_DIR: restoredDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      handle,
      logger: false,
    });
    const health = await app.inject({ url: '/healthz' });
    expect(health.json()).toMatchObject({ status: 'ok' });
    const restoredCount = await handle.db
      .selectFrom('kv')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', 'like', 'row-%')
      .executeTakeFirstOrThrow();
    expect(Number(restoredCount.n)).toBe(inCopy);
    await app.close();
    await handle.close();
    console.log(
      `backup drill (SQLite): ${total} rows written during the run, ${inCopy} in the consistent copy, integrity ok, restored count equal`,
    );
  }, 120_000);
});
