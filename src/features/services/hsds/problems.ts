// What an HSDS import found wrong, in one shape for every step (validation, collection, references,
// the tabular package and its older versions): the file, the record, the field, the value as given
// and a reason code. Codes are translated (`services.import.problem.<code>` in the catalogs), so
// the admin page speaks the reader's language and the CLI English; problems are grouped by file,
// field and reason with a count and example values, and written in full to a CSV report.
import type { Translator } from '../../../core/i18n/index.js';
import { toCsv } from '../../../core/text/csv.js';

export const PROBLEM_CODES = [
  'required',
  'notNumber',
  'notText',
  'tooLong',
  'notUuid',
  'notEmail',
  'notUri',
  'notDate',
  'notDateTime',
  'notTime',
  'notInList',
  'badTranslations',
  'badLanguageTag',
  'notTranslatable',
  'notObject',
  'notList',
  'notBoolean',
  'unknownKind',
  'needsOrganization',
  'needsService',
  'needsLocation',
  'linkedTwice',
  'givenTwice',
  'notHsds',
  'unknownRecords',
  'noSuchRecord',
  'unknownPcode',
  'badDatapackage',
  'listedMissing',
  'badCsv',
  'unknownColumn',
  'fieldCount',
  'unknownFile',
  'mixedVersions',
  'json2',
  'refersToNothing',
  'charset',
  'notWeekday',
  'unreadable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Problem = {
  /** the file it was found in ('services.csv', or the JSON document's name) */
  file: string;
  /** the record: 'line 12 (service 45 "…")' or '[3].phones[0] (phone …)'; '' for the file itself */
  record: string;
  /** the field, or '' */
  field: string;
  /** the offending value as given, or '' */
  value: string;
  code: ProblemCode;
  /** the reason's few words that vary (a list of allowed values, a limit); never the value itself */
  params?: Record<string, string | number>;
};

/** Where problems are reported while one file is read. */
export type ProblemSink = (p: Omit<Problem, 'file'> & { file?: string }) => void;

type Tr = Pick<Translator, 't'>;

/** The reason in words. */
export function reasonText(i18n: Tr, p: Pick<Problem, 'code' | 'params'>): string {
  return i18n.t(`services.import.problem.${p.code}` as never, (p.params ?? {}) as never);
}

/** One line: `services.csv line 3 (service 12): status — must be one of … ("open")`. */
export function problemLine(i18n: Tr, p: Problem): string {
  const where = [p.file, p.record].filter(Boolean).join(' ');
  const what = p.field ? `${p.field} — ` : '';
  const value = p.value ? ` («${p.value.length > 80 ? `${p.value.slice(0, 77)}…` : p.value}»)` : '';
  return `${where}: ${what}${reasonText(i18n, p)}${value}`;
}

export type ProblemGroup = {
  file: string;
  field: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
  count: number;
  /** up to three different values, as given */
  values: string[];
  /** the first record it was found in */
  first: string;
};

/** Problems by file, field and reason, largest groups first within each file (files in order met). */
export function groupProblems(problems: Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const fileOrder = new Map<string, number>();
  for (const p of problems) {
    if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
    const key = JSON.stringify([p.file, p.field, p.code, p.params ?? null]);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        file: p.file,
        field: p.field,
        code: p.code,
        params: p.params,
        count: 1,
        values: p.value ? [p.value] : [],
        first: p.record,
      });
      continue;
    }
    g.count++;
    if (p.value && g.values.length < 3 && !g.values.includes(p.value)) g.values.push(p.value);
  }
  return [...groups.values()].sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || b.count - a.count);
}

/** The full report, one row per problem (UTF-8 with BOM for spreadsheets; formulas neutralized). */
export function problemsCsv(i18n: Tr, problems: Problem[]): string {
  const head = ['file', 'record', 'field', 'value', 'problem'];
  return toCsv([head, ...problems.map((p) => [p.file, p.record, p.field, p.value, reasonText(i18n, p)])]);
}
