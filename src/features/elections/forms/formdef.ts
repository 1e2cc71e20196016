// Observation forms: questions (yes/no, number with min/max, choice with critical options, text,
// time), conditions (a question shown only when an earlier answer calls for it), count-sheet
// fields and reconciliation rules. Pure functions shared by the server and the observer app's
// server-side checks.
import { westernDigits } from '../../../core/http/forms.js';
import { evaluateRule, parseRule, ruleIdentifiers, type RuleError } from './expr.js';

export type QuestionType = 'yesno' | 'number' | 'choice' | 'text' | 'time';
export type ChoiceOption = { value: string; label_ar: string; label_en: string; critical: boolean };
export type Question = {
  id: string;
  type: QuestionType;
  label_ar: string;
  /** optional: the English page shows the Arabic one when it is empty */
  label_en: string;
  required: boolean;
  min?: number | null;
  max?: number | null;
  options?: ChoiceOption[];
  /** yes/no: the answer that makes the report critical */
  criticalAnswer?: 'yes' | 'no' | null;
  /** shown only when an earlier question's answer equals this value */
  showIf?: { question: string; equals: string } | null;
};
export type FormDefinition = { questions: Question[] };
export type Answer = string | number;
export type Answers = Record<string, Answer>;

export const QUESTION_ID = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_QUESTIONS = 80;

