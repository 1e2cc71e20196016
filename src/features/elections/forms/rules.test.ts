// The rule language, answers against a form's definition, and the form builder's post: pure
// functions, no database.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRule, parseRule } from './expr.js';
import {
  checkRules,
  countQuestions,
  DEFAULT_COUNT_RULES,
  definitionProblems,
  validateAnswers,
  validateRules,
  type FormDefinition,
} from './formdef.js';
import { moved, parseQuestion, questionForm, withQuestion, without } from './builder.js';
import { goodSheet } from '../testing/fixture.js';

describe('reconciliation rules', () => {
  it('parses and evaluates the coordinator’s rules without eval', () => {
    const r = parseRule('valid + invalid = voters');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(evaluateRule(r.rule, { valid: 100, invalid: 5, voters: 105 })).toMatchObject({ status: 'pass' });
    expect(evaluateRule(r.rule, { valid: 100, invalid: 5, voters: 106 })).toEqual({
      status: 'fail',
      left: 105,
      right: 106,
    });
    expect(evaluateRule(r.rule, { valid: 100, voters: 106 })).toEqual({ status: 'skipped', missing: ['invalid'] });
    const le = parseRule('voters ≤ registered');
    expect(le.ok && evaluateRule(le.rule, { voters: 10, registered: 9 }).status).toBe('fail');
    const minus = parseRule('ballots_received - ballots_unused - ballots_spoiled >= ٠');
    expect(
      minus.ok && evaluateRule(minus.rule, { ballots_received: 10, ballots_unused: 3, ballots_spoiled: 7 }).status,
    ).toBe('pass');
  });

  it('refuses anything outside the tiny language, naming what is wrong', () => {
    for (const [src, code] of [
      ['', 'empty'],
      ['valid + invalid', 'noComparison'],
      ['a = b = c', 'twoComparisons'],
      ['a * b = c', 'badChar'],
      ['process.exit() = 1', 'badChar'],
      ['a + = b', 'expectedTerm'],
      ['a = 99999999999', 'bigNumber'],
      ['constructor = 1 +', 'expectedTerm'],
    ] as const) {
      const r = parseRule(src);
      expect(r.ok, src).toBe(false);
      if (!r.ok) expect(r.error.code, src).toBe(code);
    }
  });

  it('never throws on random input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'voters', 'valid'), fc.integer({ min: 0, max: 1e6 })),
        (s, values) => {
          const r = parseRule(s);
          if (r.ok) expect(['pass', 'fail', 'skipped']).toContain(evaluateRule(r.rule, values).status);
        },
      ),
    );
  });

  it('flags a sheet against the default rules and names unknown fields before saving', () => {
    expect(checkRules(DEFAULT_COUNT_RULES, goodSheet(40, 60))).toEqual([]);
    const bad = goodSheet(40, 60, { valid: 10 });
    const flags = checkRules(DEFAULT_COUNT_RULES, bad).map((f) => f.rule);
    expect(flags).toContain('valid + invalid = voters');
    expect(flags).toContain('votes_total = valid');
    const def: FormDefinition = { questions: countQuestions([{ code: 'L1', name_ar: 'أ', name_en: 'A' }]) };
    expect(validateRules(DEFAULT_COUNT_RULES, def)).toEqual([]);
    const problems = validateRules(['valid = votes_l9', 'voters <'], def);
    expect(problems[0]).toMatchObject({ line: 1, error: { code: 'unknownName', names: ['votes_l9'] } });
    expect(problems[1]).toMatchObject({ line: 2, error: { code: 'expectedTerm' } });
  });
});

