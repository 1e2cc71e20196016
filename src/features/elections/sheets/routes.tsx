// Count sheets: one station's sheet with its entries side by side (the differing fields marked),
// the decision of a conflict with its reason, and count sheets from a spreadsheet (all rows or
// none; the rules flag; a second entry agrees or opens a conflict).
import { z } from 'zod';
import { fromJson } from '../../../core/db/helpers.js';
import { localized } from '../../../core/i18n/localized.js';
import { westernDigits } from '../../../core/http/forms.js';
import {
  endpoint,
  form,
  FormErrors,
  notFound,
  page,
  parseId,
  type AnyCtx,
  type MemberCtx,
} from '../../../core/http/route.js';
import { csvTemplate } from '../../../core/text/csv-import.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import type { Election } from '../queries.js';
import { countImportForm } from '../schemas.js';
import { uploadedText } from '../csv.js';
import { differingFields, resolveSheet } from '../entry/actions.js';
import type { RuleFlag } from '../forms/formdef.js';
import { labelOf } from '../stations/queries.js';
import { getSheet, sheetEntries } from '../entry/queries.js';
import { COUNT_FIELDS, sheetFields } from '../forms/formdef.js';
import { getForm, publishedForms, type FormRow } from '../forms/queries.js';
import { importSheets, MAX_SHEET_ROWS, sheetColumns, type SheetsImport } from './import.js';
import { SheetImportPage, SheetPage } from './views.js';

const access = 'member' as const;
const sheetOf = (a: 'coordinate' | 'change') => within(a, 'sheet', getSheet);
type Sheet = NonNullable<Awaited<ReturnType<typeof getSheet>>>;

/** The sheet's entries, the fields they fill (by the form of the last one) and what each entry says. */
async function sheetData(c: AnyCtx, e: Election, sheet: Sheet) {
  const entries = await sheetEntries(c.db, sheet.id);
  const forms = new Map<number, FormRow>();
  for (const en of entries) if (!forms.has(en.form_id)) forms.set(en.form_id, (await getForm(c.db, e.id, en.form_id))!);
  const lastForm = forms.get(entries.at(-1)!.form_id)!;
  const labels = new Map<string, string>();
  for (const f of forms.values())
    for (const q of f.def.questions)
      if (sheetFields(f.def).includes(q.id)) labels.set(q.id, localized(q, 'label', c.locale));
  const values = entries.map((en) => {
    const a = fromJson<Record<string, unknown>>(en.answers, {});
    return Object.fromEntries(Object.entries(a).filter(([k, x]) => labels.has(k) && typeof x === 'number')) as Record<
      string,
      number
    >;
  });
  return { entries, values, labels, lastForm };
}

