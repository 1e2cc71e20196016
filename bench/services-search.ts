// Services directory search on 10,000 generated services, on SQLite (a temporary file) and
// PostgreSQL (a fresh schema, dropped at the end): p50 / p95 of searchServices() — words, town
// with nearby towns, category, target group, open now, free — and of the whole results page
// through the app (app.inject), beside the app's lightest route (/healthz) as the hello-world
// baseline. Bounded: each query stops after BENCH_QUERY_SECONDS; about a minute per database.
// Not part of `npm test`.
//
//   node --import tsx bench/services-search.ts
//   BENCH_DB=sqlite BENCH_SERVICES=2000 node --import tsx bench/services-search.ts
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../src/core/db/index.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { features } from '../src/features/index.js';
import { loadAleppoSeed } from '../src/core/towns/seed.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { searchServices, type SearchFilters } from '../src/features/services/directory/queries.js';
import { indexServices } from '../src/features/services/search-index.js';
import { exportAllServicesJson } from '../src/features/services/hsds/export.js';
import { exportTabular } from '../src/features/services/hsds/tabular.js';
import { strToU8, zipSync } from 'fflate';
import { CATEGORIES, GROUPS, clusterOf, termId } from '../src/features/services/taxonomy.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const QUERY_BUDGET_MS = Number(process.env.BENCH_QUERY_SECONDS ?? 5) * 1000;
const MIN_RUNS = 5;
const WARMUP = 2;
const ONLY = process.env.BENCH_DB;
const PG_URL = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2026-06-28T09:00:00Z'); // Sunday 12:00 in Damascus
const BATCH = 200;
const HARD_LIMIT_MS = 4 * 60_000;

