// One meeting: the public summary, or — for those who may see it — invitees and RSVP, agenda,
// attendance and quorum, minutes, decisions, action items, the plan reviews on it; forms for
// whoever manages it.
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { ButtonForm, Field, Form, Radios, Select, type FormState } from '../../../../core/views/forms.js';
import { Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import { Markdown } from '../../../publishing/views/components.js';
import type { MeetingKind, MeetingVisibility } from '../../tables.js';
import { CoordNav, Names, Paragraphs, Titled, When, refused, useLocalized } from '../../components.js';
import { MeetingBadges } from './list.js';
import { ActionRows, type ActionRow } from './tracker.js';

type Org = { id: number; name_ar: string; name_en: string };
type Meeting = {
  id: number;
  kind: MeetingKind;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  status: 'scheduled' | 'held' | 'cancelled';
  place_kind: 'office' | 'town' | 'online';
  place_name_ar: string | null;
  place_name_en: string | null;
  town_name_ar: string | null;
  town_name_en: string | null;
  town_pcode: string | null;
  place_detail: string;
  online_url: string | null;
  visibility: MeetingVisibility;
  public_summary: string;
  host_name_ar: string | null;
  host_name_en: string | null;
  minutes_md: string;
  minutes_updated_at: string | null;
  quorum_orgs: number;
  cycle_id: number | null;
};
export type Attendance = {
  present: number;
  expected: number;
  presentOrgs: Org[];
  needed: number;
  met: boolean | null;
  taken: boolean;
};
type Decision = { id: number; number: number; text: string; review_id: number | null };

export function MeetingPage(p: {
  m: Meeting;
  summaryOnly: boolean;
  inviteeOrgs: Org[];
  inviteeUsers: { id: number; display_name: string }[];
  agenda: { id: number; position: number; title: string; details: string; duration_minutes: number | null }[];
  myRsvp: string | null;
  rsvpCounts: { yes: number; no: number; maybe: number };
  canRsvp: boolean;
  canManage: boolean;
  attendance: Attendance;
  minutesHtml: string;
  decisions: Decision[];
  actions: ActionRow[];
  reviews: { id: number; plan_title: string; org_name_ar: string; org_name_en: string; status: string }[];
  reviewChoices: { id: number; label: string }[];
  owners: { value: string; label: string }[];
  cycle: { id: number; title: string; meetings: { id: number; title: string; starts_at: string }[] } | null;
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const m = p.m;
  const base = `/meetings/${m.id}`;
  return (
    <Layout title={m.title} description={m.public_summary || undefined}>
      <CoordNav current="/meetings" />
      <p class="meta">
        <MeetingBadges kind={m.kind} status={m.status} />
        <StatusBadge label={t(`coordination.meeting.visibility.${m.visibility}`)} />
      </p>
      <h1>
        <UserText text={m.title} />
      </h1>
      <WhenAndWhere m={m} summaryOnly={p.summaryOnly} />
      {p.summaryOnly ? (
        <>
          {m.public_summary ? <Paragraphs text={m.public_summary} /> : null}
          <p>
            <a href={`${base}.ics`}>{t('coordination.calendar.addToCalendar')}</a>
          </p>
        </>
      ) : (
        <>
          {m.description ? <Paragraphs text={m.description} /> : null}
          <p class="actions no-print">
            <a class="button secondary" href={`${base}.ics`}>
              {t('coordination.calendar.addToCalendar')}
            </a>
            {p.canManage ? (
              <>
                <a class="button secondary" href={`${base}/edit`}>
                  {t('common.edit')}
                </a>
                <a class="button" href={`${base}/attendance`}>
                  {t('coordination.attendance.take')}
                </a>
                <a class="button secondary" href={`${base}/minutes`}>
                  {t('coordination.minutes.edit')}
                </a>
              </>
            ) : null}
          </p>

          {p.cycle ? (
            <details>
              <summary>{t('coordination.cycle.partOf', { title: p.cycle.title })}</summary>
              <ul>
                {p.cycle.meetings.map((c) => (
                  <li>
                    <a href={`/meetings/${c.id}`} aria-current={c.id === m.id ? 'page' : undefined}>
                      <UserText text={c.title} />
                    </a>{' '}
                    <span class="meta">
                      <When at={c.starts_at} />
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}

          <Titled title={t('coordination.meeting.invitees')}>
            <p>
              <Names names={[...p.inviteeOrgs.map((o) => name(o)), ...p.inviteeUsers.map((u) => u.display_name)]} />
            </p>
            <p class="meta">{t('coordination.rsvp.counts', p.rsvpCounts)}</p>
            {p.canRsvp && m.status === 'scheduled' ? (
              <Form action={`${base}/rsvp`} class="inline-form" values={{ response: p.myRsvp }}>
                <Radios
                  name="response"
                  legend={t('coordination.rsvp.question')}
                  options={(['yes', 'maybe', 'no'] as const).map((r) => ({
                    value: r,
                    label: t(`coordination.rsvp.${r}`),
                  }))}
                />
                <button type="submit">{t('common.send')}</button>
              </Form>
            ) : null}
          </Titled>

          <Titled title={t('coordination.agenda.title')}>
            <Agenda meeting={m.id} agenda={p.agenda} canManage={p.canManage} />
            {p.canManage ? (
              <details open={refused(p.state, `${base}/agenda`)}>
                <summary>{t('coordination.agenda.add')}</summary>
                <Form action={`${base}/agenda`} state={p.state}>
                  <Field name="title" label={t('coordination.field.title')} required />
                  <Field name="details" label={t('coordination.agenda.details')} multiline rows={2} />
                  <Field name="duration_minutes" type="number" label={t('coordination.agenda.duration')} />
                  <button type="submit">{t('common.add')}</button>
                </Form>
              </details>
            ) : null}
          </Titled>

          <Titled title={t('coordination.attendance.title')}>
            {p.attendance.taken ? (
              <AttendanceSummary a={p.attendance} />
            ) : (
              <Empty text={t('coordination.attendance.notTaken')} />
            )}
          </Titled>

          <Titled title={t('coordination.minutes.title')}>
            {m.minutes_md ? (
              <>
                <Markdown html={p.minutesHtml} />
                {m.minutes_updated_at ? (
                  <p class="meta">{t('common.updatedOn', { date: i18n.dateTime(m.minutes_updated_at) })}</p>
                ) : null}
              </>
            ) : (
              <Empty text={t('coordination.minutes.none')} />
            )}
          </Titled>

          <Titled title={t('coordination.decision.title')}>
            {p.decisions.length ? (
              <ol>
                {p.decisions.map((d) => (
                  <li value={d.number} id={`decision-${d.id}`}>
                    <UserText text={d.text} />
                  </li>
                ))}
              </ol>
            ) : (
              <Empty text={t('coordination.decision.none')} />
            )}
            {p.canManage ? (
              <details open={refused(p.state, `${base}/decisions`)}>
                <summary>{t('coordination.decision.add')}</summary>
                <Form action={`${base}/decisions`} state={p.state}>
                  <Field name="text" label={t('coordination.decision.text')} multiline rows={3} required />
                  {p.reviewChoices.length ? (
                    <Select
                      name="review_id"
                      label={t('coordination.decision.review')}
                      includeEmpty="—"
                      options={p.reviewChoices.map((r) => ({ value: String(r.id), label: r.label }))}
                    />
                  ) : null}
                  <button type="submit">{t('common.add')}</button>
                </Form>
              </details>
            ) : null}
          </Titled>

          <Titled title={t('coordination.action.listTitle')}>
            {p.actions.length ? (
              <ActionRows actions={p.actions} showMeeting={false} back={base} />
            ) : (
              <Empty text={t('coordination.action.none')} />
            )}
            {p.canManage ? <NewAction m={m} decisions={p.decisions} owners={p.owners} state={p.state} /> : null}
          </Titled>

          {p.reviews.length ? (
            <Titled title={t('coordination.review.onMeeting')}>
              <ul>
                {p.reviews.map((r) => (
                  <li>
                    <a href={`/plans/reviews/${r.id}`}>
                      <UserText text={r.plan_title} />
                    </a>{' '}
                    — <bdi>{name(r, 'org_name')}</bdi>
                  </li>
                ))}
              </ul>
            </Titled>
          ) : null}

          {p.canManage ? (
            <Titled title={t('coordination.meeting.statusLabel')} class="no-print">
              <Form action={`${base}/status`} class="inline-form" values={{ status: m.status }}>
                <Select
                  name="status"
                  label={t('coordination.meeting.statusLabel')}
                  options={(['scheduled', 'held', 'cancelled'] as const).map((s) => ({
                    value: s,
                    label: t(`coordination.meeting.status.${s}`),
                  }))}
                />
                <button type="submit" class="secondary">
                  {t('common.save')}
                </button>
              </Form>
              <p>
                <a href={`/lessons/new?meeting=${m.id}`}>{t('coordination.lesson.writeForMeeting')}</a>
              </p>
            </Titled>
          ) : null}
        </>
      )}
    </Layout>
  );
}

/** When (in Damascus), where (the link only for those who see the whole meeting), and the host. */
function WhenAndWhere(p: { m: Meeting; summaryOnly: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const m = p.m;
  const host = name(m, 'host_name');
  const town = name(m, 'town_name');
  const placeOrg = name(m, 'place_name');
  return (
    <ul class="meta">
      <li>
        {t('coordination.meeting.when')}: <When at={m.starts_at} /> – {i18n.time(m.ends_at)}{' '}
        <span class="meta">({t('coordination.meeting.damascus')})</span>
      </li>
      <li>
        {t('coordination.meeting.place')}:{' '}
        {m.place_kind === 'online' ? (
          p.summaryOnly ? (
            t('coordination.meeting.online')
          ) : (
            <a href={m.online_url ?? '#'} rel="noopener noreferrer">
              <bdi dir="ltr">{m.online_url}</bdi>
            </a>
          )
        ) : (
          <>
            {placeOrg ? <bdi>{placeOrg}</bdi> : null}
            {placeOrg && town ? '، ' : ''}
            {town && m.town_pcode ? <a href={`/towns/${m.town_pcode}`}>{town}</a> : null}
            {!p.summaryOnly && m.place_detail ? (
              <>
                {' — '}
                <UserText text={m.place_detail} />
              </>
            ) : null}
          </>
        )}
      </li>
      {host ? (
        <li>
          {t('coordination.meeting.host')}: <bdi>{host}</bdi>
        </li>
      ) : null}
    </ul>
  );
}

function Agenda(p: { meeting: number; agenda: MeetingPageAgenda; canManage: boolean }) {
  const { t } = usePage().i18n;
  if (!p.agenda.length) return <Empty text={t('coordination.agenda.empty')} />;
  return (
    <ol>
      {p.agenda.map((a) => (
        <li>
          <UserText text={a.title} />
          {a.duration_minutes ? (
            <span class="meta"> ({t('coordination.agenda.minutes', { n: a.duration_minutes })})</span>
          ) : null}
          {a.details ? (
            <p class="meta" dir="auto">
              {a.details}
            </p>
          ) : null}
          {p.canManage ? (
            <ButtonForm
              action={`/meetings/${p.meeting}/agenda/${a.id}/delete`}
              label={t('common.delete')}
              class="link-button"
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
type MeetingPageAgenda = { id: number; title: string; details: string; duration_minutes: number | null }[];

/** How many came, which organizations, and whether the quorum is met. */
export function QuorumLine(p: { present: number; needed: number; met: boolean | null; id?: string }) {
  const { t } = usePage().i18n;
  if (p.met === null) return null;
  const params = { present: p.present, needed: p.needed };
  return (
    <p class={p.met ? 'flash' : 'notice--warn'} id={p.id}>
      {p.met ? t('coordination.quorum.met', params) : t('coordination.quorum.notMet', params)}
    </p>
  );
}

function AttendanceSummary(p: { a: Attendance }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const a = p.a;
  return (
    <>
      <p>{t('coordination.attendance.summary', { present: a.present, expected: a.expected })}</p>
      <p>
        {t('coordination.attendance.orgsPresent', { count: a.presentOrgs.length })}{' '}
        <Names names={a.presentOrgs.map((o) => name(o))} />
      </p>
      <QuorumLine present={a.presentOrgs.length} needed={a.needed} met={a.met} />
    </>
  );
}

/** A new action item: a meeting's invited organizations and expected people may own it. */
function NewAction(p: {
  m: Meeting;
  decisions: Decision[];
  owners: { value: string; label: string }[];
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const action = `/meetings/${p.m.id}/actions`;
  return (
    <details open={refused(p.state, action)}>
      <summary>{t('coordination.action.add')}</summary>
      <Form action={action} state={p.state} values={{ sharing: p.m.kind === 'preparatory' ? 'org' : 'network' }}>
        <Field name="title" label={t('coordination.action.title')} required />
        <Field name="details" label={t('coordination.agenda.details')} multiline rows={2} />
        <Select name="owner" label={t('coordination.action.owner')} options={p.owners} />
        <Field name="due_on" type="date" label={t('coordination.action.due')} />
        <Select
          name="sharing"
          label={t('coordination.action.sharingLabel')}
          options={[
            { value: 'network', label: t('coordination.action.sharing.network') },
            { value: 'org', label: t('coordination.action.sharing.org') },
          ]}
        />
        {p.decisions.length ? (
          <Select
            name="decision_id"
            label={t('coordination.action.fromDecision')}
            includeEmpty="—"
            options={p.decisions.map((d) => ({
              value: String(d.id),
              label: `${i18n.number(d.number)}. ${d.text.slice(0, 60)}`,
            }))}
          />
        ) : null}
        <button type="submit">{t('common.add')}</button>
      </Form>
    </details>
  );
}