async function sheetPage(c: MemberCtx, e: Election, sheet: Sheet, state: FormState | null) {
  const { entries, values, labels, lastForm } = await sheetData(c, e, sheet);
  const differing = [
    ...new Set(values.flatMap((vals, i) => values.slice(i + 1).flatMap((w) => differingFields(vals, w)))),
  ];
  const order = [...COUNT_FIELDS] as string[];
  const fieldIds = [...labels.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return (
    <SheetPage
      e={e}
      station={await labelOf(c.db, e.id, sheet.station_id)}
      sheet={sheet}
      fields={fieldIds.map((id) => ({ id, label: labels.get(id)! }))}
      accepted={sheet.status === 'conflict' ? null : fromJson<Record<string, number> | null>(sheet.values_json, null)}
      entries={entries.map((en, i) => ({
        id: en.id,
        source: en.source,
        who: en.observer_code ?? en.entered_by_name ?? '',
        values: values[i]!,
      }))}
      differing={differing}
      flags={fromJson<RuleFlag[]>(sheet.flags, []).map((f) => ({ ...f, kind: 'rule' as const }))}
      questions={lastForm.def.questions}
      canChange={canChange(c, e)}
      state={state}
    />
  );
}

/** The decision's fields: for each sheet field, one of the entries' values (v_) or another (o_), and a reason. */
const resolveForm = (fields: string[]) =>
  z.object({
    note: z.string().trim().max(2000).optional(),
    ...Object.fromEntries(fields.flatMap((f) => [`v_${f}`, `o_${f}`]).map((k) => [k, z.string().max(20).optional()])),
  });

const number = (s: string) => {
  const w = westernDigits(s);
  return /^\d{1,9}$/.test(w) ? Number(w) : null;
};

// ——— from a spreadsheet ———

const importQuery = z.object({ form: z.string().optional().catch(undefined) });

async function importPage(c: MemberCtx, e: Election, state: FormState | null, done?: SheetsImport & { ok: true }) {
  const forms = (await publishedForms(c.db, e.id)).filter((f) => f.kind === 'count');
  const chosen = forms.find((f) => f.id === parseId(state?.values.form_id ?? c.query.form)) ?? forms[0] ?? null;
  return (
    <SheetImportPage
      e={e}
      forms={forms}
      form={chosen}
      columns={chosen ? sheetColumns(chosen).map((col) => ({ name: col.name, alias: col.aliases?.[0] ?? '' })) : []}
      maxRows={MAX_SHEET_ROWS}
      done={done?.counts ?? null}
      state={state}
    />
  );
}

export const sheetRoutes = [
  page('/elections/:id/sheets/:sheet', {
    access,
    load: sheetOf('coordinate'),
    render: (c, { e, row }) => sheetPage(c, e, row, null),
  }),

  form('/elections/:id/sheets/:sheet/resolve', {
    access,
    async load(c) {
      const { e, row: sheet } = await sheetOf('change')(c);
      return { e, sheet, ...(await sheetData(c, e, sheet)) };
    },
    schema: (_c, { lastForm }) => resolveForm(sheetFields(lastForm.def)),
    show: (c, { e, sheet }, state) => sheetPage(c, e, sheet, state),
    async save(c, { e, sheet, entries, lastForm }, data) {
      const to = `/elections/${e.id}/sheets/${sheet.id}`;
      if (sheet.status !== 'conflict') return { to };
      const body = data as Record<string, string | undefined>;
      const all = entries.map((en) => fromJson<Record<string, number>>(en.answers, {}));
      const errors: Record<string, string> = {};
      if (!data.note) errors.note = c.t('form.required');
      // Start from the values every entry agrees on, then take the decision for each differing field.
      const decided: Record<string, number> = {};
      for (const f of sheetFields(lastForm.def)) {
        const seen = [...new Set(all.map((v) => v[f]).filter((x) => typeof x === 'number'))];
        const chosen = body[`o_${f}`]?.trim() || body[`v_${f}`] || '';
        if (chosen !== '') {
          const n = number(chosen);
          if (n === null) errors[`o_${f}`] = c.t('form.invalidNumber');
          else decided[f] = n;
        } else if (seen.length === 1) decided[f] = seen[0]!;
        else if (seen.length > 1) errors[`o_${f}`] = c.t('form.required');
      }
      if (Object.keys(errors).length) throw new FormErrors(errors);
      await resolveSheet(c.db, sheet.id, decided, lastForm.ruleList, data.note!, c.user.id, c.now);
      await c.audit('election.sheet.resolved', { targetType: 'count_sheet', targetId: sheet.id });
      return { to, flash: 'elections.sheet.resolved' };
    },
  }),

  page('/elections/:id/sheets', {
    access,
    query: importQuery,
    load: election('change'),
    render: (c, e) => importPage(c, e, null),
  }),

  endpoint('GET', '/elections/:id/sheets/template.csv', {
    access,
    query: importQuery,
    async load(c) {
      const e = await election('change')(c);
      return (
        (await publishedForms(c.db, e.id)).find((f) => f.kind === 'count' && f.id === parseId(c.query.form)) ??
        notFound()
      );
    },
    handle: (c, f) =>
      c.reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="count-sheets.csv"')
        .send(csvTemplate(sheetColumns(f))),
  }),

  form('/elections/:id/sheets/import', {
    access,
    load: election('change'),
    schema: countImportForm,
    show: (c, e, state) => importPage(c, e, state),
    bodyLimit: 12 * 1024 * 1024,
    async save(c, e, d) {
      const f = (await publishedForms(c.db, e.id)).find((x) => x.kind === 'count' && x.id === d.form_id);
      if (!f) throw new FormErrors({ form_id: c.t('form.invalidChoice') });
      const text = uploadedText(d.file, d.csv);
      if (!text.trim()) throw new FormErrors({ csv: c.t('form.required') });
      const x = { electionId: e.id, electionStatus: e.status, form: f, userId: c.user.id, now: c.now };
      const result = await importSheets(c.db, c.wasl.dialect, x, text, c.i18n);
      if (!result.ok) throw new FormErrors({}, { extra: { problems: result.problems } });
      await c.audit('election.sheets.imported', { targetType: 'election', targetId: e.id, details: result.counts });
      return importPage(c, e, null, result);
    },
  }),
];
