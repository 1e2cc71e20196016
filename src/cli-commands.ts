// The `wasl` admin commands of the core. Each gets the app's services; features add theirs in
// their manifests (`cli`), and cli.ts lists both.
import crypto from 'node:crypto';
import type { CliCommand } from './core/feature.js';
import type { RouteEntry } from './core/http/types.js';
import { openDatabase } from './core/db/index.js';
import { migrateToLatest } from './core/db/migrate.js';
import { buildApp } from './app.js';
import { features } from './features/index.js';
import { hashPassword } from './core/auth/passwords.js';
import { createUser } from './core/auth/users.js';
import { importGazetteer } from './core/towns/queries.js';
import { loadAleppoSeed } from './core/towns/seed.js';
import { backupDatabase } from './core/db/backup.js';
import { seedDemoIfEmpty } from './seed/demo.js';

/** `wasl routes`: one line per route — method, path, access level, feature — sorted by path. */
export function routeListing(table: RouteEntry[]): string[] {
  const rows = [...table].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  const width = Math.max(...rows.map((r) => r.url.length));
  return [
    ...rows.map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(width)}  ${r.access.padEnd(13)} ${r.feature}`),
    '',
    `${rows.length} routes`,
  ];
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export const cliCommands: CliCommand[] = [
  { name: 'migrate', help: 'Run database migrations (also run on every start).', run: async () => {} },
  {
    name: 'create-admin',
    help: 'Create a network admin: --username NAME [--email E] [--network SLUG]. Prints a generated password once.',
    async run(wasl, args) {
      const username = flag(args, 'username');
      if (!username || !/^[\p{L}\p{N}_.-]{3,30}$/u.test(username)) {
        console.error('Give --username (3–30 letters, digits, _ . -).');
        return 2;
      }
      const now = wasl.clock();
      let network = await wasl.db
        .selectFrom('networks')
        .selectAll()
        .$if(!!flag(args, 'network'), (q) => q.where('slug', '=', flag(args, 'network')!))
        .orderBy('id')
        .executeTakeFirst();
      if (!network) {
        const row = await wasl.db
          .insertInto('networks')
          .values({
            slug: flag(args, 'network') ?? 'network',
            name_ar: 'الشبكة',
            name_en: 'The network',
            description_ar: '',
            description_en: '',
            region_ar: '',
            region_en: '',
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        network = (await wasl.db
          .selectFrom('networks')
          .selectAll()
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow())!;
      }
      const password = crypto.randomBytes(12).toString('base64url');
      const userId = await createUser(
        wasl.db,
        {
          username,
          email: flag(args, 'email') ?? null,
          displayName: username,
          passwordHash: await hashPassword(password),
        },
        now,
      );
      await wasl.db
        .insertInto('network_roles')
        .values({ user_id: userId, network_id: network.id, role: 'networkAdmin' })
        .execute();
      console.log(
        `Network admin "${username}" created for network "${network.slug}".\nPassword (shown once): ${password}\nTwo-step verification is set up at first sign-in.`,
      );
    },
  },
  {
    name: 'import-gazetteer',
    help: 'Load communities from an OCHA-style CSV: import-gazetteer FILE.csv (without FILE: the bundled Aleppo governorate).',
    async run(wasl, args, { fs }) {
      const now = wasl.clock();
      const result = args[0]
        ? await importGazetteer(wasl.db, fs.readFileSync(args[0], 'utf8'), { now })
        : await loadAleppoSeed(wasl.db, now);
      if (result.rejected.length) {
        console.error(`Nothing imported: ${result.rejected.length} bad rows.`);
        for (const r of result.rejected.slice(0, 50)) console.error(`  line ${r.line}: ${r.reason}`);
        return 1;
      }
      console.log(`Gazetteer: ${result.inserted} inserted, ${result.updated} updated.`);
    },
  },
  {
    name: 'backup',
    readOnly: true,
    help: 'Consistent copy of the SQLite database while the app runs: backup [FILE] (default DATA_DIR/backups/wasl-<time>.sqlite).',
    async run(wasl, args, { path }) {
      if (wasl.dialect !== 'sqlite') {
        console.error('On PostgreSQL use pg_dump or pg_basebackup; see docs/operations.md.');
        return 2;
      }
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const target = args[0] ?? path.join(wasl.config.dataDir, 'backups', `wasl-${stamp}.sqlite`);
      const pages = await backupDatabase(wasl.handle, target);
      console.log(`Backup written to ${target} (${pages} pages). Copy ${wasl.config.uploadDir} as well.`);
    },
  },
  {
    name: 'seed-demo',
    help: 'Create the demo content in an empty database (prints the generated passwords).',
    async run(wasl) {
      const printed = await seedDemoIfEmpty(wasl);
      console.log(printed ?? 'The database is not empty; nothing done.');
    },
  },
  {
    name: 'routes',
    readOnly: true,
    help: 'List every route: method, path, who may call it (access level) and the feature it belongs to.',
    async run(wasl) {
      // An app on an empty in-memory database: the route table, without touching the real one.
      const handle = openDatabase(':memory:');
      try {
        await migrateToLatest(handle.db, handle.dialect, features);
        const app = await buildApp({ config: wasl.config, handle, logger: false });
        const rows = [...app.routeTable].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
        const width = Math.max(...rows.map((r) => r.url.length));
        for (const r of rows)
          console.log(`${r.method.padEnd(6)} ${r.url.padEnd(width)}  ${r.access.padEnd(13)} ${r.feature}`);
        console.log(`\n${rows.length} routes`);
        await app.close();
      } finally {
        await handle.close();
      }
    },
  },
];
