// HSDS 3.0 → rows, all or nothing.
//
// 1. hsds/collect.ts walks the records (JSON, or the tabular package's rows) and flattens them
//    into rows; each problem is reported with the record it belongs to.
// 2. Check references (organizations, locations, taxonomy terms, P-codes) against the rows and
//    the database.
// 3. Match what already exists: same id, or an organization with the same name, a location with
//    the same name in the same town, a taxonomy term with the same code (or name) in the same
//    taxonomy. Matched records are updated, not duplicated.
// 4. Write everything in one transaction, replace the child lists a record brought with it, and
//    index the services for search. If anything was rejected, nothing is written.
import type { Db } from '../../../core/db/index.js';
import { flag, toJson } from '../../../core/db/helpers.js';
import { SPECS, PCODE_EXTENT_TYPE, TABLE_ORDER, type ObjectName } from './spec.js';
import { collectJson, type Collector } from './collect.js';
import type { Problem } from './problems.js';

type Row = Record<string, unknown>;

/** Rows written between two turns given to the event loop. */
const YIELD_EVERY = 100;
/** Written row by row: extra work per row, or rows that may refer to rows of the same table. */
const ONE_BY_ONE = new Set<ObjectName>(['organization', 'service', 'taxonomy', 'taxonomy_term']);
/** Bound parameters in one multi-row insert (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_PARAMS = 30_000;

export type Counts = Partial<Record<ObjectName, { inserted: number; updated: number; removed?: number }>>;
export type ImportResult =
  | {
      ok: true;
      counts: Counts;
      serviceIds: string[];
      /** references the file made to records it does not carry, found in the directory, by kind */
      linkedExisting: Partial<Record<ObjectName, number>>;
    }
  | { ok: false; problems: Problem[] };

/** When a record brings one of these lists, children of that kind it no longer lists are removed. */
const REPLACED: Partial<Record<ObjectName, Record<string, [ObjectName, string]>>> = {
  service: {
    phones: ['phone', 'service_id'],
    schedules: ['schedule', 'service_id'],
    service_areas: ['service_area', 'service_id'],
    service_at_locations: ['service_at_location', 'service_id'],
    languages: ['language', 'service_id'],
    cost_options: ['cost_option', 'service_id'],
    required_documents: ['required_document', 'service_id'],
    contacts: ['contact', 'service_id'],
    attributes: ['attribute', 'link_id'],
  },
  organization: {
    contacts: ['contact', 'organization_id'],
    phones: ['phone', 'organization_id'],
    attributes: ['attribute', 'link_id'],
  },
  location: {
    languages: ['language', 'location_id'],
    addresses: ['address', 'location_id'],
    contacts: ['contact', 'location_id'],
    phones: ['phone', 'location_id'],
    schedules: ['schedule', 'location_id'],
    attributes: ['attribute', 'link_id'],
  },
  service_at_location: {
    contacts: ['contact', 'service_at_location_id'],
    phones: ['phone', 'service_at_location_id'],
    schedules: ['schedule', 'service_at_location_id'],
    attributes: ['attribute', 'link_id'],
  },
  contact: { phones: ['phone', 'contact_id'] },
  phone: { languages: ['language', 'phone_id'] },
};
/** Tables whose rows may hang from several parents: unlinked first, deleted once they hang from none. */
const MULTI_LINK: Partial<Record<ObjectName, string[]>> = {
  phone: ['location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id'],
  contact: ['organization_id', 'service_id', 'service_at_location_id', 'location_id'],
  language: ['service_id', 'location_id', 'phone_id'],
  schedule: ['service_id', 'location_id', 'service_at_location_id'],
};

const CHUNK = 300;
async function existingIds(db: Db, table: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table as 'svc_services')
      .select('id')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

const norm = (s: unknown) => (typeof s === 'string' ? s.trim().toLowerCase().replace(/\s+/g, ' ') : '');

