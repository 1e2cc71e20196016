// The profile form's checks that need the database, shared by the profile's own page and the
// network admin's "new member" page: towns typed by name become P-codes (a name that fits several
// towns comes back with them listed; an unknown one is an error), and the towns kept must exist.
import type { z } from 'zod';
import type { AnyCtx } from '../../core/http/route.js';
import { checkTowns, townMessages } from '../../core/towns/picker.js';
import { existingTownCodes } from './queries.js';
import { MAX_TOWNS, type organizationForm } from './schemas.js';

type ProfileForm = z.infer<typeof organizationForm>;

/** Field errors, or nothing: then `data.towns` holds every town, kept and added. */
export async function checkOrganization(c: AnyCtx, data: ProfileForm): Promise<Record<string, string> | undefined> {
  const typed = data as unknown as Record<string, unknown>;
  const found = await checkTowns(c.db, c.locale, typed, { lists: ['towns_add'] }, townMessages(c.t));
  if (found) return found.errors;
  const known = await existingTownCodes(c.db, data.towns);
  const unknown = data.towns.filter((p) => !known.has(p));
  if (unknown.length) return { towns: c.t('organizations.form.unknownTowns', { codes: unknown.join(', ') }) };
  const towns = [...new Set([...data.towns, ...((typed.towns_add as string[] | undefined) ?? [])])];
  if (towns.length > MAX_TOWNS) return { towns_add: c.t('organizations.form.tooManyTowns', { max: MAX_TOWNS }) };
  data.towns = towns;
}
