// Pages the load and page-weight benchmark (bench/run.ts) measures for programmes.
import type { Db } from '../../../core/db/index.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const project = await db
    .selectFrom('programme_projects')
    .select('id')
    .where('is_public', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return [
    { name: 'programmes: projects', path: '/projects' },
    ...(project ? [{ name: 'programmes: project page', path: `/projects/${project.id}` }] : []),
    { name: 'programmes: indicators', path: '/indicators' },
  ];
}
