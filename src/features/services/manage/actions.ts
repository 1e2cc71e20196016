// An organization's writes, each in one transaction: a service with its tags, cost, languages,
// documents, phone, places and area; a place; hours; confirmation.
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { damascusOffsetMinutes } from '../../../core/time.js';
import { getOrganization } from '../../organizations/queries.js';
import { indexServices } from '../search-index.js';
import { CATEGORIES, TAXONOMIES, clusterOf, termId } from '../taxonomy.js';
import type { HoursInput, LocationInput, ServiceInput } from '../schemas.js';
import { formatByday, type Weekday } from '../opening-hours.js';
import { PCODE_EXTENT_TYPE } from '../hsds/spec.js';
import type { ServicesTables, SvcPhonesTable } from '../tables.js';

const LANGUAGE_NAMES: Record<string, [string, string]> = {
  ar: ['العربية', 'Arabic'],
  ku: ['الكردية', 'Kurdish'],
  tr: ['التركية', 'Turkish'],
  en: ['الإنجليزية', 'English'],
};

const uuid = () => crypto.randomUUID();

type ServiceChildTable = 'svc_service_at_locations' | 'svc_service_areas' | 'svc_languages' | 'svc_required_documents';

/**
 * New rows of a table hanging from a service, each with a fresh id and no unused HSDS fields
 * (`extra`); no statement when there are none.
 */
async function insertServiceRows<T extends ServiceChildTable>(
  trx: Db,
  table: T,
  serviceId: string,
  rows: Omit<ServicesTables[T], 'id' | 'service_id' | 'extra'>[],
) {
  if (!rows.length) return;
  const values = rows.map((r) => ({ id: uuid(), service_id: serviceId, ...r, extra: '{}' }));
  await trx
    .insertInto(table)
    .values(values as never)
    .execute();
}

/** A phone row hanging from one parent (the other links empty). */
function phoneRow(
  number: string,
  link: Partial<Pick<SvcPhonesTable, 'organization_id' | 'service_id'>>,
): SvcPhonesTable {
  return {
    id: uuid(),
    organization_id: null,
    location_id: null,
    service_id: null,
    contact_id: null,
    service_at_location_id: null,
    ...link,
    number,
    extension: null,
    type: 'voice',
    description_ar: null,
    description_en: null,
    extra: '{}',
  };
}

