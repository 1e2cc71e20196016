// Published figures about people, with labels that are true (core/stats/release.ts, decision
// 0004): a number; "fewer than 10" on a figure hidden because it is small; "withheld" on one
// hidden only to protect another (it may be large). Each carries its key in `data-figure`, so a
// reader's tools (and the tests that attack the figures) can tell which number is which.
import type { ProtectedFigure } from '../stats/release.js';
import { PUBLIC_THRESHOLD } from '../stats/suppression.js';
import { usePage } from './context.js';

export function Figure(p: { figure: ProtectedFigure | null | undefined; id: string; threshold?: number }) {
  const { i18n } = usePage();
  const f = p.figure;
  if (!f) return <span class="meta">—</span>;
  if (f.disclosure === 'shown')
    return (
      <data value={String(f.value)} data-figure={p.id}>
        {i18n.number(f.value)}
      </data>
    );
  const small = f.disclosure === 'small';
  return (
    <span
      class={small ? 'figure figure--small' : 'figure figure--withheld'}
      data-figure={p.id}
      data-hidden={f.disclosure}
    >
      {small ? i18n.t('stats.small', { threshold: p.threshold ?? PUBLIC_THRESHOLD }) : i18n.t('stats.withheld')}
    </span>
  );
}

/** The one-line rule, under any table that hides figures. */
export function FiguresNote(p: { figures: Iterable<ProtectedFigure | null | undefined>; threshold?: number }) {
  const { i18n } = usePage();
  let small = false;
  let withheld = false;
  for (const f of p.figures) {
    if (f?.disclosure === 'small') small = true;
    if (f?.disclosure === 'withheld') withheld = true;
  }
  if (!small && !withheld) return null;
  const threshold = p.threshold ?? PUBLIC_THRESHOLD;
  return (
    <p class="meta figures-note">
      {small ? i18n.t('stats.note.small', { threshold, max: threshold - 1 }) : null}{' '}
      {withheld ? i18n.t('stats.note.withheld') : null}
    </p>
  );
}
