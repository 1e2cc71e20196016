// Blocks on pages other features own (the manifest's `sections`): a town's services on the town's
// page, an organization's public services on its profile.
import type { Section } from '../../../core/views/sections.js';
import { isPublic, organizationServiceRows, serviceCards, svcOrganizationForMember } from '../queries.js';
import { townServiceCards } from './queries.js';
import { OrganizationSection, TownSection } from './views/town.js';

export const servicesSections: Section[] = [
  {
    slot: 'town',
    order: 30,
    async load(req, pcode) {
      const cards = await townServiceCards(req.server.wasl.db, pcode, req.now);
      return <TownSection pcode={pcode} cards={cards} now={req.now} />;
    },
  },
  {
    slot: 'organization',
    order: 30,
    async load(req, key) {
      const { db } = req.server.wasl;
      const svcOrg = await svcOrganizationForMember(db, Number(key));
      if (!svcOrg) return null;
      const rows = (await organizationServiceRows(db, svcOrg.id)).filter(isPublic);
      const cards = await serviceCards(db, rows, req.now);
      return <OrganizationSection cards={cards} now={req.now} />;
    },
  },
];
