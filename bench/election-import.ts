// A national election's register from spreadsheets (issue #15): BENCH_STATIONS (10,000) stations
// in centres of four, imported from one CSV, then one count sheet per station from another, on
// SQLite and on PostgreSQL. Times each import and the event loop's worst delay while it runs
// (other requests wait at most that long). Bounded by BENCH_DEADLINE_SECONDS (default 600).
//
//   node --import tsx bench/election-import.ts            (both databases)
//   BENCH_DATABASES=sqlite node --import tsx bench/election-import.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SRC_DIR } from '../src/core/i18n/generate-types.js';
import { createI18n } from '../src/core/i18n/index.js';
import { loadCatalogs } from '../src/core/i18n/load.js';
import { sheetColumns, importSheets } from '../src/features/elections/sheets/import.js';
import { importStations } from '../src/features/elections/stations/csv.js';
import { goodSheet, makeElectionFixture } from '../src/features/elections/testing/fixture.js';
import { benchDatabase, electionOrganizers } from './election-setup.js';

const STATIONS = Number(process.env.BENCH_STATIONS ?? 10_000);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_SECONDS ?? 600) * 1000;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const PER_CENTRE = 4;

const translator = createI18n(loadCatalogs(SRC_DIR)).translator('en', { digits: 'latn' });

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; loopMaxMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  // the sampler's timer fires late after a long stretch: let it, so that stretch is counted
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  return { value, seconds, loopMaxMs: Math.round(h.max / 1e6) };
}

/** The register as a ministry would send it: centre code, names, town, station code, registered voters. */
function stationsCsv(): string {
  const lines = [
    'centre_code,centre_name_ar,centre_name_en,town,station_code,registered_women,registered_men,women_only',
  ];
  for (let i = 0; i < STATIONS; i++) {
    const centre = `AL-${String(Math.floor(i / PER_CENTRE) + 1).padStart(5, '0')}`;
    const n = Math.floor(i / PER_CENTRE) + 1;
    lines.push(
      `${centre},مدرسة رقم ${n},School ${n},C1605,S${(i % PER_CENTRE) + 1},${250 + (i % 50)},${240 + (i % 60)},no`,
    );
  }
  return lines.join('\n') + '\n';
}

async function one(kind: 'sqlite' | 'postgres') {
  const bench = await benchDatabase(kind, 'election_import');
  try {
    const db = bench.handle.db;
    const now = new Date();
    const who = await electionOrganizers(db, now);
    const fx = await makeElectionFixture(db, {
      networkId: who.networkId,
      organizerOrgId: who.organizationId,
      userId: who.userId,
      now,
      stations: 0,
      observers: 0,
    });
    const csv = stationsCsv();
    const stations = await timed(() => importStations(db, fx.electionId, csv, translator));
    if (!stations.value.ok) throw new Error(`stations refused: ${JSON.stringify(stations.value.problems.slice(0, 3))}`);

    const form = fx.forms.count;
    const columns = sheetColumns(form).map((c) => c.name);
    const sheetLines = [columns.join(',')];
    for (let i = 0; i < STATIONS; i++) {
      const sheet: Record<string, number | string> = {
        ...goodSheet(40 + (i % 90), 60 + (i % 120)),
        centre_code: `AL-${String(Math.floor(i / PER_CENTRE) + 1).padStart(5, '0')}`,
        station_code: `S${(i % PER_CENTRE) + 1}`,
      };
      sheetLines.push(columns.map((c) => sheet[c] ?? '').join(','));
    }
    const sheets = await timed(() =>
      importSheets(
        db,
        bench.handle.dialect,
        { electionId: fx.electionId, electionStatus: 'active', form, userId: who.userId, now },
        sheetLines.join('\n') + '\n',
        translator,
      ),
    );
    if (!sheets.value.ok) throw new Error(`sheets refused: ${JSON.stringify(sheets.value.problems.slice(0, 3))}`);
    return {
      database: bench.label,
      'stations CSV KB': Math.round(csv.length / 1024),
      'stations s': +stations.seconds.toFixed(2),
      'stations loop max ms': stations.loopMaxMs,
      centres: stations.value.centres,
      stations: stations.value.stations,
      'sheets s': +sheets.seconds.toFixed(2),
      'sheets loop max ms': sheets.loopMaxMs,
      'sheets created': sheets.value.counts.created,
    };
  } finally {
    await bench.handle.close();
    await bench.drop();
  }
}

async function main() {
  setTimeout(() => {
    console.error(`election-import: stopped after ${DEADLINE_MS / 1000} s`);
    process.exit(2);
  }, DEADLINE_MS).unref();
  const rows = [];
  for (const kind of DATABASES) rows.push(await one(kind));
  console.log(`\nElection register import — ${STATIONS} stations, ${STATIONS / PER_CENTRE} centres\n`);
  console.table(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
