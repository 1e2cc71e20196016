// An election's settings — title, date, seats, status, towns, organizers and partners, candidates
// and lists — for a new election and an existing one, and the coordinators' hub. Settings stay
// the coordinators' to change when the election is archived (that is how it leaves the archive).
import { form, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import { existingTownCodes, getDefaultNetwork } from '../../organizations/queries.js';
import { canCreateElection, election } from '../permissions.js';
import { electionDetails, memberOrganizations, saveElection, type Election } from '../queries.js';
import { electionForm } from '../schemas.js';
import { listOutreach } from '../outreach/queries.js';
import { listCentres, listStations } from '../stations/queries.js';
import { listObservers } from '../observers/queries.js';
import { publishedForms } from '../forms/queries.js';
import { listSubmissions } from '../entry/queries.js';
import { ElectionEditPage, ManagePage } from './views.js';
import type { z } from 'zod';

const access = 'member' as const;
type Org = Awaited<ReturnType<typeof memberOrganizations>>[number];

/** Who may start an election, in which network, among which member organizations — or 404. */
async function newElection(c: AnyCtx) {
  if (!canCreateElection(c.actor)) notFound();
  const network = (await getDefaultNetwork(c.db)) ?? notFound();
  return { networkId: network.id, orgs: await memberOrganizations(c.db, network.id) };
}

async function electionToEdit(c: AnyCtx) {
  const e = await election('coordinate')(c);
  return { e, networkId: e.network_id, orgs: await memberOrganizations(c.db, e.network_id) };
}

/** Known towns, member organizations only, and whoever saves stays a coordinator (a network admin always is). */
async function checkSettings(c: MemberCtx, ctx: { networkId: number; orgs: Org[] }, d: z.infer<typeof electionForm>) {
  const errors: Record<string, string> = {};
  const known = await existingTownCodes(c.db, d.towns);
  const unknown = d.towns.filter((p) => !known.has(p));
  if (unknown.length) errors.towns = c.t('elections.form.unknownTowns', { codes: unknown.join(', ') });
  const orgIds = new Set(ctx.orgs.map((o) => o.id));
  const netAdmin = c.actor.networkRoles.get(ctx.networkId)?.has('networkAdmin') ?? false;
  if ([...d.organizers, ...d.member_partners].some((o) => !orgIds.has(o)))
    errors.organizers = c.t('form.invalidChoice');
  else if (!netAdmin && !d.organizers.some((o) => c.actor.orgRoles.has(o)))
    errors.organizers = c.t('elections.form.mustOrganize');
  return errors;
}

const asInput = (d: z.infer<typeof electionForm>) => ({
  ...d,
  memberPartners: d.member_partners,
  otherPartners: d.other_partners,
});

/** The saved election as the settings form shows it. */
async function settingsValues(c: MemberCtx, e: Election) {
  const { towns, partners, candidates } = await electionDetails(c.db, e.id);
  return {
    ...e,
    towns: towns.map((t) => t.pcode).join(', '),
    organizers: e.organizerOrgIds.map(String),
    member_partners: partners
      .filter((p) => p.role === 'partner' && p.organization_id)
      .map((p) => String(p.organization_id)),
    other_partners: partners
      .filter((p) => !p.organization_id)
      .map((p) => `${p.name_ar} | ${p.name_en}`)
      .join('\n'),
    candidates: candidates
      .map((k) => `${k.kind === 'candidate' ? 'candidate:' : ''}${k.code} | ${k.name_ar} | ${k.name_en}`)
      .join('\n'),
  };
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
    check: checkSettings,
    async save(c, { networkId }, d) {
      const id = await saveElection(c.db, null, networkId, asInput(d), c.user.id, c.now);
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
    check: checkSettings,
    async save(c, { e }, d) {
      await saveElection(c.db, e.id, e.network_id, asInput(d), c.user.id, c.now);
      await c.audit('election.edited', { targetType: 'election', targetId: e.id, details: { status: d.status } });
      return `/elections/${e.id}/manage`;
    },
  }),

  page('/elections/:id/manage', {
    access,
    load: election('coordinate'),
    async render(c, e) {
      const [centres, stations, observers, forms, submissions, outreach] = await Promise.all([
        listCentres(c.db, e.id),
        listStations(c.db, e.id),
        listObservers(c.db, e.id),
        publishedForms(c.db, e.id),
        listSubmissions(c.db, e.id),
        listOutreach(c.db, e.id),
      ]);
      return (
        <ManagePage
          e={e}
          counts={{
            centres: centres.length,
            stations: stations.length,
            observers: observers.filter((o) => o.status === 'active').length,
            forms: forms.length,
            submissions: submissions.length,
            outreach: outreach.length,
          }}
        />
      );
    },
  }),
];
