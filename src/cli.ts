// `npm run wasl -- <command>`: administration from the shell, honouring DATA_DIR and DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { migrateToLatest } from './core/db/migrate.js';
import { buildApp } from './app.js';
import { cliCommands as coreCommands } from './cli-commands.js';
import { features } from './features/index.js';
import type { WaslServices } from './core/services.js';

const [command, ...args] = process.argv.slice(2);
const cliCommands = [...coreCommands, ...features.flatMap((f) => f.cli ?? [])];

async function main() {
  const entry = cliCommands.find((c) => c.name === command);
  if (!entry) {
    console.log('Usage: npm run wasl -- <command> [args]\n');
    for (const c of cliCommands) console.log(`  ${c.name.padEnd(18)} ${c.help}`);
    process.exit(command ? 2 : 0);
  }
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    if (!entry.readOnly) await migrateToLatest(handle.db, handle.dialect, features);
    if (entry.name === 'migrate') {
      console.log('Database is at the latest migration.');
      return;
    }
    if (entry.readOnly) {
      // No app, so nothing is written on the way in (not even the cookie secret): a backup must
      // not wait for the write lock of a busy database. Read-only commands use these fields only.
      const services = { config, handle, db: handle.db, dialect: handle.dialect, clock: () => new Date() };
      process.exitCode = (await entry.run(services as unknown as WaslServices, args, { fs, path })) ?? 0;
      return;
    }
    const app = await buildApp({ config, handle, logger: false });
    try {
      const code = await entry.run(app.wasl, args, { fs, path });
      process.exitCode = code ?? 0;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
