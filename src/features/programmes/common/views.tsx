// Small pieces the programmes pages share: dates of things that happened, lists of dated links,
// action buttons, town links, the trainee name column, figures that small-cell suppression may
// hide, the vocabularies' labels, and the choices of member forms.
import type { ComponentChildren } from 'preact';
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { UserText, type Column } from '../../../core/views/components.js';
import { usePage } from '../../../core/views/context.js';
import type { Option } from '../../../core/views/forms.js';
import { Figure as CoreFigure, FiguresNote } from '../../../core/views/figures.js';
import type { Cell } from '../indicators/report.js';
import type { Named } from './queries.js';

export type { Named };
export type TownMap = Map<string, Named>;
export type OrgMap = Map<number, Named>;

/** A bilingual name in the reader's language, or `fallback` when there is no row. */
export function named(locale: string, n: Named | undefined | null, fallback = ''): string {
  return localized(n, 'name', locale) || fallback;
}

/** 'YYYY-MM-DD' in the house style. */
export function day(i18n: Translator, iso: string | null | undefined): string {
  return iso ? i18n.date(dayAsDate(iso.slice(0, 10))) : '';
}

export function DayText(props: { value: string }) {
  const { i18n } = usePage();
  return <time dateTime={props.value.slice(0, 10)}>{day(i18n, props.value)}</time>;
}

/** Links to records, each followed by its day (and whatever else `more` adds to that line); nothing when none. */
export function DatedLinks(props: {
  title?: string;
  items: { href: string; text: string; day: string; more?: ComponentChildren }[];
}) {
  if (!props.items.length) return null;
  return (
    <>
      {props.title ? <h2>{props.title}</h2> : null}
      <ul>
        {props.items.map((item) => (
          <li>
            <a href={item.href}>
              <UserText text={item.text} />
            </a>{' '}
            <span class="meta">
              <DayText value={item.day} />
              {item.more}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Buttons to what the reader may do next: only those it may (`show`), and no line when none is. */
export function ActionButtons(props: { class?: string; links: { href: string; label: string; show: boolean }[] }) {
  const shown = props.links.filter((l) => l.show);
  if (!shown.length) return null;
  return (
    <p class={props.class}>
      {shown.map((l) => (
        <a class="button secondary" href={l.href}>
          {l.label}
        </a>
      ))}
    </p>
  );
}

/** A list of trainees' first column: the name, linking to the trainee's page. */
export function traineeNameColumn<R>(i18n: Translator, trainee: (row: R) => { id: number; name: string }): Column<R> {
  return {
    label: i18n.t('programmes.trainee.name'),
    rowHeader: true,
    cell: (row) => (
      <a href={`/programmes/trainees/${trainee(row).id}`}>
        <bdi>{trainee(row).name}</bdi>
      </a>
    ),
  };
}

/** A fact of a `<dl class="facts">` that not every record has: its term and value only when `shown`. */
export function OptionalFact(props: { term: string; shown: unknown; children: ComponentChildren }) {
  if (!props.shown) return null;
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

export function TownLink(props: { pcode: string; towns: TownMap }) {
  const { i18n } = usePage();
  return <a href={`/towns/${props.pcode}`}>{named(i18n.locale, props.towns.get(props.pcode), props.pcode)}</a>;
}

const ageRanges: Record<string, { from: number; to: number }> = {
  a15_17: { from: 15, to: 17 },
  a18_24: { from: 18, to: 24 },
  a25_35: { from: 25, to: 35 },
  a36_plus: { from: 36, to: 0 },
};

export const label = {
  /** women / men, in tables of figures */
  gender: (i18n: Translator, g: string) => i18n.t(`programmes.gender.${g}` as never),
  /** female / male, for one person */
  person: (i18n: Translator, g: string) => i18n.t(`programmes.genderOne.${g}` as never),
  age: (i18n: Translator, a: string) =>
    i18n.t(`programmes.age.${a}` as never, (ageRanges[a] ?? { from: 0, to: 0 }) as never),
  kind: (i18n: Translator, k: string) => i18n.t(`programmes.kind.${k}` as never),
  institution: (i18n: Translator, k: string) => i18n.t(`programmes.institution.${k}` as never),
  status: (i18n: Translator, s: string) => i18n.t(`programmes.status.${s}` as never),
  metric: (i18n: Translator, m: string) => i18n.t(`programmes.metric.${m}` as never),
};

/**
 * A figure that may be hidden: a protected one (a release's `Cell`) says "fewer than N" or
 * "withheld" as its disclosure is (true labels, core/views/figures.tsx); a plain number is shown.
 */
export function Figure(props: { value: number | Cell; threshold: number }) {
  const { i18n } = usePage();
  if (typeof props.value === 'object')
    return <CoreFigure figure={props.value} id={props.value.id} threshold={props.threshold} />;
  return <>{i18n.number(props.value)}</>;
}

/** Headline figures: a list of big numbers with what they count. */
export function Figures(props: {
  items: { value: number | Cell; label: string; suppressible?: boolean }[];
  threshold: number;
}) {
  const { i18n } = usePage();
  const cells = props.items.flatMap((f) => (typeof f.value === 'object' ? [f.value] : []));
  return (
    <>
      <ul class="figures">
        {props.items.map((f) => (
          <li>
            <strong>
              {f.suppressible === false ? (
                i18n.number(typeof f.value === 'number' ? f.value : 0)
              ) : (
                <Figure value={f.value} threshold={props.threshold} />
              )}
            </strong>
            {f.label}
          </li>
        ))}
      </ul>
      <FiguresNote figures={cells} threshold={props.threshold} />
    </>
  );
}

/** Names joined with the catalog's separator. */
export function Joined(props: { children: ComponentChildren[] }) {
  const { t } = usePage().i18n;
  return (
    <>
      {props.children.map((child, i) => (
        <>
          {i > 0 ? t('programmes.listSeparator') : ''}
          {child}
        </>
      ))}
    </>
  );
}

/** The organizations a person may act for, as choices. */
export function orgOptions(locale: string, ids: number[], orgs: OrgMap): Option[] {
  return ids.map((id) => ({ value: String(id), label: named(locale, orgs.get(id), String(id)) }));
}

/** Who organized it: the organizations a member's form offers. */
export type MemberChoices = { mine: number[]; orgOptions: Option[] };
