// Pieces every elections page shares: an election's status badge, the frame of the
// coordinators' pages (the election's name and the links between its areas), the title fields
// and the fields typed one entry a line.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../core/views/Layout.js';
import { usePage } from '../../core/views/context.js';
import { StatusBadge } from '../../core/views/components.js';
import { Field } from '../../core/views/forms.js';
import { localized } from '../../core/i18n/localized.js';
import type { MessageKey, MessageParams } from '../../core/i18n/index.js';

/** What a coordinator's page needs of its election. */
export type ElectionHead = { id: number; title_ar: string; title_en: string; status: string };

export function ElectionStatus(p: { status: string }) {
  const { t } = usePage().i18n;
  return <StatusBadge label={t(`elections.status.${p.status}` as never)} />;
}

const AREAS = [
  ['manage', 'elections.manage.title'],
  ['dashboard', 'elections.dashboard.title'],
  ['outreach', 'elections.outreach.title'],
  ['stations', 'elections.stations.title'],
  ['observers', 'elections.observers.title'],
  ['forms', 'elections.forms.title'],
  ['entry', 'elections.entry.title'],
  ['relay', 'elections.relay.title'],
  ['statement', 'elections.statement.title'],
] as const;

export function ManageLayout(p: { e: ElectionHead; title: string; children: ComponentChildren }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = localized(p.e, 'title', i18n.locale);
  return (
    <Layout title={`${p.title} — ${name}`}>
      <p class="meta">
        <a href={`/elections/${p.e.id}`}>{name}</a> <ElectionStatus status={p.e.status} />
      </p>
      <nav aria-label={t('elections.manage.title')} class="no-print">
        <ul class="tags">
          {AREAS.map(([path, key]) => (
            <li>
              <a href={`/elections/${p.e.id}/${path}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{p.title}</h1>
      {p.children}
    </Layout>
  );
}

/** A title in both languages (an election's, a form's): the Arabic one is needed, the English may wait. */
export function TitleFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <Field name="title_ar" label={t('elections.form.titleAr')} required />
      <Field name="title_en" label={t('elections.form.titleEn')} hint={t('elections.form.englishOptional')} />
    </>
  );
}

type PlainKey = { [K in MessageKey]: {} extends MessageParams[K] ? K : never }[MessageKey];
/** A message with no params whose `…Hint` message exists too: a field's label and its hint. */
type HintedKey = { [K in PlainKey]: `${K}Hint` extends PlainKey ? K : never }[PlainKey];

/**
 * Entries one a line, their parts split by `|` (other partners, lists, a question's options, count
 * rules): labelled by `words`, its hint (`words` + Hint) showing how a line is written.
 */
export function LinesField(p: { name: string; words: HintedKey; rows: number }) {
  const { t } = usePage().i18n;
  return <Field name={p.name} label={t(p.words)} hint={t(`${p.words}Hint`)} multiline rows={p.rows} />;
}
