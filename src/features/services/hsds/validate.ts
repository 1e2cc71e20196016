// Checks one HSDS object's own fields against the spec (types, formats, required fields,
// per-field translations of the Wasl profile). Nested objects are checked by the importer as it
// walks them. Returns the problems by field, each with the value as given and a reason code.
import type { Problem, ProblemCode } from './problems.js';
import { SPECS, type FieldSpec, type ObjectName } from './spec.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const MAX_TEXT = 20_000;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export function isValidDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function uriOk(v: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) || /\s/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

const FORMATS: Partial<Record<FieldSpec['kind'], [ProblemCode, (v: string) => boolean]>> = {
  uuid: ['notUuid', (v) => UUID.test(v)],
  email: ['notEmail', (v) => EMAIL.test(v)],
  uri: ['notUri', uriOk],
  date: ['notDate', isValidDate],
  datetime: ['notDateTime', (v) => DATETIME.test(v) && !Number.isNaN(Date.parse(v))],
  time: ['notTime', (v) => TIME.test(v)],
};

export type FieldProblem = Omit<Problem, 'file' | 'record'>;

/** The problem with one value, or null. Values are already typed (CSV cells converted first). */
export function fieldProblem(f: FieldSpec, v: unknown): FieldProblem | null {
  if (v === undefined || v === null) return null;
  const shown = typeof v === 'string' ? v : JSON.stringify(v);
  const problem = (code: ProblemCode, params?: Problem['params']): FieldProblem => ({
    field: f.name,
    value: shown,
    code,
    ...(params ? { params } : {}),
  });
  if (f.kind === 'number' || f.kind === 'integer')
    return typeof v === 'number' && Number.isFinite(v) ? null : problem('notNumber');
  if (typeof v !== 'string') return problem('notText');
  if (v.length > MAX_TEXT) return { ...problem('tooLong', { max: MAX_TEXT }), value: `${v.slice(0, 40)}…` };
  if (f.kind === 'enum') return f.values!.includes(v) ? null : problem('notInList', { values: f.values!.join(', ') });
  const format = FORMATS[f.kind];
  return format && !format[1](v) ? problem(format[0]) : null;
}

/** Problems of the object's own fields; `translations` is the Wasl profile's per-field map. */
export function objectProblems(name: ObjectName, obj: Record<string, unknown>): FieldProblem[] {
  const spec = SPECS[name];
  const problems: FieldProblem[] = [];
  const translations = obj.translations;
  if (translations !== undefined) {
    if (!translations || typeof translations !== 'object' || Array.isArray(translations)) {
      problems.push({ field: 'translations', value: '', code: 'badTranslations' });
    } else {
      const allowed = new Set(spec.fields.filter((f) => f.tr).map((f) => f.name));
      for (const [lang, fields] of Object.entries(translations as Record<string, unknown>)) {
        const at = `translations.${lang}`;
        if (!LANG_TAG.test(lang)) problems.push({ field: 'translations', value: lang, code: 'badLanguageTag' });
        else if (!fields || typeof fields !== 'object' || Array.isArray(fields))
          problems.push({ field: at, value: '', code: 'notObject' });
        else
          for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
            if (!allowed.has(field)) problems.push({ field: `${at}.${field}`, value: '', code: 'notTranslatable' });
            else {
              const p = fieldProblem({ name: `${at}.${field}`, kind: 'text' }, value);
              if (p) problems.push(p);
            }
          }
      }
    }
  }
  for (const f of spec.fields) {
    const v = obj[f.name];
    const translated =
      f.tr &&
      translations &&
      typeof translations === 'object' &&
      Object.values(translations as Record<string, Record<string, unknown>>).some(
        (m) => m && typeof m === 'object' && typeof m[f.name] === 'string' && m[f.name] !== '',
      );
    if (f.required && (v === undefined || v === null || v === '') && !translated) {
      problems.push({ field: f.name, value: '', code: 'required' });
      continue;
    }
    const p = fieldProblem(f, v);
    if (p) problems.push(p);
  }
  return problems;
}
