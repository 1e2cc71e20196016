// Towns by name on every coordination form: what the person typed becomes a P-code (core picker),
// or the form comes back with the towns to choose from; saved P-codes are shown by name again.
import { FormErrors, type AnyCtx } from '../../core/http/route.js';
import { localized } from '../../core/i18n/localized.js';
import { checkTowns, townMessages } from '../../core/towns/picker.js';

/** Resolves the town fields of `data` in place; a name that is unknown or fits several refuses the form. */
export async function resolveTowns(c: AnyCtx, data: Record<string, unknown>, fields: { single?: string[] }) {
  const found = await checkTowns(c.db, c.locale, data, fields, townMessages(c.t));
  if (found) throw new FormErrors(found.errors, { extra: { townChoices: found.choices } });
}

/** A saved town as the form shows it: its name, with the code that picks it again unambiguously. */
export function townText(
  row: { town_name_ar?: string | null; town_name_en?: string | null },
  pcode: string | null,
  locale: string,
) {
  if (!pcode) return '';
  const name = localized(row, 'town_name', locale);
  return name ? `${name} (${pcode})` : pcode;
}