/** The standard count-sheet fields, in the order of the paper sheet. */
export const COUNT_FIELDS = [
  'registered_women',
  'registered_men',
  'voters_women',
  'voters_men',
  'ballots_received',
  'ballots_unused',
  'ballots_spoiled',
  'valid',
  'invalid',
  'blank',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export const COUNT_LABELS: Record<CountField, [string, string]> = {
  registered_women: ['المسجّلات في السجل (نساء)', 'Registered voters (women)'],
  registered_men: ['المسجّلون في السجل (رجال)', 'Registered voters (men)'],
  voters_women: ['المقترعات (نساء)', 'Voters (women)'],
  voters_men: ['المقترعون (رجال)', 'Voters (men)'],
  ballots_received: ['أوراق الاقتراع المستلمة', 'Ballots received'],
  ballots_unused: ['أوراق الاقتراع غير المستعملة', 'Ballots unused'],
  ballots_spoiled: ['أوراق الاقتراع التالفة', 'Ballots spoiled'],
  valid: ['الأوراق الصحيحة', 'Valid ballots'],
  invalid: ['الأوراق الباطلة', 'Invalid ballots'],
  blank: ['الأوراق البيضاء (من الباطلة)', 'Blank ballots (among invalid)'],
};

/** Identifiers a rule may use besides the fields: sums the coordinator need not spell out. */
export const COMPUTED = {
  voters: ['voters_women', 'voters_men'],
  registered: ['registered_women', 'registered_men'],
} as const;

/**
 * A reconciliation rule: the expression, and what it means in words — written by the coordinator,
 * or (left empty) generated from the expression with the form's own labels (forms/words.ts).
 */
export type RuleDef = { rule: string; label_ar: string; label_en: string };
/** Rules as stored: plain expressions (older forms) or with their labels. */
export const asRuleDefs = (rules: (string | RuleDef)[]): RuleDef[] =>
  rules.map((r) => (typeof r === 'string' ? { rule: r, label_ar: '', label_en: '' } : r));

export const DEFAULT_COUNT_RULES = [
  'valid + invalid = voters',
  'voters <= registered',
  'votes_total = valid',
  'ballots_received = voters + ballots_unused + ballots_spoiled',
  'blank <= invalid',
];

/** The count-sheet field of a list or candidate: `votes_l1`, `votes_al_12` for AL-12. */
export const voteField = (candidateCode: string) => `votes_${candidateCode.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;

export function countQuestions(candidates: { code: string; name_ar: string; name_en: string }[]): Question[] {
  const base: Question[] = COUNT_FIELDS.map((id) => ({
    id,
    type: 'number',
    label_ar: COUNT_LABELS[id][0],
    label_en: COUNT_LABELS[id][1],
    required: !id.startsWith('registered_'),
    min: 0,
    max: 100_000,
  }));
  const votes: Question[] = candidates.map((c) => ({
    id: voteField(c.code),
    type: 'number',
    label_ar: `${c.code} — ${c.name_ar}`,
    label_en: `${c.code} — ${c.name_en}`,
    required: true,
    min: 0,
    max: 100_000,
  }));
  return [...base, ...votes];
}

/** The numeric fields that make up a count sheet (compared between double entries). */
export function sheetFields(def: FormDefinition): string[] {
  return def.questions
    .filter(
      (q) => q.type === 'number' && ((COUNT_FIELDS as readonly string[]).includes(q.id) || q.id.startsWith('votes_')),
    )
    .map((q) => q.id);
}

/** Is the question shown, given the answers so far? (Conditions only look at earlier questions.) */
export function isShown(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const v = answers[q.showIf.question];
  return v !== undefined && String(v) === q.showIf.equals;
}

export type AnswerError =
  'required' | 'notNumber' | 'tooSmall' | 'tooBig' | 'badChoice' | 'badYesNo' | 'badTime' | 'tooLong' | 'unknown';

export function parseNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = westernDigits(v.trim()).replace(/[,٬]/g, '');
  if (!/^-?\d{1,9}$/.test(s)) return null;
  return Number(s);
}

/**
 * Checks answers against a form: unknown questions are refused, answers to questions hidden by
 * their condition are dropped, required visible questions must be answered.
 */
export function validateAnswers(
  def: FormDefinition,
  raw: Record<string, unknown>,
): { ok: true; answers: Answers; critical: string[] } | { ok: false; errors: Record<string, AnswerError> } {
  const errors: Record<string, AnswerError> = {};
  const known = new Set(def.questions.map((q) => q.id));
  for (const k of Object.keys(raw)) if (!known.has(k)) errors[k] = 'unknown';
  const answers: Answers = {};
  const critical: string[] = [];
  for (const q of def.questions) {
    if (!isShown(q, answers)) continue;
    const v = raw[q.id];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (empty) {
      if (q.required) errors[q.id] = 'required';
      continue;
    }
    switch (q.type) {
      case 'yesno': {
        const s = v === true ? 'yes' : v === false ? 'no' : String(v).trim().toLowerCase();
        if (s !== 'yes' && s !== 'no') errors[q.id] = 'badYesNo';
        else {
          answers[q.id] = s;
          if (q.criticalAnswer && q.criticalAnswer === s) critical.push(q.id);
        }
        break;
      }
      case 'number': {
        const n = parseNumber(v);
        if (n === null) errors[q.id] = 'notNumber';
        else if (q.min != null && n < q.min) errors[q.id] = 'tooSmall';
        else if (q.max != null && n > q.max) errors[q.id] = 'tooBig';
        else answers[q.id] = n;
        break;
      }
      case 'choice': {
        const opt = q.options?.find((o) => o.value === String(v));
        if (!opt) errors[q.id] = 'badChoice';
        else {
          answers[q.id] = opt.value;
          if (opt.critical) critical.push(q.id);
        }
        break;
      }
      case 'text': {
        const s = String(v).trim();
        if (s.length > 2000) errors[q.id] = 'tooLong';
        else answers[q.id] = s;
        break;
      }
      case 'time': {
        const s = westernDigits(String(v).trim());
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s)) errors[q.id] = 'badTime';
        else answers[q.id] = s;
        break;
      }
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, answers, critical };
}

/** Values a rule sees: the numeric answers plus the computed sums (only when every part is there). */
export function ruleValues(values: Record<string, Answer | null | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'number') out[k] = v;
  for (const [name, parts] of Object.entries(COMPUTED)) {
    if (parts.every((p) => typeof out[p] === 'number')) out[name] = parts.reduce((s, p) => s + out[p]!, 0);
  }
  const votes = Object.keys(out).filter((k) => k.startsWith('votes_') && k !== 'votes_total');
  if (votes.length) out.votes_total = votes.reduce((s, k) => s + out[k]!, 0);
  return out;
}

/** A failed rule with the two sides' values (and the coordinator's words for it, if any). */
export type RuleFlag = { rule: string; left: number; right: number; label_ar?: string; label_en?: string };

/** The rules a sheet fails. Rules naming a missing value are skipped, not failed. */
export function checkRules(rules: (string | RuleDef)[], values: Record<string, Answer | null | undefined>): RuleFlag[] {
  const v = ruleValues(values);
  const flags: RuleFlag[] = [];
  for (const def of asRuleDefs(rules)) {
    const parsed = parseRule(def.rule);
    if (!parsed.ok) continue;
    const outcome = evaluateRule(parsed.rule, v);
    if (outcome.status !== 'fail') continue;
    const words = def.label_ar ? { label_ar: def.label_ar, label_en: def.label_en } : {};
    flags.push({ rule: parsed.rule.source, left: outcome.left, right: outcome.right, ...words });
  }
  return flags;
}

export type RulesProblem = { line: number; rule: string; error: RuleError | { code: 'unknownName'; names: string[] } };

/** Validates rule lines against a form's fields before they are saved. */
export function validateRules(lines: string[], def: FormDefinition): RulesProblem[] {
  const names = new Set<string>([
    ...def.questions.filter((q) => q.type === 'number').map((q) => q.id),
    ...Object.keys(COMPUTED),
  ]);
  if (def.questions.some((q) => q.id.startsWith('votes_'))) names.add('votes_total');
  const problems: RulesProblem[] = [];
  lines.forEach((rule, i) => {
    const parsed = parseRule(rule);
    if (!parsed.ok) problems.push({ line: i + 1, rule, error: parsed.error });
    else {
      const unknown = ruleIdentifiers(parsed.rule).filter((n) => !names.has(n));
      if (unknown.length) problems.push({ line: i + 1, rule, error: { code: 'unknownName', names: unknown } });
    }
  });
  return problems;
}

/** Checks a definition's own consistency (ids, ranges, conditions pointing backwards). */
export function definitionProblems(def: FormDefinition): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Question>();
  if (def.questions.length === 0) problems.push('noQuestions');
  if (def.questions.length > MAX_QUESTIONS) problems.push('tooManyQuestions');
  for (const q of def.questions) {
    if (!QUESTION_ID.test(q.id)) problems.push(`badId:${q.id}`);
    if (seen.has(q.id)) problems.push(`duplicateId:${q.id}`);
    if (!q.label_ar.trim()) problems.push(`missingLabel:${q.id}`);
    if (q.type === 'number' && q.min != null && q.max != null && q.min > q.max) problems.push(`badRange:${q.id}`);
    if (q.type === 'choice' && (!q.options || q.options.length < 2)) problems.push(`fewOptions:${q.id}`);
    if (q.showIf) {
      const target = seen.get(q.showIf.question);
      if (!target) problems.push(`badCondition:${q.id}`);
      else if (target.type === 'yesno' && !['yes', 'no'].includes(q.showIf.equals))
        problems.push(`badCondition:${q.id}`);
      else if (target.type === 'choice' && !target.options?.some((o) => o.value === q.showIf!.equals))
        problems.push(`badCondition:${q.id}`);
    }
    seen.set(q.id, q);
  }
  return problems;
}
