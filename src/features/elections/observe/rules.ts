// A count form's reconciliation rules as the observer app checks them before saving: each rule
// in words (both languages) and its two sides as plain sums of fields — the named sums (voters,
// registered, votes_total) spelled out — so the app only adds up what was typed. The app warns;
// it never refuses (the server flags, a coordinator decides).
import type { Translator } from '../../../core/i18n/index.js';
import { parseRule, type Term } from '../forms/expr.js';
import { COMPUTED, sheetFields, type RuleDef } from '../forms/formdef.js';
import type { FormRow } from '../forms/queries.js';
import { ruleLabel } from '../forms/words.js';

/** A term of a side: [sign, field] or [sign, number]. */
export type ClientTerm = [1 | -1, string | number];
export type ClientRule = { label_ar: string; label_en: string; left: ClientTerm[]; op: string; right: ClientTerm[] };

function spelled(terms: Term[], votes: string[]): ClientTerm[] {
  return terms.flatMap((t): ClientTerm[] => {
    if (t.kind === 'int') return [[t.sign, t.value]];
    const parts = t.name === 'votes_total' ? votes : (COMPUTED as Record<string, readonly string[]>)[t.name];
    return parts ? parts.map((p): ClientTerm => [t.sign, p]) : [[t.sign, t.name]];
  });
}

export function clientRules(
  form: Pick<FormRow, 'def' | 'ruleList'>,
  tr: { ar: Translator; en: Translator },
): ClientRule[] {
  const votes = sheetFields(form.def).filter((f) => f.startsWith('votes_'));
  return form.ruleList.flatMap((r: RuleDef) => {
    const parsed = parseRule(r.rule);
    if (!parsed.ok) return [];
    return [
      {
        label_ar: ruleLabel(r, form.def.questions, tr.ar),
        label_en: ruleLabel(r, form.def.questions, tr.en),
        left: spelled(parsed.rule.left, votes),
        op: parsed.rule.op,
        right: spelled(parsed.rule.right, votes),
      },
    ];
  });
}
