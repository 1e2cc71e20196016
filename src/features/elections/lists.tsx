// Pieces of the coordinators' long lists (centres, observers, count sheets): the search box, the
// pages that keep the search, and a spreadsheet import — its columns, the template, every refused
// row, then the file or the pasted text.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../core/views/context.js';
import { DataTable, ImportProblems, Pagination } from '../../core/views/components.js';
import { Field, FileField, Form, type FormState } from '../../core/views/forms.js';
import type { RowProblem } from '../../core/text/csv-import.js';
import type { ElectionHead } from './views.js';

/** What a page of a searched list with its import gets besides its rows. */
export type ListPageProps = {
  e: ElectionHead;
  total: number;
  query: { q?: string; page: number };
  state: FormState | null;
  canChange: boolean;
  maxRows: number;
};

/** The refused rows a refused import brings back. */
export const problemsOf = (state: FormState | null) => (state?.extra?.problems as RowProblem[] | undefined) ?? [];

/** A GET search over a list; `id` names its input. */
export function ListSearch(p: { action: string; id: string; label: string; q?: string }) {
  const { t } = usePage().i18n;
  return (
    <form method="get" action={p.action} class="search-form" role="search">
      <label for={p.id}>{p.label}</label>
      <input id={p.id} type="search" name="q" value={p.q ?? ''} dir="auto" />
      <button type="submit" class="secondary">
        {t('common.search')}
      </button>
    </form>
  );
}

/** The pages of a searched list at `path`, `size` rows a page. */
export function ListPages(p: { path: string; query: { q?: string; page: number }; total: number; size: number }) {
  return (
    <Pagination
      page={p.query.page}
      pageCount={Math.max(1, Math.ceil(p.total / p.size))}
      hrefFor={(n) => `${p.path}?${new URLSearchParams({ ...(p.query.q ? { q: p.query.q } : {}), page: String(n) })}`}
    />
  );
}

/** A spreadsheet's columns with what each holds (`<prefix>.<column>` in the catalog). */
export function ColumnsTable(p: { columns: string[]; prefix: string }) {
  const { t } = usePage().i18n;
  return (
    <DataTable
      rows={p.columns}
      columns={[
        { label: t('import.column'), rowHeader: true, cell: (c) => <bdi dir="ltr">{c}</bdi> },
        { label: t('elections.import.means'), cell: (c) => t(`${p.prefix}.${c}` as never) },
      ]}
    />
  );
}

/** The template to fill in, the rows a refused file had wrong, and the form (`children` first). */
export function ImportForm(p: {
  action: string;
  template: string;
  state: FormState | null;
  values?: Record<string, unknown>;
  button: string;
  children?: ComponentChildren;
}) {
  const { t } = usePage().i18n;
  return (
    <>
      <p>
        <a href={p.template} download>
          {t('elections.import.template')}
        </a>
      </p>
      <ImportProblems problems={problemsOf(p.state)} />
      <Form action={p.action} state={p.state} values={p.values} multipart>
        {p.children}
        <FileField name="file" label={t('elections.stations.csvFile')} accept=".csv,text/csv" />
        <Field name="csv" label={t('elections.stations.csvText')} multiline rows={4} />
        <button type="submit">{p.button}</button>
      </Form>
    </>
  );
}
