// Governance: the public page of bodies, seats and holders (/governance), and votes among
// member organizations (/votes/:id) with nominations, secret ballots and results.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { coordContext, parseId } from '../context.js';
import type { GovernanceResource } from '../permissions.js';
import {
  addSeat,
  addTerm,
  answerNomination,
  castBallot,
  createBody,
  createVote,
  getBody,
  getSeat,
  getVote,
  isRepresentative,
  listBodies,
  listOptions,
  listVotes,
  nominate,
  participation,
  tally,
  votePhase,
} from '../votes.js';
import { activeOrganizations } from '../workspace.js';
import { ballotForm, bodyForm, nominateForm, nominationAnswerForm, seatForm, termForm, voteForm } from '../schemas.js';
import { GovernancePage, VoteNewPage, VotePage } from '../views/governance.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

export const governanceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  async function renderGovernance(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: Record<string, string>; values?: Record<string, unknown>; form?: string } = {},
    status = 200,
  ) {
    const network = await getDefaultNetwork(db);
    if (!network) return reply.callNotFound();
    const ctx = await coordContext(req);
    const actor = ctx?.actor ?? req.actor;
    const res: GovernanceResource = { type: 'coord.governance', networkId: network.id };
    const canManage = authorize(actor, 'manage', res);
    const [bodies, votes, orgs] = await Promise.all([
      listBodies(db, network.id, req.now),
      authorize(actor, 'viewVotes', res) ? listVotes(db, network.id) : Promise.resolve(null),
      canManage ? activeOrganizations(db, network.id) : Promise.resolve([]),
    ]);
    return renderPage(
      req,
      reply,
      <GovernancePage
        bodies={bodies}
        votes={votes?.map((v) => ({ ...v, phase: votePhase(v, req.now) })) ?? null}
        canManage={canManage}
        orgs={orgs}
        {...extra}
      />,
      status,
    );
  }

  app.get('/governance', { config: { access: 'public' } }, async (req, reply) => renderGovernance(req, reply));

  async function manager(req: FastifyRequest) {
    const ctx = await coordContext(req);
    if (!ctx) return null;
    return authorize(ctx.actor, 'manage', { type: 'coord.governance', networkId: ctx.network.id }) ? ctx : null;
  }

  app.post('/governance/bodies', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const ctx = await manager(req);
    if (!ctx) return reply.callNotFound();
    const form = parseForm(bodyForm, req.body, req.i18n);
    if (!form.ok) return renderGovernance(req, reply, { errors: form.errors, values: form.raw, form: 'body' }, 400);
    const id = await createBody(db, ctx.network.id, form.data, req.now);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.body.created',
      targetType: 'body',
      targetId: id,
      ip: req.ip,
    });
    return seeOther(reply, '/governance');
  });

  app.post('/governance/bodies/:id/seats', { config: { access: 'networkAdmin' } }, async (req: Req, reply) => {
    const ctx = await manager(req);
    const id = parseId(req.params.id);
    const body = ctx && id ? await getBody(db, ctx.network.id, id) : null;
    if (!ctx || !body) return reply.callNotFound();
    const form = parseForm(seatForm, req.body, req.i18n);
    if (!form.ok)
      return renderGovernance(req, reply, { errors: form.errors, values: form.raw, form: `seat-${body.id}` }, 400);
    await addSeat(db, body.id, form.data);
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.seat.created',
      targetType: 'body',
      targetId: body.id,
      ip: req.ip,
    });
    return seeOther(reply, '/governance');
  });

  app.post('/governance/seats/:id/terms', { config: { access: 'networkAdmin' } }, async (req: Req, reply) => {
    const ctx = await manager(req);
    const id = parseId(req.params.id);
    const seat = ctx && id ? await getSeat(db, ctx.network.id, id) : null;
    if (!ctx || !seat) return reply.callNotFound();
    const form = parseForm(termForm, req.body, req.i18n);
    if (!form.ok)
      return renderGovernance(req, reply, { errors: form.errors, values: form.raw, form: `term-${seat.id}` }, 400);
    await addTerm(db, seat.id, { ...form.data, holder_user_id: null, vote_id: null });
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.term.created',
      targetType: 'seat',
      targetId: seat.id,
      ip: req.ip,
    });
    return seeOther(reply, '/governance');
  });

  // ——— votes ———
  const bodiesOf = (networkId: number) =>
    db
      .selectFrom('coord_bodies')
      .select(['id', 'name_ar', 'name_en'])
      .where('network_id', '=', networkId)
      .orderBy('position')
      .execute();

  app.get('/votes/new', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const ctx = await manager(req);
    if (!ctx) return reply.callNotFound();
    return renderPage(req, reply, <VoteNewPage bodies={await bodiesOf(ctx.network.id)} />);
  });

  app.post('/votes/new', { config: { access: 'networkAdmin' } }, async (req, reply) => {
    const ctx = await manager(req);
    if (!ctx) return reply.callNotFound();
    const form = parseForm(voteForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <VoteNewPage bodies={await bodiesOf(ctx.network.id)} errors={form.errors} values={form.raw} />,
        400,
      );
    if (form.data.body_id && !(await getBody(db, ctx.network.id, form.data.body_id))) return reply.callNotFound();
    const { t } = req.i18n;
    const id = await createVote(
      db,
      ctx.network.id,
      form.data,
      {
        yes: t('coordination.vote.option.yes'),
        no: t('coordination.vote.option.no'),
        abstain: t('coordination.vote.option.abstain'),
      },
      req.actor.user!.id,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.vote.created',
      targetType: 'vote',
      targetId: id,
      ip: req.ip,
    });
    return seeOther(reply, `/votes/${id}`);
  });

  async function loadVote(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    if (!authorize(ctx.actor, 'viewVotes', { type: 'coord.governance', networkId: ctx.network.id })) return null;
    const vote = await getVote(db, ctx.network.id, id);
    return vote ? { ctx, vote } : null;
  }

  async function renderVote(
    req: FastifyRequest,
    reply: FastifyReply,
    l: NonNullable<Awaited<ReturnType<typeof loadVote>>>,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const { ctx, vote } = l;
    const phase = votePhase(vote, req.now);
    const [options, part, nominees] = await Promise.all([
      listOptions(db, vote.id),
      participation(db, vote.id),
      phase === 'nominations'
        ? db
            .selectFrom('memberships')
            .innerJoin('users', 'users.id', 'memberships.user_id')
            .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
            .select([
              'users.id as user_id',
              'users.display_name',
              'organizations.name_ar as org_name_ar',
              'organizations.name_en as org_name_en',
            ])
            .where('organizations.network_id', '=', ctx.network.id)
            .where('organizations.status', '=', 'active')
            .orderBy('organizations.name_ar')
            .orderBy('users.display_name')
            .execute()
        : Promise.resolve([]),
    ]);
    const voted = new Set(part.map((p) => p.id));
    const castFor = [];
    if (phase === 'open' && ctx.actor.user)
      for (const orgId of ctx.orgIds)
        if (await isRepresentative(db, ctx.network.id, orgId, ctx.actor.user.id)) {
          const org = await db
            .selectFrom('organizations')
            .select(['id', 'name_ar', 'name_en'])
            .where('id', '=', orgId)
            .executeTakeFirstOrThrow();
          castFor.push({ ...org, voted: voted.has(orgId) });
        }
    const seen = new Set<number>();
    return renderPage(
      req,
      reply,
      <VotePage
        vote={vote}
        phase={phase}
        options={options}
        participation={part}
        eligible={Math.max(vote.eligible_orgs, part.length)}
        castFor={castFor}
        nominees={nominees.filter((n) => (seen.has(n.user_id) ? false : (seen.add(n.user_id), true)))}
        viewerId={ctx.actor.user?.id ?? 0}
        tally={phase === 'closed' ? await tally(db, vote) : null}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/votes/:id', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadVote(req, req.params.id);
    if (!l) return reply.callNotFound();
    return renderVote(req, reply, l);
  });

  app.post('/votes/:id/nominations', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadVote(req, req.params.id);
    if (!l) return reply.callNotFound();
    const form = parseForm(nominateForm, req.body, req.i18n);
    if (!form.ok) return renderVote(req, reply, l, form.errors, 400);
    // The nominator must belong to a member organization; the nominee's organization is theirs.
    if (!l.ctx.orgIds.length)
      return renderVote(req, reply, l, { _form: req.i18n.t('coordination.vote.membersOnly') }, 400);
    const nominee = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select(['users.id', 'users.display_name', 'memberships.organization_id'])
      .where('memberships.user_id', '=', form.data.nominee)
      .where('organizations.network_id', '=', l.ctx.network.id)
      .where('organizations.status', '=', 'active')
      .orderBy('memberships.organization_id')
      .executeTakeFirst();
    if (!nominee) return renderVote(req, reply, l, { nominee: req.i18n.t('form.invalidChoice') }, 400);
    const result = await nominate(
      db,
      l.vote,
      {
        nomineeUserId: nominee.id,
        nomineeOrgId: nominee.organization_id,
        nominatorUserId: req.actor.user!.id,
        statement: form.data.statement,
        label: nominee.display_name,
      },
      req.now,
    );
    if (result !== 'ok')
      return renderVote(req, reply, l, { _form: req.i18n.t(`coordination.vote.nominate.${result}`) }, 400);
    reply.flashNext('coordination.vote.nominated');
    return seeOther(reply, `/votes/${l.vote.id}`);
  });

  app.post('/votes/:id/nominations/answer', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadVote(req, req.params.id);
    if (!l) return reply.callNotFound();
    const form = parseForm(nominationAnswerForm, req.body, req.i18n);
    if (!form.ok) return renderVote(req, reply, l, form.errors, 400);
    const ok = await answerNomination(
      db,
      l.vote,
      form.data.option_id,
      req.actor.user!.id,
      form.data.answer === 'accept',
      req.now,
    );
    if (!ok) return renderVote(req, reply, l, { _form: req.i18n.t('coordination.vote.nominate.closed') }, 400);
    return seeOther(reply, `/votes/${l.vote.id}`);
  });

  app.post('/votes/:id/ballot', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadVote(req, req.params.id);
    if (!l) return reply.callNotFound();
    const form = parseForm(ballotForm, req.body, req.i18n);
    if (!form.ok) return renderVote(req, reply, l, form.errors, 400);
    if (!l.ctx.orgIds.includes(form.data.org_id))
      return renderVote(req, reply, l, { _form: req.i18n.t('coordination.vote.cast.notRepresentative') }, 400);
    const result = await castBallot(db, l.vote, form.data.org_id, req.actor.user!.id, form.data.choice, req.now);
    if (result !== 'ok') {
      const key = result === 'invalidChoice' ? 'choice' : '_form';
      const status = result === 'alreadyVoted' || result === 'notOpen' ? 409 : 400;
      return renderVote(req, reply, l, { [key]: req.i18n.t(`coordination.vote.cast.${result}`) }, status);
    }
    // Who voted is on record (participation, by day); how is not. No audit entry with a precise
    // time is written, so nothing outside the ballot table can be lined up against it.
    reply.flashNext('coordination.vote.castDone');
    return seeOther(reply, `/votes/${l.vote.id}`);
  });
};
