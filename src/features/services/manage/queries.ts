// What an organization's staff pages read: its places, a service as its form shows it, the hours
// of a service and its places, and which typed P-codes the gazetteer does not know.
import type { Db } from '../../../core/db/index.js';
import { isSet } from '../../../core/db/helpers.js';
import {
  rulesForPlace,
  schedulesFor,
  servicePath,
  servicePlaces,
  serviceTags,
  type ServiceRecord,
} from '../queries.js';

export async function organizationLocations(db: Db, svcOrgId: string) {
  return db
    .selectFrom('svc_locations as l')
    .leftJoin('towns as t', 't.pcode', 'l.town_pcode')
    .select([
      'l.id',
      'l.name_ar',
      'l.name_en',
      'l.landmark_ar',
      'l.landmark_en',
      'l.town_pcode',
      'l.latitude',
      'l.longitude',
      't.name_ar as town_ar',
      't.name_en as town_en',
    ])
    .where('l.organization_id', '=', svcOrgId)
    .orderBy('l.name_ar')
    .execute();
}
export type ManageLocation = Awaited<ReturnType<typeof organizationLocations>>[number];

/** The P-codes among these that are not in the gazetteer. */
export async function unknownTowns(db: Db, pcodes: string[]): Promise<string[]> {
  if (!pcodes.length) return [];
  const rows = await db.selectFrom('towns').select('pcode').where('pcode', 'in', pcodes).execute();
  const known = new Set(rows.map((r) => r.pcode));
  return pcodes.filter((p) => !known.has(p));
}

/** A saved service in the shape of its form's fields. */
export async function serviceFormValues(db: Db, s: ServiceRecord): Promise<Record<string, unknown>> {
  const serviceId = s.id;
  const [tags, langs, docs, phone, cost, sals, areas] = await Promise.all([
    serviceTags(db, [serviceId]),
    db
      .selectFrom('svc_languages')
      .select('code')
      .where('service_id', '=', serviceId)
      .where('phone_id', 'is', null)
      .execute(),
    db.selectFrom('svc_required_documents').selectAll().where('service_id', '=', serviceId).orderBy('id').execute(),
    db
      .selectFrom('svc_phones')
      .select('number')
      .where('service_id', '=', serviceId)
      .where('service_at_location_id', 'is', null)
      .where('location_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst(),
    db.selectFrom('svc_cost_options').selectAll().where('service_id', '=', serviceId).orderBy('id').executeTakeFirst(),
    db.selectFrom('svc_service_at_locations').select('location_id').where('service_id', '=', serviceId).execute(),
    db.selectFrom('svc_service_areas').select('town_pcode').where('service_id', '=', serviceId).execute(),
  ]);
  const t = tags.get(serviceId)!;
  return {
    name_ar: s.name_ar,
    name_en: s.name_en,
    description_ar: s.description_ar,
    description_en: s.description_en,
    eligibility_ar: s.eligibility_description_ar,
    eligibility_en: s.eligibility_description_en,
    application_ar: s.application_process_ar,
    application_en: s.application_process_en,
    alert_ar: s.alert_ar,
    alert_en: s.alert_en,
    status: s.status,
    categories: t.categories,
    groups: t.groups,
    languages: langs.map((l) => l.code).filter(Boolean),
    cost: isSet(s.is_free) ? 'free' : 'fee',
    fee_amount: cost && cost.amount ? cost.amount : '',
    fee_currency: cost?.currency ?? 'SYP',
    fees_ar: s.fees_description_ar,
    fees_en: s.fees_description_en,
    documents_ar: docs.map((d) => d.document_ar ?? '').join('\n'),
    documents_en: docs.map((d) => d.document_en ?? '').join('\n'),
    phone: phone?.number ?? '',
    email: s.email,
    url: s.url,
    min_age: s.minimum_age ?? '',
    max_age: s.maximum_age ?? '',
    locations: sals.map((x) => x.location_id),
    area: areas
      .map((a) => a.town_pcode)
      .filter(Boolean)
      .join(', '),
  };
}

/** A service's hours: its own entries, then each place's that has any of its own. */
export async function serviceHours(db: Db, s: ServiceRecord) {
  const serviceId = s.id;
  const places = (await servicePlaces(db, [serviceId])).get(serviceId) ?? [];
  const schedules = await schedulesFor(db, [serviceId], new Map([[serviceId, places]]));
  const groups = [
    { place: null, schedules: rulesForPlace(serviceId, null, schedules) },
    ...places.map((p) => ({ place: p, schedules: schedules.bySal.get(p.salId) ?? [] })),
  ].filter((g, i) => i === 0 || g.schedules.length);
  return {
    service: { id: s.id, name_ar: s.name_ar, name_en: s.name_en, href: servicePath(s) },
    groups,
    places,
  };
}
export type ServiceHours = Awaited<ReturnType<typeof serviceHours>>;
