// What publishing adds to pages it does not own (listed in the manifest's `sections`): the home
// page's services box, featured and latest items, upcoming events and key figures; a town's
// activities and local issues; an organization's publications.
import type { Section } from '../../../core/views/sections.js';
import { parseId } from '../../../core/http/route.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { LISTED_KINDS, listPublished } from '../queries.js';
import { keyFigures, upcomingActivities } from './queries.js';
import { HomeSection, OrganizationSection, TownSection } from './views/sections.js';

const first = (limit: number) => ({ limit, offset: 0 });

export const publishingSections: Section[] = [
  {
    slot: 'home',
    order: 10,
    async load(req) {
      const { db } = req.server.wasl;
      const now = req.now;
      const network = await getDefaultNetwork(db);
      if (!network) return null;
      const networkId = network.id;
      const [featured, latest, upcoming, figures] = await Promise.all([
        listPublished(db, { networkId, now, featured: true }, first(3)),
        listPublished(db, { networkId, now, kinds: ['activity'] }, first(6)),
        upcomingActivities(db, networkId, now, 3),
        keyFigures(db, networkId, now),
      ]);
      const featuredIds = new Set(featured.items.map((i) => i.id));
      return (
        <HomeSection
          featured={featured.items}
          latest={latest.items.filter((i) => !featuredIds.has(i.id)).slice(0, 5)}
          upcoming={upcoming}
          figures={figures}
        />
      );
    },
  },
  {
    slot: 'town',
    order: 10,
    async load(req, pcode) {
      const { db } = req.server.wasl;
      const now = req.now;
      const network = await getDefaultNetwork(db);
      if (!network) return null;
      const networkId = network.id;
      const [activities, issues] = await Promise.all([
        listPublished(db, { networkId, now, kinds: ['activity'], town: pcode }, first(5)),
        listPublished(db, { networkId, now, kinds: ['local_issue'], town: pcode }, first(5)),
      ]);
      return (
        <TownSection
          pcode={pcode}
          activities={activities.items}
          activityTotal={activities.total}
          issues={issues.items}
        />
      );
    },
  },
  {
    slot: 'organization',
    order: 10,
    async load(req, key) {
      const { db } = req.server.wasl;
      const orgId = parseId(key);
      if (!orgId) return null;
      const org = await db
        .selectFrom('organizations')
        .select(['network_id'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!org) return null;
      const res = await listPublished(
        db,
        { networkId: org.network_id, now: req.now, kinds: LISTED_KINDS, organizationId: orgId },
        first(6),
      );
      return <OrganizationSection orgId={orgId} items={res.items} total={res.total} />;
    },
  },
];