/** References, P-codes and matching against what the database already has. Mutates the rows' ids. */
async function resolve(db: Db, c: Collector): Promise<Map<ObjectName, number>> {
  const remap = new Map<string, string>();
  // Organizations by name.
  const orgs = [...c.rows.organization.values()];
  const knownOrgs = await existingIds(
    db,
    'svc_organizations',
    orgs.map((o) => o.id as string),
  );
  const newOrgs = orgs.filter((o) => !knownOrgs.has(o.id as string));
  if (newOrgs.length) {
    const all = await db.selectFrom('svc_organizations').select(['id', 'name_ar', 'name_en']).execute();
    for (const o of newOrgs) {
      const match = all.find(
        (e) => (o.name_ar && norm(e.name_ar) === norm(o.name_ar)) || (o.name_en && norm(e.name_en) === norm(o.name_en)),
      );
      if (match) remap.set(o.id as string, match.id);
    }
  }
  // Taxonomies by name, terms by code (or name) within their taxonomy.
  const taxes = [...c.rows.taxonomy.values()];
  const knownTax = await existingIds(
    db,
    'svc_taxonomies',
    taxes.map((t) => t.id as string),
  );
  if (taxes.some((t) => !knownTax.has(t.id as string))) {
    const all = await db.selectFrom('svc_taxonomies').select(['id', 'name_ar', 'name_en', 'uri']).execute();
    for (const t of taxes.filter((x) => !knownTax.has(x.id as string))) {
      const match = all.find(
        (e) =>
          (t.uri && e.uri === t.uri) ||
          (t.name_en && norm(e.name_en) === norm(t.name_en)) ||
          (t.name_ar && norm(e.name_ar) === norm(t.name_ar)),
      );
      if (match) remap.set(t.id as string, match.id);
    }
  }
  const terms = [...c.rows.taxonomy_term.values()];
  const knownTerms = await existingIds(
    db,
    'svc_taxonomy_terms',
    terms.map((t) => t.id as string),
  );
  if (terms.some((t) => !knownTerms.has(t.id as string))) {
    const all = await db
      .selectFrom('svc_taxonomy_terms')
      .select(['id', 'code', 'name_en', 'name_ar', 'taxonomy_id'])
      .execute();
    for (const t of terms.filter((x) => !knownTerms.has(x.id as string))) {
      const tax = t.taxonomy_id ? (remap.get(t.taxonomy_id as string) ?? t.taxonomy_id) : null;
      const match = all.find(
        (e) =>
          e.taxonomy_id === tax &&
          ((t.code && e.code === t.code) ||
            (!t.code &&
              ((t.name_en && norm(e.name_en) === norm(t.name_en)) ||
                (t.name_ar && norm(e.name_ar) === norm(t.name_ar))))),
      );
      if (match) remap.set(t.id as string, match.id);
    }
  }
  // Locations: same name in the same town (or at the same coordinates).
  const locs = [...c.rows.location.values()];
  const knownLocs = await existingIds(
    db,
    'svc_locations',
    locs.map((l) => l.id as string),
  );
  if (locs.some((l) => !knownLocs.has(l.id as string))) {
    const all = await db
      .selectFrom('svc_locations')
      .select(['id', 'name_ar', 'name_en', 'town_pcode', 'latitude', 'longitude'])
      .execute();
    for (const l of locs.filter((x) => !knownLocs.has(x.id as string))) {
      const sameName = (e: (typeof all)[number]) =>
        (l.name_ar && norm(e.name_ar) === norm(l.name_ar)) || (l.name_en && norm(e.name_en) === norm(l.name_en));
      const match = all.find(
        (e) =>
          sameName(e) &&
          ((l.town_pcode && e.town_pcode === l.town_pcode) ||
            (l.latitude != null && e.latitude === l.latitude && e.longitude === l.longitude)),
      );
      if (match) remap.set(l.id as string, match.id);
    }
  }
  if (remap.size) {
    for (const name of Object.keys(c.rows) as ObjectName[]) {
      const fks = ['id', ...SPECS[name].fields.filter((f) => f.fk || f.name === 'parent_id').map((f) => f.name)];
      const map = c.rows[name];
      for (const [key, row] of [...map]) {
        for (const col of fks)
          if (typeof row[col] === 'string' && remap.has(row[col] as string)) row[col] = remap.get(row[col] as string);
        if (row.id !== key) {
          map.delete(key);
          map.set(row.id as string, row);
          const p = c.present.get(key);
          if (p) {
            c.present.delete(key);
            c.present.set(row.id as string, p);
          }
        }
      }
    }
  }

  // References must lead somewhere.
  const refs: [ObjectName, string, ObjectName][] = [
    ['service', 'organization_id', 'organization'],
    ['service_at_location', 'service_id', 'service'],
    ['service_at_location', 'location_id', 'location'],
    ['location', 'organization_id', 'organization'],
    ['address', 'location_id', 'location'],
    ['attribute', 'taxonomy_term_id', 'taxonomy_term'],
    ['taxonomy_term', 'taxonomy_id', 'taxonomy'],
    ['contact', 'organization_id', 'organization'],
    ['contact', 'service_id', 'service'],
    ['contact', 'location_id', 'location'],
    ['contact', 'service_at_location_id', 'service_at_location'],
    ['phone', 'organization_id', 'organization'],
    ['phone', 'service_id', 'service'],
    ['phone', 'location_id', 'location'],
    ['phone', 'contact_id', 'contact'],
    ['phone', 'service_at_location_id', 'service_at_location'],
    ['schedule', 'service_id', 'service'],
    ['schedule', 'location_id', 'location'],
    ['schedule', 'service_at_location_id', 'service_at_location'],
    ['language', 'service_id', 'service'],
    ['language', 'location_id', 'location'],
    ['language', 'phone_id', 'phone'],
    ['cost_option', 'service_id', 'service'],
    ['service_area', 'service_id', 'service'],
    ['required_document', 'service_id', 'service'],
  ];
  const linked = new Map<ObjectName, Set<string>>();
  for (const [name, col, target] of refs) {
    const wanted = [
      ...new Set([...c.rows[name].values()].map((r) => r[col] as string | null).filter((v): v is string => !!v)),
    ];
    const missing = wanted.filter((id) => !c.rows[target].has(id));
    if (!missing.length) continue;
    const found = await existingIds(db, SPECS[target].table, missing);
    const seen = linked.get(target) ?? new Set<string>();
    for (const id of found) seen.add(id);
    linked.set(target, seen);
    for (const r of c.rows[name].values()) {
      const ref = r[col] as string | null;
      if (ref && !c.rows[target].has(ref) && !found.has(ref))
        c.rejectRow(name, r.id as string, 'noSuchRecord', {
          field: col,
          value: c.given.get(ref) ?? ref,
          params: { target },
        });
    }
  }
  // Service areas that name a P-code, and locations in a town, must name a real one.
  for (const a of c.rows.service_area.values()) {
    if (a.extent_type === PCODE_EXTENT_TYPE && typeof a.extent === 'string') a.town_pcode = a.extent.toUpperCase();
  }
  const pcodes = [
    ...new Set(
      [...c.rows.location.values(), ...c.rows.service_area.values()]
        .map((r) => r.town_pcode as string | undefined)
        .filter((p): p is string => !!p),
    ),
  ];
  const knownTowns = new Set<string>();
  for (let i = 0; i < pcodes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('towns')
      .select('pcode')
      .where('pcode', 'in', pcodes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) knownTowns.add(r.pcode);
  }
  for (const [name, rows] of [
    ['location', c.rows.location],
    ['service_area', c.rows.service_area],
  ] as const) {
    for (const r of rows.values()) {
      if (r.town_pcode && !knownTowns.has(r.town_pcode as string))
        c.rejectRow(name, r.id as string, 'unknownPcode', {
          field: name === 'location' ? 'external_identifier' : 'extent',
          value: r.town_pcode as string,
        });
    }
  }
  return new Map([...linked].map(([k, v]) => [k, v.size]));
}

