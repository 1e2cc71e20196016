// Reconciliation rules written by coordinators, e.g. `valid + invalid = voters` or
// `voters <= registered`. A tiny language, parsed and evaluated here by hand (never eval or
// Function): identifiers, non-negative integers, + and -, and exactly one comparison
// (=, <=, >=, <, >; ≤ and ≥ too). A rule flags a sheet; it never changes a value.
import { westernDigits } from '../../../core/http/forms.js';

export type Term = { sign: 1 | -1; kind: 'int'; value: number } | { sign: 1 | -1; kind: 'id'; name: string };
export type Comparison = '=' | '<=' | '>=' | '<' | '>';
export type Rule = { source: string; left: Term[]; op: Comparison; right: Term[] };

export type RuleError = {
  code: 'empty' | 'tooLong' | 'badChar' | 'expectedTerm' | 'noComparison' | 'twoComparisons' | 'bigNumber';
  at: number;
  near?: string;
};

const MAX_LENGTH = 300;
const MAX_TERMS = 40;
const MAX_INT = 1_000_000_000;

type Token =
  { t: 'int'; v: number; at: number } | { t: 'id'; v: string; at: number } | { t: 'op'; v: string; at: number };

function tokenize(input: string): Token[] | RuleError {
  const s = westernDigits(input);
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < s.length && /[0-9]/.test(s[j]!)) j++;
      const text = s.slice(i, j);
      if (text.length > 10 || Number(text) > MAX_INT) return { code: 'bigNumber', at: i, near: text };
      out.push({ t: 'int', v: Number(text), at: i });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j]!)) j++;
      out.push({ t: 'id', v: s.slice(i, j).toLowerCase(), at: i });
      i = j;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==') {
      out.push({ t: 'op', v: two === '==' ? '=' : two, at: i });
      i += 2;
      continue;
    }
    if ('+-=<>'.includes(ch)) {
      out.push({ t: 'op', v: ch, at: i });
      i++;
      continue;
    }
    if (ch === '≤' || ch === '≥') {
      out.push({ t: 'op', v: ch === '≤' ? '<=' : '>=', at: i });
      i++;
      continue;
    }
    return { code: 'badChar', at: i, near: ch };
  }
  return out;
}

const isComparison = (v: string): v is Comparison => ['=', '<=', '>=', '<', '>'].includes(v);

export function parseRule(input: string): { ok: true; rule: Rule } | { ok: false; error: RuleError } {
  const source = input.trim();
  if (!source) return { ok: false, error: { code: 'empty', at: 0 } };
  if (source.length > MAX_LENGTH) return { ok: false, error: { code: 'tooLong', at: MAX_LENGTH } };
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  let pos = 0;
  const sides: Term[][] = [[]];
  let op: Comparison | null = null;
  let expectTerm = true;
  let sign: 1 | -1 = 1;
  let terms = 0;
  while (pos < tokens.length) {
    const tok = tokens[pos]!;
    if (expectTerm) {
      if (tok.t === 'int' || tok.t === 'id') {
        if (++terms > MAX_TERMS) return { ok: false, error: { code: 'tooLong', at: tok.at } };
        sides[sides.length - 1]!.push(
          tok.t === 'int' ? { sign, kind: 'int', value: tok.v } : { sign, kind: 'id', name: tok.v },
        );
        sign = 1;
        expectTerm = false;
      } else if (tok.t === 'op' && tok.v === '-' && sign === 1 && sides[sides.length - 1]!.length === 0) {
        sign = -1; // a leading minus: `-blank + invalid >= 0`
      } else {
        return { ok: false, error: { code: 'expectedTerm', at: tok.at, near: String(tok.v) } };
      }
    } else {
      if (tok.t !== 'op') return { ok: false, error: { code: 'expectedTerm', at: tok.at, near: String(tok.v) } };
      if (tok.v === '+' || tok.v === '-') {
        sign = tok.v === '+' ? 1 : -1;
        expectTerm = true;
      } else if (isComparison(tok.v)) {
        if (op) return { ok: false, error: { code: 'twoComparisons', at: tok.at, near: tok.v } };
        op = tok.v;
        sides.push([]);
        expectTerm = true;
      } else {
        return { ok: false, error: { code: 'expectedTerm', at: tok.at, near: tok.v } };
      }
    }
    pos++;
  }
  if (expectTerm) return { ok: false, error: { code: 'expectedTerm', at: source.length } };
  if (!op) return { ok: false, error: { code: 'noComparison', at: source.length } };
  return { ok: true, rule: { source, left: sides[0]!, op, right: sides[1]! } };
}

export function ruleIdentifiers(rule: Rule): string[] {
  return [...new Set([...rule.left, ...rule.right].flatMap((t) => (t.kind === 'id' ? [t.name] : [])))];
}

export type RuleOutcome =
  | { status: 'pass'; left: number; right: number }
  | { status: 'fail'; left: number; right: number }
  | { status: 'skipped'; missing: string[] };

function sum(terms: Term[], values: Record<string, number | null | undefined>, missing: string[]): number {
  let total = 0;
  for (const t of terms) {
    let v: number | null | undefined;
    if (t.kind === 'int') v = t.value;
    else v = Object.hasOwn(values, t.name) ? values[t.name] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      if (t.kind === 'id') missing.push(t.name);
      continue;
    }
    total += t.sign * v;
  }
  return total;
}

/** Evaluates a rule; a rule that names a value not given is skipped (and says which), never guessed. */
export function evaluateRule(rule: Rule, values: Record<string, number | null | undefined>): RuleOutcome {
  const missing: string[] = [];
  const left = sum(rule.left, values, missing);
  const right = sum(rule.right, values, missing);
  if (missing.length) return { status: 'skipped', missing: [...new Set(missing)] };
  const ok =
    rule.op === '='
      ? left === right
      : rule.op === '<='
        ? left <= right
        : rule.op === '>='
          ? left >= right
          : rule.op === '<'
            ? left < right
            : left > right;
  return { status: ok ? 'pass' : 'fail', left, right };
}
