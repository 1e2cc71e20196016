// Measures the HSDS import of a generated HSDS 2.x package (hsds2-package.ts) on a fresh test
// database — in-memory SQLite, or PostgreSQL when DATABASE_URL names one:
//   npx tsx src/features/services/testing/import-bench.ts 2000
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx src/features/services/testing/import-bench.ts 2000
// Prints one JSON line: the package's size, the time to read it, to write it, and the counts.
import { createTestDb, testDialect } from '../../../testing/db.js';
import { importCollected } from '../hsds/import.js';
import { collectTabular } from '../hsds/tabular-import.js';
import { indexServices } from '../search-index.js';
import { hsds2Package } from './hsds2-package.js';

async function main() {
  const n = Number(process.argv[2] ?? 2000);
  const h = await createTestDb();
  try {
    const files = hsds2Package(n);
    const bytes = [...files.values()].reduce((a, s) => a + Buffer.byteLength(s), 0);
    let t = performance.now();
    const collected = collectTabular(files, { source: 'bench' });
    const readMs = performance.now() - t;
    t = performance.now();
    const res = await importCollected(h.db, collected, { now: new Date(), networkId: null, reindex: indexServices });
    const writeMs = performance.now() - t;
    const line = {
      database: testDialect,
      services: n,
      bytes,
      readMs: Math.round(readMs),
      writeMs: Math.round(writeMs),
      ok: res.ok,
      counts: res.ok ? res.counts : res.problems.slice(0, 5),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await h.close();
  }
}

void main();
