// A consistent copy of a live SQLite database through SQLite's online backup API (readers and
// writers carry on meanwhile). PostgreSQL installs use pg_dump / base backups (docs/operations.md).
import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle } from './index.js';

export async function backupDatabase(handle: DbHandle, target: string): Promise<number> {
  if (!handle.sqlite) throw new Error('backup works on SQLite only');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const result = await handle.sqlite.backup(target);
  return result.totalPages;
}
