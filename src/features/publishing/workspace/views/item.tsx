// One item in the workspace: where it stands, the workflow's buttons (each a small form), its
// content, its history and revisions; and one past revision.
import { localized } from '../../../../core/i18n/localized.js';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { DateText } from '../../../../core/views/components.js';
import { Field, Form, Hidden, Submit, type FormState } from '../../../../core/views/forms.js';
import type { ItemCard } from '../../queries.js';
import { Markdown, kindLabel } from '../../views/components.js';
import { ItemStatusBadge } from './dashboard.js';

type EventRow = { id: number; action: string; comment: string | null; at: string; display_name: string | null };
type RevisionRow = { id: number; number: number; title: string; edited_at: string; display_name: string | null };

export function ItemAdminPage(p: {
  item: ItemCard & { body_html: string; return_comment: string | null; publish_at: string | null };
  publicUrl: string;
  can: { edit: boolean; submit: boolean; publish: boolean; return: boolean; feature: boolean; unpublish: boolean };
  events: EventRow[];
  revisions: RevisionRow[];
  /** a refused submission of one of the workflow's forms */
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  const action = (step: string) => `/publishing/items/${it.id}/${step}`;
  return (
    <Layout title={it.title}>
      <p class="meta">
        <a href="/publishing">{t('publishing.ws.title')}</a>
      </p>
      <h1 dir="auto" lang={it.lang}>
        {it.title}
      </h1>
      <p class="pub-ws-status">
        <ItemStatusBadge status={it.status} /> {kindLabel(t, it.kind)} ·{' '}
        {it.organization ? localized(it.organization, 'name', i18n.locale) : t('publishing.byNetwork')}
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
            <Form action={action('submit')} state={p.state}>
              <Field name="comment" label={t('publishing.ws.noteToEditor')} multiline rows={2} />
              <Submit label={t('publishing.ws.submit')} />
            </Form>
          ) : null}
          {p.can.publish ? (
            <Form action={action('publish')} state={p.state}>
              <Field
                name="publish_at"
                type="datetime-local"
                label={t('publishing.ws.publishAt')}
                hint={t('publishing.ws.publishAtHint')}
              />
              <Submit label={t('publishing.ws.publish')} />
            </Form>
          ) : null}
          {p.can.return ? (
            <Form action={action('return')} state={p.state}>
              <Field name="comment" label={t('publishing.ws.returnComment')} multiline rows={3} required />
              <Submit class="secondary" label={t('publishing.ws.return')} />
            </Form>
          ) : null}
          {p.can.feature ? (
            <Form action={action('feature')} state={p.state}>
              <Hidden name="featured" value={it.featured ? '0' : '1'} />
              <Submit
                class="secondary"
                label={it.featured ? t('publishing.ws.unfeature') : t('publishing.ws.feature')}
              />
            </Form>
          ) : null}
          {p.can.unpublish ? (
            <Form action={action('unpublish')} state={p.state}>
              <Field name="comment" label={t('publishing.ws.unpublishReason')} multiline rows={2} />
              <Submit class="danger" label={t('publishing.ws.unpublish')} />
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
    </Layout>
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
    <Layout title={t('publishing.ws.revisionN', { n: r.number })}>
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
    </Layout>
  );
}
