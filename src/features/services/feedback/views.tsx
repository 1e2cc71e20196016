// Feedback and reports: links under a service's page to the two forms, each on its own page, one item as the moderators and the
// organization see it, and the moderators' queue.
import { localized } from '../../../core/i18n/localized.js';
import { Empty, UserText } from '../../../core/views/components.js';
import { usePage } from '../../../core/views/context.js';
import { ButtonForm, Field, Form, Radios, Select, type FormState } from '../../../core/views/forms.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { ActionLinks } from '../directory/views/components.js';
import type { FeedbackRow } from './queries.js';

const GOT = ['yes', 'partly', 'no'] as const;
export const WRONG_FIELDS = ['phone', 'hours', 'place', 'closed', 'other'] as const;

/** A field people do not see; bots fill it (and the form is refused). */
function Honeypot(p: { id: string }) {
  return (
    <div class="svc-hp" aria-hidden="true">
      <label for={p.id}>Website</label>
      <input id={p.id} type="text" name="website" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/**
 * Under a service's page: links to the two forms, each on its own page. The service page itself
 * carries no form (no CSRF token), so it can be kept ready for every visitor (the page cache).
 */
export function FeedbackLinks(p: { serviceId: string }) {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-feedback" class="no-print" id="feedback">
      <h2 id="h-feedback">{t('services.feedback.title')}</h2>
      <p class="hint">{t('services.feedback.privacy')}</p>
      <ActionLinks
        links={[
          [`/services/${p.serviceId}/feedback`, t('services.feedback.give')],
          [`/services/${p.serviceId}/report`, t('services.report.title')],
        ]}
      />
    </section>
  );
}

/** One of the two forms on its own page, headed by the service it is about. */
export function FeedbackFormPage(p: {
  which: 'feedback' | 'report';
  service: { id: string; name: string; path: string };
  state: FormState | null;
}) {
  const { t } = usePage().i18n;
  const action = `/services/${p.service.id}/${p.which}`;
  const title = p.which === 'feedback' ? t('services.feedback.title') : t('services.report.title');
  return (
    <Layout title={`${title} — ${p.service.name}`}>
      <p class="meta">
        <a href={p.service.path} dir="auto">
          {p.service.name}
        </a>
      </p>
      <h1>{title}</h1>
      <p class="hint">{t('services.feedback.privacy')}</p>
      {p.which === 'feedback' ? (
        <Form action={action} state={p.state}>
          <div class="svc-stars">
            <Radios
              name="got_service"
              legend={t('services.feedback.gotService')}
              options={GOT.map((v) => ({ value: v, label: t(`services.feedback.got.${v}`) }))}
            />
          </div>
          <div class="svc-stars">
            <Radios
              name="rating"
              legend={t('services.feedback.rating')}
              options={[1, 2, 3, 4, 5].map((n) => ({
                value: String(n),
                label: t('services.feedback.stars', { count: n }),
              }))}
            />
          </div>
          <Field
            name="comment"
            label={t('services.feedback.comment')}
            hint={t('services.feedback.commentHint')}
            multiline
            rows={3}
            maxLength={2000}
          />
          <Honeypot id="f-website" />
          <button type="submit">{t('common.send')}</button>
        </Form>
      ) : (
        <Form action={action} state={p.state} values={{ wrong_field: 'phone' }}>
          <Select
            name="wrong_field"
            label={t('services.report.what')}
            options={WRONG_FIELDS.map((v) => ({ value: v, label: t(`services.report.field.${v}`) }))}
          />
          <Field name="comment" label={t('services.report.details')} multiline rows={3} required maxLength={2000} />
          <Honeypot id="f-website2" />
          <button type="submit">{t('common.send')}</button>
        </Form>
      )}
    </Layout>
  );
}

/** One piece of feedback or one report; with the moderators' buttons, or the organization's "dealt with". */
export function FeedbackItem(p: { f: FeedbackRow; resolveAction?: string | null; moderate?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  return (
    <li class="card">
      <p class="meta">
        <a href={`/services/${f.service_id}`} dir="auto">
          {localized(f, 'name', i18n.locale)}
        </a>{' '}
        · {i18n.date(f.created_at)} · {f.kind === 'report' ? t('services.report.title') : t('services.feedback.title')}
      </p>
      {f.kind === 'feedback' ? (
        <p>
          {f.got_service ? t(`services.feedback.got.${f.got_service}` as never) : ''}
          {f.rating ? ` · ${t('services.feedback.stars', { count: f.rating })}` : ''}
        </p>
      ) : (
        <p>{t(`services.report.field.${f.wrong_field ?? 'other'}` as never)}</p>
      )}
      {f.comment ? <UserText as="p" text={f.comment} /> : null}
      {f.resolved_at ? <p class="meta">{t('services.manage.resolved', { date: i18n.date(f.resolved_at) })}</p> : null}
      {p.resolveAction ? (
        <ButtonForm
          action={p.resolveAction}
          class="secondary"
          label={t('services.manage.markResolved')}
          hidden={{ id: f.id }}
        />
      ) : null}
      {p.moderate ? (
        <p class="actions">
          <ButtonForm
            action="/services/moderation"
            label={t('services.moderation.approve')}
            hidden={{ id: f.id, decision: 'approve' }}
          />
          <ButtonForm
            action="/services/moderation"
            class="danger"
            label={t('services.moderation.reject')}
            hidden={{ id: f.id, decision: 'reject' }}
          />
        </p>
      ) : null}
    </li>
  );
}

export function ModerationPage(p: { items: FeedbackRow[] }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('services.moderation.title')}>
      <p>{t('services.moderation.intro')}</p>
      {p.items.length ? (
        <ul class="card-list">
          {p.items.map((f) => (
            <FeedbackItem f={f} moderate />
          ))}
        </ul>
      ) : (
        <Empty text={t('services.moderation.empty')} />
      )}
    </TitledLayout>
  );
}
