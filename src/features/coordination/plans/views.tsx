// Strategic plans: the list (one's organization's plans, the reviews one was chosen for), a new
// plan, a plan with its versions and reviews, and a review with comments per section.
import { usePage } from '../../../core/views/context.js';
import {
  Checkbox,
  Checkboxes,
  Field,
  FileField,
  Form,
  FormErrorSummary,
  Hidden,
  type FormState,
} from '../../../core/views/forms.js';
import { Empty, StatusBadge, UserText } from '../../../core/views/components.js';
import type { CoordPlanVersionsTable, PlanSection } from '../tables.js';
import {
  Cards,
  CoordPage,
  FoldForm,
  MeetingSelect,
  Names,
  Paragraphs,
  Titled,
  When,
  errorsOf,
  useLocalized,
  usePersonChoices,
} from '../components.js';
import { planSections as sections } from './queries.js';

type Version = Omit<CoordPlanVersionsTable, 'id' | 'plan_id' | 'organization_id' | 'mime' | 'created_by'> & {
  id: number;
  author?: string | null;
};

function ReviewStatus(props: { status: string }) {
  const { t } = usePage().i18n;
  return <StatusBadge label={t(`coordination.review.status.${props.status as 'open' | 'closed'}`)} />;
}

export function PlansPage(p: {
  orgId: number | null;
  org: { name_ar: string; name_en: string } | null;
  plans: { id: number; title: string; updated_at: string }[];
  reviewing: {
    id: number;
    status: string;
    plan_title: string;
    org_name_ar: string;
    org_name_en: string;
    opened_at: string;
  }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  return (
    <CoordPage title={t('coordination.plan.listTitle')} nav="/plans">
      <p class="meta">{t('coordination.plan.privacy')}</p>
      {p.orgId ? (
        <Titled title={t('coordination.plan.ours', { org: name(p.org) })}>
          <Cards
            items={p.plans}
            empty={t('coordination.plan.none')}
            href={(pl) => `/plans/${pl.id}`}
            title={(pl) => pl.title}
            meta={(pl) => t('common.updatedOn', { date: i18n.date(pl.updated_at) })}
          />
          <p>
            <a class="button" href={`/plans/new?org=${p.orgId}`}>
              {t('coordination.plan.new')}
            </a>
          </p>
        </Titled>
      ) : null}
      <Titled title={t('coordination.review.asReviewer')}>
        <Cards
          items={p.reviewing}
          empty={t('coordination.review.noneAsReviewer')}
          href={(r) => `/plans/reviews/${r.id}`}
          title={(r) => r.plan_title}
          meta={(r) => (
            <>
              <bdi>{name(r, 'org_name')}</bdi> · <ReviewStatus status={r.status} /> <When at={r.opened_at} />
            </>
          )}
        />
      </Titled>
    </CoordPage>
  );
}

/** The sections of a version, its document and a note (inside a multipart form scope). */
function VersionFields() {
  const { t } = usePage().i18n;
  return (
    <>
      {sections.map((s) => (
        <Field
          name={s}
          label={t(`coordination.plan.section.${s}`)}
          hint={t(`coordination.plan.sectionHint.${s}`)}
          multiline
          rows={s === 'vision' || s === 'mission' ? 3 : 6}
        />
      ))}
      <FileField
        name="file"
        label={t('coordination.plan.document')}
        accept="application/pdf,.docx,.odt"
        hint={t('coordination.plan.documentHint')}
      />
      <Field name="note" label={t('coordination.plan.versionNote')} />
    </>
  );
}

export function PlanNewPage(p: { orgId: number; state?: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.plan.new')} nav="/plans">
      <Form action={`/plans/new?org=${p.orgId}`} state={p.state} multipart>
        <Field name="title" label={t('coordination.field.title')} required />
        <VersionFields />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </CoordPage>
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
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const personChoices = usePersonChoices();
  const c = p.current;
  const base = `/plans/${p.plan.id}`;
  return (
    <CoordPage title={p.plan.title} nav="/plans" userTitle>
      <p class="meta">
        {t('coordination.plan.versionOf', { n: c.version })} · <When at={c.created_at} />
        {c.note ? (
          <>
            {' · '}
            <UserText text={c.note} />
          </>
        ) : null}
      </p>
      <VersionView v={c} fileHref={c.media_id ? `${base}/versions/${c.id}/file` : null} />

      <Titled title={t('coordination.plan.versions')}>
        <ul>
          {p.versions.map((v) => (
            <li>
              <a href={`${base}?v=${v.version}`}>{t('coordination.plan.versionOf', { n: v.version })}</a> —{' '}
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
        <FoldForm
          summary={t('coordination.plan.newVersion')}
          action={`${base}/versions`}
          submit={t('common.save')}
          state={p.state}
          values={c}
          multipart
        >
          <VersionFields />
        </FoldForm>
      </Titled>

      <Titled title={t('coordination.review.title')}>
        {p.reviews.length ? (
          <ul>
            {p.reviews.map((r) => (
              <li>
                <a href={`/plans/reviews/${r.id}`}>{t('coordination.review.ofVersion', { n: r.version })}</a>{' '}
                <ReviewStatus status={r.status} /> <When at={r.opened_at} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.review.none')} />
        )}
        <FoldForm
          summary={t('coordination.review.open')}
          hint={t('coordination.review.openHint')}
          action={`${base}/reviews`}
          submit={t('coordination.review.openSubmit')}
          state={p.state}
        >
          <Hidden name="version_id" value={c.id} />
          {p.candidates.length ? null : <Empty text={t('coordination.review.noCandidates')} />}
          <Checkboxes
            name="reviewers"
            legend={t('coordination.review.reviewers')}
            options={personChoices(p.candidates)}
          />
          <Checkbox name="include_board" label={t('coordination.review.includeBoard')} />
          <MeetingSelect label={t('coordination.review.meeting')} meetings={p.consultative} />
        </FoldForm>
      </Titled>
    </CoordPage>
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
  } & Pick<Version, PlanSection | 'media_id' | 'filename'>;
  comments: Comment[];
  orgPeople: Set<number>;
  canComment: boolean;
  canAnswer: boolean;
  canClose: boolean;
  isOwner: boolean;
  decisions: { id: number; number: number; text: string; hasAction: boolean }[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const r = p.review;
  const all: (PlanSection | 'document' | 'general')[] = [...sections, 'document', 'general'];
  return (
    <CoordPage
      title={t('coordination.review.pageTitle', { title: r.plan_title })}
      nav="/plans"
      meta={
        <>
          <bdi>{name(r, 'org_name')}</bdi> · <ReviewStatus status={r.status} />
        </>
      }
    >
      <p class="meta">
        {t('coordination.review.ofVersion', { n: r.version })} · <When at={r.opened_at} />
      </p>
      <p class="meta">
        {t('coordination.review.reviewers')}: <Names names={r.reviewers.map((x) => x.display_name)} />
      </p>
      {r.meeting_id ? (
        <p>
          {t('coordination.review.meeting')}: <a href={`/meetings/${r.meeting_id}`}>{r.meeting_title}</a>
        </p>
      ) : null}
      {/* A refused comment or answer is said here; its form is one of many. */}
      <FormErrorSummary message={errorsOf(p.state)._form} />
      {all.map((s) =>
        s === 'document' && !r.media_id ? null : (
          <ReviewSection
            review={r}
            section={s}
            text={s === 'document' || s === 'general' ? '' : r[s]}
            comments={p.comments}
            orgPeople={p.orgPeople}
            canComment={p.canComment}
            canAnswer={p.canAnswer}
          />
        ),
      )}
      {p.decisions.length ? (
        <Titled title={t('coordination.review.decisions')}>
          <ol>
            {p.decisions.map((d) => (
              <li value={d.number}>
                <UserText text={d.text} />
                {p.isOwner && !d.hasAction ? (
                  <Form
                    action={`/plans/reviews/${r.id}/actions`}
                    id={`decision-${d.id}`}
                    idPrefix={`decision-${d.id}`}
                    values={{ title: d.text.slice(0, 300) }}
                  >
                    <Hidden name="decision_id" value={d.id} />
                    <Field name="title" label={t('coordination.action.title')} required />
                    <Field name="due_on" type="date" label={t('coordination.action.due')} />
                    <button type="submit" class="secondary">
                      {t('coordination.review.toAction')}
                    </button>
                  </Form>
                ) : d.hasAction ? (
                  <StatusBadge label={t('coordination.review.actionCreated')} />
                ) : null}
              </li>
            ))}
          </ol>
        </Titled>
      ) : null}
      {r.status === 'closed' ? (
        <Titled title={t('coordination.review.closed')}>
          <p class="meta">
            <When at={r.closed_at!} />
          </p>
          {r.closing_note ? <Paragraphs text={r.closing_note} /> : null}
        </Titled>
      ) : p.canClose ? (
        <Titled title={t('coordination.review.close')}>
          <Form action={`/plans/reviews/${r.id}/close`} state={p.state} summary={false}>
            <Field name="closing_note" label={t('coordination.review.closingNote')} multiline rows={3} />
            <button type="submit">{t('coordination.review.closeSubmit')}</button>
          </Form>
        </Titled>
      ) : null}
      {p.isOwner ? (
        <p>
          <a href={`/plans/${r.plan_id}`}>{t('coordination.plan.back')}</a>
        </p>
      ) : null}
    </CoordPage>
  );
}

/** One section of the reviewed version with its comment threads; reviewers comment, the organization answers. */
function ReviewSection(p: {
  review: { id: number; media_id: string | null; filename: string | null };
  section: PlanSection | 'document' | 'general';
  text: string;
  comments: Comment[];
  orgPeople: Set<number>;
  canComment: boolean;
  canAnswer: boolean;
}) {
  const { t } = usePage().i18n;
  const s = p.section;
  const action = `/plans/reviews/${p.review.id}/comments`;
  const top = p.comments.filter((c) => c.section === s && c.parent_id === null);
  const answers = (id: number) => p.comments.filter((c) => c.parent_id === id);
  const who = (c: Comment) =>
    c.author_user_id !== null && p.orgPeople.has(c.author_user_id)
      ? t('coordination.review.byOrg', { name: c.author ?? '—' })
      : t('coordination.review.byReviewer', { name: c.author ?? '—' });
  const Said = (props: { c: Comment }) => (
    <>
      <p class="meta">
        {who(props.c)} · <When at={props.c.created_at} />
      </p>
      <UserText as="p" text={props.c.body} />
    </>
  );
  return (
    <section id={`section-${s}`} class="card">
      <h2>{t(`coordination.plan.section.${s}`)}</h2>
      {p.text ? <Paragraphs text={p.text} /> : null}
      {s === 'document' && p.review.filename ? (
        <p>
          <a href={`/plans/reviews/${p.review.id}/file`}>
            <bdi dir="auto">{p.review.filename}</bdi>
          </a>
        </p>
      ) : null}
      {top.length ? (
        <ul>
          {top.map((c) => (
            <li>
              <Said c={c} />
              {answers(c.id).length ? (
                <ul>
                  {answers(c.id).map((a) => (
                    <li>
                      <Said c={a} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {p.canAnswer || p.canComment ? (
                <CommentForm
                  summary={p.canAnswer ? t('coordination.review.answer') : t('coordination.review.reply')}
                  action={action}
                  section={s}
                  parentId={c.id}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {p.canComment ? <CommentForm summary={t('coordination.review.comment')} action={action} section={s} /> : null}
    </section>
  );
}

/** A comment on a section, folded under its summary; an answer to a comment when it has a parent. */
function CommentForm(p: { summary: string; action: string; section: string; parentId?: number }) {
  const { t } = usePage().i18n;
  const id = p.parentId === undefined ? `comment-${p.section}` : `answer-${p.parentId}`;
  return (
    <details>
      <summary>{p.summary}</summary>
      <Form action={p.action} id={id} idPrefix={id} summary={false}>
        <Hidden name="section" value={p.section} />
        {p.parentId === undefined ? null : <Hidden name="parent_id" value={p.parentId} />}
        <Field name="body" label={t('coordination.review.commentBody')} multiline rows={3} required />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </details>
  );
}
