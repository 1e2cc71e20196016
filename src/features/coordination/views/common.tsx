// Pieces shared by the coordination pages.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { dayAsDate } from '../../../core/time.js';

export function pick(o: { name_ar?: string | null; name_en?: string | null } | null | undefined, locale: string) {
  if (!o) return '';
  return (locale === 'ar' ? o.name_ar || o.name_en : o.name_en || o.name_ar) ?? '';
}

export function nameOf(ar: string | null | undefined, en: string | null | undefined, locale: string) {
  return (locale === 'ar' ? ar || en : en || ar) ?? '';
}

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

export function When(props: { at: string }) {
  const { i18n } = usePage();
  return <time dateTime={props.at}>{i18n.dateTime(props.at)}</time>;
}

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

export function Section(props: { title: string; id?: string; children: ComponentChildren }) {
  return (
    <section id={props.id}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Empty(props: { text: string }) {
  return <p class="meta">{props.text}</p>;
}

export function Checkbox(props: { name: string; label: string; checked?: boolean; value?: string; id?: string }) {
  return (
    <label class="checkbox">
      <input type="checkbox" name={props.name} value={props.value ?? 'on'} checked={props.checked} id={props.id} />{' '}
      {props.label}
    </label>
  );
}

export function Hidden(props: { name: string; value: string | number }) {
  return <input type="hidden" name={props.name} value={String(props.value)} />;
}

export function ErrorText(props: { text?: string }) {
  return props.text ? <p class="error">{props.text}</p> : null;
}

export function formatBytes(n: number, number: (n: number) => string) {
  if (n < 1024) return `${number(n)} B`;
  if (n < 1024 * 1024) return `${number(Math.round(n / 1024))} KB`;
  return `${number(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
}
