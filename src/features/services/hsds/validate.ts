// Checks one HSDS object's own fields against the spec (types, formats, required fields,
// per-field translations of the Wasl profile). Nested objects are checked by the importer as it
// walks them. Returns the problems in plain English, each naming the field.
import { SPECS, type FieldSpec, type ObjectName } from './spec.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_TEXT = 20_000;

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

/** The problem with one value, or null. Values are already typed (CSV cells converted first). */
export function fieldProblem(f: FieldSpec, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  switch (f.kind) {
    case 'number':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    default:
      break;
  }
  if (typeof v !== 'string') return 'must be text';
  if (v.length > MAX_TEXT) return `is longer than ${MAX_TEXT} characters`;
  switch (f.kind) {
    case 'uuid':
      return UUID.test(v) ? null : 'must be a UUID';
    case 'email':
      return EMAIL.test(v) ? null : 'must be an e-mail address';
    case 'uri':
      return uriOk(v) ? null : 'must be a URI with a scheme (https://…)';
    case 'date':
      return isValidDate(v) ? null : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return DATETIME.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'must be a date and time with a zone (ISO 8601)';
    case 'time':
      return TIME.test(v) ? null : 'must be a time (HH:MM or HH:MM:SS)';
    case 'enum':
      return f.values!.includes(v) ? null : `must be one of: ${f.values!.join(', ')}`;
    default:
      return null;
  }
}

export type Translations = Record<string, Record<string, string>>;

/** Problems of the object's own fields; `translations` is the Wasl profile's per-field map. */
export function objectProblems(name: ObjectName, obj: Record<string, unknown>): string[] {
  const spec = SPECS[name];
  const problems: string[] = [];
  const translations = obj.translations;
  if (translations !== undefined) {
    if (!translations || typeof translations !== 'object' || Array.isArray(translations)) {
      problems.push('translations: must be an object of languages');
    } else {
      const allowed = new Set(spec.fields.filter((f) => f.tr).map((f) => f.name));
      for (const [lang, fields] of Object.entries(translations as Record<string, unknown>)) {
        if (!LANG_TAG.test(lang)) problems.push(`translations: "${lang}" is not a language tag`);
        else if (!fields || typeof fields !== 'object' || Array.isArray(fields))
          problems.push(`translations.${lang}: must be an object`);
        else
          for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
            if (!allowed.has(field))
              problems.push(`translations.${lang}.${field}: not a translatable field of ${name}`);
            else if (typeof value !== 'string') problems.push(`translations.${lang}.${field}: must be text`);
            else if (value.length > MAX_TEXT) problems.push(`translations.${lang}.${field}: too long`);
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
        (m) => m && typeof m === 'object' && typeof m[f.name] === 'string',
      );
    if (f.required && (v === undefined || v === null) && !translated) {
      problems.push(`${f.name}: is required`);
      continue;
    }
    const p = fieldProblem(f, v);
    if (p) problems.push(`${f.name}: ${p}`);
  }
  return problems;
}
