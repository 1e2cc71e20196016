// Count sheets: one station's sheet with its entries side by side (the differing fields marked)
// and the decision of a conflict; count sheets from a spreadsheet (the count form's columns, a
// template, the limit, every refused row, then what the rows did to the sheets).
import { usePage } from '../../../core/views/context.js';
import { DataTable, UserText } from '../../../core/views/components.js';
import { Field, Form, Radios, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import type { Question } from '../forms/formdef.js';
import { FlagList, type FlagView } from '../entry/views.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { ImportForm } from '../lists.js';

type SheetEntry = { id: number; source: string; who: string; values: Record<string, number> };

/** For each differing field: the entries' values to choose from, another value, and a reason. */
function DecideForm(p: {
  action: string;
  fields: { id: string; label: string }[];
  entries: SheetEntry[];
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const choices = (f: string) => [
    ...new Set(p.entries.map((en) => en.values[f]).filter((x): x is number => x !== undefined)),
  ];
  // The first entry's value is chosen until someone decides otherwise.
  const values = Object.fromEntries(p.fields.map((f) => [`v_${f.id}`, String(choices(f.id)[0] ?? '')]));
  return (
    <Form action={p.action} state={p.state} values={values}>
      {p.fields.map((f) => (
        <>
          <Radios
            name={`v_${f.id}`}
            legend={f.label}
            options={choices(f.id).map((c) => ({ value: String(c), label: i18n.number(c) }))}
          />
          <Field name={`o_${f.id}`} label={`${t('elections.sheet.other')} (${f.label})`} inputmode="numeric" />
        </>
      ))}
      <Field
        name="note"
        label={t('elections.sheet.note')}
        hint={t('elections.sheet.noteHint')}
        multiline
        rows={3}
        required
      />
      <button type="submit">{t('elections.sheet.decideButton')}</button>
    </Form>
  );
}

export function SheetPage(p: {
  e: ElectionHead;
  station: string;
  sheet: { id: number; status: string; decision_note: string };
  fields: { id: string; label: string }[];
  accepted: Record<string, number> | null;
  entries: SheetEntry[];
  differing: string[];
  flags: FlagView[];
  questions: Question[];
  canChange: boolean;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const conflict = p.sheet.status === 'conflict';
  const value = (v: number | undefined) => (v === undefined ? '—' : i18n.number(v));
  return (
    <ManageLayout e={p.e} title={`${t('elections.sheet.title')} · ${p.station}`}>
      <p class="meta">{t(`elections.sheet.statuses.${p.sheet.status}` as never)}</p>
      <FlagList flags={p.flags} questions={p.questions} />
      {conflict ? <p class="notice--warn">{t('elections.sheet.conflictNote', { count: p.differing.length })}</p> : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('elections.sheet.field')}</th>
              {p.entries.map((en, i) => (
                <th scope="col">
                  <a href={`/elections/${p.e.id}/submissions/${en.id}`}>{t('elections.sheet.entry', { n: i + 1 })}</a>
                  <br />
                  <span class="meta">
                    {t(`elections.submission.sources.${en.source}` as never)} <bdi>{en.who}</bdi>
                  </span>
                </th>
              ))}
              {p.accepted ? <th scope="col">{t('elections.sheet.accepted')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.fields.map((f) => (
              // Differing fields are marked: the conflict screen's tests and styles read it.
              <tr data-differs={p.differing.includes(f.id) ? '1' : undefined}>
                <th scope="row">{p.differing.includes(f.id) ? <strong>{f.label}</strong> : f.label}</th>
                {p.entries.map((en) => (
                  <td>{value(en.values[f.id])}</td>
                ))}
                {p.accepted ? <td>{value(p.accepted[f.id])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.sheet.decision_note ? (
        <p>
          {t('elections.sheet.note')}: <UserText text={p.sheet.decision_note} />
        </p>
      ) : null}
      {conflict && p.canChange ? (
        <>
          <h2>{t('elections.sheet.decide')}</h2>
          <DecideForm
            action={`/elections/${p.e.id}/sheets/${p.sheet.id}/resolve`}
            fields={p.fields.filter((f) => p.differing.includes(f.id))}
            entries={p.entries}
            state={p.state}
          />
        </>
      ) : null}
    </ManageLayout>
  );
}

type Counts = Record<'created' | 'duplicate' | 'agreed' | 'conflict' | 'flagged', number>;

export function SheetImportPage(p: {
  e: ElectionHead;
  forms: { id: number; title_ar: string; title_en: string }[];
  form: { id: number } | null;
  columns: { name: string; alias: string }[];
  maxRows: number;
  done: Counts | null;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/elections/${p.e.id}/sheets`;
  return (
    <ManageLayout e={p.e} title={t('elections.sheets.importTitle')}>
      {p.done ? (
        <div class="flash" role="status" id="import-done">
          <p>{t('elections.sheets.done', { count: p.done.created })}</p>
          <ul>
            {(['agreed', 'conflict', 'flagged', 'duplicate'] as const).map((k) => (
              <li data-count={k}>{t(`elections.sheets.counts.${k}`, { count: p.done![k] })}</li>
            ))}
          </ul>
          <p>
            <a href={`/elections/${p.e.id}/dashboard#attention`}>{t('elections.dashboard.attention')}</a>
          </p>
        </div>
      ) : null}
      <p>{t('elections.sheets.importHint', { max: p.maxRows })}</p>
      {p.form ? (
        <>
          <DataTable
            rows={p.columns}
            columns={[
              { label: t('import.column'), rowHeader: true, cell: (c) => <bdi dir="ltr">{c.name}</bdi> },
              { label: t('elections.sheets.alsoAccepted'), cell: (c) => <bdi dir="ltr">{c.alias}</bdi> },
            ]}
          />
          <ImportForm
            action={`${base}/import`}
            template={`${base}/template.csv?form=${p.form.id}`}
            state={p.state}
            values={{ form_id: String(p.form.id) }}
            button={t('elections.sheets.importButton')}
          >
            <Select
              name="form_id"
              label={t('elections.forms.name')}
              options={p.forms.map((f) => ({ value: String(f.id), label: localized(f, 'title', i18n.locale) }))}
            />
          </ImportForm>
        </>
      ) : (
        <p>{t('elections.sheets.noCountForm')}</p>
      )}
    </ManageLayout>
  );
}
