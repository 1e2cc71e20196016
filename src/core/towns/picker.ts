// Towns by name, everywhere a form asks for one: people type a town as they know it — Arabic or
// Latin spelling, an alias, or its P-code — and the form keeps the P-code behind it. Without
// JavaScript it is a search-then-choose step: a name that fits one town is taken; one that fits
// several comes back with those towns to choose from (district shown); none is an error.
import type { Db } from '../db/index.js';
import { findTowns, type Town } from './queries.js';
import { localized } from '../i18n/localized.js';

const CODE = /\b(C\d{4,6})\b/i;

export type TownChoice = { pcode: string; label: string };
export type Resolved = { pcode: string } | { choices: TownChoice[] } | { none: true };

/** A town as a form shows it: its name in the reader's language, its district, its code. */
export function townLabel(
  t: Pick<Town, 'pcode' | 'name_ar' | 'name_en' | 'adm2_name_ar' | 'adm2_name_en'>,
  locale: string,
) {
  return `${localized(t, 'name', locale)} — ${localized(t, 'adm2_name', locale)} (${t.pcode})`;
}

/** What a person typed, as one town, several to choose from, or none. */
export async function resolveTown(db: Db, typed: string, locale: string): Promise<Resolved> {
  const text = typed.trim();
  if (!text) return { none: true };
  const code = CODE.exec(text)?.[1]?.toUpperCase();
  const found = await findTowns(db, code ?? text, { limit: 12 });
  if (code) {
    const exact = found.find((t) => t.pcode === code);
    return exact ? { pcode: exact.pcode } : { none: true };
  }
  if (!found.length) return { none: true };
  // One town, or one whose name is exactly what was typed while the others only contain it.
  const norm = (s: string) => s.trim().toLowerCase();
  const exact = found.filter((t) => norm(t.name_ar) === norm(text) || norm(t.name_en) === norm(text));
  if (found.length === 1 || exact.length === 1) return { pcode: (exact[0] ?? found[0])!.pcode };
  return { choices: found.map((t) => ({ pcode: t.pcode, label: townLabel(t, locale) })) };
}

export type TownCheck = {
  /** field → message, for the form to show beside the field */
  errors: Record<string, string>;
  /** field → towns to choose from (TownField shows them as radio buttons) */
  choices: Record<string, TownChoice[]>;
};

/**
 * Resolves town fields of submitted form data in place: each single field becomes a P-code, each
 * list field (names separated by commas or new lines) a list of P-codes. Use in a form's `check`:
 *   const towns = await checkTowns(c.db, c.locale, data, { single: ['town_pcode'] }, messages);
 *   if (towns) throw new FormErrors(towns.errors, { extra: { townChoices: towns.choices } });
 */
export async function checkTowns(
  db: Db,
  locale: string,
  data: Record<string, unknown>,
  fields: { single?: string[]; lists?: string[] },
  messages: { none: (typed: string) => string; choose: string; several: (typed: string, options: string) => string },
): Promise<TownCheck | null> {
  const out: TownCheck = { errors: {}, choices: {} };
  for (const name of fields.single ?? []) {
    const typed = String(data[name] ?? '');
    if (!typed.trim()) continue;
    const r = await resolveTown(db, typed, locale);
    if ('pcode' in r) data[name] = r.pcode;
    else if ('choices' in r) {
      out.errors[name] = messages.choose;
      out.choices[name] = r.choices;
    } else out.errors[name] = messages.none(typed);
  }
  for (const name of fields.lists ?? []) {
    const raw = data[name];
    const entries = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\n,،;؛]+/))
      .map((s) => s.trim())
      .filter(Boolean);
    const pcodes: string[] = [];
    const problems: string[] = [];
    for (const typed of entries) {
      const r = await resolveTown(db, typed, locale);
      if ('pcode' in r) pcodes.push(r.pcode);
      else if ('choices' in r) problems.push(messages.several(typed, r.choices.map((c) => c.label).join('، ')));
      else problems.push(messages.none(typed));
    }
    if (problems.length) out.errors[name] = problems.join(' ');
    else data[name] = [...new Set(pcodes)];
  }
  return Object.keys(out.errors).length ? out : null;
}

/** The picker's messages in the reader's language (they live in the towns feature's catalog). */
export function townMessages(t: (key: never, params?: never) => string) {
  const tr = t as unknown as (key: string, params?: Record<string, string>) => string;
  return {
    none: (typed: string) => tr('townPicker.none', { typed }),
    choose: tr('townPicker.choose'),
    several: (typed: string, options: string) => tr('townPicker.several', { typed, options }),
  };
}
