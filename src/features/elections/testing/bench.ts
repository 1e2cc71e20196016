// Pages the site benchmark measures for this feature: the list, a published results page and the
// observer app's shell.
import type { Db } from '../../../core/db/index.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const paths = [{ name: 'elections', path: '/elections' }];
  const withStatement = await db
    .selectFrom('election_statements')
    .select('election_id')
    .where('status', '=', 'published')
    .orderBy('election_id')
    .executeTakeFirst();
  if (withStatement) paths.push({ name: 'election results', path: `/elections/${withStatement.election_id}/results` });
  paths.push({ name: 'observer app shell', path: '/observe/' });
  return paths;
}
