// Rules and conditions said in words, in the reader's language: what a coordinator wrote for a
// rule, or — left empty — the expression read out with the form's own labels ("Valid ballots plus
// Invalid ballots equals voters (women and men)"), and a question's condition as a sentence. No raw
// `valid + invalid = voters` or `opened=no` reaches a page.
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { parseRule, type Comparison, type Term } from './expr.js';
import { COMPUTED, type Question, type RuleDef, type RuleFlag } from './formdef.js';

type T = (key: string, params?: Record<string, string | number>) => string;
const tr = (i18n: Translator) => i18n.t as unknown as T;

const OPS: Record<Comparison, string> = { '=': 'eq', '<=': 'le', '>=': 'ge', '<': 'lt', '>': 'gt' };
const NAMED = new Set([...Object.keys(COMPUTED), 'votes_total']);

/** What a rule's term stands for: the question's label, a named sum, or the number. */
function termName(term: Term, questions: Question[], i18n: Translator): string {
  if (term.kind === 'int') return i18n.number(term.value);
  const q = questions.find((x) => x.id === term.name);
  if (q) return localized(q, 'label', i18n.locale);
  return NAMED.has(term.name) ? tr(i18n)(`elections.rules.names.${term.name}`) : term.name;
}

function side(terms: Term[], questions: Question[], i18n: Translator): string {
  const t = tr(i18n);
  return terms
    .map((term, i) => {
      const name = termName(term, questions, i18n);
      if (i === 0) return term.sign < 0 ? `${t('elections.rules.words.minus')} ${name}` : name;
      return `${t(term.sign < 0 ? 'elections.rules.words.minus' : 'elections.rules.words.plus')} ${name}`;
    })
    .join(' ');
}

/** The expression read out with the form's labels. */
export function ruleWords(expression: string, questions: Question[], i18n: Translator): string {
  const parsed = parseRule(expression);
  if (!parsed.ok) return expression;
  const { left, op, right } = parsed.rule;
  return `${side(left, questions, i18n)} ${tr(i18n)(`elections.rules.op.${OPS[op]}`)} ${side(right, questions, i18n)}`;
}

/** A rule as the reader sees it: the coordinator's words in their language (English falls back to Arabic), else the expression in words. */
export function ruleLabel(
  rule: Pick<RuleDef, 'rule'> & Partial<RuleDef>,
  questions: Question[],
  i18n: Translator,
): string {
  const written = localized({ label_ar: rule.label_ar ?? '', label_en: rule.label_en ?? '' }, 'label', i18n.locale);
  return written || ruleWords(rule.rule, questions, i18n);
}

/** A failed rule with the two sides' values. */
export function flagWords(flag: RuleFlag, questions: Question[], i18n: Translator): string {
  return tr(i18n)('elections.flags.ruleFailed', {
    rule: ruleLabel(flag, questions, i18n),
    left: flag.left,
    right: flag.right,
  });
}

/** The answer a condition waits for, in words: yes/no or the option's label. */
function answerWords(target: Question | undefined, value: string, i18n: Translator): string {
  const t = tr(i18n);
  if (target?.type === 'choice') {
    const o = target.options?.find((x) => x.value === value);
    if (o) return localized(o, 'label', i18n.locale);
  }
  return value === 'yes' ? t('common.yes') : value === 'no' ? t('common.no') : value;
}

/** "Shown only when the answer to “Did the station open?” is “No”.", or null for a question always shown. */
export function conditionWords(q: Question, questions: Question[], i18n: Translator): string | null {
  if (!q.showIf) return null;
  const target = questions.find((x) => x.id === q.showIf!.question);
  return tr(i18n)('elections.builder.conditionWords', {
    question: target ? localized(target, 'label', i18n.locale) : q.showIf.question,
    answer: answerWords(target, q.showIf.equals, i18n),
  });
}

/** Every answer a later question may wait for: "question=value" with its words, for a select. */
export function conditionChoices(questions: Question[], i18n: Translator): { value: string; label: string }[] {
  return questions.flatMap((q) => {
    const values =
      q.type === 'yesno' ? ['yes', 'no'] : q.type === 'choice' ? (q.options ?? []).map((o) => o.value) : [];
    const name = localized(q, 'label', i18n.locale);
    return values.map((v) => ({ value: `${q.id}=${v}`, label: `${name} — ${answerWords(q, v, i18n)}` }));
  });
}
