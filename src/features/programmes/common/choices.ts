// The choices of a member's form (an activity, a visit, a cohort, a trainee) — the organizations
// the person works for — and the check of a posted form: the organization is one of them, and the
// towns typed by name are resolved to P-codes (several matches come back as choices).
import { FormErrors, type AnyCtx } from '../../../core/http/route.js';
import { checkTowns, townMessages } from '../../../core/towns/picker.js';
import { actingOrgs } from '../permissions.js';
import { organizationNames } from './queries.js';
import { orgOptions, type MemberChoices } from './views.js';

export async function memberChoices(c: AnyCtx, mine: number[]): Promise<MemberChoices> {
  return { mine, orgOptions: orgOptions(c.locale, mine, await organizationNames(c.db, mine)) };
}

/** Choices for a record in a project: the person's organizations among its members. */
export function projectChoices(c: AnyCtx, project: { memberOrgIds: number[] }) {
  return memberChoices(c, actingOrgs(c.actor, project.memberOrgIds));
}

/** Resolves the towns of a posted form in place; one not found or not chosen yet is a form error. */
export async function resolveTowns(
  c: AnyCtx,
  data: object,
  fields: { single?: string[]; lists?: string[] } = { single: ['town_pcode'] },
): Promise<void> {
  const found = await checkTowns(c.db, c.locale, data as Record<string, unknown>, fields, townMessages(c.t));
  if (found) throw new FormErrors(found.errors, { extra: { townChoices: found.choices } });
}

/** A member's form: the organization must be one offered, and the town is resolved. */
export async function checkMemberForm(c: AnyCtx, choices: MemberChoices, data: { organization_id?: number }) {
  if (data.organization_id !== undefined && !choices.mine.includes(data.organization_id))
    return { organization_id: c.t('form.invalidChoice') };
  await resolveTowns(c, data);
}

/** The organizations the person works for, in order. */
export function myOrgIds(c: AnyCtx): number[] {
  return [...c.actor.orgRoles.keys()].sort((a, b) => a - b);
}