describe('answers against a form', () => {
  const def: FormDefinition = {
    questions: [
      { id: 'opened', type: 'yesno', label_ar: 'أ', label_en: 'a', required: true, criticalAnswer: 'no' },
      {
        id: 'late',
        type: 'number',
        label_ar: 'ب',
        label_en: 'b',
        required: true,
        min: 0,
        max: 600,
        showIf: { question: 'opened', equals: 'no' },
      },
      {
        id: 'kind',
        type: 'choice',
        label_ar: 'ج',
        label_en: 'c',
        required: false,
        options: [
          { value: 'o1', label_ar: 'x', label_en: 'x', critical: false },
          { value: 'o2', label_ar: 'y', label_en: 'y', critical: true },
        ],
      },
      { id: 'at', type: 'time', label_ar: 'د', label_en: 'd', required: false },
    ],
  };
  it('shows a question only when an earlier answer calls for it, and drops hidden answers', () => {
    const yes = validateAnswers(def, { opened: 'yes', late: 30 });
    expect(yes).toEqual({ ok: true, answers: { opened: 'yes' }, critical: [] });
    const no = validateAnswers(def, { opened: 'no' });
    expect(no).toEqual({ ok: false, errors: { late: 'required' } });
    const ok = validateAnswers(def, { opened: 'no', late: '٤٥', kind: 'o2', at: '٠٩:٣٠' });
    expect(ok).toEqual({
      ok: true,
      answers: { opened: 'no', late: 45, kind: 'o2', at: '09:30' },
      critical: ['opened', 'kind'],
    });
  });
  it('refuses unknown questions and out-of-range numbers', () => {
    expect(validateAnswers(def, { opened: 'no', late: 601, extra: 1 })).toEqual({
      ok: false,
      errors: { extra: 'unknown', late: 'tooBig' },
    });
    expect(validateAnswers(def, { opened: 'maybe' })).toEqual({ ok: false, errors: { opened: 'badYesNo' } });
  });
  it('checks a definition: conditions point backwards', () => {
    const bad: FormDefinition = { questions: [{ ...def.questions[1]! }, { ...def.questions[0]! }] };
    expect(definitionProblems(bad)).toContain('badCondition:late');
    expect(definitionProblems(def)).toEqual([]);
  });
  it('parses one question of the builder at a time; a condition names an earlier answer', () => {
    const fields = (d: Record<string, string>) => questionForm.parse(d);
    const opened = parseQuestion(
      fields({ id: 'Opened', type: 'yesno', label_ar: 'هل فُتح؟', label_en: 'Opened?', required: 'on', critical: 'no' }),
      { earlier: [], others: [] },
    );
    expect(opened).toMatchObject({ ok: true, question: { id: 'opened', required: true, criticalAnswer: 'no' } });
    if (!opened.ok) return;
    const why = parseQuestion(
      fields({
        id: 'why',
        type: 'choice',
        label_ar: 'لماذا؟',
        options: 'تأخر | Late\n* منع | Prevented',
        show_if: 'opened=no',
      }),
      { earlier: [opened.question], others: [opened.question] },
    );
    expect(why).toMatchObject({
      ok: true,
      question: {
        showIf: { question: 'opened', equals: 'no' },
        options: [
          { label_en: 'Late', critical: false },
          { value: 'o2', critical: true },
        ],
      },
    });
    if (!why.ok) return;
    expect(
      parseQuestion(fields({ id: 'x', type: 'yesno', label_ar: 'a', show_if: 'later=yes' }), {
        earlier: [],
        others: [],
      }),
    ).toEqual({
      ok: false,
      errors: { show_if: 'elections.builder.badCondition' },
    });
    expect(
      parseQuestion(fields({ id: 'opened', type: 'yesno', label_ar: 'a' }), { earlier: [], others: [opened.question] }),
    ).toMatchObject({ ok: false, errors: { id: 'elections.builder.duplicateId' } });
    expect(
      parseQuestion(fields({ id: 'n', type: 'number', label_ar: 'a', min: '9', max: '2' }), { earlier: [], others: [] })
        .ok,
    ).toBe(false);
    expect(() => fields({ id: 'x', type: 'script', label_ar: 'a' })).toThrow();

    // A question is moved or removed only where no condition would point forward or at nothing.
    const def: FormDefinition = { questions: [opened.question, why.question] };
    expect(moved(def, 'why', 'up')).toBeNull();
    expect(without(def, 'opened')).toBeNull();
    expect(without(def, 'why')).toEqual({ questions: [opened.question] });
    const renamed = withQuestion(def, 'opened', { ...opened.question, id: 'doors' });
    expect(renamed !== 'tooMany' && renamed.questions[1]!.showIf).toEqual({ question: 'doors', equals: 'no' });
  });
});