let seed = 7;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const uuid = () => {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rand() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const KINDS_AR = ['عيادة', 'مركز', 'جلسات', 'دورة', 'مكتب', 'فريق متنقل', 'مساحة آمنة', 'صفوف', 'نقطة'];
const TOPICS: Record<string, [string, string][]> = {
  health: [
    ['الصحة الإنجابية', 'reproductive health'],
    ['الرعاية الأولية', 'primary care'],
    ['الأمراض المزمنة', 'chronic illness'],
  ],
  'legal-aid': [
    ['المساعدة القانونية', 'legal aid'],
    ['الاستشارات القانونية', 'legal advice'],
  ],
  documentation: [
    ['الوثائق المدنية', 'civil documents'],
    ['تسجيل الولادات', 'birth registration'],
  ],
  psychosocial: [
    ['الدعم النفسي', 'psychosocial support'],
    ['الإرشاد الأسري', 'family counselling'],
  ],
  protection: [
    ['حماية الطفل', 'child protection'],
    ['إدارة الحالات', 'case management'],
  ],
  education: [
    ['التعليم المسرّع', 'catch-up learning'],
    ['محو الأمية', 'literacy'],
  ],
  training: [
    ['الخياطة', 'sewing'],
    ['صيانة الهواتف', 'phone repair'],
    ['الحاسوب', 'computers'],
  ],
  livelihoods: [
    ['المشاريع الصغيرة', 'small business'],
    ['فرص العمل', 'jobs'],
  ],
  food: [['السلال الغذائية', 'food baskets']],
  water: [['مياه الشرب', 'drinking water']],
  shelter: [['ترميم المساكن', 'home repair']],
};

type Town = { pcode: string; name_ar: string; name_en: string };

async function generate(h: DbHandle) {
  const db = h.db;
  const towns = (await db
    .selectFrom('towns')
    .select(['pcode', 'name_ar', 'name_en'])
    .where('adm2_pcode', 'in', ['SY0202', 'SY0204', 'SY0208', 'SY0205'])
    .where('lat', 'is not', null)
    .orderBy('pcode')
    .execute()) as Town[];
  const iso = NOW.toISOString();
  const orgs = Array.from({ length: 9 }, (_, i) => ({
    id: uuid(),
    network_id: null,
    member_org_id: null,
    name_ar: `منظمة ${i + 1}`,
    name_en: `Organization ${i + 1}`,
    alternate_name_ar: null,
    alternate_name_en: null,
    description_ar: 'منظمة محلية',
    description_en: 'A local organization',
    email: null,
    website: null,
    extra: '{}',
    created_at: iso,
    updated_at: iso,
  }));
  await db.insertInto('svc_organizations').values(orgs).execute();
  const places = Array.from({ length: 600 }, () => {
    const town = pick(towns);
    return {
      id: uuid(),
      organization_id: pick(orgs).id,
      location_type: 'physical',
      url: null,
      name_ar: `${pick(KINDS_AR)} ${town.name_ar}`,
      name_en: `Centre, ${town.name_en}`,
      alternate_name_ar: null,
      alternate_name_en: null,
      description_ar: null,
      description_en: null,
      transportation_ar: null,
      transportation_en: null,
      landmark_ar: 'قرب الجامع الكبير',
      landmark_en: 'Near the great mosque',
      latitude: null,
      longitude: null,
      external_identifier: null,
      external_identifier_type: null,
      town_pcode: town.pcode,
      extra: '{}',
      created_at: iso,
      updated_at: iso,
    };
  });
  for (let i = 0; i < places.length; i += BATCH)
    await db
      .insertInto('svc_locations')
      .values(places.slice(i, i + BATCH))
      .execute();

  const ids: string[] = [];
  for (let start = 0; start < SERVICES; start += BATCH) {
    const services: Record<string, unknown>[] = [];
    const sals: Record<string, unknown>[] = [];
    const areas: Record<string, unknown>[] = [];
    const attrs: Record<string, unknown>[] = [];
    const schedules: Record<string, unknown>[] = [];
    const costs: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(SERVICES, start + BATCH); i++) {
      const id = uuid();
      ids.push(id);
      const category = pick(CATEGORIES).code;
      const [topicAr, topicEn] = pick(TOPICS[category]!);
      const kind = pick(KINDS_AR);
      const free = rand() < 0.6;
      const org = pick(orgs);
      services.push({
        id,
        organization_id: org.id,
        name_ar: `${kind} ${topicAr}${free && rand() < 0.5 ? ' المجانية' : ''}`,
        name_en: `${topicEn} service ${i}`,
        alternate_name_ar: null,
        alternate_name_en: null,
        description_ar: `خدمة ${topicAr} للأهالي والنازحين/ات، تقدمها ${org.name_ar}. ${rand() < 0.02 ? `مبادرة${i}` : ''}`,
        description_en: `${topicEn} for residents and displaced people.`,
        url: null,
        email: null,
        status: rand() < 0.03 ? 'temporarily closed' : 'active',
        interpretation_services_ar: null,
        interpretation_services_en: null,
        application_process_ar: 'الحضور مباشرة',
        application_process_en: 'Walk in',
        fees_description_ar: null,
        fees_description_en: null,
        wait_time_ar: null,
        wait_time_en: null,
        fees_ar: null,
        fees_en: null,
        accreditations_ar: null,
        accreditations_en: null,
        eligibility_description_ar: null,
        eligibility_description_en: null,
        minimum_age: null,
        maximum_age: null,
        assured_date: '2026-05-01',
        assurer_email: null,
        licenses_ar: null,
        licenses_en: null,
        alert_ar: null,
        alert_en: null,
        last_modified: iso,
        is_free: free ? 1 : 0,
        verified_at: '2026-05-01T00:00:00.000Z',
        extra: '{}',
        created_at: iso,
      });
      costs.push({
        id: uuid(),
        service_id: id,
        valid_from: null,
        valid_to: null,
        option_ar: free ? 'مجاناً' : 'رسم',
        option_en: free ? 'Free' : 'Fee',
        currency: free ? null : 'SYP',
        amount: free ? 0 : 5000,
        amount_description_ar: null,
        amount_description_en: null,
        extra: '{}',
      });
      if (rand() < 0.75) {
        sals.push({
          id: uuid(),
          service_id: id,
          location_id: pick(places).id,
          description_ar: null,
          description_en: null,
          extra: '{}',
        });
      } else {
        for (let k = 0; k < 3; k++) {
          const town = pick(towns);
          areas.push({
            id: uuid(),
            service_id: id,
            name_ar: town.name_ar,
            name_en: town.name_en,
            description_ar: null,
            description_en: null,
            extent: town.pcode,
            extent_type: 'ocha_pcode',
            uri: null,
            town_pcode: town.pcode,
            extra: '{}',
          });
        }
      }
      const terms = [termId('categories', category), termId('clusters', clusterOf(category)!.code)];
      for (let g = 0; g < 1 + Math.floor(rand() * 3); g++) terms.push(termId('groups', pick(GROUPS).code));
      for (const term of new Set(terms))
        attrs.push({
          id: uuid(),
          link_id: id,
          taxonomy_term_id: term,
          link_type: null,
          link_entity: 'service',
          value: null,
          extra: '{}',
        });
      const opens = pick(['08:00:00', '09:00:00', '10:00:00', '13:00:00']);
      const closes = pick(['12:00:00', '14:00:00', '16:00:00', '18:00:00']);
      schedules.push(schedule(id, 'SA,SU,MO,TU,WE,TH', opens, closes, null, null, 0));
      if (rand() < 0.1)
        schedules.push(schedule(id, 'SA,SU,MO,TU,WE,TH', '09:00:00', '13:00:00', '2027-02-08', '2027-03-09', 0));
      if (rand() < 0.05) schedules.push(schedule(id, null, null, null, '2026-06-20', '2026-07-10', 1));
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('svc_services')
        .values(services as never)
        .execute();
      await trx
        .insertInto('svc_cost_options')
        .values(costs as never)
        .execute();
      if (sals.length)
        await trx
          .insertInto('svc_service_at_locations')
          .values(sals as never)
          .execute();
      if (areas.length)
        await trx
          .insertInto('svc_service_areas')
          .values(areas as never)
          .execute();
      await trx
        .insertInto('svc_attributes')
        .values(attrs as never)
        .execute();
      await trx
        .insertInto('svc_schedules')
        .values(schedules as never)
        .execute();
    });
  }
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    await db.transaction().execute((trx) => indexServices(trx, part));
  }
}

