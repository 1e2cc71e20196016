// Pieces shared by the coordination pages: the page frame and its sub-navigation, times and days,
// user text in paragraphs, lists of names, choices for selects, fields that keep a length, folded
// forms, the corrections of a record and its removal. Forms, tables, badges and empty lines come from the core kit.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../core/views/context.js';
import { Layout } from '../../core/views/Layout.js';
import { Empty, UserText } from '../../core/views/components.js';
import { ConfirmButton, DeleteButton, Field, Form, Select, type FormState } from '../../core/views/forms.js';
import { localized } from '../../core/i18n/localized.js';
import { dayAsDate } from '../../core/time.js';

/** The coordination sub-navigation, shown at the top of member pages. */
export function CoordNav(props: { current: string }) {
  const { i18n, actor } = usePage();
  const { t } = i18n;
  if (!actor.user) return null;
  const links: [string, string][] = [
    ['/workspace', t('coordination.nav.workspace')],
    ['/meetings', t('coordination.nav.meetings')],
    ['/actions', t('coordination.nav.actions')],
    ['/plans', t('coordination.nav.plans')],
    ['/licensing', t('coordination.nav.licensing')],
    ['/lessons', t('coordination.nav.lessons')],
    ['/governance', t('coordination.nav.governance')],
  ];
  return (
    <nav class="tags no-print" aria-label={t('coordination.nav.label')}>
      {links.map(([href, label]) => (
        <a class="badge" href={href} aria-current={props.current === href ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

/**
 * A coordination page: the title, the sub-navigation with `nav` current, a line of facts (`meta`)
 * if any, then the title as its heading — user text (its own direction) when `userTitle`.
 */
export function CoordPage(props: {
  title: string;
  nav: string;
  description?: string;
  meta?: ComponentChildren;
  userTitle?: boolean;
  children: ComponentChildren;
}) {
  return (
    <Layout title={props.title} description={props.description}>
      <CoordNav current={props.nav} />
      {props.meta ? <p class="meta">{props.meta}</p> : null}
      <h1>{props.userTitle ? <UserText text={props.title} /> : props.title}</h1>
      {props.children}
    </Layout>
  );
}

export function When(props: { at: string }) {
  const { i18n } = usePage();
  return <time dateTime={props.at}>{i18n.dateTime(props.at)}</time>;
}

/** A calendar day ('YYYY-MM-DD'), or a dash. */
export function Day(props: { day: string | null }) {
  const { i18n } = usePage();
  if (!props.day) return <span class="meta">—</span>;
  return <time dateTime={props.day}>{i18n.date(dayAsDate(props.day))}</time>;
}

/** Multi-line user text, paragraphs kept, direction detected. */
export function Paragraphs(props: { text: string }) {
  const parts = props.text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <>
      {parts.map((p) => (
        <p dir="auto">
          {p.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** Names in a row, each isolated in its own direction: "A، B، C". */
export function Names(props: { names: string[] }) {
  return (
    <>
      {props.names.map((n, i) => (
        <>
          {i ? '، ' : ''}
          <bdi>{n}</bdi>
        </>
      ))}
    </>
  );
}

/** Bilingual names of rows (organizations, councils), in the reader's language. */
export function useLocalized() {
  const { locale } = usePage().i18n;
  return (row: Record<string, unknown> | null | undefined, field = 'name') => localized(row, field, locale);
}

/** A multi-line field that says its length limit (after its own `hint`, if any) and keeps it. */
export function LongText(p: { name: string; label: string; max: number; rows: number; hint?: string }) {
  const { t } = usePage().i18n;
  const limit = t('coordination.form.atMost', { max: p.max });
  const hint = p.hint ? `${p.hint} ${limit}` : limit;
  return <Field name={p.name} label={p.label} hint={hint} maxLength={p.max} multiline rows={p.rows} />;
}

/** Values as the choices of a select or of radios, each with its label. */
export function choices<V extends string, L>(values: readonly V[], label: (v: V) => L): { value: V; label: L }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A date and time, read as a wall time in Damascus (the hint says so first), required unless `optional`. */
export function DamascusTime(p: { name: string; label: string; hint?: string; optional?: boolean }) {
  const { t } = usePage().i18n;
  const damascus = t('coordination.form.damascusTime');
  const hint = p.hint ? `${damascus} ${p.hint}` : damascus;
  return <Field name={p.name} type="datetime-local" label={p.label} hint={hint} required={!p.optional} />;
}

/** People of member organizations as choices, by user id: "name — organization". */
export function usePersonChoices() {
  const name = useLocalized();
  return (people: { user_id: number; display_name: string; org_name_ar: string; org_name_en: string }[]) =>
    people.map((r) => ({ value: String(r.user_id), label: `${r.display_name} — ${name(r, 'org_name')}` }));
}

/** Rows as the choices of a select, by id. */
export function idOptions<R extends { id: number }>(
  rows: R[],
  label: (r: R) => string,
): { value: string; label: string }[] {
  return rows.map((r) => ({ value: String(r.id), label: label(r) }));
}

/** An optional choice of one meeting (`meeting_id`), each named by its title and day. */
export function MeetingSelect(p: { label: string; meetings: { id: number; title: string; starts_at: string }[] }) {
  const { i18n } = usePage();
  const options = idOptions(p.meetings, (m) => `${m.title} (${i18n.date(m.starts_at)})`);
  return <Select name="meeting_id" label={p.label} includeEmpty="—" options={options} />;
}

/** Cards, each a linked title (user text) over a line of facts; or the `empty` line. */
export function Cards<R>(p: {
  items: R[];
  empty?: string;
  heading?: 'h2' | 'h3';
  href: (r: R) => string;
  title: (r: R) => string;
  meta: (r: R) => ComponentChildren;
  more?: (r: R) => ComponentChildren;
}) {
  if (!p.items.length) return p.empty === undefined ? null : <Empty text={p.empty} />;
  const H = p.heading ?? 'h3';
  return (
    <ul class="card-list">
      {p.items.map((r) => (
        <li class="card">
          <H>
            <a href={p.href(r)}>
              <UserText text={p.title(r)} />
            </a>
          </H>
          <p class="meta">{p.meta(r)}</p>
          {p.more?.(r)}
        </li>
      ))}
    </ul>
  );
}

/** A section with its heading. */
export function Titled(props: { title: string; id?: string; class?: string; children: ComponentChildren }) {
  return (
    <section id={props.id} class={props.class}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Was this form the one just refused? (Its <details> opens to show the errors.) */
export function refused(state: FormState | null | undefined, action: string): boolean {
  return state?.id === action;
}

/** The errors of a refused submission of this form, for messages outside the form itself. */
export function errorsOf(state: FormState | null | undefined, action?: string): Record<string, string> {
  return state && (action === undefined || state.id === action) ? state.errors : {};
}

export function formatBytes(n: number, number: (n: number) => string) {
  if (n < 1024) return `${number(n)} B`;
  if (n < 1024 * 1024) return `${number(Math.round(n / 1024))} KB`;
  return `${number(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
}

/** A form folded under a summary line; it opens by itself when it is the one just refused. */
export function FoldForm(p: {
  summary: string;
  action: string;
  submit: string;
  state?: FormState | null;
  values?: Record<string, unknown>;
  multipart?: boolean;
  hint?: string;
  /** the form scope when several forms post to one path */
  id?: string;
  idPrefix?: string;
  danger?: boolean;
  children?: ComponentChildren;
}) {
  const id = p.id ?? p.action.split('?')[0]!;
  return (
    <details open={refused(p.state, id)}>
      <summary>{p.summary}</summary>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
      <Form action={p.action} id={p.id} idPrefix={p.idPrefix} state={p.state} values={p.values} multipart={p.multipart}>
        {p.children}
        <button type="submit" class={p.danger ? 'danger' : undefined}>
          {p.submit}
        </button>
      </Form>
    </details>
  );
}

/**
 * The corrections of one record: its fields to edit (posted to `<base>/edit`) and its removal,
 * asked twice (`<base>/delete`). A record that can no longer change says why instead.
 */
export function EditDelete(p: {
  base: string;
  what: string;
  values: Record<string, unknown>;
  state?: FormState | null;
  /** why it cannot change any more (then nothing else is shown) */
  locked?: string | null;
  /** why it cannot be removed (it can still be edited) */
  keep?: string | null;
  /** the confirm step's question when removing is more than deleting a row */
  question?: string;
  children: ComponentChildren;
}) {
  const { t } = usePage().i18n;
  if (p.locked) return <p class="meta">{p.locked}</p>;
  const key = p.base.replace(/\W+/g, '-');
  return (
    <div class="record-actions no-print">
      <FoldForm
        summary={t('common.edit')}
        action={`${p.base}/edit`}
        submit={t('common.save')}
        state={p.state}
        values={p.values}
        idPrefix={`edit${key}`}
      >
        {p.children}
      </FoldForm>
      {p.keep ? (
        <p class="meta">{p.keep}</p>
      ) : p.question ? (
        <ConfirmButton
          action={`${p.base}/delete`}
          label={t('common.delete')}
          question={p.question}
          confirm={t('common.deleteConfirmButton')}
        />
      ) : (
        <DeleteButton action={`${p.base}/delete`} what={p.what} />
      )}
    </div>
  );
}

/**
 * The end of a record's edit page: removing the record (asked twice; the question says beforehand
 * whether it is deleted or, holding history, archived) and the way back.
 */
export function RemoveRecord(p: {
  action: string;
  label: string;
  question: string;
  history: boolean;
  back: { href: string; label: string };
}) {
  const { t } = usePage().i18n;
  return (
    <>
      <section class="no-print">
        <ConfirmButton
          action={p.action}
          label={p.label}
          question={p.question}
          confirm={t(p.history ? 'coordination.record.confirmArchive' : 'coordination.record.confirmDelete')}
        />
      </section>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
    </>
  );
}
