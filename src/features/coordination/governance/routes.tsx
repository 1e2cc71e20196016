// Governance: the public page of bodies, seats and holders (/governance), and votes among member
// organizations (/votes/:id) with nominations, secret ballots and results.
import { action, form, FormErrors, notFound, page, type AnyCtx, type Ctx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import type { z } from 'zod';
import { coord, type CoordContext } from '../context.js';
import type { GovernanceResource } from '../permissions.js';
import {
  ballotForm,
  boardNamesForm,
  bodyForm,
  emptyForm,
  nominateForm,
  nominationAnswerForm,
  seatForm,
  termForm,
  voteForm,
} from '../schemas.js';
import { activeOrganizations, getActiveOrganization } from '../workspace/queries.js';
import {
  boardNames,
  bodyChoices,
  findNominee,
  getBody,
  getSeat,
  getTerm,
  hasHistory,
  getVote,
  listBodies,
  listOptions,
  listVotes,
  nomineeChoices,
  participation,
  representedOrganizations,
  publishable,
  tally,
  votePhase,
} from './queries.js';
import {
  addSeat,
  addTerm,
  answerNomination,
  cancelVote,
  castBallot,
  createBody,
  createVote,
  nominate,
  removeGovernanceRecord,
  setBoardNames,
  updateBody,
  updateSeat,
  updateTerm,
} from './actions.js';
import { GovernancePage } from './views/bodies.js';
import { GovernanceEditPage, type GovernanceRecord } from './views/edit.js';
import { VoteNewPage, VotePage } from './views/votes.js';

const governance = (ctx: CoordContext): GovernanceResource => ({ type: 'coord.governance', networkId: ctx.network.id });

async function governancePage(c: AnyCtx, ctx: CoordContext, state: FormState | null = null) {
  const canManage = ctx.can('manage', governance(ctx));
  const [bodies, votes, orgs, names] = await Promise.all([
    listBodies(c.db, ctx.network.id, c.now),
    ctx.can('viewVotes', governance(ctx)) ? listVotes(c.db, ctx.network.id) : null,
    canManage ? activeOrganizations(c.db, ctx.network.id) : [],
    boardNames(c.db, ctx.network.id),
  ]);
  return (
    <GovernancePage
      bodies={bodies}
      votes={votes?.map((v) => ({ ...v, phase: votePhase(v, c.now) })) ?? null}
      canManage={canManage}
      boardNames={names}
      orgs={orgs}
      state={state}
    />
  );
}

/** Network admins of this network; anyone else gets a 404. */
async function manager(c: AnyCtx): Promise<CoordContext> {
  const ctx = await coord(c);
  return ctx.can('manage', governance(ctx)) ? ctx : notFound();
}

/** A network admin's context and the record of the network that `find` gives for the path (404: none). */
const managerWith =
  <R,>(find: (c: AnyCtx, ctx: CoordContext) => Promise<R | undefined>) =>
  async (c: AnyCtx) => {
    const ctx = await manager(c);
    return { ctx, row: (await find(c, ctx)) ?? notFound() };
  };

const bodyOfPath = managerWith((c, ctx) => getBody(c.db, ctx.network.id, c.id('id')));
const seatOfPath = managerWith((c, ctx) => getSeat(c.db, ctx.network.id, c.id('id')));
const termOfPath = managerWith((c, ctx) => getTerm(c.db, ctx.network.id, c.id('id')));

/**
 * A form of the governance page that adds to it (a body, a seat, a term): network admins; refused
 * input shows the page again, and it leads back to the page without a flash (the addition shows).
 */
function additionForm<const P extends string, L extends { ctx: CoordContext }, S extends z.ZodObject>(
  path: P,
  o: {
    load: (c: AnyCtx) => Promise<L>;
    schema: S;
    check?: (c: AnyCtx, l: L, data: z.infer<S>) => Promise<Record<string, string | undefined> | void>;
    add: (c: Ctx<'networkAdmin'>, l: L, data: z.infer<S>) => Promise<void>;
  },
) {
  return form(path, {
    access: 'networkAdmin',
    load: o.load,
    schema: o.schema,
    show: (c, l, state) => governancePage(c, l.ctx, state),
    check: o.check,
    flash: null,
    async save(c, l, data) {
      await o.add(c, l, data);
      return '/governance';
    },
  });
}

/** A vote of the network, for people inside it. */
async function loadVote(c: AnyCtx) {
  const ctx = await coord(c);
  if (!ctx.can('viewVotes', governance(ctx))) notFound();
  const vote = (await getVote(c.db, ctx.network.id, c.id('id'))) ?? notFound();
  return { ctx, vote };
}
type LoadedVote = Awaited<ReturnType<typeof loadVote>>;

async function votePage(c: AnyCtx, { ctx, vote }: LoadedVote, state: FormState | null = null) {
  const phase = votePhase(vote, c.now);
  const [options, part, nominees] = await Promise.all([
    listOptions(c.db, vote.id),
    participation(c.db, vote.id),
    phase === 'nominations' ? nomineeChoices(c.db, ctx.network.id) : [],
  ]);
  const castFor =
    phase === 'open' && ctx.actor.user
      ? await representedOrganizations(
          c.db,
          ctx.network.id,
          ctx.orgIds,
          ctx.actor.user.id,
          new Set(part.map((p) => p.id)),
        )
      : [];
  return (
    <VotePage
      vote={vote}
      phase={phase}
      options={options}
      participation={part}
      eligible={Math.max(vote.eligible_orgs, part.length)}
      castFor={castFor}
      nominees={nominees}
      viewerId={ctx.actor.user?.id ?? 0}
      tally={phase === 'closed' ? publishable(await tally(c.db, vote)) : null}
      canManage={ctx.can('manage', governance(ctx))}
      state={state}
    />
  );
}

const toVote = (l: LoadedVote) => `/votes/${l.vote.id}`;

/** A term's organization must be an active member of the network (an unknown id: refused beside the field). */
async function holderOrgCheck(c: AnyCtx, ctx: CoordContext, orgId: number | null) {
  if (orgId !== null && !(await getActiveOrganization(c.db, ctx.network.id, orgId)))
    return { holder_org_id: c.t('form.invalidChoice') };
}

const editBase = { body: '/governance/bodies', seat: '/governance/seats', term: '/governance/terms' } as const;

/**
 * The edit form and the remove action of one kind of governance record. Both load the record
 * inside the network for a network admin (anyone else, or a record of another network or already
 * archived: 404); removing archives what holds history (actions.ts, removeGovernanceRecord).
 */
function editRoutes<K extends GovernanceRecord['kind'], R extends { id: number }, S extends z.ZodObject>(
  kind: K,
  o: {
    load: (c: AnyCtx) => Promise<{ ctx: CoordContext; row: R }>;
    schema: S;
    record: (row: R) => GovernanceRecord;
    save: (c: AnyCtx, ctx: CoordContext, row: R, data: z.infer<S>) => Promise<void>;
    check?: (c: AnyCtx, ctx: CoordContext, data: z.infer<S>) => Promise<Record<string, string | undefined> | void>;
  },
) {
  const show = async (c: AnyCtx, l: { ctx: CoordContext; row: R }, state: FormState | null) => (
    <GovernanceEditPage
      record={o.record(l.row)}
      history={await hasHistory(c.db, kind, l.row.id)}
      orgs={kind === 'term' ? await activeOrganizations(c.db, l.ctx.network.id) : []}
      state={state}
    />
  );
  const at = `${editBase[kind]}/:id`;
  return [
    form(`${at}/edit`, {
      access: 'networkAdmin',
      get: true,
      load: o.load,
      schema: o.schema,
      show,
      check: (c, l, data) => o.check?.(c, l.ctx, data),
      async save(c, l, data) {
        await o.save(c, l.ctx, l.row, data);
        await c.audit(`coordination.${kind}.updated`, { targetType: kind, targetId: l.row.id });
        return { to: '/governance', flash: 'coordination.governance.saved' };
      },
    }),
    action(`${at}/delete`, {
      access: 'networkAdmin',
      load: o.load,
      schema: emptyForm,
      async run(c, l) {
        const done = await removeGovernanceRecord(c.db, kind, l.row.id, c.now);
        const target = { targetType: kind, targetId: l.row.id };
        if (done === 'archived') await c.audit(`coordination.${kind}.archived`, target);
        else await c.audit(`coordination.${kind}.deleted`, target);
        return { to: '/governance', flash: `coordination.record.${done}` };
      },
    }),
  ];
}

export const governanceRoutes = [
  page('/governance', { access: 'public', render: async (c) => governancePage(c, await coord(c)) }),

  additionForm('/governance/bodies', {
    load: async (c) => ({ ctx: await manager(c) }),
    schema: bodyForm,
    async add(c, { ctx }, data) {
      const id = await createBody(c.db, ctx.network.id, data, c.now);
      await c.audit('coordination.body.created', { targetType: 'body', targetId: id });
    },
  }),

  // How board members are named on the public page (issue 18); network admins choose.
  form('/governance/board-names', {
    access: 'networkAdmin',
    load: manager,
    schema: boardNamesForm,
    show: governancePage,
    async save(c, ctx, data) {
      await setBoardNames(c.db, ctx.network.id, data.board_names, c.now);
      await c.audit('coordination.settings.boardNames', {
        targetType: 'network',
        targetId: ctx.network.id,
        details: { board_names: data.board_names },
      });
      return '/governance';
    },
  }),

  additionForm('/governance/bodies/:id/seats', {
    load: bodyOfPath,
    schema: seatForm,
    async add(c, { row: body }, data) {
      await addSeat(c.db, body.id, data);
      await c.audit('coordination.seat.created', { targetType: 'body', targetId: body.id });
    },
  }),

  additionForm('/governance/seats/:id/terms', {
    load: seatOfPath,
    schema: termForm,
    check: (c, l, data) => holderOrgCheck(c, l.ctx, data.holder_org_id),
    async add(c, { row: seat }, data) {
      await addTerm(c.db, seat.id, { ...data, holder_user_id: null, vote_id: null });
      await c.audit('coordination.term.created', { targetType: 'seat', targetId: seat.id });
    },
  }),

  // ——— editing and removing (issue 16): network admins, as creating; audited the same way ———
  ...editRoutes('body', {
    load: bodyOfPath,
    schema: bodyForm,
    record: (b) => ({ kind: 'body', id: b.id, values: b }),
    save: (c, ctx, b, data) => updateBody(c.db, ctx.network.id, b.id, data),
  }),
  ...editRoutes('seat', {
    load: seatOfPath,
    schema: seatForm,
    record: (s) => ({ kind: 'seat', id: s.id, values: { ...s, is_chair: s.is_chair === 1 } }),
    save: (c, _ctx, s, data) => updateSeat(c.db, s.id, data),
  }),
  ...editRoutes('term', {
    load: termOfPath,
    schema: termForm,
    record: (t) => ({ kind: 'term', id: t.id, values: t }),
    check: (c, ctx, data) => holderOrgCheck(c, ctx, data.holder_org_id),
    save: (c, _ctx, t, data) => updateTerm(c.db, t.id, data),
  }),

  // ——— votes ———
  form('/votes/new', {
    access: 'networkAdmin',
    get: true,
    load: manager,
    schema: voteForm,
    show: async (c, ctx, state) => <VoteNewPage bodies={await bodyChoices(c.db, ctx.network.id)} state={state} />,
    flash: null,
    async check(c, ctx, data) {
      if (data.body_id && !(await getBody(c.db, ctx.network.id, data.body_id))) notFound();
    },
    async save(c, ctx, data) {
      const labels = {
        yes: c.t('coordination.vote.option.yes'),
        no: c.t('coordination.vote.option.no'),
        abstain: c.t('coordination.vote.option.abstain'),
      };
      const id = await createVote(c.db, ctx.network.id, data, labels, c.user.id, c.now);
      await c.audit('coordination.vote.created', { targetType: 'vote', targetId: id });
      return `/votes/${id}`;
    },
  }),

  page('/votes/:id', { access: 'member', load: loadVote, render: (c, l) => votePage(c, l) }),

  // Cancelling asks twice (ConfirmButton); a vote that has closed has a result and stays as it is.
  action('/votes/:id/cancel', {
    access: 'networkAdmin',
    load: async (c) => {
      const l = await loadVote(c);
      return l.ctx.can('manage', governance(l.ctx)) ? l : notFound();
    },
    schema: emptyForm,
    async run(c, l) {
      const phase = votePhase(l.vote, c.now);
      if (phase === 'closed' || phase === 'cancelled')
        return { to: toVote(l), flash: 'coordination.vote.cannotCancel' };
      await cancelVote(c.db, l.vote.id, c.now);
      await c.audit('coordination.vote.cancelled', { targetType: 'vote', targetId: l.vote.id, details: { phase } });
      return { to: toVote(l), flash: 'coordination.vote.cancelledDone' };
    },
  }),

  form('/votes/:id/nominations', {
    access: 'member',
    load: loadVote,
    schema: nominateForm,
    show: votePage,
    // The nominator must belong to a member organization; the nominee's organization is theirs.
    check: (c, l) => (l.ctx.orgIds.length ? undefined : { _form: c.t('coordination.vote.membersOnly') }),
    async save(c, l, data) {
      const nominee = await findNominee(c.db, l.ctx.network.id, data.nominee);
      if (!nominee) throw new FormErrors({ nominee: c.t('form.invalidChoice') });
      const input = {
        nomineeUserId: nominee.user_id,
        nomineeOrgId: nominee.org_id,
        nominatorUserId: c.user.id,
        statement: data.statement,
        label: nominee.display_name,
      };
      const result = await nominate(c.db, l.vote, input, c.now);
      if (result !== 'ok') throw new FormErrors({ _form: c.t(`coordination.vote.nominate.${result}`) });
      return { to: toVote(l), flash: 'coordination.vote.nominated' };
    },
  }),

  form('/votes/:id/nominations/answer', {
    access: 'member',
    load: loadVote,
    schema: nominationAnswerForm,
    show: votePage,
    flash: null,
    async save(c, l, data) {
      const ok = await answerNomination(c.db, l.vote, data.option_id, c.user.id, data.answer === 'accept', c.now);
      if (!ok) throw new FormErrors({ _form: c.t('coordination.vote.nominate.closed') });
      return toVote(l);
    },
  }),

  form('/votes/:id/ballot', {
    access: 'member',
    load: loadVote,
    schema: ballotForm,
    show: votePage,
    check: (c, l, data) =>
      l.ctx.orgIds.includes(data.org_id) ? undefined : { _form: c.t('coordination.vote.cast.notRepresentative') },
    async save(c, l, data) {
      const result = await castBallot(c.db, l.vote, data.org_id, c.user.id, data.choice, c.now);
      // Too late, or a second ballot of the organization: 409.
      if (result !== 'ok')
        throw new FormErrors(
          { [result === 'invalidChoice' ? 'choice' : '_form']: c.t(`coordination.vote.cast.${result}`) },
          { status: result === 'alreadyVoted' || result === 'notOpen' ? 409 : 400 },
        );
      // Who voted is on record (participation, by day); how is not. No audit entry with a precise
      // time is written, so nothing outside the ballot table can be lined up against it.
      return { to: toVote(l), flash: 'coordination.vote.castDone' };
    },
  }),
];
