// The PostgreSQL drill from docs/operations.md, followed once: a throwaway cluster with WAL
// archiving, Wasl's schema and rows, a base backup (pg_basebackup), more writes after it, then a
// restore from the base backup plus archived WAL into a new data directory. Every row committed
// before the primary stopped must be there, and Wasl must serve the restored database.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/index.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { features } from '../../src/features/index.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';

const version = fs.readdirSync('/usr/lib/postgresql').sort().pop()!;
const bin = (name: string) => `/usr/lib/postgresql/${version}/bin/${name}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-pgdrill-'));
fs.chmodSync(tmp, 0o777);
const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', bin(cmd), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A port nothing listens on now: bind it, read it, let it go. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster on a free port, up to three times (a port taken between our check and the
 * server's bind, a slow start on a busy machine); on failure the server's own log is printed
 * before the temporary folder goes, so the reason is in CI's output.
 */
async function startCluster(dir: string, name: string): Promise<number> {
  const log = path.join(tmp, `${name}.log`);
  let last: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    fs.appendFileSync(path.join(dir, 'postgresql.conf'), `port = ${port}\n`);
    try {
      asPostgres('pg_ctl', ['-D', dir, '-w', '-t', '120', '-l', log, 'start']);
      return port;
    } catch (err) {
      last = err;
      const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '(no log)';
      console.error(`pg_ctl start of ${name} failed (attempt ${attempt}, port ${port}):\n${text.slice(-4000)}`);
      try {
        asPostgres('pg_ctl', ['-D', dir, 'stop', '-m', 'immediate']);
      } catch {
        /* not running */
      }
    }
  }
  throw last;
}
const dirs = {
  primary: path.join(tmp, 'primary'),
  base: path.join(tmp, 'base'),
  wal: path.join(tmp, 'wal'),
  restored: path.join(tmp, 'restored'),
};

afterAll(() => {
  for (const d of [dirs.primary, dirs.restored]) {
    try {
      asPostgres('pg_ctl', ['-D', d, 'stop', '-m', 'immediate']);
    } catch {
      /* not running */
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function countRows(url: string) {
  const h = openDatabase(url, { pgPoolSize: 1 });
  const r = await h.db
    .selectFrom('kv')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', 'like', 'drill-%')
    .executeTakeFirstOrThrow();
  await h.close();
  return Number(r.n);
}

async function insertRows(url: string, prefix: string, n: number) {
  const h = openDatabase(url, { pgPoolSize: 2 });
  for (let i = 0; i < n; i++)
    await h.db
      .insertInto('kv')
      .values({ key: `drill-${prefix}-${i}`, value: 'x' })
      .execute();
  await h.close();
}

describe('PostgreSQL base backup + WAL archive restore', () => {
  it('restores every committed row and Wasl serves it', async () => {
    fs.mkdirSync(dirs.wal);
    fs.chmodSync(dirs.wal, 0o777);
    asPostgres('initdb', ['-D', dirs.primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
    fs.appendFileSync(
      path.join(dirs.primary, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${tmp}'`,
        'wal_level = replica',
        'archive_mode = on',
        `archive_command = 'test ! -f ${dirs.wal}/%f && cp %p ${dirs.wal}/%f'`,
        'fsync = on',
      ].join('\n') + '\n',
    );
    const primaryPort = await startCluster(dirs.primary, 'primary');
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    const h = openDatabase(primaryUrl, { pgPoolSize: 1 });
    await migrateToLatest(h.db, h.dialect, features);
    await h.close();
    await insertRows(primaryUrl, 'before', 300);

    asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      dirs.base,
      '-Fp',
      '-Xs',
      '-c',
      'fast',
    ]);
    await insertRows(primaryUrl, 'after', 200); // only in the archived WAL
    const h2 = openDatabase(primaryUrl, { pgPoolSize: 1 });
    const { sql } = await import('kysely');
    // the segment holding the last writes, then a switch so the archiver ships it
    const seg = (await sql<{ w: string }>`select pg_walfile_name(pg_current_wal_lsn()) as w`.execute(h2.db)).rows[0]!.w;
    await sql`select pg_switch_wal()`.execute(h2.db);
    let archived = '';
    for (let i = 0; i < 100 && !(archived >= seg); i++) {
      await new Promise((res) => setTimeout(res, 200));
      const r = await sql<{ a: string | null }>`select last_archived_wal as a from pg_stat_archiver`.execute(h2.db);
      archived = r.rows[0]?.a ?? '';
    }
    expect(archived >= seg).toBe(true);
    await h2.close();
    const committed = await countRows(primaryUrl);
    expect(committed).toBe(500);
    asPostgres('pg_ctl', ['-D', dirs.primary, '-w', '-m', 'fast', 'stop']);

    // restore: base backup + recovery.signal + restore_command, on another port
    execFileSync('cp', ['-a', dirs.base, dirs.restored]);
    fs.writeFileSync(path.join(dirs.restored, 'recovery.signal'), '');
    fs.appendFileSync(
      path.join(dirs.restored, 'postgresql.conf'),
      ['archive_mode = off', `restore_command = 'cp ${dirs.wal}/%f %p'`].join('\n') + '\n',
    );
    execFileSync('chown', ['-R', 'postgres:postgres', dirs.restored]);
    const restoredPort = await startCluster(dirs.restored, 'restored');
    const restoredUrl = `postgres://postgres@127.0.0.1:${restoredPort}/postgres`;
    // recovery replays the archive, then promotes; wait for it to accept writes
    for (let i = 0; i < 100; i++) {
      const rh = openDatabase(restoredUrl, { pgPoolSize: 1 });
      const r = await sql<{ rec: boolean }>`select pg_is_in_recovery() as rec`.execute(rh.db);
      await rh.close();
      if (!r.rows[0]!.rec) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(await countRows(restoredUrl)).toBe(committed);

    const handle = openDatabase(restoredUrl, { pgPoolSize: 2 });
    const app = await buildApp({
      config: loadConfig({ DATABASE_URL: restoredUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test', DATA_DIR: tmp }),
      handle,
      logger: false,
    });
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok', database: 'postgres' });
    await app.close();
    await handle.close();
    console.log(
      `backup drill (PostgreSQL): ${committed} rows committed (300 before the base backup, 200 only in archived WAL), ${committed} restored`,
    );
  }, 300_000);
});
