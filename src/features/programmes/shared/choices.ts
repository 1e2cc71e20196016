// The choices of a member's form (an activity, a visit, a cohort, a trainee): the organizations
// the person works for, and the towns offered; and the check that a posted form kept to them.
import type { AnyCtx } from '../../../core/http/route.js';
import { actingOrgs } from '../permissions.js';
import { organizationNames, townChoices } from './queries.js';
import { orgOptions, townOptions, type MemberChoices } from './views.js';

export async function memberChoices(
  c: AnyCtx,
  mine: number[],
  towns: { projectId?: number; networkId: number } | null,
): Promise<MemberChoices> {
  const [orgs, choices] = await Promise.all([
    organizationNames(c.db, mine),
    towns ? townChoices(c.db, towns) : Promise.resolve([]),
  ]);
  return {
    mine,
    orgOptions: orgOptions(c.locale, mine, orgs),
    towns: choices,
    townOptions: townOptions(c.locale, choices),
  };
}

/** Choices for a record in a project: the person's organizations among its members, its towns. */
export function projectChoices(c: AnyCtx, project: { id: number; network_id: number; memberOrgIds: number[] }) {
  return memberChoices(c, actingOrgs(c.actor, project.memberOrgIds), {
    projectId: project.id,
    networkId: project.network_id,
  });
}

/** A posted organization or town that was not offered is refused beside its field. */
export function offChoices(c: AnyCtx, choices: MemberChoices, data: { organization_id: number; town_pcode: string }) {
  if (!choices.mine.includes(data.organization_id)) return { organization_id: c.t('form.invalidChoice') };
  if (!choices.towns.some((t) => t.pcode === data.town_pcode)) return { town_pcode: c.t('form.invalidChoice') };
  return undefined;
}

/** The organizations the person works for, in order. */
export function myOrgIds(c: AnyCtx): number[] {
  return [...c.actor.orgRoles.keys()].sort((a, b) => a - b);
}
