// Isolation probes of licensing: a council (inside the network), each organization's licence file
// with its documents and visit log (the organization and the coordinators): every route that adds,
// corrects or removes one of them, each tried by every person.
import type { LightMyRequestResponse } from 'fastify';
import { who, type Probe } from '../../../../testing/isolation.js';
import type { Client } from '../../../../testing/app.js';
import type { Kit } from './kit.js';
import { addLicenceDocument, addVisit, createLicence, saveCouncil, updateLicence } from '../../licensing/actions.js';
import { addDays } from '../../../../core/time.js';

export async function licensingProbes(k: Kit): Promise<void> {
  const { db, users, net, now, mk, probes, coordinators, orgIdOf, count, personOf } = k;
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
  const made = {
    council: 0,
    councilArchived: 0,
    A: 0,
    B: 0,
    Aarchived: 0,
    Barchived: 0,
    Adoc: 0,
    Bdoc: 0,
    Avisit: 0,
    Bvisit: 0,
  };
  /** Councils named `prefix …` that are left: any, or only those still standing (not archived). */
  const left = async (prefix: string, standingOnly: boolean) => {
    let q = db.selectFrom('coord_councils').select('id').where('name_ar', 'like', `${prefix} %`);
    if (standingOnly) q = q.where('archived_at', 'is', null);
    return (await q.execute()).length;
  };
  /**
   * Removing a council is tried each time on a council of its own, named `prefix n`; with `withFile`
   * A's file is at it, so it holds history and is archived. The state is how many of those no longer
   * stand (made minus left).
   */
  const councilRemoval = (name: string, kind: 'council' | 'councilArchived', prefix: string, withFile: boolean) => ({
    name: `coordination: ${name} (coordinators only)`,
    marker: mk('COUNCILEDIT'),
    readers: who.network,
    pages: ['/licensing'],
    write: {
      writers: coordinators,
      send: async (client: Client, n: number) => {
        made[kind]++;
        const id = await saveCouncil(db, net, null, councilInput(`${prefix} ${n}`), now);
        if (withFile) await createLicence(db, orgIdOf.A, id, [], users.staffA, now);
        return client.post(`/licensing/councils/${id}/delete`, {});
      },
      state: async () => made[kind] - (await left(prefix, withFile)),
    },
  });
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
    councilRemoval('removing a local council', 'council', mk('COUNCILDEL'), false),
    // Councils that hold history (a file refers to them) are archived, not deleted.
    councilRemoval('removing a local council with a file at it, archived', 'councilArchived', mk('COUNCILARCH'), true),
  );

  // ——— each organization's file, with its documents and visits ———
  const files = {} as Record<'A' | 'B', Awaited<ReturnType<typeof makeFile>>>;
  async function makeFile(org: 'A' | 'B') {
    const orgId = orgIdOf[org];
    const by = org === 'A' ? users.staffA : users.staffB;
    const licence = (await createLicence(db, orgId, council, ['سجل'], by, now))!;
    await updateLicence(
      db,
      licence,
      orgId,
      {
        status: 'applied' as const,
        applied_on: '2026-06-01',
        visit_on: null,
        licensed_on: null,
        expires_on: null,
        notes: mk(`LICENCE${org}`),
      },
      by,
      now,
    );
    const visit = (visit_on: string, who_went: string, met_whom: string) =>
      addVisit(db, licence, orgId, { visit_on, who_went, met_whom, outcome: '', next_step: '' }, by, now);
    const doc = async (name: string) => {
      await addLicenceDocument(db, licence, orgId, name);
      return (
        await db
          .selectFrom('coord_licence_documents')
          .select('id')
          .where('licence_id', '=', licence)
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    };
    await visit('2026-06-10', 'x', mk(`VISITPAST${org}`));
    await visit('2026-07-10', mk(`VISITPLAN${org}`), '');
    return {
      orgId,
      by,
      licence,
      visit,
      doc,
      // corrected (name, day handed in), marked handed in, removed (the one without a space stays)
      docEdit: await doc(mk(`DOCEDIT${org}`)),
      docSubmitted: await doc(mk(`DOCSUB${org}`)),
      docKept: await doc(`${mk(`DOCDEL${org}`)}وثيقة`),
      visitEdit: await visit('2026-05-20', mk(`VISITEDIT${org}`), ''),
      visitKept: await visit('2026-05-21', '', `${mk(`VISITDEL${org}`)}مكتب`),
    };
  }
  files.A = await makeFile('A');
  files.B = await makeFile('B');

  for (const org of ['A', 'B'] as const) {
    const { orgId, by, licence, visit, doc, docEdit, docSubmitted, visitEdit } = files[org];
    const other = files[org === 'A' ? 'B' : 'A'].licence;
    const staffOfOther = who.staffOf(org === 'A' ? 'B' : 'A');
    const readers = who.any(who.staffOf(org), coordinators);
    /** A day different for every try (`n` is unique over a run). */
    const dayOf = (n: number) => addDays('2000-01-01', n);
    /**
     * Posts to a path under this file. The other organization's staff, refused there, also try the
     * same record through their own file (which they may change): a document's or visit's id must
     * not reach another file's row. The first answer that is not a 404 is returned, so a leak shows.
     */
    const attempt = async (client: Client, path: string, fields: Record<string, string>) => {
      const res = await client.post(`/licensing/${licence}${path}`, fields);
      if (res.statusCode !== 404 || !staffOfOther(personOf(client))) return res;
      return client.post(`/licensing/${other}${path}`, fields);
    };
    const row = (table: 'coord_licence_documents' | 'coord_licence_visits', id: number) => async () =>
      (await db
        .selectFrom(table as 'coord_licence_documents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()) ?? null;
    const left = async (table: 'coord_licence_documents' | 'coord_licence_visits', column: string, prefix: string) =>
      (
        await db
          .selectFrom(table as 'coord_licence_documents')
          .select('id')
          .where('licence_id', '=', licence)
          .where(column as 'name', 'like', `${prefix} %`)
          .execute()
      ).length;
    // The lesson form offers the organization's own visits to refer to.
    const lists = ['/licensing', '/lessons/new'];
    /** A probe of the licence file's page, written to by the organization and the coordinators. */
    const file = (
      name: string,
      marker: string,
      write?: { send: (client: Client, n: number) => Promise<LightMyRequestResponse>; state: () => Promise<unknown> },
    ): Probe => ({
      name: `coordination: ${org}'s ${name}`,
      marker,
      readers,
      pages: [`/licensing/${licence}`],
      lists,
      write: write && { writers: readers, ...write },
    });
    /** Files at councils named `prefix …`: all of them, or those still standing (not archived). */
    const filesAt = async (prefix: string, standingOnly: boolean) => {
      let q = db
        .selectFrom('coord_licences')
        .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
        .select('coord_licences.id')
        .where('coord_councils.name_ar', 'like', `${prefix} %`);
      if (standingOnly) q = q.where('coord_licences.archived_at', 'is', null);
      return (await q.execute()).length;
    };
    probes.push(
      file('licence file (the organization and coordinators)', mk(`LICENCE${org}`), {
        send: (client, n) =>
          client.post(`/licensing/${licence}`, {
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
        send: (client, n) =>
          client.post(`/licensing/${licence}/visits`, {
            visit_on: '2026-06-11',
            who_went: `n${n}`,
            met_whom: '',
            outcome: '',
            next_step: '',
          }),
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
          state: async () => made[org] - (await filesAt(mk(`FILEDEL${org}`), false)),
        },
      },
      {
        // A file with a document holds history: removing it archives it (gone from every page);
        // the state is how many of those made here no longer stand.
        ...file(
          'licence file with a document, removed: archived (the organization and coordinators)',
          mk(`LICENCE${org}`),
        ),
        write: {
          writers: readers,
          send: async (client: Client, n: number) => {
            made[`${org}archived`]++;
            const at = await saveCouncil(db, net, null, councilInput(`${mk(`FILEARCH${org}`)} ${n}`), now);
            return client.post(`/licensing/${await createLicence(db, orgId, at, ['سجل'], by, now)}/delete`, {});
          },
          state: async () => made[`${org}archived`] - (await filesAt(mk(`FILEARCH${org}`), true)),
        },
      },
      // ——— documents: added, marked handed in, corrected, removed ———
      file('licence document, added (the organization and coordinators)', mk(`DOCEDIT${org}`), {
        send: (client, n) => client.post(`/licensing/${licence}/documents`, { name: `وثيقة ${n}` }),
        state: () => count('coord_licence_documents', 'licence_id', licence),
      }),
      file('licence document, marked handed in (the organization and coordinators)', mk(`DOCSUB${org}`), {
        send: (client, n) =>
          attempt(client, '/documents/submitted', { doc_id: String(docSubmitted), submitted_on: dayOf(n) }),
        state: row('coord_licence_documents', docSubmitted),
      }),
      file(
        "licence document's name and day handed in, corrected (the organization and coordinators)",
        mk(`DOCEDIT${org}`),
        {
          send: (client, n) =>
            attempt(client, `/documents/${docEdit}`, { name: `${mk(`DOCEDIT${org}`)} ${n}`, submitted_on: dayOf(n) }),
          state: row('coord_licence_documents', docEdit),
        },
      ),
      {
        // each try on a document of its own, made here; the state is how many of those have gone
        ...file('licence document, removed (the organization and coordinators)', `${mk(`DOCDEL${org}`)}`),
        write: {
          writers: readers,
          send: async (client: Client, n: number) => {
            made[`${org}doc`]++;
            return attempt(client, `/documents/${await doc(`${mk(`DOCDEL${org}`)} ${n}`)}/delete`, {});
          },
          state: async () => made[`${org}doc`] - (await left('coord_licence_documents', 'name', mk(`DOCDEL${org}`))),
        },
      },
      // ——— visits: corrected (its own page), removed ———
      file('licensing visit, corrected (the organization and coordinators)', mk(`VISITEDIT${org}`), {
        send: (client, n) =>
          attempt(client, `/visits/${visitEdit}/edit`, {
            visit_on: dayOf(n),
            who_went: `${mk(`VISITEDIT${org}`)} ${n}`,
            met_whom: '',
            outcome: '',
            next_step: '',
          }),
        state: row('coord_licence_visits', visitEdit),
      }),
      {
        name: `coordination: ${org}'s licensing visit's correction page (the organization and coordinators)`,
        marker: mk(`VISITEDIT${org}`),
        readers,
        pages: [`/licensing/${licence}/visits/${visitEdit}/edit`],
      },
      {
        // The same visit through the other organization's file: no one, coordinators included.
        name: `coordination: ${org}'s licensing visit through the other file's address (no one)`,
        marker: mk(`VISITEDIT${org}`),
        readers: who.nobody,
        pages: [`/licensing/${other}/visits/${visitEdit}/edit`],
      },
      {
        ...file('licensing visit, removed (the organization and coordinators)', mk(`VISITDEL${org}`)),
        write: {
          writers: readers,
          send: async (client: Client, n: number) => {
            made[`${org}visit`]++;
            const id = await visit('2026-05-22', '', `${mk(`VISITDEL${org}`)} ${n}`);
            return attempt(client, `/visits/${id}/delete`, {});
          },
          state: async () =>
            made[`${org}visit`] - (await left('coord_licence_visits', 'met_whom', mk(`VISITDEL${org}`))),
        },
      },
    );
  }
}
