// Reports as coordinators see them: the dashboard (expected / received / missing / no network /
// flagged / verified), one report and its verification, a count sheet's entries and the conflict
// screen, and entry from paper (the second entry of a count sheet, or any form).
import crypto from 'node:crypto';
import { z } from 'zod';
import { fromJson } from '../../../core/db/helpers.js';
import { localized } from '../../../core/i18n/localized.js';
import { form, FormErrors, notFound, page, parseId, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import type { Election } from '../queries.js';
import { verifyForm } from '../schemas.js';
import { westernDigits } from '../forms/expr.js';
import { COUNT_FIELDS, sheetFields, type Question } from '../forms/formdef.js';
import { getForm, publishedForms, type FormRow } from '../forms/queries.js';
import { getObserver } from '../observers/queries.js';
import { listStations } from '../stations/queries.js';
import { differingFields, ingestSubmission, resolveSheet, type Flag } from './actions.js';
import { dashboard } from './dashboard.js';
import { getSheet, getSubmission, sheetEntries, verifySubmission } from './queries.js';
import { DashboardPage, EntryPage, SheetPage, SubmissionPage } from './views.js';

const access = 'member' as const;
const submission = (a: 'coordinate' | 'change') => within(a, 'sid', getSubmission);
const sheetOf = (a: 'coordinate' | 'change') => within(a, 'sheet', getSheet);
type Sheet = NonNullable<Awaited<ReturnType<typeof getSheet>>>;
type Submission = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

async function stationLabel(c: AnyCtx, electionId: number, stationId: number) {
  const s = (await listStations(c.db, electionId)).find((x) => x.id === stationId);
  return s ? `${s.centre_code} ${s.code}` : '';
}

// ——— a report ———

async function submissionPage(c: MemberCtx, e: Election, s: Submission, state: FormState | null) {
  const f = (await getForm(c.db, e.id, s.form_id))!;
  const observer = s.observer_id ? await getObserver(c.db, e.id, s.observer_id) : null;
  return (
    <SubmissionPage
      e={e}
      s={s}
      station={await stationLabel(c, e.id, s.station_id)}
      form={f}
      questions={f.def.questions}
      answers={fromJson(s.answers, {})}
      observerCode={observer?.code ?? null}
      flags={fromJson<Flag[]>(s.flags, [])}
      canChange={canChange(c, e)}
      state={state}
    />
  );
}

// ——— a count sheet ———

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
  const { entries, values, labels } = await sheetData(c, e, sheet);
  const differing = [
    ...new Set(values.flatMap((vals, i) => values.slice(i + 1).flatMap((w) => differingFields(vals, w)))),
  ];
  const order = [...COUNT_FIELDS] as string[];
  const fieldIds = [...labels.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return (
    <SheetPage
      e={e}
      station={await stationLabel(c, e.id, sheet.station_id)}
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
      flags={fromJson<Flag[]>(sheet.flags, []).map((f) => ({ ...f, kind: 'rule' }))}
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

// ——— entry from paper ———

const entryQuery = z.object({ form: z.string().optional().catch(undefined) });

const entryForm = (questions: Question[]) =>
  z.object({
    key: z.string().max(100).optional(),
    station_id: z.string().max(20).optional(),
    ...Object.fromEntries(questions.map((q) => [`a_${q.id}`, z.string().optional()])),
  });

async function entryPage(c: MemberCtx, e: Election, formId: unknown, state: FormState | null) {
  const forms = await publishedForms(c.db, e.id);
  const form = forms.find((f) => f.id === parseId(formId)) ?? null;
  const stations = await listStations(c.db, e.id);
  // A key already used for other answers: the next try gets a new one.
  const posted = state && !state.errors._newKey ? state.values.key : undefined;
  return (
    <EntryPage
      e={e}
      forms={forms}
      form={form ? { ...form, questions: form.def.questions } : null}
      stations={stations.map((s) => ({ id: s.id, label: `${s.centre_code} ${s.code}` }))}
      entryKey={typeof posted === 'string' ? posted : crypto.randomUUID()}
      state={state}
    />
  );
}

/** The election and the published form named by `?form=`, or 404. */
async function entryTarget(c: AnyCtx) {
  const e = await election('change')(c);
  const form = (await publishedForms(c.db, e.id)).find((f) => f.id === parseId(c.query.form)) ?? notFound();
  return { e, form, stations: await listStations(c.db, e.id) };
}

export const entryRoutes = [
  page('/elections/:id/dashboard', {
    access,
    load: election('coordinate'),
    render: async (c, e) => <DashboardPage e={e} d={await dashboard(c.db, e.id)} />,
  }),

  page('/elections/:id/submissions/:sid', {
    access,
    load: submission('coordinate'),
    render: (c, { e, row }) => submissionPage(c, e, row, null),
  }),

  form('/elections/:id/submissions/:sid/verify', {
    access,
    load: submission('change'),
    schema: verifyForm,
    show: (c, { e, row }, state) => submissionPage(c, e, row, state),
    check: (c, _l, d) => ({
      comment: d.decision === 'rejected' && !d.comment ? c.t('elections.submission.needComment') : undefined,
    }),
    async save(c, { e, row: s }, d) {
      await verifySubmission(c.db, s.id, d.decision, d.comment, c.user.id, c.now);
      return `/elections/${e.id}/submissions/${s.id}`;
    },
  }),

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

  page('/elections/:id/entry', {
    access,
    query: entryQuery,
    load: election('change'),
    render: (c, e) => entryPage(c, e, c.query.form, null),
  }),

  form('/elections/:id/entry', {
    access,
    load: entryTarget,
    schema: (_c, { form }) => entryForm(form.def.questions),
    show: (c, { e }, state) => entryPage(c, e, c.query.form, state),
    check: (c, { stations }, d) => ({
      _form: /^[0-9a-f-]{36}$/.test(d.key ?? '') ? undefined : c.t('form.invalid'),
      station_id: stations.some((s) => s.id === parseId(d.station_id)) ? undefined : c.t('form.invalidChoice'),
    }),
    async save(c, { e, form }, d) {
      const answers: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d)) if (k.startsWith('a_') && v && v.trim() !== '') answers[k.slice(2)] = v;
      const result = await ingestSubmission(
        c.db,
        c.wasl.dialect,
        {
          electionId: e.id,
          electionStatus: e.status,
          form,
          stationId: parseId(d.station_id)!,
          observerId: null,
          enteredBy: c.user.id,
          source: 'web',
          key: `web:${d.key}`,
          rawAnswers: answers,
        },
        c.now,
      );
      if (result.status === 'invalid')
        throw new FormErrors(
          Object.fromEntries(
            Object.entries(result.errors).map(([q, code]) => [`a_${q}`, c.t(`elections.answer.${code}` as never)]),
          ),
        );
      if (result.status === 'keyConflict')
        throw new FormErrors({ _form: c.t('elections.entry.alreadySent'), _newKey: '1' });
      const sheet = (await getSubmission(c.db, e.id, result.id))?.sheet_id;
      return {
        to: sheet ? `/elections/${e.id}/sheets/${sheet}` : `/elections/${e.id}/submissions/${result.id}`,
        flash: result.sheetStatus === 'conflict' ? 'elections.entry.conflict' : 'elections.entry.saved',
      };
    },
  }),
];
