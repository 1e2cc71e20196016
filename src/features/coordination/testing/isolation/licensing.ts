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
  // Editing a council, and removing one (each try on a council of its own, made here; the state
  // is how many of those have gone, which making one does not change): coordinators only.
  const councilInput = (name: string) => ({
    name_ar: name,
    name_en: name,
    town_pcode: 'C1202',
    contact_name: '',
    contact_phone: null,
    contact_email: null,
    notes: '',
  });
  const edited = await saveCouncil(db, net, null, councilInput(`مجلس ${mk('COUNCILEDIT')}`), now);
  const made = { council: 0, A: 0, B: 0 };
  const left = async (prefix: string) =>
    (await db.selectFrom('coord_councils').select('id').where('name_ar', 'like', `${prefix} %`).execute()).length;
  probes.push(
    {
      name: 'coordination: editing a local council (coordinators only)',
      marker: mk('COUNCILEDIT'),
      readers: who.network,
      pages: ['/licensing'],
      write: {
        writers: coordinators,
        send: (client, n) =>
          client.post(`/licensing/councils/${edited}/edit`, {
            ...councilInput(`مجلس ${mk('COUNCILEDIT')} ${n}`),
            contact_phone: '',
            contact_email: '',
          }),
        state: async () =>
          (await db.selectFrom('coord_councils').selectAll().where('id', '=', edited).executeTakeFirst()) ?? null,
      },
    },
    {
      name: "coordination: a local council's edit page (coordinators only)",
      marker: mk('COUNCILEDIT'),
      readers: coordinators,
      pages: [`/licensing/councils/${edited}/edit`],
    },
    {
      name: 'coordination: removing a local council (coordinators only)',
      marker: mk('COUNCILEDIT'),
      readers: who.network,
      pages: ['/licensing'],
      write: {
        writers: coordinators,
        send: async (client, n) => {
          made.council++;
          const id = await saveCouncil(db, net, null, councilInput(`${mk('COUNCILDEL')} ${n}`), now);
          return client.post(`/licensing/councils/${id}/delete`, {});
        },
        state: async () => made.council - (await left(mk('COUNCILDEL'))),
      },
    },
  );
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
      {
        // Removing a file: each try on a file of its own at a council of its own (one file per
        // organization and council), made here; the state is how many of those have gone.
        ...file('licence file, removed (the organization and coordinators)', mk(`LICENCE${org}`)),
        write: {
          writers: readers,
          send: async (client: Client, n: number) => {
            made[org]++;
            const at = await saveCouncil(db, net, null, councilInput(`${mk(`FILEDEL${org}`)} ${n}`), now);
            return client.post(`/licensing/${await createLicence(db, orgId, at, [], by, now)}/delete`, {});
          },
          state: async () =>
            made[org] -
            (
              await db
                .selectFrom('coord_licences')
                .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
                .select('coord_licences.id')
                .where('coord_councils.name_ar', 'like', `${mk(`FILEDEL${org}`)} %`)
                .execute()
            ).length,
        },
      },
    );
  }
}