/** The HSDS organization of a member organization, made from its profile the first time. */
export async function ensureMemberOrganization(db: Db, memberOrgId: number, now: Date): Promise<string> {
  const existing = await db
    .selectFrom('svc_organizations')
    .select('id')
    .where('member_org_id', '=', memberOrgId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const org = await getOrganization(db, memberOrgId);
  if (!org) throw new Error(`services: no member organization ${memberOrgId}`);
  const id = uuid();
  const iso = now.toISOString();
  await db
    .insertInto('svc_organizations')
    .values({
      id,
      network_id: org.network_id,
      member_org_id: org.id,
      name_ar: org.name_ar,
      name_en: org.name_en,
      alternate_name_ar: null,
      alternate_name_en: null,
      description_ar: org.description_ar || org.name_ar,
      description_en: org.description_en || org.name_en,
      email: org.email,
      website: org.website,
      extra: '{}',
      created_at: iso,
      updated_at: iso,
    })
    .onConflict((oc) => oc.column('member_org_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('svc_organizations')
    .select('id')
    .where('member_org_id', '=', memberOrgId)
    .executeTakeFirstOrThrow();
  if (org.phone && row.id === id)
    await db
      .insertInto('svc_phones')
      .values(phoneRow(org.phone, { organization_id: id }))
      .execute();
  return row.id;
}

function lines(text: string | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Creates or updates a service with everything its form holds. Returns its id. */
export async function saveService(
  db: Db,
  opts: { id: string | null; organizationId: string; input: ServiceInput; now: Date },
): Promise<string> {
  const { input: v, now } = opts;
  const iso = now.toISOString();
  const id = opts.id ?? uuid();
  await db.transaction().execute(async (trx) => {
    const values = {
      name_ar: v.name_ar,
      name_en: v.name_en,
      description_ar: v.description_ar,
      description_en: v.description_en,
      eligibility_description_ar: v.eligibility_ar,
      eligibility_description_en: v.eligibility_en,
      application_process_ar: v.application_ar,
      application_process_en: v.application_en,
      alert_ar: v.alert_ar,
      alert_en: v.alert_en,
      fees_description_ar: v.cost === 'fee' ? v.fees_ar : null,
      fees_description_en: v.cost === 'fee' ? v.fees_en : null,
      status: v.status,
      email: v.email,
      url: v.url,
      minimum_age: v.min_age,
      maximum_age: v.max_age,
      is_free: flag(v.cost === 'free'),
      last_modified: iso,
    };
    if (opts.id) {
      await trx.updateTable('svc_services').set(values).where('id', '=', id).execute();
    } else {
      await trx
        .insertInto('svc_services')
        .values({
          ...values,
          id,
          organization_id: opts.organizationId,
          alternate_name_ar: null,
          alternate_name_en: null,
          interpretation_services_ar: null,
          interpretation_services_en: null,
          wait_time_ar: null,
          wait_time_en: null,
          fees_ar: null,
          fees_en: null,
          accreditations_ar: null,
          accreditations_en: null,
          licenses_ar: null,
          licenses_en: null,
          assured_date: iso.slice(0, 10),
          assurer_email: null,
          verified_at: iso,
          extra: '{}',
          created_at: iso,
        })
        .execute();
    }

    // Categories (with their clusters) and target groups, as HSDS attributes.
    const ours = [TAXONOMIES.categories.id, TAXONOMIES.groups.id, TAXONOMIES.clusters.id];
    const ourTerms = trx.selectFrom('svc_taxonomy_terms').select('id').where('taxonomy_id', 'in', ours);
    await trx
      .deleteFrom('svc_attributes')
      .where('link_id', '=', id)
      .where('taxonomy_term_id', 'in', ourTerms)
      .execute();
    const clusters = [...new Set(v.categories.map((c) => clusterOf(c)?.code).filter((c): c is string => !!c))];
    const attrs = [
      ...v.categories.filter((c) => CATEGORIES.some((x) => x.code === c)).map((c) => termId('categories', c)),
      ...clusters.map((c) => termId('clusters', c)),
      ...v.groups.map((g) => termId('groups', g)),
    ].map((t) => ({
      id: uuid(),
      link_id: id,
      taxonomy_term_id: t,
      link_type: null,
      link_entity: 'service',
      value: null,
      extra: '{}',
    }));
    if (attrs.length) await trx.insertInto('svc_attributes').values(attrs).execute();

    // Cost.
    await trx.deleteFrom('svc_cost_options').where('service_id', '=', id).execute();
    await trx
      .insertInto('svc_cost_options')
      .values({
        id: uuid(),
        service_id: id,
        valid_from: null,
        valid_to: null,
        option_ar: v.cost === 'free' ? 'مجاناً' : (v.fees_ar ?? 'رسم'),
        option_en: v.cost === 'free' ? 'Free' : (v.fees_en ?? 'Fee'),
        currency: v.cost === 'free' ? null : v.fee_amount === null ? null : (v.fee_currency ?? 'SYP'),
        amount: v.cost === 'free' ? 0 : v.fee_amount,
        amount_description_ar: null,
        amount_description_en: null,
        extra: '{}',
      })
      .execute();

    // Languages spoken.
    await trx
      .deleteFrom('svc_languages')
      .where('service_id', '=', id)
      .where('location_id', 'is', null)
      .where('phone_id', 'is', null)
      .execute();
    await insertServiceRows(
      trx,
      'svc_languages',
      id,
      v.languages.map((code) => ({
        location_id: null,
        phone_id: null,
        code,
        name_ar: LANGUAGE_NAMES[code]![0],
        name_en: LANGUAGE_NAMES[code]![1],
        note_ar: null,
        note_en: null,
      })),
    );

    // Documents required, one a line, Arabic and English lines paired in order.
    await trx.deleteFrom('svc_required_documents').where('service_id', '=', id).execute();
    const ar = lines(v.documents_ar);
    const en = lines(v.documents_en);
    const docs = Array.from({ length: Math.max(ar.length, en.length) }, (_, i) => ({
      document_ar: ar[i] ?? null,
      document_en: en[i] ?? null,
      uri: null,
    }));
    await insertServiceRows(trx, 'svc_required_documents', id, docs);

    // The service's own phone.
    await trx
      .deleteFrom('svc_phones')
      .where('service_id', '=', id)
      .where('location_id', 'is', null)
      .where('contact_id', 'is', null)
      .where('service_at_location_id', 'is', null)
      .where('organization_id', 'is', null)
      .execute();
    if (v.phone)
      await trx
        .insertInto('svc_phones')
        .values(phoneRow(v.phone, { service_id: id }))
        .execute();

    // Places: only the organization's own; links kept for places still chosen (their hours stay).
    const allowed = new Set(
      (
        await trx.selectFrom('svc_locations').select('id').where('organization_id', '=', opts.organizationId).execute()
      ).map((r) => r.id),
    );
    const chosen = v.locations.filter((l) => allowed.has(l));
    const current = await trx
      .selectFrom('svc_service_at_locations')
      .select(['id', 'location_id'])
      .where('service_id', '=', id)
      .execute();
    const gone = current.filter((c) => !chosen.includes(c.location_id)).map((c) => c.id);
    if (gone.length) {
      await trx.deleteFrom('svc_schedules').where('service_at_location_id', 'in', gone).execute();
      await trx.deleteFrom('svc_service_at_locations').where('id', 'in', gone).execute();
    }
    const fresh = chosen.filter((l) => !current.some((c) => c.location_id === l));
    await insertServiceRows(
      trx,
      'svc_service_at_locations',
      id,
      fresh.map((l) => ({ location_id: l, description_ar: null, description_en: null })),
    );

    // Area covered (mobile teams): community P-codes.
    await trx.deleteFrom('svc_service_areas').where('service_id', '=', id).execute();
    const towns = v.area.length
      ? await trx.selectFrom('towns').select(['pcode', 'name_ar', 'name_en']).where('pcode', 'in', v.area).execute()
      : [];
    await insertServiceRows(
      trx,
      'svc_service_areas',
      id,
      towns.map((t) => ({
        name_ar: t.name_ar,
        name_en: t.name_en,
        description_ar: null,
        description_en: null,
        extent: t.pcode,
        extent_type: PCODE_EXTENT_TYPE,
        uri: null,
        town_pcode: t.pcode,
      })),
    );
    await indexServices(trx, [id]);
  });
  return id;
}

export async function saveLocation(
  db: Db,
  opts: { id: string | null; organizationId: string; input: LocationInput; now: Date },
): Promise<string> {
  const v = opts.input;
  const iso = opts.now.toISOString();
  const id = opts.id ?? uuid();
  const values = {
    name_ar: v.name_ar,
    name_en: v.name_en,
    town_pcode: v.town,
    landmark_ar: v.landmark_ar,
    landmark_en: v.landmark_en,
    latitude: v.latitude,
    longitude: v.longitude,
    updated_at: iso,
  };
  await db.transaction().execute(async (trx) => {
    if (opts.id) await trx.updateTable('svc_locations').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('svc_locations')
        .values({
          ...values,
          id,
          organization_id: opts.organizationId,
          location_type: 'physical',
          url: null,
          alternate_name_ar: null,
          alternate_name_en: null,
          description_ar: null,
          description_en: null,
          transportation_ar: null,
          transportation_en: null,
          external_identifier: null,
          external_identifier_type: null,
          extra: '{}',
          created_at: iso,
        })
        .execute();
    const services = await trx
      .selectFrom('svc_service_at_locations')
      .select('service_id')
      .where('location_id', '=', id)
      .execute();
    if (services.length) {
      await trx
        .updateTable('svc_services')
        .set({ last_modified: iso })
        .where(
          'id',
          'in',
          services.map((s) => s.service_id),
        )
        .execute();
      await indexServices(
        trx,
        services.map((s) => s.service_id),
      );
    }
  });
  return id;
}

/** Adds an opening-hours entry to a service (or to one of its places). */
export async function addHours(
  db: Db,
  opts: { serviceId: string; salId: string | null; input: HoursInput; now: Date },
): Promise<string> {
  const v = opts.input;
  const id = uuid();
  // HSDS `timezone`: the offset in hours on the day the entry was made (Damascus: +3 since 2022).
  const timezone = damascusOffsetMinutes(opts.now) / 60;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('svc_schedules')
      .values({
        id,
        service_id: opts.salId ? null : opts.serviceId,
        service_at_location_id: opts.salId,
        location_id: null,
        valid_from: v.kind === 'weekly' ? null : v.valid_from,
        valid_to: v.kind === 'weekly' ? null : v.valid_to,
        dtstart: null,
        timezone,
        until: null,
        count: null,
        wkst: 'SA',
        freq: v.kind === 'closure' ? null : 'WEEKLY',
        interval: v.kind === 'closure' ? null : 1,
        byday: v.kind === 'closure' ? null : formatByday(v.days as Weekday[]),
        byweekno: null,
        bymonthday: null,
        byyearday: null,
        description_ar: v.label_ar,
        description_en: v.label_en,
        opens_at: v.kind === 'closure' ? null : `${v.opens}:00`,
        closes_at: v.kind === 'closure' ? null : `${v.closes}:00`,
        schedule_link: null,
        attending_type_ar: null,
        attending_type_en: null,
        notes_ar: null,
        notes_en: null,
        closed: flag(v.kind === 'closure'),
        extra: '{}',
      })
      .execute();
    await trx
      .updateTable('svc_services')
      .set({ last_modified: opts.now.toISOString() })
      .where('id', '=', opts.serviceId)
      .execute();
  });
  return id;
}

/** Removes an hours entry of this service (or of one of its places); false if it is not one of them. */
export async function removeHours(db: Db, serviceId: string, scheduleId: string, now: Date): Promise<boolean> {
  const sals = db.selectFrom('svc_service_at_locations').select('id').where('service_id', '=', serviceId);
  const res = await db
    .deleteFrom('svc_schedules')
    .where('id', '=', scheduleId)
    .where((eb) => eb.or([eb('service_id', '=', serviceId), eb('service_at_location_id', 'in', sals)]))
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) return false;
  await db.updateTable('svc_services').set({ last_modified: now.toISOString() }).where('id', '=', serviceId).execute();
  return true;
}

/** "Confirm details": the organization vouches that the service's information is right today. */
export async function confirmService(db: Db, serviceId: string, now: Date, email: string | null): Promise<void> {
  await db
    .updateTable('svc_services')
    .set({ verified_at: now.toISOString(), assured_date: now.toISOString().slice(0, 10), assurer_email: email })
    .where('id', '=', serviceId)
    .execute();
}

export async function deleteService(db: Db, serviceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sals = (
      await trx.selectFrom('svc_service_at_locations').select('id').where('service_id', '=', serviceId).execute()
    ).map((s) => s.id);
    if (sals.length) {
      await trx.deleteFrom('svc_schedules').where('service_at_location_id', 'in', sals).execute();
      await trx.deleteFrom('svc_phones').where('service_at_location_id', 'in', sals).execute();
      await trx.deleteFrom('svc_contacts').where('service_at_location_id', 'in', sals).execute();
    }
    for (const table of ['svc_schedules', 'svc_phones', 'svc_contacts', 'svc_languages'] as const)
      await trx.deleteFrom(table).where('service_id', '=', serviceId).execute();
    for (const table of ['svc_cost_options', 'svc_service_areas', 'svc_required_documents'] as const)
      await trx.deleteFrom(table).where('service_id', '=', serviceId).execute();
    await trx.deleteFrom('svc_attributes').where('link_id', '=', serviceId).execute();
    await trx.deleteFrom('svc_service_at_locations').where('service_id', '=', serviceId).execute();
    await trx.deleteFrom('svc_feedback').where('service_id', '=', serviceId).execute();
    await trx.deleteFrom('svc_services').where('id', '=', serviceId).execute();
    await indexServices(trx, [serviceId]);
  });
}
