// Isolation probes of governance: bodies (public), votes (inside the network) and secret ballots
// (on no page at all).
import { who, type Probe } from '../../../../testing/isolation.js';
import type { Kit, Write } from './kit.js';
import { addSeat, addTerm, castBallot, createBody, createVote } from '../../governance/actions.js';
import { getVote } from '../../governance/queries.js';
import { DAY, HOUR } from '../../../../core/time.js';

export async function governanceProbes(k: Kit): Promise<void> {
  const { db, users, net, orgA, orgB, now, at, local, mk, probes, orgIdOf, count } = k;
  // ——— governance and votes ———
  await createBody(
    db,
    net,
    {
      kind: 'committee',
      name_ar: `لجنة ${mk('BODY')}`,
      name_en: `Committee ${mk('BODY')}`,
      description_ar: '',
      description_en: '',
    },
    now,
  );
  probes.push({
    name: 'coordination: a governance body (public; created by network admins)',
    marker: mk('BODY'),
    readers: who.everyone,
    pages: ['/governance'],
    write: {
      writers: who.is('netAdmin'),
      send: (client, n) =>
        client.post('/governance/bodies', {
          kind: 'committee',
          name_ar: `لجنة ${n}`,
          name_en: `Committee ${n}`,
          description_ar: '',
          description_en: '',
        }),
      state: async () => count('coord_bodies'),
    },
  });
  probes.push({
    name: 'coordination: how board members are named (chosen by network admins)',
    marker: mk('BODY'),
    readers: who.everyone,
    pages: ['/governance'],
    write: {
      writers: who.is('netAdmin'),
      // Each try asks for a way other than the current one, so an allowed change always changes it.
      send: async (client) => {
        const current = (
          await db.selectFrom('coord_settings').select('board_names').where('network_id', '=', net).executeTakeFirst()
        )?.board_names;
        return client.post('/governance/board-names', { board_names: current === 'first' ? 'full' : 'first' });
      },
      state: async () =>
        (await db.selectFrom('coord_settings').select('board_names').where('network_id', '=', net).execute())
          .map((r) => r.board_names)
          .join(),
    },
  });
  await editProbes(k);
  const labels = { yes: 'نعم', no: 'لا', abstain: 'امتناع' };
  const vote = async (title: string, opensAt: Date, closesAt: Date) =>
    createVote(
      db,
      net,
      {
        kind: 'decision',
        title,
        description: '',
        body_id: null,
        max_choices: 1,
        nominations_close_at: null,
        opens_at: opensAt.toISOString(),
        closes_at: closesAt.toISOString(),
        quorum_percent: 50,
      },
      labels,
      users.netAdmin,
      new Date(opensAt.getTime() - DAY),
    );
  const cast = async (voteId: number, org: 'A' | 'B', kind: 'yes' | 'no', when: Date) => {
    const v = (await getVote(db, net, voteId))!;
    const option = await db
      .selectFrom('coord_vote_options')
      .select('id')
      .where('vote_id', '=', voteId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    const result = await castBallot(db, v, orgIdOf[org], org === 'A' ? users.adminA : users.adminB, [option.id], when);
    if (result !== 'ok') throw new Error(`coordination isolation fixture: ballot ${result}`);
  };
  const closedVote = await vote(mk('VOTECLOSED'), at(-3 * DAY), at(-DAY));
  await cast(closedVote, 'A', 'yes', at(-2 * DAY));
  await cast(closedVote, 'B', 'no', at(-2 * DAY));
  const openVote = await vote(mk('VOTEOPEN'), at(-HOUR), at(DAY));
  await cast(openVote, 'A', 'yes', now);
  const voteState = async () => count('coord_votes');
  const toCancel = await vote(mk('VOTECANCEL'), at(DAY), at(2 * DAY));
  // Cancelling is once per vote: each try gets a scheduled vote of its own (made here, as a
  // fixture), so a change that should land always can, and the state counts cancelled ones.
  const cancelled = async () =>
    (
      await db
        .selectFrom('coord_votes')
        .select('id')
        .where('title', 'like', `${mk('VOTECANCEL')}%`)
        .where('cancelled_at', 'is not', null)
        .execute()
    ).length;
  probes.push(
    {
      name: 'coordination: a closed vote with its results (inside the network; created by network admins)',
      marker: mk('VOTECLOSED'),
      readers: who.network,
      pages: [`/votes/${closedVote}`],
      lists: ['/governance'],
      write: {
        writers: who.is('netAdmin'),
        send: (client, n) =>
          client.post('/votes/new', {
            kind: 'decision',
            title: `تصويت ${n}`,
            description: '',
            body_id: '',
            max_choices: '1',
            nominations_close_at: '',
            opens_at: local(2 * DAY),
            closes_at: local(3 * DAY),
            quorum_percent: '50',
          }),
        state: voteState,
      },
    },
    {
      name: 'coordination: a scheduled vote (cancelled before it closes by network admins only)',
      marker: mk('VOTECANCEL'),
      readers: who.network,
      pages: [`/votes/${toCancel}`],
      lists: ['/governance'],
      write: {
        writers: who.is('netAdmin'),
        send: async (client, n) => {
          const fresh = await vote(`${mk('VOTECANCEL')} ${n}`, at(DAY), at(2 * DAY));
          return client.post(`/votes/${fresh}/cancel`, {});
        },
        state: cancelled,
      },
    },
    {
      name: 'coordination: an open vote',
      marker: mk('VOTEOPEN'),
      readers: who.network,
      pages: [`/votes/${openVote}`],
      lists: ['/governance'],
    },
  );
  // A ballot is secret: nobody, admins included, may learn which organization cast it. Ballots
  // have no page (their would-be address answers 404 to everyone); no page about the vote, nor the
  // voting organizations' workspaces, may show one.
  for (const [voteId, label] of [
    [closedVote, 'closed'],
    [openVote, 'open'],
  ] as const) {
    const ballots = await db.selectFrom('coord_ballots').select('id').where('vote_id', '=', voteId).execute();
    for (const [i, b] of ballots.entries())
      probes.push({
        name: `coordination: a secret ballot of the ${label} vote (#${i + 1})`,
        marker: b.id,
        readers: who.nobody,
        pages: [`/votes/${voteId}/ballots`],
        lists: [`/votes/${voteId}`, '/governance', `/workspace/${orgA}`, `/workspace/${orgB}`],
      });
  }
}

/**
 * Adding, editing and removing bodies, seats and terms (issue 16): network admins only, like
 * creating. Removing is tried each time on a record of its own (made here, as a fixture), so a
 * removal that should land always can; the state is how many of those records no longer stand
 * (made minus left), which making one does not change. A record without history is deleted; one
 * that holds history (a body or seat with terms, a term from a vote) is archived, and both ways are
 * tried.
 */
async function editProbes(k: Kit): Promise<void> {
  const { db, users, net, now, at, mk, probes, orgA, count } = k;
  const body = (name: string) =>
    createBody(
      db,
      net,
      { kind: 'committee', name_ar: name, name_en: name, description_ar: '', description_en: '' },
      now,
    );
  const seat = (bodyId: number, title: string) =>
    addSeat(db, bodyId, { title_ar: title, title_en: title, is_chair: false });
  const term = async (seatId: number, holder: string, voteId: number | null = null) => {
    await addTerm(db, seatId, {
      holder_name: holder,
      holder_user_id: null,
      holder_org_id: orgA,
      starts_on: '2026-01-01',
      ends_on: '2028-12-31',
      vote_id: voteId,
    });
    return (await db.selectFrom('coord_terms').select('id').where('holder_name', '=', holder).executeTakeFirstOrThrow())
      .id;
  };
  // A vote that terms can come from (which makes them history).
  const election = await createVote(
    db,
    net,
    {
      kind: 'decision',
      title: 'انتخاب سابق',
      description: '',
      body_id: null,
      max_choices: 1,
      nominations_close_at: null,
      opens_at: at(-5 * DAY).toISOString(),
      closes_at: at(-4 * DAY).toISOString(),
      quorum_percent: 50,
    },
    { yes: 'نعم', no: 'لا', abstain: 'امتناع' },
    users.netAdmin,
    at(-6 * DAY),
  );
  const made = { body: 0, seat: 0, term: 0, bodyArchived: 0, seatArchived: 0, termArchived: 0 };
  type Table = 'coord_bodies' | 'coord_seats' | 'coord_terms';
  /**
   * Records named `prefix …` that are left: any (for removals that must delete, so that one archived
   * instead still counts as left) or only those still standing (for removals that archive).
   */
  const left = async (table: Table, column: string, prefix: string, standingOnly: boolean) => {
    let q = db
      .selectFrom(table as 'coord_bodies')
      .select('id')
      .where(column as 'name_ar', 'like', `${prefix} %`);
    if (standingOnly) q = q.where('archived_at', 'is', null);
    return (await q.execute()).length;
  };
  const gone = (kind: keyof typeof made, table: Table, column: string, prefix: string) => async () =>
    made[kind] - (await left(table, column, prefix, kind.endsWith('Archived')));
  const fresh = async <T>(kind: keyof typeof made, make: () => Promise<T>) => {
    made[kind]++;
    return make();
  };
  const admins = who.is('netAdmin');

  const edited = await body(`${mk('BODYEDIT')} لجنة`);
  const editedSeat = await seat(edited, `${mk('SEATEDIT')} مقعد`);
  const editedTerm = await term(editedSeat, `${mk('TERMEDIT')} holder`);
  // The records without a space after the marker stay: the page shows the marker; they are not
  // counted among the fresh ones.
  await body(`${mk('BODYDEL')}لجنة`);
  await body(`${mk('BODYARCH')}لجنة`);
  const seatsOf = await body(`${mk('SEATDEL')} لجنة`);
  await seat(seatsOf, `${mk('SEATDEL')}مقعد`);
  const archivedSeatsOf = await body(`${mk('SEATARCH')} لجنة`);
  await seat(archivedSeatsOf, `${mk('SEATARCH')}مقعد`);
  const addsTo = await body(`${mk('SEATADD')} لجنة`);
  const addsToSeat = await seat(addsTo, `${mk('TERMADD')} مقعد`);
  const row = (table: Table, id: number) => async () =>
    (await db
      .selectFrom(table as 'coord_bodies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()) ?? null;
  // Every change here is a network admin's, and its result shows on the public /governance page.
  const adminWrite = (name: string, marker: string, send: Write['send'], state: Write['state']): Probe => ({
    name: `coordination: ${name} (network admins only)`,
    marker,
    readers: who.everyone,
    pages: ['/governance'],
    write: { writers: admins, send, state },
  });
  const editPage = (whose: string, marker: string, page: string): Probe => ({
    name: `coordination: ${whose} edit page (network admins only)`,
    marker,
    readers: admins,
    pages: [page],
  });
  // Where each kind is removed, its table, and the column its fresh records are named in.
  const kinds = {
    bodies: { table: 'coord_bodies', named: 'name_ar' },
    seats: { table: 'coord_seats', named: 'title_ar' },
    terms: { table: 'coord_terms', named: 'holder_name' },
  } as const;
  /** Removing a record `make` makes fresh for each try, named `prefix n`; the state counts those gone. */
  const removalProbe = (
    name: string,
    marker: string,
    kind: keyof typeof kinds,
    fixture: keyof typeof made,
    prefix: string,
    make: (named: string, n: number) => Promise<number>,
  ) =>
    adminWrite(
      name,
      marker,
      async (client, n) =>
        client.post(`/governance/${kind}/${await fresh(fixture, () => make(`${prefix} ${n}`, n))}/delete`, {}),
      gone(fixture, kinds[kind].table, kinds[kind].named, prefix),
    );
  const termFields = (holder: string) => ({
    holder_name: holder,
    holder_org_id: '',
    starts_on: '2026-01-01',
    ends_on: '2028-12-31',
  });
  probes.push(
    adminWrite(
      'adding a seat to a body',
      mk('SEATADD'),
      (client, n) =>
        client.post(`/governance/bodies/${addsTo}/seats`, { title_ar: `مقعد ${n}`, title_en: `Seat ${n}` }),
      () => count('coord_seats', 'body_id', addsTo),
    ),
    adminWrite(
      'adding a term to a seat',
      mk('TERMADD'),
      (client, n) => client.post(`/governance/seats/${addsToSeat}/terms`, termFields(`holder ${n}`)),
      () => count('coord_terms', 'seat_id', addsToSeat),
    ),
    adminWrite(
      'editing a governance body',
      mk('BODYEDIT'),
      (client, n) =>
        client.post(`/governance/bodies/${edited}/edit`, {
          kind: 'committee',
          name_ar: `${mk('BODYEDIT')} لجنة ${n}`,
          name_en: `${mk('BODYEDIT')} ${n}`,
          description_ar: '',
          description_en: '',
        }),
      row('coord_bodies', edited),
    ),
    editPage("a governance body's", mk('BODYEDIT'), `/governance/bodies/${edited}/edit`),
    editPage("a seat's", mk('SEATEDIT'), `/governance/seats/${editedSeat}/edit`),
    editPage("a term's", mk('TERMEDIT'), `/governance/terms/${editedTerm}/edit`),
    removalProbe('removing a governance body, deleted', mk('BODYDEL'), 'bodies', 'body', mk('BODYDEL'), body),
    removalProbe(
      'removing a governance body with a held seat, archived',
      mk('BODYARCH'),
      'bodies',
      'bodyArchived',
      mk('BODYARCH'),
      async (name, n) => {
        const id = await body(name);
        await term(await seat(id, `مقعد ${n}`), `${mk('BODYARCH')} holder ${n}`);
        return id;
      },
    ),
    adminWrite(
      'editing a seat',
      mk('SEATEDIT'),
      (client, n) =>
        client.post(`/governance/seats/${editedSeat}/edit`, {
          title_ar: `${mk('SEATEDIT')} مقعد ${n}`,
          title_en: `${mk('SEATEDIT')} ${n}`,
        }),
      row('coord_seats', editedSeat),
    ),
    removalProbe('removing a vacant seat, deleted', mk('SEATDEL'), 'seats', 'seat', mk('SEATDEL'), (name) =>
      seat(seatsOf, name),
    ),
    removalProbe(
      'removing a seat that had a holder, archived',
      mk('SEATARCH'),
      'seats',
      'seatArchived',
      mk('SEATARCH'),
      async (name, n) => {
        const id = await seat(archivedSeatsOf, name);
        await term(id, `${mk('SEATARCH')} holder ${n}`);
        return id;
      },
    ),
    adminWrite(
      'editing a term',
      mk('SEATEDIT'),
      (client, n) => client.post(`/governance/terms/${editedTerm}/edit`, termFields(`${mk('TERMEDIT')} holder ${n}`)),
      row('coord_terms', editedTerm),
    ),
    removalProbe('removing a term recorded by hand, deleted', mk('SEATEDIT'), 'terms', 'term', mk('TERMDEL'), (name) =>
      term(editedSeat, name),
    ),
    removalProbe(
      'removing a term that came from a vote, archived',
      mk('SEATEDIT'),
      'terms',
      'termArchived',
      mk('TERMARCH'),
      (name) => term(editedSeat, name, election),
    ),
  );
}
