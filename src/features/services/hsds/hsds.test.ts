// HSDS import and export: the official HSDS 3.0 examples import and export again equal; the
// tabular data package round-trips; bad records are rejected by name with the reason and nothing
// is written; what exists is matched, not duplicated. Runs on SQLite and PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../testing/db.js';
import type { DbHandle } from '../../../core/db/index.js';
import { loadAleppoSeed } from '../../../core/towns/seed.js';
import { searchDocuments } from '../../../core/search/index.js';
import { indexServices } from '../search-index.js';
import { HSDS, hsdsExample as example } from '../testing/setup.js';
import { importHsdsJson, importCollected } from './import.js';
import { loadGraph, organizationObject, serviceAtLocationObject, serviceObject, exportAllServices } from './export.js';
import { exportTabular } from './tabular.js';
import { collectTabular } from './tabular-import.js';
import { hxlRows } from './hxl.js';
import { problemLine, type Problem } from './problems.js';
import { createI18n } from '../../../core/i18n/index.js';
import { loadCatalogs } from '../../../core/i18n/load.js';
import { SRC_DIR } from '../../../core/i18n/generate-types.js';

const now = new Date('2026-06-28T09:00:00Z');
const opts = { now, networkId: null, reindex: indexServices };
const i18n = createI18n(loadCatalogs(SRC_DIR));
const en = i18n.translator('en', { digits: 'latn' });
const ar = i18n.translator('ar', { digits: 'latn' });
/** Each problem as the admin reads it: file and record, field, reason, value as given. */
const lines = (problems: Problem[], tr = en) => problems.map((p) => problemLine(tr, p));

async function count(h: DbHandle, table: string): Promise<number> {
  const r = await h.db
    .selectFrom(table as 'svc_services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('the official HSDS 3.0 examples', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(() => h.close());

  it('service_full.json imports and exports again equal', async () => {
    const doc = example('service_full.json');
    const res = await importHsdsJson(h.db, doc, opts);
    expect(res).toMatchObject({ ok: true });
    const g = await loadGraph(h.db, { serviceIds: [doc.id] });
    expect(serviceObject(g, g.service.get(doc.id)!)).toEqual(doc);
  });

  it('organization_full.json and service_at_location_full.json too, matching what exists (no duplicates)', async () => {
    const before = {
      orgs: await count(h, 'svc_organizations'),
      locs: await count(h, 'svc_locations'),
      terms: await count(h, 'svc_taxonomy_terms'),
      phones: await count(h, 'svc_phones'),
    };
    const org = example('organization_full.json');
    expect(await importHsdsJson(h.db, org, opts)).toMatchObject({ ok: true });
    const sal = example('service_at_location_full.json');
    expect(await importHsdsJson(h.db, sal, opts)).toMatchObject({ ok: true });
    expect({
      orgs: await count(h, 'svc_organizations'),
      locs: await count(h, 'svc_locations'),
      terms: await count(h, 'svc_taxonomy_terms'),
      phones: await count(h, 'svc_phones'),
    }).toEqual(before);
    const g1 = await loadGraph(h.db, { organizationIds: [org.id] });
    expect(organizationObject(g1, g1.organization.get(org.id)!, true)).toEqual(org);
    const g2 = await loadGraph(h.db, { salIds: [sal.id] });
    expect(serviceAtLocationObject(g2, g2.service_at_location.get(sal.id)!)).toEqual(sal);
  });

  it('imported text is indexed for search', async () => {
    const { hits } = await searchDocuments(h.db, h.dialect, {
      q: 'counselling',
      kinds: ['service'],
      limit: 5,
      offset: 0,
      now,
    });
    expect(hits.map((x) => x.refId)).toEqual(['ac148810-d857-441c-9679-408f346de14b']);
  });

  it('an API page (service_list.json) imports as the services it lists, keeping their child lists', async () => {
    const phones = await count(h, 'svc_phones');
    expect(await importHsdsJson(h.db, example('service_list.json'), opts)).toMatchObject({ ok: true });
    expect(await count(h, 'svc_phones')).toBe(phones);
    expect(await count(h, 'svc_services')).toBe(1);
  });

  it('the official CSV package is refused, naming each row whose reference leads nowhere', async () => {
    const dir = path.join(HSDS, 'examples', 'csv');
    const files = new Map<string, string>();
    for (const f of fs.readdirSync(dir))
      if (f.endsWith('.csv')) files.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    const c = collectTabular(files);
    const res = await importCollected(h.db, c, opts);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const text = lines(res.problems).join('\n');
    // The example's ids do not line up: a location of an organization that is not in the package…
    expect(text).toMatch(/locations\.csv line 2 .*organization_id — no organization has this id.*«985e4a42/);
    // …and a term of a taxonomy that is not there either.
    expect(text).toMatch(/taxonomy_terms\.csv line 2 .*taxonomy_id — no taxonomy has this id.*«07ff6aee/);
    // The same, in Arabic.
    expect(lines(res.problems, ar).join('\n')).toMatch(
      /locations\.csv line 2 .*organization_id — لا يوجد organization بهذا المعرّف/,
    );
  });
});

