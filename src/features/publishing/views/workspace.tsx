// The editorial workspace: what an organization has written and where each item stands, the
// editor's queue, the edit form, one item's workflow and history, and a past revision.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DateText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { publishingStylesheet } from '../styles.js';
import { COLLECTIONS, RESOURCE_TYPES, TOPICS, type ItemCard, type OrgRef } from '../queries.js';
import type { ItemKind, ItemStatus } from '../tables.js';
import { Markdown, kindLabel, localName } from './components.js';

function WsLayout(p: { title: string; children: preact.ComponentChildren }) {
  return (
    <Layout title={p.title} head={<link rel="stylesheet" href={publishingStylesheet.href} />}>
      {p.children}
    </Layout>
  );
}

export function StatusBadge(p: { status: ItemStatus }) {
  const { t } = usePage().i18n;
  return <span class={`badge pub-status pub-status--${p.status}`}>{t(`publishing.status.${p.status}` as never)}</span>;
}

function ItemTable(p: { items: ItemCard[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.items.length) return <p>{t('publishing.ws.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="pub-table">
        <thead>
          <tr>
            <th>{t('publishing.form.title')}</th>
            <th>{t('publishing.ws.kind')}</th>
            <th>{t('publishing.ws.status')}</th>
            <th>{t('publishing.ws.organization')}</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((it) => (
            <tr>
              <td>
                <a href={`/publishing/items/${it.id}`} dir="auto" lang={it.lang}>
                  {it.title}
                </a>
              </td>
              <td>{kindLabel(t, it.kind)}</td>
              <td>
                <StatusBadge status={it.status} />
              </td>
              <td>{it.organization ? localName(it.organization, i18n.locale) : t('publishing.byNetwork')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DashboardPage(p: {
  orgs: (OrgRef & { canCreate: ItemKind[]; items: ItemCard[] })[];
  editor: { queue: ItemCard[]; kinds: ItemKind[] } | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <WsLayout title={t('publishing.ws.title')}>
      <h1>{t('publishing.ws.title')}</h1>
      {!p.editor && !p.orgs.length ? <p>{t('publishing.ws.notStaff')}</p> : null}
      {p.editor ? (
        <section aria-labelledby="h-queue">
          <h2 id="h-queue">{t('publishing.ws.queue')}</h2>
          <ItemTable items={p.editor.queue} />
          <p class="actions">
            {p.editor.kinds.map((k) => (
              <a class="button secondary" href={`/publishing/network/new?kind=${k}`}>
                {t('publishing.ws.newOf', { kind: kindLabel(t, k) })}
              </a>
            ))}
          </p>
        </section>
      ) : null}
      {p.orgs.map((o) => (
        <section aria-labelledby={`h-org-${o.id}`}>
          <h2 id={`h-org-${o.id}`}>{localName(o, i18n.locale)}</h2>
          <p class="actions">
            {o.canCreate.map((k) => (
              <a class="button secondary" href={`/publishing/new?kind=${k}&org=${o.id}`}>
                {t('publishing.ws.newOf', { kind: kindLabel(t, k) })}
              </a>
            ))}
          </p>
          <ItemTable items={o.items} />
        </section>
      ))}
    </WsLayout>
  );
}

export type EditValues = Record<string, unknown>;

export function EditPage(p: {
  kind: ItemKind;
  action: string;
  isNew: boolean;
  values: EditValues;
  errors?: FieldErrors;
  orgOptions: OrgRef[];
  allowNetwork: boolean;
  issues: { id: number; title: string }[];
  hasCover: boolean;
  hasFile: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const str = (k: string) => (v[k] === undefined || v[k] === null ? '' : String(v[k]));
  const selectedTopics = new Set(Array.isArray(v.topics) ? (v.topics as string[]) : v.topics ? [String(v.topics)] : []);
  const title = p.isNew ? t('publishing.ws.newOf', { kind: kindLabel(t, p.kind) }) : t('publishing.ws.editTitle');
  return (
    <WsLayout title={title}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form ?? (Object.keys(e).length ? t('publishing.form.fixErrors') : null)} />
      <Form action={p.action} multipart>
        <Select
          name="organization_id"
          label={t('publishing.ws.organization')}
          value={str('organization_id')}
          error={e.organization_id}
          includeEmpty={p.allowNetwork ? t('publishing.byNetwork') : undefined}
          options={p.orgOptions.map((o) => ({ value: String(o.id), label: localName(o, i18n.locale) }))}
        />
        <Select
          name="lang"
          label={t('publishing.filter.language')}
          value={str('lang') || 'ar'}
          error={e.lang}
          options={[
            { value: 'ar', label: t('publishing.language.ar') },
            { value: 'en', label: t('publishing.language.en') },
          ]}
        />
        <Field
          name="title"
          label={t('publishing.form.title')}
          value={str('title')}
          error={e.title}
          required
          maxLength={200}
        />
        <Field
          name="summary"
          label={t('publishing.form.summary')}
          hint={t('publishing.form.summaryHint')}
          value={str('summary')}
          error={e.summary}
          multiline
          rows={3}
          maxLength={600}
        />
        <Field
          name="body"
          label={t('publishing.form.body')}
          hint={t('publishing.form.bodyHint')}
          value={str('body')}
          error={e.body}
          multiline
          rows={16}
        />
        {p.kind !== 'page' ? (
          <>
            <Field
              name="byline"
              label={t('publishing.form.byline')}
              hint={t('publishing.form.bylineHint')}
              value={str('byline')}
              error={e.byline}
            />
            {p.kind === 'opinion' ? (
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="byline_pseudonym"
                  value="on"
                  checked={v.byline_pseudonym === true || v.byline_pseudonym === 'on'}
                />{' '}
                {t('publishing.form.pseudonym')}
              </label>
            ) : null}
            <Field
              name="towns"
              label={t('publishing.form.towns')}
              hint={t('publishing.form.townsHint')}
              value={Array.isArray(v.towns) ? (v.towns as string[]).join(', ') : str('towns')}
              error={e.towns}
            />
            <fieldset>
              <legend>{t('publishing.topics')}</legend>
              {TOPICS.map((tp) => (
                <label class="checkbox">
                  <input type="checkbox" name="topics" value={tp} checked={selectedTopics.has(tp)} />{' '}
                  {t(`publishing.topic.${tp}` as never)}
                </label>
              ))}
              {e.topics ? <p class="error">{e.topics}</p> : null}
            </fieldset>
          </>
        ) : (
          <Field
            name="page_key"
            label={t('publishing.form.pageKey')}
            hint={t('publishing.form.pageKeyHint')}
            value={str('page_key')}
            error={e.page_key}
            required
          />
        )}
        {p.kind === 'activity' ? (
          <Field
            name="activity_date"
            type="date"
            label={t('publishing.form.activityDate')}
            value={str('activity_date')}
            error={e.activity_date}
          />
        ) : null}
        {p.kind !== 'local_issue' && p.kind !== 'page' && p.issues.length ? (
          <Select
            name="local_issue_id"
            label={t('publishing.form.localIssue')}
            includeEmpty={t('publishing.form.none')}
            value={str('local_issue_id')}
            error={e.local_issue_id}
            options={p.issues.map((i) => ({ value: String(i.id), label: i.title }))}
          />
        ) : null}
        {p.kind === 'resource' ? (
          <>
            <Select
              name="resource_type"
              label={t('publishing.filter.type')}
              value={str('resource_type') || 'guide'}
              error={e.resource_type}
              options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`publishing.resourceType.${r}` as never) }))}
            />
            <Select
              name="collection"
              label={t('publishing.filter.collection')}
              includeEmpty={t('publishing.form.none')}
              value={str('collection')}
              error={e.collection}
              options={COLLECTIONS.map((c) => ({ value: c, label: t(`publishing.collection.${c}` as never) }))}
            />
            <div class="field">
              <label for="f-file">{t('publishing.form.file')}</label>
              <input id="f-file" type="file" name="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
              <p class="hint">{p.hasFile ? t('publishing.form.fileKept') : t('publishing.form.fileHint')}</p>
              {e.file ? <p class="error">{e.file}</p> : null}
            </div>
            <Field
              name="file_pages"
              type="number"
              label={t('publishing.form.filePages')}
              value={str('file_pages')}
              error={e.file_pages}
            />
            <Field
              name="external_url"
              type="url"
              label={t('publishing.form.externalUrl')}
              value={str('external_url')}
              error={e.external_url}
            />
          </>
        ) : null}
        {p.kind !== 'page' ? (
          <>
            <div class="field">
              <label for="f-cover">{t('publishing.form.cover')}</label>
              <input id="f-cover" type="file" name="cover" accept="image/jpeg,image/png,image/webp" />
              <p class="hint">{p.hasCover ? t('publishing.form.coverKept') : t('publishing.form.coverHint')}</p>
              {e.cover ? <p class="error">{e.cover}</p> : null}
            </div>
            <Field
              name="cover_alt"
              label={t('publishing.form.coverAlt')}
              value={str('cover_alt')}
              error={e.cover_alt}
            />
          </>
        ) : null}
        <Field
          name="translation_of"
          type="number"
          label={t('publishing.form.translationOf')}
          hint={t('publishing.form.translationHint')}
          value={str('translation_of')}
          error={e.translation_of}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </WsLayout>
  );
}

type EventRow = { id: number; action: string; comment: string | null; at: string; display_name: string | null };
type RevisionRow = { id: number; number: number; title: string; edited_at: string; display_name: string | null };

export function ItemAdminPage(p: {
  item: ItemCard & { body_html: string; return_comment: string | null; publish_at: string | null };
  publicUrl: string;
  can: { edit: boolean; submit: boolean; publish: boolean; return: boolean; feature: boolean; unpublish: boolean };
  events: EventRow[];
  revisions: RevisionRow[];
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  const e = p.errors ?? {};
  return (
    <WsLayout title={it.title}>
      <p class="meta">
        <a href="/publishing">{t('publishing.ws.title')}</a>
      </p>
      <h1 dir="auto" lang={it.lang}>
        {it.title}
      </h1>
      <p>
        <StatusBadge status={it.status} /> {kindLabel(t, it.kind)} ·{' '}
        {it.organization ? localName(it.organization, i18n.locale) : t('publishing.byNetwork')}
        {it.featured ? <span class="badge">{t('publishing.ws.featured')}</span> : null}
      </p>
      {it.status === 'scheduled' && it.publish_at ? (
        <p class="pub-notice">{t('publishing.ws.scheduledFor', { when: i18n.dateTime(it.publish_at) })}</p>
      ) : null}
      {it.status === 'returned' && it.return_comment ? (
        <div class="notice--warn" role="note">
          <p>
            <strong>{t('publishing.ws.returnedWith')}</strong>
          </p>
          <p dir="auto">{it.return_comment}</p>
        </div>
      ) : null}
      <FormErrorSummary message={e._form} />
      <div class="pub-workflow">
        <p class="actions">
          <a class="button secondary" href={p.publicUrl}>
            {it.status === 'published' ? t('publishing.ws.viewPublic') : t('publishing.ws.preview')}
          </a>
          {p.can.edit ? (
            <a class="button secondary" href={`/publishing/items/${it.id}/edit`}>
              {t('common.edit')}
            </a>
          ) : null}
        </p>
        <div class="pub-workflow-actions">
          {p.can.submit ? (
            <Form action={`/publishing/items/${it.id}/submit`} class="form">
              <Field name="comment" label={t('publishing.ws.noteToEditor')} multiline rows={2} />
              <button type="submit">{t('publishing.ws.submit')}</button>
            </Form>
          ) : null}
          {p.can.publish ? (
            <Form action={`/publishing/items/${it.id}/publish`} class="form">
              <Field
                name="publish_at"
                type="datetime-local"
                label={t('publishing.ws.publishAt')}
                hint={t('publishing.ws.publishAtHint')}
                error={e.publish_at}
              />
              <button type="submit">{t('publishing.ws.publish')}</button>
            </Form>
          ) : null}
          {p.can.return ? (
            <Form action={`/publishing/items/${it.id}/return`} class="form">
              <Field
                name="comment"
                label={t('publishing.ws.returnComment')}
                multiline
                rows={3}
                required
                error={e.comment}
              />
              <button type="submit" class="secondary">
                {t('publishing.ws.return')}
              </button>
            </Form>
          ) : null}
          {p.can.feature ? (
            <Form action={`/publishing/items/${it.id}/feature`} class="form">
              <input type="hidden" name="featured" value={it.featured ? '0' : '1'} />
              <button type="submit" class="secondary">
                {it.featured ? t('publishing.ws.unfeature') : t('publishing.ws.feature')}
              </button>
            </Form>
          ) : null}
          {p.can.unpublish ? (
            <Form action={`/publishing/items/${it.id}/unpublish`} class="form">
              <Field name="comment" label={t('publishing.ws.unpublishReason')} multiline rows={2} />
              <button type="submit" class="danger">
                {t('publishing.ws.unpublish')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="h-preview">
        <h2 id="h-preview">{t('publishing.ws.content')}</h2>
        {it.summary ? (
          <p class="pub-lead" dir="auto" lang={it.lang}>
            {it.summary}
          </p>
        ) : null}
        <Markdown html={it.body_html} lang={it.lang} />
      </section>
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t('publishing.ws.history')}</h2>
        <ol class="pub-history">
          {p.events.map((ev) => (
            <li>
              <DateText value={ev.at} /> — {t(`publishing.event.${ev.action}` as never)}
              {ev.display_name ? (
                <>
                  {' · '}
                  <bdi>{ev.display_name}</bdi>
                </>
              ) : null}
              {ev.comment && ev.action !== 'scheduled' ? (
                <p dir="auto" class="small">
                  {ev.comment}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {p.revisions.length ? (
        <section aria-labelledby="h-revisions">
          <h2 id="h-revisions">{t('publishing.ws.revisions')}</h2>
          <ul>
            {p.revisions.map((r) => (
              <li>
                <a href={`/publishing/items/${it.id}/revisions/${r.number}`}>
                  {t('publishing.ws.revisionN', { n: r.number })}
                </a>{' '}
                — <DateText value={r.edited_at} />
                {r.display_name ? (
                  <>
                    {' · '}
                    <bdi>{r.display_name}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </WsLayout>
  );
}

export function RevisionPage(p: {
  itemId: number;
  lang: string;
  revision: {
    number: number;
    title: string;
    summary: string;
    byline: string;
    edited_at: string;
    display_name: string | null;
  };
  html: string;
}) {
  const { t } = usePage().i18n;
  const r = p.revision;
  return (
    <WsLayout title={t('publishing.ws.revisionN', { n: r.number })}>
      <p class="meta">
        <a href={`/publishing/items/${p.itemId}`}>{t('publishing.workflow.open')}</a>
      </p>
      <h1>{t('publishing.ws.revisionN', { n: r.number })}</h1>
      <p class="meta">
        <DateText value={r.edited_at} />
        {r.display_name ? (
          <>
            {' · '}
            <bdi>{r.display_name}</bdi>
          </>
        ) : null}
      </p>
      <article class="pub-article" lang={p.lang}>
        <h2 dir="auto">{r.title}</h2>
        {r.byline ? (
          <p class="meta">
            <bdi>{r.byline}</bdi>
          </p>
        ) : null}
        {r.summary ? (
          <p class="pub-lead" dir="auto">
            {r.summary}
          </p>
        ) : null}
        <Markdown html={p.html} lang={p.lang} />
      </article>
    </WsLayout>
  );
}
