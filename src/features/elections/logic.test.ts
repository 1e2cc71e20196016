// Pure logic: the rule language, answers against forms, the text-report parser, the CSV of
// stations, canonical payloads.
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
import { parseTextReports } from './textreport.js';
import { canonicalJson, parseStationsCsv, payloadHash } from './actions.js';
import { goodSheet } from './fixture.js';
import { parseBuilder } from './schemas.js';

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
  it('parses the form builder strictly', () => {
    const r = parseBuilder({
      title_ar: 'افتتاح',
      title_en: 'Opening',
      q0_id: 'opened',
      q0_type: 'yesno',
      q0_label_ar: 'فُتح؟',
      q0_label_en: 'Opened?',
      q0_required: 'on',
      q0_critical: 'no',
      q1_id: 'why',
      q1_type: 'choice',
      q1_label_ar: 'لماذا؟',
      q1_label_en: 'Why?',
      q1_options: 'تأخر | Late\n* منع | Prevented',
      q1_show_if: 'opened=no',
      q2_id: '',
      rules: '',
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.questions[1]).toMatchObject({
        showIf: { question: 'opened', equals: 'no' },
        options: [{ critical: false }, { value: 'o2', critical: true }],
      });
      expect(r.questions).toHaveLength(2);
    }
    expect(parseBuilder({ title_ar: 'a', title_en: 'b', is_admin: '1' }).ok).toBe(false);
    const cond = parseBuilder({
      title_ar: 'a',
      title_en: 'b',
      q0_id: 'x',
      q0_type: 'yesno',
      q0_label_ar: 'a',
      q0_label_en: 'a',
      q0_show_if: 'later=yes',
    });
    expect(cond.ok).toBe(false);
  });
});

describe('text reports', () => {
  const ctx = {
    stations: [
      { id: 1, centre: 'TB-03', station: 'S1' },
      { id: 2, centre: 'TB-03', station: 'S2' },
      { id: 3, centre: 'TB-04', station: 'S1' },
    ],
    candidateCodes: ['L1', 'L2'],
  };
  const full = 'BR 200 BU 70 BS 10 VA 112 IN 8 BL 3 L1 60 L2 52';
  it('parses a count, with Arabic-Indic digits and derived men', () => {
    const [r] = parseTextReports(`tb-03 s2 V ١٢٠ W ٥١ ${full}`, ctx);
    expect(r).toMatchObject({ ok: true, kind: 'count', stationId: 2, derived: [{ code: 'M', value: 69 }] });
    if (r?.ok && r.kind === 'count')
      expect(r.values).toMatchObject({ voters_women: 51, voters_men: 69, votes_l1: 60, valid: 112 });
  });
  it('accepts glued codes, colons and a centre with one station', () => {
    const [r] = parseTextReports(`TB-04 W:51 M=69 BR200 BU70 BS10 VA112 IN8 BL3 L160 L2 52`, ctx);
    expect(r).toMatchObject({ ok: true, stationId: 3 });
    if (r?.ok && r.kind === 'count') expect(r.values.votes_l1).toBe(60);
  });
  it('names unknown stations, unknown and missing codes', () => {
    const lines = parseTextReports(
      [
        'TB-09 S1 W 1 M 2',
        'TB-03 S9 W 1',
        `TB-03 S1 W 51 X7 4 ${full}`,
        'TB-03 S1 W 51 M 69 VA 112',
        `TB-03 S1 V 100 W 51 M 69 ${full}`,
      ].join('\n'),
      ctx,
    );
    expect(lines.map((l) => l.ok)).toEqual([false, false, false, false, false]);
    expect(lines[0]).toMatchObject({ errors: [{ code: 'unknownStation', value: 'TB-09' }] });
    expect(lines[1]).toMatchObject({ errors: [{ code: 'unknownStation', value: 'TB-03 S9' }] });
    expect(lines[2]!.ok === false && lines[2]!.errors.map((e) => e.code)).toEqual(['unknownCode', 'missing']);
    expect(lines[3]).toMatchObject({
      errors: [{ code: 'missing', codes: ['BR', 'BU', 'BS', 'IN', 'BL', 'L1', 'L2'] }],
    });
    expect(lines[4]).toMatchObject({ errors: [{ code: 'votersMismatch', v: 100, w: 51, m: 69 }] });
  });
  it('reads incidents and "no network", skips blank and # lines', () => {
    const lines = parseTextReports(
      '\n# from Ahmad\nTB-03 S1 INC ballot box opened 2 times\nTB-03 S2 NONET\nTB-03 S2 INC',
      ctx,
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ ok: true, kind: 'incident', note: 'ballot box opened 2 times', line: 3 });
    expect(lines[1]).toMatchObject({ ok: true, kind: 'nonet', stationId: 2 });
    expect(lines[2]).toMatchObject({ ok: false, errors: [{ code: 'noIncidentText' }] });
  });
});

describe('stations CSV', () => {
  const header =
    'centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only';
  const towns = new Set(['C1605']);
  const none = { centres: new Map(), stations: new Set<string>() };
  it('reads good rows', () => {
    const r = parseStationsCsv(
      `\ufeff${header}\nTB-01,مدرسة,School,C1605,S1,260,250,no\nTB-01,مدرسة,School,C1605,S2,,,نعم\n`,
      towns,
      none,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rows[1]).toMatchObject({ station_code: 'S2', registered_women: null, women_only: true });
  });
  it('names every bad row with its reason', () => {
    const r = parseStationsCsv(
      [
        header,
        'TB-01,مدرسة,School,C9999,S1,260,250,no',
        'TB-01,مدرسة,School,C1605,X1,2x,250,maybe',
        'TB-02,,School,C1605,S1,1,1,no',
        'TB-02,مركز,Centre,C1605,S1,1,1,no',
        'TB-02,مركز,Centre,C1605,S1,1,1,no',
      ].join('\n'),
      towns,
      none,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
        [2, 'unknownTown'],
        [3, 'badStationCode'],
        [3, 'badNumber'],
        [3, 'badYesNo'],
        [4, 'badName'],
        [6, 'duplicateStation'],
      ]);
    const cols = parseStationsCsv('centre,name\nA,B', towns, none);
    expect(cols.ok === false && cols.problems.map((p) => p.reason)).toContain('missingColumn');
  });
});

describe('idempotency keys', () => {
  it('hashes the same payload the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    expect(payloadHash(1, 2, { a: 1, b: 'x' })).toBe(payloadHash(1, 2, { b: 'x', a: 1 }));
    expect(payloadHash(1, 2, { a: 1 })).not.toBe(payloadHash(1, 3, { a: 1 }));
  });
});
