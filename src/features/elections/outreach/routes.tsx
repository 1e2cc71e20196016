// Outreach before the vote: the activities recorded for an election (coordinators only; the
// public page shows a suppressed summary), a new one, and deleting one.
import { notFound, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { damascusDay } from '../../../core/time.js';
import { existingTownCodes } from '../../organizations/queries.js';
import { canChange, election } from '../permissions.js';
import { managedButton, managedForm } from '../kit.js';
import { memberOrganizations, type Election } from '../queries.js';
import { outreachForm } from '../schemas.js';
import { addOutreach, deleteOutreach, listOutreach } from './queries.js';
import { OutreachPage } from './views.js';

async function outreachPage(c: MemberCtx, e: Election, state: FormState | null) {
  const [rows, orgs] = await Promise.all([listOutreach(c.db, e.id), memberOrganizations(c.db, e.network_id)]);
  return (
    <OutreachPage
      e={e}
      rows={rows}
      orgs={orgs}
      state={state}
      values={{ held_on: damascusDay(c.now) }}
      canChange={canChange(c, e)}
    />
  );
}

export const outreachRoutes = [
  managedForm('/elections/:id/outreach', {
    schema: outreachForm,
    show: outreachPage,
    async check(c, e, d) {
      const orgId = d.organization ? Number(d.organization) : null;
      const orgs = await memberOrganizations(c.db, e.network_id);
      return {
        town_pcode: (await existingTownCodes(c.db, [d.town_pcode])).has(d.town_pcode)
          ? undefined
          : c.t('elections.form.unknownTowns', { codes: d.town_pcode }),
        organization: orgId !== null && !orgs.some((o) => o.id === orgId) ? c.t('form.invalidChoice') : undefined,
        organization_name: orgId === null && !d.organization_name ? c.t('form.required') : undefined,
      };
    },
    async save(c, e, d) {
      const orgId = d.organization ? Number(d.organization) : null;
      await addOutreach(
        c.db,
        e.id,
        {
          kind: d.kind,
          held_on: d.held_on,
          town_pcode: d.town_pcode,
          organization_id: orgId,
          organization_name: orgId === null ? d.organization_name : null,
          leaflets: d.leaflets,
          places: d.places,
          reached_women: d.reached_women,
          reached_men: d.reached_men,
          notes: d.notes,
        },
        c.user.id,
        c.now,
      );
      return `/elections/${e.id}/outreach`;
    },
  }),

  managedButton('/elections/:id/outreach/:oid/delete', election('change'), async (c, e) => {
    if (!(await deleteOutreach(c.db, e.id, c.id('oid')))) notFound();
    return { to: `/elections/${e.id}/outreach`, flash: 'common.deleted' };
  }),
];
