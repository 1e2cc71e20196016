// A consistent copy of a live SQLite database through SQLite's online backup API (readers and
// writers carry on meanwhile). PostgreSQL installs use pg_dump / base backups (docs/operations.md).
import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle } from './index.js';

export async function backupDatabase(handle: DbHandle, target: string): Promise<number> {
  if (!handle.sqlite) throw new Error('backup works on SQLite only');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  // A busy writer can hold the lock at the moment a step asks for it: try again a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await handle.sqlite.backup(target);
      return result.totalPages;
    } catch (err) {
      const busy = /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(`${(err as { code?: string }).code} ${err}`);
      if (!busy || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}
