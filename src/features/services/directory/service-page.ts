// A public service as its page shows it, for the page itself and for the feedback forms under it
// (which show the page again when they refuse a submission).
import type { AnyCtx } from '../../../core/http/route.js';
import { notFound } from '../../../core/http/route.js';
import { serviceResource } from '../permissions.js';
import { getServiceOrganization, type ServiceRecord } from '../queries.js';
import { publicService, serviceDetail } from './queries.js';
import type { ServicePageProps } from './views/service.js';

/** Loader: the public service named by :id, or 404. */
export const publicServiceLoader = async (c: AnyCtx): Promise<ServiceRecord> =>
  (await publicService(c.db, c.params.id as string)) ?? notFound();

export async function servicePageProps(c: AnyCtx, service: ServiceRecord): Promise<ServicePageProps> {
  const org = await getServiceOrganization(c.db, service.organization_id);
  const d = await serviceDetail(c.db, service, c.now);
  return {
    service,
    card: d.card,
    org: org ? { name_ar: org.name_ar, name_en: org.name_en, memberOrgId: org.member_org_id } : null,
    placeHours: d.placeHours,
    places: d.places,
    phones: d.phones,
    languages: d.languages,
    documents: d.documents,
    costs: d.costs,
    areas: d.areas,
    canManage: !!org && c.can('manage', serviceResource(org.member_org_id)),
    now: c.now,
  };
}
