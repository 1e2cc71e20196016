// Isolation probes of governance: bodies (public), votes (inside the network) and secret ballots
// (on no page at all).
import { who } from '../../../../testing/isolation.js';
import type { Kit } from './kit.js';
import { castBallot, createBody, createVote } from '../../governance/actions.js';
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