function schedule(
  serviceId: string,
  byday: string | null,
  opens: string | null,
  closes: string | null,
  from: string | null,
  to: string | null,
  closed: number,
) {
  return {
    id: uuid(),
    service_id: serviceId,
    location_id: null,
    service_at_location_id: null,
    valid_from: from,
    valid_to: to,
    dtstart: null,
    timezone: 3,
    until: null,
    count: null,
    wkst: 'SA',
    freq: closed ? null : 'WEEKLY',
    interval: closed ? null : 1,
    byday,
    byweekno: null,
    bymonthday: null,
    byyearday: null,
    description_ar: null,
    description_en: null,
    opens_at: opens,
    closes_at: closes,
    schedule_link: null,
    attending_type_ar: null,
    attending_type_en: null,
    notes_ar: null,
    notes_en: null,
    closed,
    extra: '{}',
  };
}

const QUERIES: { name: string; f: Omit<SearchFilters, 'page'> & { page?: number } }[] = [
  { name: 'words + town (عيادة مجانية, A’zaz)', f: { q: 'عيادة مجانية', town: 'C1564' } },
  { name: 'common words (الدعم النفسي)', f: { q: 'الدعم النفسي' } },
  { name: 'category + town (legal aid, al-Bab)', f: { category: 'legal-aid', town: 'C1202' } },
  { name: 'open now + town (Mare’)', f: { openNow: true, town: 'C1643' } },
  { name: 'open now, everywhere', f: { openNow: true } },
  { name: 'group, page 3 (women)', f: { group: 'women', page: 3 } },
  { name: 'words + free (الوثائق)', f: { q: 'الوثائق', free: true } },
  { name: 'rare word', f: { q: 'مبادرة123' } },
  { name: 'browse, no filter', f: {} },
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timed(run: () => Promise<unknown>) {
  const times: number[] = [];
  const began = performance.now();
  for (let r = 0; r < WARMUP + RUNS; r++) {
    if (times.length >= MIN_RUNS && performance.now() - began > QUERY_BUDGET_MS) break;
    const t0 = performance.now();
    await run();
    if (r >= WARMUP) times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function measure(label: string, h: DbHandle) {
  console.log(`\n${label}: ${SERVICES.toLocaleString('en')} services`);
  console.log('query                                     hits  runs    p50 ms   p95 ms');
  const all: number[] = [];
  for (const q of QUERIES) {
    let hits = 0;
    const times = await timed(async () => {
      hits = (await searchServices(h.db, h.dialect, { page: 1, ...q.f }, NOW)).total;
    });
    all.push(...times);
    console.log(
      `${q.name.padEnd(40)} ${String(hits).padStart(5)} ${String(times.length).padStart(5)} ${pct(times, 50).toFixed(1).padStart(9)} ${pct(times, 95).toFixed(1).padStart(8)}`,
    );
  }
  all.sort((a, b) => a - b);
  // Whole pages through the app (routing, search, rendering), beside its lightest route.
  const config = loadConfig({
    NODE_ENV: 'production',
    BASE_URL: 'http://127.0.0.1:3000',
    DATA_DIR: os.tmpdir(),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
    SESSION_SECRET: 'x'.repeat(64),
  });
  const app = await buildApp({ config, handle: h, clock: () => NOW, logger: false });
  await app.ready();
  const page = await timed(() =>
    app.inject({ method: 'GET', url: `/services?q=${encodeURIComponent('عيادة مجانية')}&town=C1564` }),
  );
  const base = await timed(() => app.inject({ method: 'GET', url: '/healthz' }));
  await app.close();
  console.log(
    `${'all searchServices() calls'.padEnd(40)} ${''.padStart(11)} ${pct(all, 50).toFixed(1).padStart(9)} ${pct(all, 95).toFixed(1).padStart(8)}`,
  );
  console.log(
    `${'results page via the app'.padEnd(40)} ${''.padStart(11)} ${pct(page, 50).toFixed(1).padStart(9)} ${pct(page, 95).toFixed(1).padStart(8)}`,
  );
  console.log(
    `${'baseline: /healthz via the app'.padEnd(40)} ${''.padStart(11)} ${pct(base, 50).toFixed(1).padStart(9)} ${pct(base, 95).toFixed(1).padStart(8)}`,
  );
  return { searchP95: pct(all, 95), pageP95: pct(page, 95), baselineP95: pct(base, 95) };
}

// The admin's full exports (JSON and the tabular zip): built once each, the time and the size.
async function measureExports(h: DbHandle) {
  const t0 = performance.now();
  const json = await exportAllServicesJson(h.db);
  const t1 = performance.now();
  const files = await exportTabular(h.db);
  const zip = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])));
  const t2 = performance.now();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(`full export, JSON: ${((t1 - t0) / 1000).toFixed(2)} s, ${mb(Buffer.byteLength(json))} MB`);
  console.log(`full export, tabular zip: ${((t2 - t1) / 1000).toFixed(2)} s, ${mb(zip.length)} MB`);
  return { jsonSeconds: (t1 - t0) / 1000, zipSeconds: (t2 - t1) / 1000 };
}

