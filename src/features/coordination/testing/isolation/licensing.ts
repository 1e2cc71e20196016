// Isolation probes of licensing: a council (inside the network), each organization's licence file
// and visit log (the organization and the coordinators).
import { who } from '../../../../testing/isolation.js';
import type { Client } from '../../../../testing/app.js';
import type { Kit } from './kit.js';
import { addVisit, createLicence, saveCouncil, updateLicence } from '../../licensing/actions.js';

export async function licensingProbes(k: Kit): Promise<void> {
  const { db, users, net, now, mk, probes, coordinators, orgIdOf, count } = k;
  // ——— licensing ———
  const council = await saveCouncil(
    db,
    net,
    null,
    {
      name_ar: `مجلس ${mk('COUNCIL')}`,
      name_en: `Council ${mk('COUNCIL')}`,
      town_pcode: 'C1202',
      contact_name: '',
      contact_phone: null,
      contact_email: null,
      notes: '',
    },
    now,
  );
  probes.push({
    name: 'coordination: a local council (inside the network; added by coordinators)',
    marker: mk('COUNCIL'),
    readers: who.network,
    pages: ['/licensing'],
    write: {
      writers: coordinators,
      send: (client, n) =>
        client.post('/licensing/councils', {
          name_ar: `مجلس ${n}`,
          name_en: `Council ${n}`,
          town_pcode: 'C1564',
          contact_name: '',
          contact_phone: '',
          contact_email: '',
          notes: '',
        }),
      state: async () => count('coord_councils'),
    },
  });
  for (const org of ['A', 'B'] as const) {
    const orgId = orgIdOf[org];
    const by = org === 'A' ? users.staffA : users.staffB;
    const licence = (await createLicence(db, orgId, council, ['سجل'], by, now))!;
    const licenceInput = (notes: string) => ({
      status: 'applied' as const,
      applied_on: '2026-06-01',
      visit_on: null,
      licensed_on: null,
      expires_on: null,
      notes,
    });
    await updateLicence(db, licence, orgId, licenceInput(mk(`LICENCE${org}`)), by, now);
    const visit = (visit_on: string, who_went: string, met_whom: string) =>
      addVisit(db, licence, orgId, { visit_on, who_went, met_whom, outcome: '', next_step: '' }, by, now);
    await visit('2026-06-10', 'x', mk(`VISITPAST${org}`));
    await visit('2026-07-10', mk(`VISITPLAN${org}`), '');
    const readers = who.any(who.staffOf(org), coordinators);
    // The lesson form offers the organization's own visits to refer to.
    const lists = ['/licensing', '/lessons/new'];
    /** A probe of the licence file's page, written to by the organization and the coordinators. */
    const file = (
      name: string,
      marker: string,
      write?: { path: string; fields: (n: number) => Record<string, string>; state: () => Promise<unknown> },
    ) => ({
      name: `coordination: ${org}'s ${name}`,
      marker,
      readers,
      pages: [`/licensing/${licence}`],
      lists,
      write: write && {
        writers: readers,
        send: (client: Client, n: number) => client.post(write.path, write.fields(n)),
        state: write.state,
      },
    });
    probes.push(
      file('licence file (the organization and coordinators)', mk(`LICENCE${org}`), {
        path: `/licensing/${licence}`,
        fields: (n) => ({
          status: 'applied',
          applied_on: '2026-06-01',
          visit_on: '',
          licensed_on: '',
          expires_on: '',
          notes: `${mk(`LICENCE${org}`)} ${n}`,
        }),
        state: async () =>
          (await db.selectFrom('coord_licences').select('notes').where('id', '=', licence).executeTakeFirst()) ?? null,
      }),
      file('licensing visit log (a past visit)', mk(`VISITPAST${org}`), {
        path: `/licensing/${licence}/visits`,
        fields: (n) => ({ visit_on: '2026-06-11', who_went: `n${n}`, met_whom: '', outcome: '', next_step: '' }),
        state: () => count('coord_licence_visits', 'licence_id', licence),
      }),
      file('planned licensing visit', mk(`VISITPLAN${org}`)),
    );
  }
}
