// Small shared pieces (directional icons are drawn for LTR and mirrored by CSS in RTL): pagination, user-written text, contact values, dates.
import type { ComponentChildren } from 'preact';
import { usePage } from './context.js';

/** User-written text: its own direction, whatever the page's. */
export function UserText(props: { text: string; as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' }) {
  const Tag = props.as ?? 'span';
  return <Tag dir="auto">{props.text}</Tag>;
}

/** Phone numbers, e-mails and URLs read left to right even inside Arabic text. */
export function Ltr(props: { children: ComponentChildren }) {
  return <bdi dir="ltr">{props.children}</bdi>;
}

export function Phone(props: { number: string }) {
  const tel = props.number.replace(/[^\d+]/g, '');
  return (
    <a href={`tel:${tel}`}>
      <bdi dir="ltr">{props.number}</bdi>
    </a>
  );
}

export function DateText(props: { value: string | Date }) {
  const { i18n } = usePage();
  const d = typeof props.value === 'string' ? new Date(props.value) : props.value;
  return <time dateTime={d.toISOString()}>{i18n.date(d)}</time>;
}

export function Pagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { i18n } = usePage();
  if (props.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={i18n.t('common.pagination')}>
      {props.page > 1 ? (
        <a rel="prev" href={props.hrefFor(props.page - 1)}>
          <span class="icon--dir" aria-hidden="true">
            ←
          </span>{' '}
          {i18n.t('common.previous')}
        </a>
      ) : null}
      <span>{i18n.t('common.pageOf', { page: props.page, count: props.pageCount })}</span>
      {props.page < props.pageCount ? (
        <a rel="next" href={props.hrefFor(props.page + 1)}>
          {i18n.t('common.next')}{' '}
          <span class="icon--dir" aria-hidden="true">
            →
          </span>
        </a>
      ) : null}
    </nav>
  );
}

/** A quiet line where a list has nothing to show. */
export function Empty(props: { text: string }) {
  return <p class="meta empty">{props.text}</p>;
}

/** A status word; `warn` draws the eye (marked), the rest are plain badges. */
export function StatusBadge(props: { label: string; tone?: 'plain' | 'warn' | 'ok' }) {
  if (props.tone === 'warn') return <mark>{props.label}</mark>;
  return <span class={props.tone === 'ok' ? 'badge badge--ok' : 'badge'}>{props.label}</span>;
}

export type Column<R> = {
  label: ComponentChildren;
  cell: (row: R, index: number) => ComponentChildren;
  /** the column that names the row (a <th scope="row">) */
  rowHeader?: boolean;
  /** figures: aligned as numbers */
  numeric?: boolean;
  class?: string;
};

/**
 * A table that scrolls in its own box on a narrow phone (never the page sideways), or the `empty`
 * line when there are no rows.
 */
export function DataTable<R>(props: {
  columns: (Column<R> | false | null | undefined)[];
  rows: R[];
  empty?: string;
  caption?: ComponentChildren;
  class?: string;
  foot?: ComponentChildren;
  rowId?: (row: R) => string | undefined;
}) {
  if (!props.rows.length && props.empty !== undefined) return <Empty text={props.empty} />;
  const columns = props.columns.filter((c): c is Column<R> => !!c);
  const cls = (c: Column<R>) => [c.numeric ? 'num' : '', c.class ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="table-wrap">
      <table class={props.class}>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={cls(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr id={props.rowId?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" class={cls(c)}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td class={cls(c)}>{c.cell(row, i)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {props.foot ? <tfoot>{props.foot}</tfoot> : null}
      </table>
    </div>
  );
}

/** Every bad row of a refused import, so it can be fixed in the spreadsheet in one go. */
export function ImportProblems(props: {
  problems: { line: number; column: string | null; value: string; message: string }[];
}) {
  const { t } = usePage().i18n;
  if (!props.problems.length) return null;
  return (
    <section class="import-problems" role="alert">
      <p class="form-error">{t('import.refused', { count: props.problems.length })}</p>
      <DataTable
        rows={props.problems.slice(0, 500)}
        columns={[
          { label: t('import.line'), cell: (p) => p.line, numeric: true },
          { label: t('import.column'), cell: (p) => (p.column ? <bdi dir="ltr">{p.column}</bdi> : '—') },
          { label: t('import.value'), cell: (p) => <bdi>{p.value}</bdi> },
          { label: t('import.reason'), cell: (p) => p.message },
        ]}
      />
    </section>
  );
}