async function prepare(h: DbHandle) {
  await migrateToLatest(h.db, h.dialect, features);
  await loadAleppoSeed(h.db, NOW);
  const t0 = performance.now();
  seed = 7;
  await generate(h);
  console.log(`generated and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const summary: Record<string, unknown> = {};
  if (ONLY !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-svc-bench-'));
    const h = openDatabase(`sqlite:${path.join(dir, 'bench.sqlite')}`);
    try {
      await prepare(h);
      summary.sqlite = { ...(await measure('SQLite', h)), ...(await measureExports(h)) };
    } finally {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (ONLY !== 'sqlite') {
    const schema = `bench_svc_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch (e) {
      console.log(`\nPostgreSQL skipped: cannot connect (${(e as Error).message})`);
      return summary;
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    const h = openDatabase(PG_URL, { pgSchema: schema, pgPoolSize: 4 });
    try {
      await prepare(h);
      await admin.query(`ANALYZE`);
      summary.postgres = { ...(await measure('PostgreSQL', h)), ...(await measureExports(h)) };
    } finally {
      await h.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  return summary;
}

const started = Date.now();
const guard = setTimeout(() => {
  console.error('services-search bench: over the time limit, stopping.');
  process.exit(2);
}, HARD_LIMIT_MS + 60_000);
guard.unref();
main()
  .then((summary) => {
    console.log(`\nSummary (p95, ms): ${JSON.stringify(summary)}; took ${Math.round((Date.now() - started) / 1000)} s`);
    process.exit(0);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
