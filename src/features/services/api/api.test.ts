// The HSDS API: every response validates against the compiled HSDS 3.0 schemas as patched by the
// Wasl profile (test/fixtures/hsds-3.0); filters combine as AND; NDJSON streams every
// record; bad parameters answer 400 with a message in Arabic and English. SQLite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../testing/app.js';
import { mergePatch, profilePatches } from '../hsds/profile.js';
import { TAXONOMIES, termId } from '../taxonomy.js';
import { HSDS, hsdsExample, importDirectly, servicesWorld } from '../testing/setup.js';
const readSchema = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(HSDS, 'schema', name), 'utf8')) as Record<string, unknown>;

/** Applies the profile's patch to every nested object schema of that name in a compiled schema. */
function patched(schema: unknown, patches: Record<string, Record<string, unknown>>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => patched(s, patches));
  if (!schema || typeof schema !== 'object') return schema;
  let out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) out[k] = patched(v, patches);
  const name = out.name;
  if (typeof name === 'string' && out.properties && patches[name])
    out = mergePatch(out, patches[name]) as Record<string, unknown>;
  return out;
}

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
const patches = profilePatches();
const compiled = new Map<string, ValidateFunction>();
function validator(file: string): ValidateFunction {
  if (!compiled.has(file)) compiled.set(file, ajv.compile(patched(readSchema(file), patches) as object));
  return compiled.get(file)!;
}
/** The per-object schemas (schema/*.json), which $ref each other by file name. */
const baseAjv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(baseAjv);
for (const f of fs.readdirSync(path.join(HSDS, 'schema')))
  if (f.endsWith('.json') && f !== 'openapi.json') baseAjv.addSchema(readSchema(f), f);
const baseValidator = (name: string, patch: Record<string, unknown> | undefined) =>
  baseAjv.compile({ ...(mergePatch(readSchema(`${name}.json`), patch ?? {}) as object), $id: `wasl-${name}.json` });

const pageSchema = (
  JSON.parse(fs.readFileSync(path.join(HSDS, 'schema', 'openapi.json'), 'utf8')) as {
    components: { schemas: { Page: object } };
  }
).components.schemas.Page;
const validPage = ajv.compile({
  allOf: [pageSchema],
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
});

function expectValid(v: ValidateFunction, data: unknown) {
  const ok = v(data);
  expect(ok ? [] : v.errors!.slice(0, 5)).toEqual([]);
}

let t: TestApp;
let ids: Record<string, string>;

beforeAll(async () => {
  const w = await servicesWorld(['noon', 'wathiqa', 'diyaa', 'sanabel', 'amal']);
  t = w.t;
  ids = w.ids;
  // An imported record with no Arabic, and the official example with its postal address.
  const res = await importDirectly(t, hsdsExample('service_full.json'), w.net);
  expect(res.ok).toBe(true);
}, 120_000);
afterAll(() => t.close());

const get = async (url: string) => t.app.inject({ method: 'GET', url });