describe('import errors: all or nothing, each record named with its reason', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
    await loadAleppoSeed(h.db, now);
  });
  afterAll(() => h.close());

  const org = { id: '11111111-1111-4111-8111-111111111111', name: 'Org', description: 'd' };
  const good = {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'عيادة',
    status: 'active',
    organization: org,
  };

  it('rejects bad records and writes nothing, not even the good ones', async () => {
    const res = await importHsdsJson(
      h.db,
      [
        good,
        { id: 'not-a-uuid', name: 'x', status: 'active', organization: org },
        { id: '33333333-3333-4333-8333-333333333333', name: 'y', status: 'open', organization: org },
        {
          id: '44444444-4444-4444-8444-444444444444',
          name: 'z',
          status: 'active',
          organization_id: '99999999-9999-4999-8999-999999999999',
        },
        {
          id: '55555555-5555-4555-8555-555555555555',
          name: 'w',
          status: 'active',
          organization: org,
          service_at_locations: [
            {
              id: '66666666-6666-4666-8666-666666666666',
              location: {
                id: '77777777-7777-4777-8777-777777777777',
                location_type: 'physical',
                external_identifier: 'C9999',
                external_identifier_type: 'ocha_pcode',
              },
            },
          ],
          phones: [{ id: '88888888-8888-4888-8888-888888888888' }],
          email: 'not an email',
        },
      ],
      opts,
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(lines(res.problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^JSON \[1\] \(service not-a-uuid "x"\): id — must be a UUID \(«not-a-uuid»\)/),
        expect.stringMatching(
          /^JSON \[2\] .*status — must be one of: active, inactive, defunct, temporarily closed \(«open»\)/,
        ),
        expect.stringMatching(/^JSON \[3\] .*organization_id — no organization has this id.*\(«99999999/),
        expect.stringMatching(/^JSON \[4\] .*email — must be an e-mail address \(«not an email»\)/),
        expect.stringMatching(/^JSON \[4\]\.phones\[0\] .*number — is required/),
      ]),
    );
    expect(lines(res.problems, ar)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^JSON \[1\] .*id — يجب أن يكون معرّفاً بصيغة UUID/),
        expect.stringMatching(/^JSON \[4\]\.phones\[0\] .*number — حقل مطلوب/),
      ]),
    );
    expect(await count(h, 'svc_services')).toBe(0);
    expect(await count(h, 'svc_organizations')).toBe(0);
  });

  it('names an unknown P-code', async () => {
    const res = await importHsdsJson(
      h.db,
      {
        ...good,
        service_areas: [{ id: '99999999-0000-4000-8000-000000000001', extent: 'C0000', extent_type: 'ocha_pcode' }],
      },
      opts,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(lines(res.problems)[0]).toMatch(/extent — is not a P-code in the gazetteer \(«C0000»\)/);
  });

  it('refuses the same object given twice with different content', async () => {
    const phone = { id: '12121212-1212-4212-8212-121212121212', number: '+963 1' };
    const res = await importHsdsJson(
      h.db,
      { ...good, phones: [phone], organization: { ...org, phones: [{ ...phone, number: '+963 2' }] } },
      opts,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(lines(res.problems).join()).toMatch(/number — is given again with a different value/);
  });

  it('refuses what is not HSDS at all', async () => {
    const res = await importHsdsJson(h.db, { hello: 'world' }, opts);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(lines(res.problems)).toEqual([expect.stringMatching(/^JSON: is not HSDS: expected an array of services/)]);
    expect(lines(res.problems, ar)).toEqual([expect.stringMatching(/^JSON: ليس بمعيار HSDS/)]);
  });

  it('matches an existing organization by name instead of duplicating it', async () => {
    expect(await importHsdsJson(h.db, good, opts)).toMatchObject({ ok: true });
    const again = {
      ...good,
      id: 'abababab-abab-4bab-8bab-abababababab',
      organization: { ...org, id: 'cdcdcdcd-cdcd-4dcd-8dcd-cdcdcdcdcdcd' },
    };
    expect(await importHsdsJson(h.db, again, opts)).toMatchObject({ ok: true });
    expect(await count(h, 'svc_organizations')).toBe(1);
    const s = await h.db
      .selectFrom('svc_services')
      .select('organization_id')
      .where('id', '=', again.id)
      .executeTakeFirstOrThrow();
    expect(s.organization_id).toBe(org.id);
  });

  it('keeps Arabic and English per field through the Wasl profile', async () => {
    const bilingual = {
      id: 'efefefef-efef-4fef-8fef-efefefefefef',
      name: 'دعم نفسي',
      status: 'active',
      translations: { ar: { name: 'دعم نفسي' }, en: { name: 'Psychosocial support' } },
      organization: org,
    };
    expect(await importHsdsJson(h.db, bilingual, opts)).toMatchObject({ ok: true });
    const row = await h.db
      .selectFrom('svc_services')
      .selectAll()
      .where('id', '=', bilingual.id)
      .executeTakeFirstOrThrow();
    expect([row.name_ar, row.name_en]).toEqual(['دعم نفسي', 'Psychosocial support']);
    const bad = await importHsdsJson(h.db, { ...bilingual, translations: { en: { nickname: 'x' } } }, opts);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(lines(bad.problems)[0]).toMatch(/translations\.en\.nickname — is not a translatable field/);
  });

  it('the tabular data package exports, imports into an empty database and exports again equal', async () => {
    const files = await exportTabular(h.db);
    const json = await exportAllServices(h.db);
    // Empty the directory (one database per test file: a second Postgres schema in the same
    // process would confuse the migrator), then import the package into it.
    for (const table of [
      'svc_feedback',
      'svc_attributes',
      'svc_languages',
      'svc_phones',
      'svc_contacts',
      'svc_schedules',
      'svc_cost_options',
      'svc_service_areas',
      'svc_required_documents',
      'svc_service_at_locations',
      'svc_addresses',
      'svc_services',
      'svc_locations',
      'svc_organizations',
    ])
      await h.db.deleteFrom(table as 'svc_services').execute();
    await h.db.deleteFrom('search_documents').execute();
    const res = await importCollected(h.db, collectTabular(files), opts);
    expect(res).toMatchObject({ ok: true });
    const again = await exportTabular(h.db);
    for (const [name, text] of files) if (name !== 'datapackage.json') expect(again.get(name), name).toBe(text);
    expect(await exportAllServices(h.db)).toEqual(json);
  });

  it('the HXL sheet neutralizes formulas', async () => {
    await importHsdsJson(
      h.db,
      {
        ...good,
        id: 'fafafafa-fafa-4afa-8afa-fafafafafafa',
        name: '=HYPERLINK("http://evil")',
        phones: [{ id: 'fbfbfbfb-fbfb-4bfb-8bfb-fbfbfbfbfbfb', number: '+963 21 000' }],
      },
      opts,
    );
    const rows = await hxlRows(h.db);
    expect(rows[1]).toContain('#adm4 +code');
    const evil = rows.find((r) => r.includes('fafafafa-fafa-4afa-8afa-fafafafafafa'))!;
    expect(evil).toContain(`=HYPERLINK("http://evil")`); // neutralized when written, by toCsv
  });

  describe('an older package (HSDS 2.x CSV, ids that are not UUIDs)', () => {
    const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
    const legacy = (): Map<string, string> =>
      new Map([
        [
          'organizations.csv',
          csv([
            ['id', 'name', 'description', 'url'],
            ['org-1', 'Legacy Org', '', 'https://example.org'],
          ]),
        ],
        [
          'services.csv',
          csv([
            ['id', 'organization_id', 'name', 'status'],
            ['svc-1', 'org-1', 'Food bank', ' Active '],
          ]),
        ],
        [
          'locations.csv',
          csv([
            ['id', 'organization_id', 'name'],
            ['loc-1', 'org-1', 'Hall'],
          ]),
        ],
        [
          'services_at_location.csv',
          csv([
            ['id', 'service_id', 'location_id'],
            ['sal-1', 'svc-1', 'loc-1'],
          ]),
        ],
        [
          'regular_schedules.csv',
          csv([
            ['id', 'service_id', 'weekday', 'opens_at', 'closes_at'],
            ['sch-1', 'svc-1', 'Monday', '9:00', '5 PM'],
          ]),
        ],
        [
          'phones.csv',
          csv([
            ['id', 'service_id', 'number', 'language'],
            ['ph-1', 'svc-1', '555-1234', 'en'],
          ]),
        ],
      ]);

    it('imports as HSDS 3.0, keeping the ids as given, and updates the same records when imported again', async () => {
      const services = await count(h, 'svc_services');
      const res = await importCollected(h.db, collectTabular(legacy(), { source: 'city' }), opts);
      expect(res.ok ? res.counts.service : lines(res.problems)).toEqual({ inserted: 1, updated: 0 });
      const svc = await h.db
        .selectFrom('svc_services')
        .selectAll()
        .where('name_en', '=', 'Food bank')
        .executeTakeFirstOrThrow();
      expect(svc.status).toBe('active');
      expect(JSON.parse(svc.extra as string)).toMatchObject({ original_id: 'svc-1' });
      const sched = await h.db.selectFrom('svc_schedules').selectAll().where('service_id', '=', svc.id).execute();
      expect(sched.map((x) => [x.byday, x.opens_at, x.closes_at])).toEqual([['MO', '09:00', '17:00']]);
      expect(await count(h, 'svc_service_at_locations')).toBeGreaterThan(0);
      const again = await importCollected(h.db, collectTabular(legacy(), { source: 'city' }), opts);
      expect(again.ok ? again.counts.service : lines(again.problems)).toEqual({ inserted: 0, updated: 1 });
      expect(await count(h, 'svc_services')).toBe(services + 1);
    });

    it('a bad row is named with its file, line and field, in English and Arabic, and nothing is imported', async () => {
      const services = await count(h, 'svc_services');
      const files = legacy();
      files.set(
        'services.csv',
        csv([
          ['id', 'organization_id', 'name', 'status'],
          ['svc-2', 'org-2', 'Clinic', 'open'],
        ]),
      );
      files.set(
        'organizations.csv',
        csv([
          ['id', 'name', 'url'],
          ['org-2', 'Other Org', 'https://example.net'],
        ]),
      );
      files.set(
        'regular_schedules.csv',
        csv([
          ['id', 'service_id', 'weekday'],
          ['sch-2', 'svc-2', 'Someday'],
        ]),
      );
      files.set('extra_notes.csv', csv([['id'], ['1']]));
      const res = await importCollected(h.db, collectTabular(files), opts);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(lines(res.problems)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^services\.csv line 2 \(service svc-2 "Clinic"\): status — must be one of: active.*\(«open»\)/,
          ),
          expect.stringMatching(/^regular_schedules\.csv line 2: weekday — is not a day of the week \(«Someday»\)/),
          expect.stringMatching(/^extra_notes\.csv: is not a file of an older HSDS package/),
          // A reference is named by the id as the file gave it.
          expect.stringMatching(
            /^locations\.csv line 2 \(location loc-1 "Hall"\): organization_id — no organization has this id.*\(«org-1»\)/,
          ),
        ]),
      );
      expect(lines(res.problems, ar)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^services\.csv line 2 .*status — يجب أن يكون أحد: active.*\(«open»\)/),
          expect.stringMatching(/^regular_schedules\.csv line 2: weekday — ليس يوماً من أيام الأسبوع \(«Someday»\)/),
        ]),
      );
      expect(await count(h, 'svc_services')).toBe(services);
    });
  });
});

void os;
