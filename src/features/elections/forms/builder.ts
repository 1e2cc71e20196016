// The form builder edits one question at a time: its fields (id, type, labels, range, options,
// critical answer, the condition chosen from the earlier questions' answers) parsed into a
// Question, and a draft's list of questions changed one step at a time (saved, moved, removed).
// Count rules come as lines `expression | words in Arabic | words in English` (the words optional).
import { z } from 'zod';
import { westernDigits } from '../../../core/http/forms.js';
import {
  asRuleDefs,
  definitionProblems,
  MAX_QUESTIONS,
  QUESTION_ID,
  type ChoiceOption,
  type FormDefinition,
  type Question,
  type QuestionType,
  type RuleDef,
} from './formdef.js';

export const QUESTION_TYPES: QuestionType[] = ['yesno', 'number', 'choice', 'text', 'time'];
const text = (max: number) => z.string().trim().max(max).default('');

export const questionForm = z.object({
  id: text(40),
  type: z.enum(QUESTION_TYPES),
  label_ar: text(300),
  label_en: text(300),
  required: z.string().optional(),
  min: text(12),
  max: text(12),
  options: text(6000),
  critical: z.enum(['', 'yes', 'no']).default(''),
  show_if: text(90),
});
export type QuestionFields = z.infer<typeof questionForm>;

export const titleForm = z.object({ title_ar: z.string().trim().min(1).max(200), title_en: text(200) });
export const rulesForm = z.object({ rules: text(20_000) });
export const moveForm = z.object({ dir: z.enum(['up', 'down']) });

/** A saved question as its edit form shows it. */
export function questionValues(q: Question): Record<string, string> {
  return {
    id: q.id,
    type: q.type,
    label_ar: q.label_ar,
    label_en: q.label_en,
    required: q.required ? 'on' : '',
    min: q.min == null ? '' : String(q.min),
    max: q.max == null ? '' : String(q.max),
    options: (q.options ?? [])
      .map((o) => `${o.critical ? '* ' : ''}${o.label_ar}${o.label_en ? ` | ${o.label_en}` : ''}`)
      .join('\n'),
    critical: q.criticalAnswer ?? '',
    show_if: q.showIf ? `${q.showIf.question}=${q.showIf.equals}` : '',
  };
}

const number = (s: string) => (/^-?\d{1,9}$/.test(westernDigits(s)) ? Number(westernDigits(s)) : null);

/**
 * One question from its fields: `earlier` are the questions before it (a condition may only name
 * one of them), `others` every other question (ids are unique). Errors are catalog keys by field.
 */
export function parseQuestion(
  d: QuestionFields,
  { earlier, others }: { earlier: Question[]; others: Question[] },
): { ok: true; question: Question } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const id = westernDigits(d.id).toLowerCase();
  if (!QUESTION_ID.test(id)) errors.id = 'elections.builder.badId';
  else if (others.some((q) => q.id === id)) errors.id = 'elections.builder.duplicateId';
  if (!d.label_ar) errors.label_ar = 'form.required';
  const q: Question = { id, type: d.type, label_ar: d.label_ar, label_en: d.label_en, required: d.required === 'on' };
  if (d.type === 'number') {
    q.min = d.min ? number(d.min) : null;
    q.max = d.max ? number(d.max) : null;
    if ((d.min && q.min === null) || (d.max && q.max === null) || (q.min != null && q.max != null && q.min > q.max))
      errors.max = 'elections.builder.badRange';
  }
  if (d.type === 'yesno') q.criticalAnswer = d.critical || null;
  if (d.type === 'choice') {
    const options: ChoiceOption[] = d.options
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line, n) => {
        const [ar = '', en = ''] = line
          .replace(/^\*\s*/, '')
          .split('|')
          .map((p) => p.trim());
        return { value: `o${n + 1}`, label_ar: ar, label_en: en, critical: line.startsWith('*') };
      });
    if (options.length < 2 || options.length > 30 || options.some((o) => !o.label_ar))
      errors.options = 'elections.builder.badOptions';
    q.options = options;
  }
  if (d.show_if) {
    const [target, equals = ''] = d.show_if.split('=');
    const on = earlier.find((x) => x.id === target);
    const valid =
      (on?.type === 'yesno' && (equals === 'yes' || equals === 'no')) ||
      (on?.type === 'choice' && on.options?.some((o) => o.value === equals));
    if (valid) q.showIf = { question: on!.id, equals };
    else errors.show_if = 'elections.builder.badCondition';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, question: q };
}

/** The questions with one saved (replacing `id`, or added at the end when `id` is null). */
export function withQuestion(def: FormDefinition, id: string | null, q: Question): FormDefinition | 'tooMany' {
  if (id === null) return def.questions.length >= MAX_QUESTIONS ? 'tooMany' : { questions: [...def.questions, q] };
  // A question renamed carries the conditions that named it.
  const renamed = (x: Question) => (x.showIf?.question === id ? { ...x, showIf: { ...x.showIf, question: q.id } } : x);
  return { questions: def.questions.map((x) => (x.id === id ? q : renamed(x))) };
}

/** The questions with one moved a step, or null when a condition would then point forward. */
export function moved(def: FormDefinition, id: string, dir: 'up' | 'down'): FormDefinition | null {
  const qs = [...def.questions];
  const i = qs.findIndex((q) => q.id === id);
  const j = dir === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= qs.length) return def;
  [qs[i], qs[j]] = [qs[j]!, qs[i]!];
  const next = { questions: qs };
  return definitionProblems(next).some((p) => p.startsWith('badCondition')) ? null : next;
}

/** The questions without one, or null when a later question's condition names it. */
export function without(def: FormDefinition, id: string): FormDefinition | null {
  if (def.questions.some((q) => q.showIf?.question === id)) return null;
  return { questions: def.questions.filter((q) => q.id !== id) };
}

/** Rule lines as typed: `expression | words in Arabic | words in English`. */
export function parseRuleLines(text: string): RuleDef[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [rule = '', label_ar = '', label_en = ''] = line.split('|').map((p) => p.trim());
      return { rule, label_ar, label_en };
    });
}

/** Rules as the rules box shows them. */
export function ruleLines(rules: (string | RuleDef)[]): string {
  return asRuleDefs(rules)
    .map((r) =>
      [r.rule, ...(r.label_ar || r.label_en ? [r.label_ar] : []), ...(r.label_en ? [r.label_en] : [])].join(' | '),
    )
    .join('\n');
}
