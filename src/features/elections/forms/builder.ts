// The form builder's post: the title, the count rules, and each question as repeated fields
// q{i}_id, q{i}_type, q{i}_label_ar… (three empty rows per save). `builderForm` admits exactly those
// names (anything else is refused, as every form does); `parseBuilder` turns them into questions.
import { z } from 'zod';
import { westernDigits } from './expr.js';
import { MAX_QUESTIONS, QUESTION_ID, type ChoiceOption, type Question, type QuestionType } from './formdef.js';

const QUESTION_FIELDS = [
  'id',
  'type',
  'label_ar',
  'label_en',
  'required',
  'min',
  'max',
  'options',
  'critical',
  'show_if',
  'remove',
] as const;

const text = z.string().max(20_000).optional();

/** Every name the builder may post: title, rules and q0_… to q{MAX_QUESTIONS + 5}_…. */
export const builderForm = z.object({
  title_ar: text,
  title_en: text,
  rules: text,
  ...Object.fromEntries(
    Array.from({ length: MAX_QUESTIONS + 6 }, (_, i) => QUESTION_FIELDS.map((f) => [`q${i}_${f}`, text])).flat(),
  ),
});

/** A saved form as the builder's fields show it. */
export function builderValues(f: { title_ar: string; title_en: string; questions: Question[]; rules: string[] }) {
  const values: Record<string, string> = { title_ar: f.title_ar, title_en: f.title_en, rules: f.rules.join('\n') };
  for (const [i, q] of f.questions.entries()) {
    const n = `q${i}_`;
    Object.assign(values, {
      [`${n}id`]: q.id,
      [`${n}type`]: q.type,
      [`${n}label_ar`]: q.label_ar,
      [`${n}label_en`]: q.label_en,
      [`${n}required`]: q.required ? 'on' : '',
      [`${n}min`]: q.min == null ? '' : String(q.min),
      [`${n}max`]: q.max == null ? '' : String(q.max),
      [`${n}options`]: (q.options ?? [])
        .map((o) => `${o.critical ? '* ' : ''}${o.label_ar} | ${o.label_en}`)
        .join('\n'),
      [`${n}critical`]: q.criticalAnswer ?? '',
      [`${n}show_if`]: q.showIf ? `${q.showIf.question}=${q.showIf.equals.replace(/^o(\d+)$/, '$1')}` : '',
    });
  }
  return values;
}

/** How many question rows the posted or saved fields fill (q0… up to the highest index). */
export function builderRows(values: Record<string, unknown>): number {
  let n = 0;
  for (const k of Object.keys(values)) {
    const m = /^q(\d{1,3})_/.exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

export type BuilderResult =
  | { ok: true; title_ar: string; title_en: string; questions: Question[]; rules: string[] }
  | { ok: false; errors: Record<string, string>; raw: Record<string, unknown> };

const questionTypes: QuestionType[] = ['yesno', 'number', 'choice', 'text', 'time'];
const builderKey = /^q(\d{1,3})_(id|type|label_ar|label_en|required|min|max|options|critical|show_if|remove)$/;

/**
 * Parses the form builder's post. Every key must be known (strict, like parseForm). Errors are
 * catalog keys (with `|detail`), turned into messages by the route.
 */
export function parseBuilder(body: unknown): BuilderResult {
  const raw: Record<string, unknown> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body as Record<string, unknown>))
      if (k !== '_csrf' && !k.endsWith('.dir')) raw[k] = v;
  const errors: Record<string, string> = {};
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const rows = new Map<number, Record<string, string>>();
  for (const k of Object.keys(raw)) {
    if (['title_ar', 'title_en', 'rules'].includes(k)) continue;
    const m = builderKey.exec(k);
    if (!m || typeof raw[k] !== 'string' || Number(m[1]) > MAX_QUESTIONS + 5) {
      errors._form = 'form.unknownFields';
      continue;
    }
    const i = Number(m[1]);
    if (!rows.has(i)) rows.set(i, {});
    rows.get(i)![m[2]!] = (raw[k] as string).trim();
  }
  const title_ar = str('title_ar');
  const title_en = str('title_en');
  if (!title_ar) errors.title_ar = 'form.required';
  if (!title_en) errors.title_en = 'form.required';
  const questions: Question[] = [];
  for (const i of [...rows.keys()].sort((a, b) => a - b)) {
    const r = rows.get(i)!;
    if (r.remove === 'on' || (!r.id && !r.label_ar && !r.label_en)) continue;
    const id = westernDigits(r.id ?? '').toLowerCase();
    const type = (r.type ?? '') as QuestionType;
    const err = (msg: string) => (errors[`q${i}_id`] ??= msg);
    if (!QUESTION_ID.test(id)) err('elections.builder.badId');
    if (questions.some((q) => q.id === id)) err('elections.builder.duplicateId');
    if (!questionTypes.includes(type)) err('elections.builder.badType');
    if (!r.label_ar || !r.label_en || r.label_ar.length > 300 || r.label_en.length > 300)
      err('elections.builder.needLabels');
    const q: Question = {
      id,
      type,
      label_ar: r.label_ar ?? '',
      label_en: r.label_en ?? '',
      required: r.required === 'on',
    };
    if (type === 'number') {
      const num = (s: string | undefined) =>
        s && /^-?\d{1,9}$/.test(westernDigits(s)) ? Number(westernDigits(s)) : null;
      q.min = num(r.min);
      q.max = num(r.max);
      if ((r.min && q.min === null) || (r.max && q.max === null) || (q.min != null && q.max != null && q.min > q.max))
        err('elections.builder.badRange');
    }
    if (type === 'yesno') q.criticalAnswer = r.critical === 'yes' || r.critical === 'no' ? r.critical : null;
    if (type === 'choice') {
      const opts: ChoiceOption[] = [];
      for (const [n, line] of (r.options ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .entries()) {
        const critical = line.startsWith('*');
        const parts = line
          .replace(/^\*\s*/, '')
          .split('|')
          .map((p) => p.trim());
        if (parts.length !== 2 || !parts[0] || !parts[1]) err('elections.builder.badOptions');
        opts.push({ value: `o${n + 1}`, label_ar: parts[0] ?? '', label_en: parts[1] ?? '', critical });
      }
      if (opts.length < 2 || opts.length > 30) err('elections.builder.badOptions');
      q.options = opts;
    }
    if (r.show_if) {
      const m = /^([a-z][a-z0-9_]*)\s*=\s*(\S+)$/.exec(westernDigits(r.show_if).toLowerCase());
      const target = m ? questions.find((x) => x.id === m[1]) : undefined;
      let equals = m?.[2] ?? '';
      if (target?.type === 'choice' && /^\d+$/.test(equals)) equals = `o${equals}`;
      const valid =
        target &&
        ((target.type === 'yesno' && (equals === 'yes' || equals === 'no')) ||
          (target.type === 'choice' && target.options?.some((o) => o.value === equals)));
      if (!valid) err('elections.builder.badCondition');
      else q.showIf = { question: target!.id, equals };
    }
    questions.push(q);
  }
  if (questions.length > MAX_QUESTIONS) errors._form = 'elections.builder.tooMany';
  const rules = str('rules')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (rules.length > 50) errors.rules = 'elections.builder.tooManyRules';
  if (Object.keys(errors).length) return { ok: false, errors, raw };
  return { ok: true, title_ar, title_en, questions, rules };
}