describe('validates against HSDS 3.0 with the Wasl profile', () => {
  it('GET / declares the version and the profile', async () => {
    const res = await get('/api/hsds');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      version: '3.0',
      profile: expect.stringMatching(/\/api\/hsds\/profile\.json$/),
      openapi_url: expect.stringMatching(/^https:\/\//),
    });
    const profile = (await get('/api/hsds/profile.json')).json();
    expect(profile.schemas.address.required).not.toContain('postal_code');
    expect(profile.schemas.service.properties.translations).toBeDefined();
  });

  it('without the profile, a Wasl address (no postal code) fails the stock schema — with it, passes', async () => {
    const res = await get(`/api/hsds/services/${ids['Free women’s clinic']}`);
    const body = res.json();
    const address = body.service_at_locations[0].location.addresses[0];
    expect(address.postal_code).toBeUndefined();
    expect(address.translations.ar.city).toBe('أعزاز');
    const stock = baseAjv.getSchema('address.json')!;
    expect(stock(address)).toBe(false);
    expect(stock.errors!.map((e) => e.params)).toContainEqual({ missingProperty: 'postal_code' });
    expectValid(baseValidator('address', patches.address), address);
  });

  it('/services/{id} (a Wasl service, and the official example)', async () => {
    for (const id of [
      ids['Free women’s clinic'],
      ids['Mobile legal-aid team'],
      'ac148810-d857-441c-9679-408f346de14b',
    ]) {
      const res = await get(`/api/hsds/services/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expectValid(validator('compiled/service.json'), res.json());
    }
    const clinic = (await get(`/api/hsds/services/${ids['Free women’s clinic']}`)).json();
    expect(clinic.translations.en.name).toBe('Free women’s clinic');
    expect(clinic.schedules.some((s: { closed?: boolean }) => s.closed)).toBe(true);
    expect(clinic.service_at_locations[0].location.external_identifier).toBe('C1564');
    expect(clinic.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)).toEqual(
      expect.arrayContaining(['health', 'women']),
    );
  });

  it('/services, /organizations, /service_at_locations: pages of list items', async () => {
    for (const [url, schema] of [
      ['/api/hsds/services?per_page=5', 'compiled/service_list.json'],
      ['/api/hsds/organizations', 'compiled/organization_list.json'],
      ['/api/hsds/service_at_locations?per_page=100', 'compiled/service_at_location_list.json'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expectValid(validPage, body);
      expect(body.contents.length).toBeGreaterThan(0);
      for (const item of body.contents) expectValid(validator(schema), item);
    }
    const total = (await get('/api/hsds/services?per_page=5')).json().total_items as number;
    expect(total).toBeGreaterThan(5);
    const page2 = (await get('/api/hsds/services?per_page=5&page=2')).json();
    expect(page2).toMatchObject({
      page_number: 2,
      first_page: false,
      size: Math.min(5, total - 5),
      total_pages: Math.ceil(total / 5),
    });
  });

  it('/organizations/{id} and /service_at_locations/{id}', async () => {
    const orgs = (await get('/api/hsds/organizations')).json().contents as { id: string }[];
    for (const o of orgs) {
      const res = await get(`/api/hsds/organizations/${o.id}`);
      expect(res.statusCode).toBe(200);
      expectValid(validator('compiled/organization.json'), res.json());
    }
    const sals = (await get('/api/hsds/service_at_locations?per_page=100')).json().contents as { id: string }[];
    const one = await get(`/api/hsds/service_at_locations/${sals[0]!.id}`);
    expectValid(validator('compiled/service_at_location.json'), one.json());
  });

  it('/taxonomies and /taxonomy_terms', async () => {
    const tax = (await get('/api/hsds/taxonomies')).json();
    expectValid(validPage, tax);
    const vt = baseValidator('taxonomy', patches.taxonomy);
    for (const x of tax.contents) expectValid(vt, x);
    const terms = (await get(`/api/hsds/taxonomy_terms?taxonomy_id=${TAXONOMIES.groups.id}&per_page=100`)).json();
    expectValid(validPage, terms);
    expect(terms.total_items).toBe(8);
    const v = baseValidator('taxonomy_term', patches.taxonomy_term);
    for (const x of terms.contents) expectValid(v, x);
    expect(terms.contents[0].translations.en.name).toBeTruthy();
  });
});

describe('parameters', () => {
  it('combine as AND: organization, taxonomy term, search, modified_after', async () => {
    const clinic = (await get(`/api/hsds/services/${ids['Free women’s clinic']}`)).json();
    const orgId = clinic.organization.id;
    const health = termId('categories', 'health');
    const women = termId('groups', 'women');
    const all = (await get(`/api/hsds/services?organization_id=${orgId}&per_page=100`)).json();
    expect(all.total_items).toBe(2);
    const both = (await get(`/api/hsds/services?organization_id=${orgId}&taxonomy_term_id=${health}`)).json();
    expect(both.contents.map((s: { id: string }) => s.id)).toEqual([ids['Free women’s clinic']]);
    const none = (
      await get(`/api/hsds/services?organization_id=${orgId}&taxonomy_term_id=${termId('categories', 'education')}`)
    ).json();
    expect(none).toMatchObject({ total_items: 0, empty: true, contents: [] });
    const searched = (
      await get(`/api/hsds/services?search=${encodeURIComponent('عيادة')}&taxonomy_term_id=${women}`)
    ).json();
    expect(searched.contents.map((s: { id: string }) => s.id)).toEqual([ids['Free women’s clinic']]);
    const later = (await get('/api/hsds/services?modified_after=2030-01-01T00:00:00Z')).json();
    expect(later.total_items).toBe(0);
    const sals = (await get(`/api/hsds/service_at_locations?organization_id=${orgId}&per_page=100`)).json();
    expect(sals.total_items).toBe(2);
  });

  it('format=ndjson streams every record, one a line, without pages', async () => {
    const total = (await get('/api/hsds/services?per_page=1')).json().total_items;
    const res = await get('/api/hsds/services?format=ndjson&per_page=1');
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.trim().split('\n');
    expect(lines.length).toBe(total);
    for (const line of lines) expectValid(validator('compiled/service_list.json'), JSON.parse(line));
  });

  it('bad or unknown parameters answer 400 in Arabic and English', async () => {
    for (const url of [
      '/api/hsds/services?per_page=0',
      '/api/hsds/services?per_page=1000',
      '/api/hsds/services?page=abc',
      '/api/hsds/services?organization_id=123',
      '/api/hsds/services?modified_after=yesterday',
      '/api/hsds/services?format=xml',
      '/api/hsds/services?colour=blue',
      '/api/hsds/taxonomies?organization_id=a1a1a1a1-a1a1-41a1-81a1-a1a1a1a1a1a1',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json();
      expect(body.error).toMatch(/^services\.api\./);
      expect(body.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(body.message.en).toMatch(/[a-z]/);
    }
    expect((await get('/api/hsds/services/not-a-uuid')).statusCode).toBe(404);
    expect((await get('/api/hsds/services/00000000-0000-4000-8000-000000000000')).json().message.en).toBeTruthy();
  });

  it('is read-only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/hsds/services', payload: {} });
    expect([404, 405]).toContain(res.statusCode);
  });
});

describe('what is published', () => {
  it('an inactive or defunct service is its organization’s own: not in any list, item, organization or HXL row', async () => {
    const hidden = 'f6f6f6f6-f6f6-46f6-86f6-f6f6f6f6f6f6';
    const org = 'a7a7a7a7-a7a7-47a7-87a7-a7a7a7a7a7a7';
    for (const status of ['inactive', 'defunct']) {
      await importDirectly(t, {
        id: hidden,
        name: `HIDDEN-${status}`,
        status,
        organization: { id: org, name: 'Quiet org', description: 'x' },
      });
      for (const url of [
        '/api/hsds/services',
        '/api/hsds/services?format=ndjson',
        `/api/hsds/services?search=HIDDEN-${status}`,
        '/api/hsds/service_at_locations',
        `/api/hsds/organizations/${org}`,
        '/api/hsds/export/hxl.csv',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain('HIDDEN-');
      }
      expect((await get(`/api/hsds/services/${hidden}`)).statusCode).toBe(404);
    }
  });
});

describe('HXL export', () => {
  it('tags a 3W sheet with HXL hashtags and neutralizes formulas', async () => {
    await importDirectly(t, {
      id: 'c3c3c3c3-c3c3-43c3-83c3-c3c3c3c3c3c3',
      name: '=cmd|" /C calc"!A0',
      status: 'active',
      organization: { id: 'd4d4d4d4-d4d4-44d4-84d4-d4d4d4d4d4d4', name: '@SUM(1)', description: 'x' },
      service_areas: [{ id: 'e5e5e5e5-e5e5-45e5-85e5-e5e5e5e5e5e5', extent: 'C1643', extent_type: 'ocha_pcode' }],
    });
    const res = await get('/api/hsds/export/hxl.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    for (const tag of [
      '#org',
      '#sector',
      '#adm1 +code',
      '#adm2 +code',
      '#adm3 +code',
      '#adm4 +code',
      '#loc',
      '#geo +lat',
      '#contact',
      '#status',
      '#date',
    ])
      expect(lines[1]).toContain(tag);
    expect(res.body).toContain('SY02');
    expect(res.body).toContain('C1564');
    expect(res.body).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(res.body).toContain(`'@SUM(1)`);
    expect(res.body).toContain(`'+963 944 000 101`);
    expect(res.body).not.toMatch(/(^|,)[=+@-][^,]*/m);
  });
});
