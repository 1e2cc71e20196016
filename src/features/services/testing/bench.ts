// Paths for the lead's load and page-weight bench (run after the demo seed): a search results
// page with a town, and a service's page.
import type { Db } from '../../../core/db/index.js';
import { servicePath } from '../queries.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const paths = [
    { name: 'services search', path: `/services?q=${encodeURIComponent('عيادة مجانية')}&town=C1564` },
    { name: 'services list', path: '/services' },
  ];
  const service = await db
    .selectFrom('svc_services')
    .select(['id', 'name_ar', 'name_en'])
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .orderBy('id')
    .executeTakeFirst();
  if (service) paths.push({ name: 'service page', path: encodeURI(servicePath(service)) });
  return paths;
}
