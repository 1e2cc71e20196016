// Small pieces shared by the programmes pages.
import type { Translator } from '../../../core/i18n/index.js';
import { usePage } from '../../../core/views/context.js';

export type Named = { name_ar: string; name_en: string };
export type TownMap = Map<string, Named>;
export type OrgMap = Map<number, Named>;

/** The reader's language version, falling back to the other one when empty. */
export function pick(i18n: Translator, ar: string, en: string): string {
  return i18n.locale === 'ar' ? ar || en : en || ar;
}

export function named(i18n: Translator, n: Named | undefined | null, fallback = ''): string {
  return n ? pick(i18n, n.name_ar, n.name_en) : fallback;
}

/** 'YYYY-MM-DD' in the house style (noon UTC keeps the day in Damascus time). */
export function day(i18n: Translator, iso: string | null | undefined): string {
  if (!iso) return '';
  return i18n.date(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

export function DayText(props: { value: string }) {
  const { i18n } = usePage();
  return <time dateTime={props.value.slice(0, 10)}>{day(i18n, props.value)}</time>;
}

export function TownLink(props: { pcode: string; towns: TownMap }) {
  const { i18n } = usePage();
  return <a href={`/towns/${props.pcode}`}>{named(i18n, props.towns.get(props.pcode), props.pcode)}</a>;
}

const ageRanges: Record<string, { from: number; to: number }> = {
  a15_17: { from: 15, to: 17 },
  a18_24: { from: 18, to: 24 },
  a25_35: { from: 25, to: 35 },
  a36_plus: { from: 36, to: 0 },
};

export const label = {
  gender: (i18n: Translator, g: string) => i18n.t(`programmes.gender.${g}` as never),
  age: (i18n: Translator, a: string) =>
    i18n.t(`programmes.age.${a}` as never, (ageRanges[a] ?? { from: 0, to: 0 }) as never),
  kind: (i18n: Translator, k: string) => i18n.t(`programmes.kind.${k}` as never),
  institution: (i18n: Translator, k: string) => i18n.t(`programmes.institution.${k}` as never),
  status: (i18n: Translator, s: string) => i18n.t(`programmes.status.${s}` as never),
  metric: (i18n: Translator, m: string) => i18n.t(`programmes.metric.${m}` as never),
};

/** A figure that may be hidden by small-cell suppression. */
export function Figure(props: { value: number | null; threshold: number }) {
  const { i18n } = usePage();
  if (props.value === null)
    return (
      <span class="suppressed" title={i18n.t('programmes.ind.suppressedHint')}>
        {i18n.t('programmes.ind.suppressed', { n: props.threshold })}
      </span>
    );
  return <>{i18n.number(props.value)}</>;
}

/** The feature's stylesheet link (served by the feature; CSP forbids inline styles). */
export function ProgrammesStyles(props: { href: string }) {
  return <link rel="stylesheet" href={props.href} />;
}