function isFree(costs: Row[]): number {
  return flag(costs.length > 0 && costs.every((c) => c.amount === 0));
}

/** Validates and writes; nothing is written when anything is rejected. */
export async function importCollected(
  db: Db,
  c: Collector,
  opts: {
    now: Date;
    networkId: number | null;
    reindex: (db: Db, serviceIds: string[]) => Promise<void>;
    /** told how many records are written so far, of how many (for a progress page) */
    onProgress?: (written: number, total: number) => void;
  },
): Promise<ImportResult> {
  const linkedExisting = Object.fromEntries(await resolve(db, c));
  if (c.problems.length) return { ok: false, problems: c.problems };
  const iso = opts.now.toISOString();
  const counts: Counts = {};
  const serviceIds = new Set<string>(c.rows.service.keys());
  const total = TABLE_ORDER.reduce((n, name) => n + c.rows[name].size, 0);
  let written = 0;
  const wrote = (n: number) => {
    written += n;
    opts.onProgress?.(written, total);
  };
  opts.onProgress?.(0, total);

  await db.transaction().execute(async (trx) => {
    const members =
      c.rows.organization.size > 0
        ? await trx.selectFrom('organizations').select(['id', 'name_ar', 'name_en']).execute()
        : [];
    const linkedMembers = new Set(
      (
        await trx
          .selectFrom('svc_organizations')
          .select('member_org_id')
          .where('member_org_id', 'is not', null)
          .execute()
      ).map((r) => r.member_org_id),
    );
    const existedBefore = new Map<ObjectName, Set<string>>();
    for (const name of TABLE_ORDER) {
      const spec = SPECS[name];
      const rows = [...c.rows[name].values()];
      if (!rows.length) continue;
      const existing = await existingIds(
        trx,
        spec.table,
        rows.map((r) => r.id as string),
      );
      counts[name] = { inserted: rows.length - existing.size, updated: existing.size };
      existedBefore.set(name, existing);
      // New rows of the same columns go in together, many per statement (one round trip, not one
      // per row); rows that exist already are updated one by one below.
      const fresh = new Map<string, Row[]>();
      const batched = !ONE_BY_ONE.has(name);
      for (const r of rows) {
        if (existing.has(r.id as string) || !batched) continue;
        const values: Row = { ...r, extra: toJson(r.extra ?? {}) };
        if (name === 'location') {
          values.updated_at = iso;
          values.created_at = iso;
        }
        const key = Object.keys(values).sort().join(',');
        const group = fresh.get(key);
        if (group) group.push(values);
        else fresh.set(key, [values]);
      }
      for (const [key, group] of fresh) {
        const per = Math.max(1, Math.floor(MAX_PARAMS / key.split(',').length));
        for (let i = 0; i < group.length; i += per) {
          await trx
            .insertInto(spec.table as 'svc_services')
            .values(group.slice(i, i + per) as never)
            .execute();
          wrote(Math.min(per, group.length - i));
          // A large import gives the event loop a turn now and then, so other requests are answered.
          await new Promise((done) => setImmediate(done));
        }
      }
      for (const [i, r] of rows.entries()) {
        if (!existing.has(r.id as string) && batched) continue;
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((done) => setImmediate(done));
        const values: Row = { ...r, extra: toJson(r.extra ?? {}) };
        if (name === 'organization') {
          values.updated_at = iso;
          values.created_at = iso;
          if (!existing.has(r.id as string)) {
            values.network_id = opts.networkId;
            const member = members.find(
              (m) =>
                (r.name_ar && norm(m.name_ar) === norm(r.name_ar)) ||
                (r.name_en && norm(m.name_en) === norm(r.name_en)),
            );
            values.member_org_id = member && !linkedMembers.has(member.id) ? member.id : null;
            if (member) linkedMembers.add(member.id);
          }
        } else if (name === 'location') {
          values.updated_at = iso;
          values.created_at = iso;
        } else if (name === 'service') {
          values.is_free = isFree([...c.rows.cost_option.values()].filter((x) => x.service_id === r.id));
          values.verified_at = r.assured_date ? `${r.assured_date as string}T00:00:00.000Z` : null;
          values.created_at = iso;
        }
        const { id, ...update } = values;
        delete update.created_at;
        if (name === 'organization') {
          delete update.network_id;
          delete update.member_org_id;
        }
        await trx
          .insertInto(spec.table as 'svc_services')
          .values(values as never)
          .onConflict((oc) => oc.column('id').doUpdateSet(update as never))
          .execute();
        wrote(1);
        void id;
      }
    }
    // Lists a record brought replace the ones it had; what goes is counted (the report says so).
    const removed = (name: ObjectName, n: bigint | number) => {
      if (!Number(n)) return;
      const entry = (counts[name] ??= { inserted: 0, updated: 0 });
      entry.removed = (entry.removed ?? 0) + Number(n);
    };
    // Children by parent, read once (not once per parent).
    const childIds = new Map<string, string[]>();
    const indexed = new Set<string>();
    const keepOf = (child: ObjectName, col: string, parentId: string) => {
      if (!indexed.has(`${child}:${col}`)) {
        indexed.add(`${child}:${col}`);
        for (const r of c.rows[child].values()) {
          if (typeof r[col] !== 'string') continue;
          const k = `${child}:${col}:${r[col] as string}`;
          const ids = childIds.get(k);
          if (ids) ids.push(r.id as string);
          else childIds.set(k, [r.id as string]);
        }
      }
      return childIds.get(`${child}:${col}:${parentId}`) ?? [];
    };
    for (const [parentId, { name, keys }] of c.present) {
      // A record new to the directory has no children but those it brought: nothing to replace.
      if (c.rows[name].has(parentId) && !existedBefore.get(name)?.has(parentId)) continue;
      for (const key of keys) {
        const target = REPLACED[name]?.[key];
        if (!target) continue;
        const [child, col] = target;
        const keep = keepOf(child, col, parentId);
        const table = SPECS[child].table as 'svc_phones';
        if (MULTI_LINK[child]) {
          let q = trx
            .updateTable(table)
            .set({ [col]: null } as never)
            .where(col as 'id', '=', parentId);
          if (keep.length) q = q.where('id', 'not in', keep);
          await q.execute();
        } else {
          let q = trx.deleteFrom(table).where(col as 'id', '=', parentId);
          if (keep.length) q = q.where('id', 'not in', keep);
          removed(child, (await q.executeTakeFirst()).numDeletedRows);
        }
      }
    }
    for (const [name, cols] of Object.entries(MULTI_LINK) as [ObjectName, string[]][]) {
      let q = trx.deleteFrom(SPECS[name].table as 'svc_phones');
      for (const col of cols) q = q.where(col as 'id', 'is', null);
      removed(name, (await q.executeTakeFirst()).numDeletedRows);
    }
    // Cost options may have changed for services that were not themselves in the file.
    for (const sid of new Set([...c.rows.cost_option.values()].map((x) => x.service_id as string))) serviceIds.add(sid);
    const costTouched = new Set([...c.rows.cost_option.values()].map((x) => x.service_id as string));
    for (const sid of serviceIds) {
      // A new service's cost options are all in the file: is_free was set when it was written.
      if (c.rows.service.has(sid) && !existedBefore.get('service')?.has(sid) && !costTouched.has(sid)) continue;
      const costs = await trx.selectFrom('svc_cost_options').select('amount').where('service_id', '=', sid).execute();
      await trx
        .updateTable('svc_services')
        .set({ is_free: isFree(costs as Row[]) })
        .where('id', '=', sid)
        .execute();
    }
    // Services whose organization or places changed are re-indexed too.
    const touchedOrgs = [...c.rows.organization.keys()];
    const touchedLocs = [...c.rows.location.keys()];
    if (touchedOrgs.length)
      for (let i = 0; i < touchedOrgs.length; i += CHUNK)
        for (const r of await trx
          .selectFrom('svc_services')
          .select('id')
          .where('organization_id', 'in', touchedOrgs.slice(i, i + CHUNK))
          .execute())
          serviceIds.add(r.id);
    if (touchedLocs.length)
      for (let i = 0; i < touchedLocs.length; i += CHUNK)
        for (const r of await trx
          .selectFrom('svc_service_at_locations')
          .select('service_id')
          .where('location_id', 'in', touchedLocs.slice(i, i + CHUNK))
          .execute())
          serviceIds.add(r.service_id);
    await opts.reindex(trx, [...serviceIds]);
  });
  return { ok: true, counts, serviceIds: [...serviceIds], linkedExisting };
}

export async function importHsdsJson(
  db: Db,
  doc: unknown,
  opts: { now: Date; networkId: number | null; reindex: (db: Db, serviceIds: string[]) => Promise<void> },
): Promise<ImportResult> {
  return importCollected(db, collectJson(doc), opts);
}
