// Paths the load benchmark (bench/) measures for coordination: the public governance page and,
// if the demo has one, the public summary of a meeting that has taken place (before it, the
// summary is no one's outside the network).
import type { Db } from '../../../core/db/index.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const paths = [{ name: 'coordination: governance', path: '/governance' }];
  const meeting = await db
    .selectFrom('coord_meetings')
    .select('id')
    .where('visibility', '=', 'public')
    .where('status', '!=', 'cancelled')
    .where((eb) => eb.or([eb('status', '=', 'held'), eb('ends_at', '<', new Date().toISOString())]))
    .orderBy('starts_at', 'desc')
    .executeTakeFirst();
  if (meeting) paths.push({ name: 'coordination: public meeting summary', path: `/meetings/${meeting.id}` });
  return paths;
}
