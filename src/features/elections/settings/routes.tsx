// An election's settings — title, date, seats, status, towns (by name), the number observers call,
// organizers and partners, candidates and lists — for a new election and an existing one; the
// coordinators' hub; removing an election that holds no record yet; the elections a person
// coordinates with what still needs them (a page, a header link and a block on their start page).
// Settings stay the coordinators' to change when the election is archived (that is how it leaves
// the archive).
import type { z } from 'zod';
import { form, FormErrors, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import { checkTowns, townMessages } from '../../../core/towns/picker.js';
import type { Section } from '../../../core/views/sections.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { canCreateElection, election } from '../permissions.js';
import {
  deleteElection,
  electionDetails,
  electionRecords,
  listsWithVotes,
  memberOrganizations,
  saveElection,
  type Election,
} from '../queries.js';
import { managedButton } from '../kit.js';
import { electionForm } from '../schemas.js';
import { coordinatedElections, openAttentionCounts } from '../entry/attention.js';
import { CoordinatePage, ElectionEditPage, ManagePage, StartBlock } from './views.js';

const access = 'member' as const;
type Org = Awaited<ReturnType<typeof memberOrganizations>>[number];
type Data = z.infer<typeof electionForm>;

/** Who may start an election, in which network, among which member organizations — or 404. */
async function newElection(c: AnyCtx) {
  if (!canCreateElection(c.actor)) notFound();
  const network = (await getDefaultNetwork(c.db)) ?? notFound();
  return { e: null, networkId: network.id, orgs: await memberOrganizations(c.db, network.id) };
}

async function electionToEdit(c: AnyCtx) {
  const e = await election('coordinate')(c);
  return { e, networkId: e.network_id, orgs: await memberOrganizations(c.db, e.network_id) };
}

/**
 * Towns found by name (a town shown as "name (P-code)" keeps its code), member organizations
 * only, whoever saves stays a coordinator (a network admin always is), and no list that already
 * has votes in a count sheet disappears.
 */
async function checkSettings(c: MemberCtx, ctx: { e: Election | null; networkId: number; orgs: Org[] }, d: Data) {
  const typed = { towns: d.towns.split(/[\n,،;؛]+/).map((s) => /\(([^()]+)\)\s*$/.exec(s)?.[1] ?? s) };
  const towns = await checkTowns(c.db, c.locale, typed, { lists: ['towns'] }, townMessages(c.t));
  const errors: Record<string, string> = { ...towns?.errors };
  const orgIds = new Set(ctx.orgs.map((o) => o.id));
  const netAdmin = c.actor.networkRoles.get(ctx.networkId)?.has('networkAdmin') ?? false;
  if ([...d.organizers, ...d.member_partners].some((o) => !orgIds.has(o)))
    errors.organizers = c.t('form.invalidChoice');
  else if (!netAdmin && !d.organizers.some((o) => c.actor.orgRoles.has(o)))
    errors.organizers = c.t('elections.form.mustOrganize');
  if (ctx.e) {
    const kept = new Set(d.candidates.map((k) => k.code));
    const counted = await listsWithVotes(c.db, ctx.e.id);
    const gone = counted.filter((code) => !kept.has(code));
    if (gone.length) errors.candidates = c.t('elections.form.listHasVotes', { codes: gone.join('، ') });
  }
  if (Object.keys(errors).length) throw new FormErrors(errors);
  return typed.towns as unknown as string[];
}

const asInput = (d: Data, towns: string[]) => ({
  ...d,
  towns,
  memberPartners: d.member_partners,
  otherPartners: d.other_partners,
});

/** The saved election as the settings form shows it (towns by name, each with its P-code). */
async function settingsValues(c: MemberCtx, e: Election) {
  const { towns, partners, candidates } = await electionDetails(c.db, e.id);
  return {
    ...e,
    towns: towns.map((t) => `${c.locale === 'ar' ? t.name_ar : t.name_en || t.name_ar} (${t.pcode})`).join('، '),
    organizers: e.organizerOrgIds.map(String),
    member_partners: partners
      .filter((p) => p.role === 'partner' && p.organization_id)
      .map((p) => String(p.organization_id)),
    other_partners: partners
      .filter((p) => !p.organization_id)
      .map((p) => (p.name_en ? `${p.name_ar} | ${p.name_en}` : p.name_ar))
      .join('\n'),
    candidates: candidates
      .map(
        (k) =>
          `${k.kind === 'candidate' ? 'candidate:' : ''}${k.code} | ${k.name_ar}${k.name_en ? ` | ${k.name_en}` : ''}`,
      )
      .join('\n'),
  };
}

/** The elections a person coordinates with their open attention items, most recent first. */
async function coordinated(c: { db: MemberCtx['db'] }, user: { id: number }) {
  const elections = await coordinatedElections(c.db, user);
  const open = await openAttentionCounts(
    c.db,
    elections.filter((e) => e.status === 'active' || e.status === 'closed').map((e) => e.id),
  );
  return elections.map((e) => ({ ...e, open: open.get(e.id) ?? 0 }));
}

export const settingsRoutes = [
  form('/elections/new', {
    access,
    get: true,
    load: newElection,
    schema: electionForm,
    show: (c, { orgs }, state) => (
      <ElectionEditPage
        action="/elections/new"
        isNew
        orgs={orgs}
        state={state}
        values={{
          status: 'draft',
          organizers: orgs.filter((o) => c.actor.orgRoles.has(o.id)).map((o) => String(o.id)),
        }}
      />
    ),
    async save(c, ctx, d) {
      const towns = await checkSettings(c, ctx, d);
      const id = await saveElection(c.db, null, ctx.networkId, asInput(d, towns), c.user.id, c.now);
      await c.audit('election.created', { targetType: 'election', targetId: id });
      return `/elections/${id}/manage`;
    },
  }),

  form('/elections/:id/edit', {
    access,
    get: true,
    load: electionToEdit,
    schema: electionForm,
    show: async (c, { e, orgs }, state) => (
      <ElectionEditPage
        action={`/elections/${e.id}/edit`}
        isNew={false}
        orgs={orgs}
        state={state}
        values={state ? {} : await settingsValues(c, e)}
      />
    ),
    async save(c, ctx, d) {
      const towns = await checkSettings(c, ctx, d);
      await saveElection(c.db, ctx.e.id, ctx.e.network_id, asInput(d, towns), c.user.id, c.now);
      await c.audit('election.edited', { targetType: 'election', targetId: ctx.e.id, details: { status: d.status } });
      return `/elections/${ctx.e.id}/manage`;
    },
  }),

  page('/elections/:id/manage', {
    access,
    load: election('coordinate'),
    render: async (c, e) => <ManagePage e={e} counts={await electionRecords(c.db, e.id)} />,
  }),

  managedButton('/elections/:id/delete', election('coordinate'), async (c, e) => {
    const records = await electionRecords(c.db, e.id);
    if (records.submissions || records.statements)
      return { to: `/elections/${e.id}/manage`, flash: 'elections.manage.keptRecords' };
    await deleteElection(c.db, e.id);
    await c.audit('election.deleted', { targetType: 'election', targetId: e.id, details: { title: e.title_ar } });
    return { to: '/elections', flash: 'elections.manage.deleted' };
  }),

  page('/elections/coordinate', {
    access,
    render: async (c) => <CoordinatePage elections={await coordinated(c, c.user)} />,
  }),
];

/** On a person's start page: the elections they coordinate that have something waiting. */
export const startSection: Section = {
  slot: 'start',
  order: 40,
  async load(req) {
    const user = req.actor.user;
    if (!user) return null;
    const waiting = (await coordinated({ db: req.server.wasl.db }, user)).filter((e) => e.open > 0);
    return waiting.length ? <StartBlock elections={waiting} /> : null;
  },
};
