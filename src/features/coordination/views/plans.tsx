import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { UserText } from '../../../core/views/components.js';
import type { PlanSection } from '../tables.js';
import { Checkbox, CoordNav, Empty, ErrorText, Hidden, Paragraphs, When, nameOf } from './common.js';

const sections: PlanSection[] = ['vision', 'mission', 'goals', 'objectives', 'activities'];

type Version = {
  id: number;
  version: number;
  vision: string;
  mission: string;
  goals: string;
  objectives: string;
  activities: string;
  media_id: string | null;
  filename: string | null;
  note: string;
  created_at: string;
  author?: string | null;
};

export function PlansPage(p: {
  orgName: string | null;
  orgId: number | null;
  plans: { id: number; title: string; updated_at: string }[];
  reviewing: {
    id: number;
    status: string;
    plan_title: string;
    org_name_ar: string;
    org_name_en: string;
    opened_at: string;
  }[];
  canCreate: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('coordination.plan.listTitle')}>
      <CoordNav current="/plans" />
      <h1>{t('coordination.plan.listTitle')}</h1>
      <p class="meta">{t('coordination.plan.privacy')}</p>
      {p.orgId ? (
        <section>
          <h2>{t('coordination.plan.ours', { org: p.orgName ?? '' })}</h2>
          {p.plans.length ? (
            <ul class="card-list">
              {p.plans.map((pl) => (
                <li class="card">
                  <h3>
                    <a href={`/plans/${pl.id}`}>
                      <UserText text={pl.title} />
                    </a>
                  </h3>
                  <p class="meta">{t('common.updatedOn', { date: i18n.date(pl.updated_at) })}</p>
                </li>
              ))}
            </ul>
          ) : (
            <Empty text={t('coordination.plan.none')} />
          )}
          {p.canCreate ? (
            <p>
              <a class="button" href={`/plans/new?org=${p.orgId}`}>
                {t('coordination.plan.new')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section>
        <h2>{t('coordination.review.asReviewer')}</h2>
        {p.reviewing.length ? (
          <ul class="card-list">
            {p.reviewing.map((r) => (
              <li class="card">
                <h3>
                  <a href={`/plans/reviews/${r.id}`}>
                    <UserText text={r.plan_title} />
                  </a>
                </h3>
                <p class="meta">
                  <bdi>{nameOf(r.org_name_ar, r.org_name_en, i18n.locale)}</bdi> ·{' '}
                  <span class="badge">{t(`coordination.review.status.${r.status as 'open' | 'closed'}`)}</span>{' '}
                  <When at={r.opened_at} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.review.noneAsReviewer')} />
        )}
      </section>
    </Layout>
  );
}

function PlanFields(p: { values: Record<string, unknown>; errors: FieldErrors }) {
  const { t } = usePage().i18n;
  return (
    <>
      {sections.map((s) => (
        <Field
          name={s}
          label={t(`coordination.plan.section.${s}`)}
          hint={t(`coordination.plan.sectionHint.${s}`)}
          value={String(p.values[s] ?? '')}
          error={p.errors[s]}
          multiline
          rows={s === 'vision' || s === 'mission' ? 3 : 6}
        />
      ))}
      <div class="field">
        <label for="f-file">{t('coordination.plan.document')}</label>
        <input id="f-file" type="file" name="file" accept="application/pdf,.docx,.odt" />
        <p class="hint">{t('coordination.plan.documentHint')}</p>
        <ErrorText text={p.errors.file} />
      </div>
      <Field
        name="note"
        label={t('coordination.plan.versionNote')}
        value={String(p.values.note ?? '')}
        error={p.errors.note}
      />
    </>
  );
}

export function PlanNewPage(p: { orgId: number; values: Record<string, unknown>; errors?: FieldErrors }) {
  const { t } = usePage().i18n;
  const e = p.errors ?? {};
  return (
    <Layout title={t('coordination.plan.new')}>
      <CoordNav current="/plans" />
      <h1>{t('coordination.plan.new')}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={`/plans/new?org=${p.orgId}`} multipart>
        <Field
          name="title"
          label={t('coordination.field.title')}
          value={String(p.values.title ?? '')}
          error={e.title}
          required
        />
        <PlanFields values={p.values} errors={e} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

function VersionView(props: { v: Version; fileHref: string | null }) {
  const { t } = usePage().i18n;
  return (
    <>
      {sections.map((s) =>
        props.v[s] ? (
          <section id={`section-${s}`}>
            <h3>{t(`coordination.plan.section.${s}`)}</h3>
            <Paragraphs text={props.v[s]} />
          </section>
        ) : null,
      )}
      {props.fileHref && props.v.filename ? (
        <p>
          {t('coordination.plan.document')}:{' '}
          <a href={props.fileHref}>
            <bdi dir="auto">{props.v.filename}</bdi>
          </a>
        </p>
      ) : null}
    </>
  );
}

export function PlanPage(p: {
  plan: { id: number; title: string; organization_id: number };
  current: Version;
  versions: Version[];
  reviews: { id: number; status: string; opened_at: string; version: number }[];
  candidates: { user_id: number; display_name: string; org_name_ar: string; org_name_en: string }[];
  consultative: { id: number; title: string; starts_at: string }[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const c = p.current;
  return (
    <Layout title={p.plan.title}>
      <CoordNav current="/plans" />
      <h1>
        <UserText text={p.plan.title} />
      </h1>
      <p class="meta">
        {t('coordination.plan.versionOf', { n: c.version })} · <When at={c.created_at} />
        {c.note ? (
          <>
            {' · '}
            <UserText text={c.note} />
          </>
        ) : null}
      </p>
      <VersionView v={c} fileHref={c.media_id ? `/plans/${p.plan.id}/versions/${c.id}/file` : null} />

      <section>
        <h2>{t('coordination.plan.versions')}</h2>
        <ul>
          {p.versions.map((v) => (
            <li>
              <a href={`/plans/${p.plan.id}?v=${v.version}`}>{t('coordination.plan.versionOf', { n: v.version })}</a> —{' '}
              <When at={v.created_at} />
              {v.author ? (
                <>
                  {' · '}
                  <bdi>{v.author}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <details open={p.form === 'version'}>
          <summary>{t('coordination.plan.newVersion')}</summary>
          <FormErrorSummary message={p.form === 'version' ? e._form : undefined} />
          <Form action={`/plans/${p.plan.id}/versions`} multipart>
            <PlanFields
              values={p.form === 'version' ? (p.values ?? {}) : (c as unknown as Record<string, unknown>)}
              errors={p.form === 'version' ? e : {}}
            />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </details>
      </section>

      <section>
        <h2>{t('coordination.review.title')}</h2>
        {p.reviews.length ? (
          <ul>
            {p.reviews.map((r) => (
              <li>
                <a href={`/plans/reviews/${r.id}`}>{t('coordination.review.ofVersion', { n: r.version })}</a>{' '}
                <span class="badge">{t(`coordination.review.status.${r.status as 'open' | 'closed'}`)}</span>{' '}
                <When at={r.opened_at} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.review.none')} />
        )}
        <details open={p.form === 'review'}>
          <summary>{t('coordination.review.open')}</summary>
          <p class="hint">{t('coordination.review.openHint')}</p>
          <FormErrorSummary message={p.form === 'review' ? e._form : undefined} />
          <Form action={`/plans/${p.plan.id}/reviews`}>
            <Hidden name="version_id" value={c.id} />
            <fieldset>
              <legend>{t('coordination.review.reviewers')}</legend>
              {p.candidates.length ? (
                p.candidates.map((r) => (
                  <Checkbox
                    name="reviewers"
                    value={String(r.user_id)}
                    label={`${r.display_name} — ${nameOf(r.org_name_ar, r.org_name_en, i18n.locale)}`}
                  />
                ))
              ) : (
                <Empty text={t('coordination.review.noCandidates')} />
              )}
              <Checkbox name="include_board" label={t('coordination.review.includeBoard')} />
              <ErrorText text={p.form === 'review' ? e.reviewers : undefined} />
            </fieldset>
            <Select
              name="meeting_id"
              label={t('coordination.review.meeting')}
              includeEmpty="—"
              options={p.consultative.map((m) => ({
                value: String(m.id),
                label: `${m.title} (${i18n.date(m.starts_at)})`,
              }))}
            />
            <button type="submit">{t('coordination.review.openSubmit')}</button>
          </Form>
        </details>
      </section>
    </Layout>
  );
}

type Comment = {
  id: number;
  section: string;
  parent_id: number | null;
  author_user_id: number | null;
  body: string;
  created_at: string;
  author: string | null;
};

export function ReviewPage(p: {
  review: {
    id: number;
    plan_id: number;
    status: 'open' | 'closed';
    plan_title: string;
    version: number;
    org_name_ar: string;
    org_name_en: string;
    meeting_id: number | null;
    meeting_title: string | null;
    opened_at: string;
    closed_at: string | null;
    closing_note: string;
    reviewers: { id: number; display_name: string }[];
  } & Pick<Version, 'vision' | 'mission' | 'goals' | 'objectives' | 'activities' | 'media_id' | 'filename'>;
  comments: Comment[];
  orgPeople: Set<number>;
  canComment: boolean;
  canAnswer: boolean;
  canClose: boolean;
  isOwner: boolean;
  decisions: { id: number; number: number; text: string; hasAction: boolean }[];
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const r = p.review;
  const e = p.errors ?? {};
  const all: (PlanSection | 'document' | 'general')[] = [...sections, 'document', 'general'];
  const top = (s: string) => p.comments.filter((c) => c.section === s && c.parent_id === null);
  const answers = (id: number) => p.comments.filter((c) => c.parent_id === id);
  const who = (c: Comment) =>
    c.author_user_id !== null && p.orgPeople.has(c.author_user_id)
      ? t('coordination.review.byOrg', { name: c.author ?? '—' })
      : t('coordination.review.byReviewer', { name: c.author ?? '—' });
  return (
    <Layout title={t('coordination.review.pageTitle', { title: r.plan_title })}>
      <CoordNav current="/plans" />
      <p class="meta">
        <bdi>{nameOf(r.org_name_ar, r.org_name_en, i18n.locale)}</bdi> ·{' '}
        <span class="badge">{t(`coordination.review.status.${r.status}`)}</span>
      </p>
      <h1>{t('coordination.review.pageTitle', { title: r.plan_title })}</h1>
      <p class="meta">
        {t('coordination.review.ofVersion', { n: r.version })} · <When at={r.opened_at} />
      </p>
      <p class="meta">
        {t('coordination.review.reviewers')}:{' '}
        {r.reviewers.map((x, i) => (
          <>
            {i ? '، ' : ''}
            <bdi>{x.display_name}</bdi>
          </>
        ))}
      </p>
      {r.meeting_id ? (
        <p>
          {t('coordination.review.meeting')}: <a href={`/meetings/${r.meeting_id}`}>{r.meeting_title}</a>
        </p>
      ) : null}
      <FormErrorSummary message={e._form} />
      {all.map((s) => {
        const text = s === 'document' || s === 'general' ? '' : r[s];
        if (s === 'document' && !r.media_id) return null;
        return (
          <section id={`section-${s}`} class="card">
            <h2>{t(`coordination.plan.section.${s}`)}</h2>
            {text ? <Paragraphs text={text} /> : null}
            {s === 'document' && r.filename ? (
              <p>
                <a href={`/plans/reviews/${r.id}/file`}>
                  <bdi dir="auto">{r.filename}</bdi>
                </a>
              </p>
            ) : null}
            {top(s).length ? (
              <ul>
                {top(s).map((c) => (
                  <li>
                    <p class="meta">
                      {who(c)} · <When at={c.created_at} />
                    </p>
                    <UserText as="p" text={c.body} />
                    {answers(c.id).length ? (
                      <ul>
                        {answers(c.id).map((a) => (
                          <li>
                            <p class="meta">
                              {who(a)} · <When at={a.created_at} />
                            </p>
                            <UserText as="p" text={a.body} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {p.canAnswer || p.canComment ? (
                      <details>
                        <summary>
                          {p.canAnswer ? t('coordination.review.answer') : t('coordination.review.reply')}
                        </summary>
                        <Form action={`/plans/reviews/${r.id}/comments`}>
                          <Hidden name="section" value={s} />
                          <Hidden name="parent_id" value={c.id} />
                          <Field name="body" label={t('coordination.review.commentBody')} multiline rows={3} required />
                          <button type="submit">{t('common.send')}</button>
                        </Form>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {p.canComment ? (
              <details>
                <summary>{t('coordination.review.comment')}</summary>
                <Form action={`/plans/reviews/${r.id}/comments`}>
                  <Hidden name="section" value={s} />
                  <Field name="body" label={t('coordination.review.commentBody')} multiline rows={3} required />
                  <button type="submit">{t('common.send')}</button>
                </Form>
              </details>
            ) : null}
          </section>
        );
      })}
      {p.decisions.length ? (
        <section>
          <h2>{t('coordination.review.decisions')}</h2>
          <ol>
            {p.decisions.map((d) => (
              <li value={d.number}>
                <UserText text={d.text} />
                {p.isOwner && !d.hasAction ? (
                  <Form action={`/plans/reviews/${r.id}/actions`}>
                    <Hidden name="decision_id" value={d.id} />
                    <Field name="title" label={t('coordination.action.title')} value={d.text.slice(0, 300)} required />
                    <Field name="due_on" type="date" label={t('coordination.action.due')} />
                    <button type="submit" class="secondary">
                      {t('coordination.review.toAction')}
                    </button>
                  </Form>
                ) : d.hasAction ? (
                  <span class="badge">{t('coordination.review.actionCreated')}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {r.status === 'closed' ? (
        <section>
          <h2>{t('coordination.review.closed')}</h2>
          <p class="meta">
            <When at={r.closed_at!} />
          </p>
          {r.closing_note ? <Paragraphs text={r.closing_note} /> : null}
        </section>
      ) : p.canClose ? (
        <section>
          <h2>{t('coordination.review.close')}</h2>
          <Form action={`/plans/reviews/${r.id}/close`}>
            <Field
              name="closing_note"
              label={t('coordination.review.closingNote')}
              multiline
              rows={3}
              error={e.closing_note}
            />
            <button type="submit">{t('coordination.review.closeSubmit')}</button>
          </Form>
        </section>
      ) : null}
      {p.isOwner ? (
        <p>
          <a href={`/plans/${r.plan_id}`}>{t('coordination.plan.back')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
