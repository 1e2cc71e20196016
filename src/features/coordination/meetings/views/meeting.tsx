// One meeting: the public summary once it has taken place, or — for those who may see it —
// invitees and RSVP, agenda, attendance and quorum, minutes, decisions and what follows them,
// action items, the plan reviews on it; when and where only for those taking part; forms for
// whoever manages it.
import { usePage } from '../../../../core/views/context.js';
import { Form, Radios, type FormState } from '../../../../core/views/forms.js';
import { Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import { Markdown } from '../../../publishing/views/components.js';
import type { MeetingKind, MeetingVisibility } from '../../tables.js';
import { CoordPage, FoldForm, Names, Paragraphs, Titled, choices, useLocalized } from '../../components.js';
import { MeetingBadges } from './list.js';
import { ActionRows, type ActionRow } from './tracker.js';
import {
  ActionFields,
  Agenda,
  AttendanceSummary,
  Decisions,
  MeetingStatus,
  WhenAndWhere,
  type Attendance,
  type Decision,
  type Place,
} from './parts.js';

type Org = { id: number; name_ar: string; name_en: string };
export type MeetingView = Place & {
  id: number;
  kind: MeetingKind;
  title: string;
  description: string;
  status: 'scheduled' | 'held' | 'cancelled';
  visibility: MeetingVisibility;
  public_summary: string;
  minutes_md: string;
  minutes_updated_at: string | null;
  quorum_orgs: number;
  cycle_id: number | null;
};

/** What anyone may read of a meeting that is not theirs: its public summary, after it took place. */
export function MeetingSummaryPage(p: { m: MeetingView }) {
  const { t } = usePage().i18n;
  const m = p.m;
  return (
    <CoordPage
      title={m.title}
      nav="/meetings"
      description={m.public_summary || undefined}
      meta={<MeetingBadges kind={m.kind} status={m.status} />}
      userTitle
    >
      <WhenAndWhere m={m} attends={false} day />
      {m.public_summary ? <Paragraphs text={m.public_summary} /> : <Empty text={t('coordination.meeting.noSummary')} />}
    </CoordPage>
  );
}

export function MeetingPage(p: {
  m: MeetingView;
  attends: boolean;
  inviteeOrgs: Org[];
  inviteeUsers: { id: number; display_name: string }[];
  agenda: { id: number; position: number; title: string; details: string; duration_minutes: number | null }[];
  myRsvp: string | null;
  rsvpCounts: { yes: number; no: number; maybe: number };
  canRsvp: boolean;
  canManage: boolean;
  removable: boolean;
  attendance: Attendance;
  minutesHtml: string;
  decisions: Decision[];
  actions: ActionRow[];
  reviews: { id: number; plan_title: string; org_name_ar: string; org_name_en: string; status: string }[];
  reviewChoices: { id: number; label: string }[];
  owners: { value: string; label: string }[];
  cycle: { id: number; title: string; meetings: { id: number; title: string }[] } | null;
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const m = p.m;
  const base = `/meetings/${m.id}`;
  return (
    <CoordPage
      title={m.title}
      nav="/meetings"
      description={m.public_summary || undefined}
      meta={
        <>
          <MeetingBadges kind={m.kind} status={m.status} />
          <StatusBadge label={t(`coordination.meeting.visibility.${m.visibility}`)} />
        </>
      }
      userTitle
    >
      <WhenAndWhere m={m} attends={p.attends} />
      {m.description ? <Paragraphs text={m.description} /> : null}
      <p class="actions no-print">
        {p.attends ? (
          <a class="button secondary" href={`${base}.ics`}>
            {t('coordination.calendar.addToCalendar')}
          </a>
        ) : null}
        {m.minutes_md || p.decisions.length ? (
          <a class="button secondary" href={`${base}/minutes/print`}>
            {t('coordination.minutes.print')}
          </a>
        ) : null}
        {p.canManage ? (
          <>
            <a class="button secondary" href={`${base}/edit`}>
              {t('common.edit')}
            </a>
            <a class="button" href={`${base}/attendance`}>
              {t('coordination.attendance.take')}
            </a>
            <a class="button secondary" href={`${base}/attendance/sheet`}>
              {t('coordination.attendance.printSheet')}
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
                </a>
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
              options={choices(['yes', 'maybe', 'no'] as const, (r) => t(`coordination.rsvp.${r}`))}
            />
            <button type="submit">{t('common.send')}</button>
          </Form>
        ) : null}
      </Titled>

      <Agenda meeting={m.id} agenda={p.agenda} canManage={p.canManage} state={p.state} />

      <Titled title={t('coordination.attendance.title')}>
        <AttendanceSummary a={p.attendance} />
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

      <Titled title={t('coordination.decision.title')} id="decisions">
        <Decisions
          meeting={m.id}
          decisions={p.decisions}
          actions={p.actions}
          reviewChoices={p.reviewChoices}
          state={p.state}
        />
        {p.canManage ? <p class="hint">{t('coordination.decision.inMinutes')}</p> : null}
      </Titled>

      <Titled title={t('coordination.action.listTitle')}>
        {p.actions.length ? (
          <ActionRows actions={p.actions} showMeeting={false} back={base} />
        ) : (
          <Empty text={t('coordination.action.none')} />
        )}
        {p.canManage ? (
          <FoldForm
            summary={t('coordination.action.add')}
            action={`${base}/actions`}
            submit={t('common.add')}
            state={p.state}
            values={{ sharing: m.kind === 'preparatory' ? 'org' : 'network' }}
          >
            <ActionFields owners={p.owners} decisions={p.decisions} />
          </FoldForm>
        ) : null}
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

      {p.canManage ? <MeetingStatus m={m} removable={p.removable} /> : null}
    </CoordPage>
  );
}
