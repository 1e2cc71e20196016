// Pieces of a meeting's pages: when and where, the agenda, attendance and quorum, decisions with
// what follows them, the action-item fields, and the meeting's own status and removal.
import { usePage } from '../../../../core/views/context.js';
import { ConfirmButton, Field, Form, Select, type FormState } from '../../../../core/views/forms.js';
import { Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import type { MeetingKind } from '../../tables.js';
import {
  EditDelete,
  FoldForm,
  LongText,
  Names,
  Titled,
  When,
  choices,
  idOptions,
  useLocalized,
} from '../../components.js';
import { LIMITS } from '../../schemas.js';

type Org = { id: number; name_ar: string; name_en: string };
export type Place = {
  starts_at: string;
  ends_at: string;
  place_kind: 'office' | 'town' | 'online';
  place_name_ar: string | null;
  place_name_en: string | null;
  town_name_ar: string | null;
  town_name_en: string | null;
  town_pcode: string | null;
  place_detail: string;
  online_url: string | null;
  host_name_ar: string | null;
  host_name_en: string | null;
};

/** When (in Damascus) and where, for those taking part; the host for everyone who sees the meeting. */
export function WhenAndWhere(p: { m: Place; attends: boolean; day?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const m = p.m;
  const host = name(m, 'host_name');
  const town = name(m, 'town_name');
  const placeOrg = name(m, 'place_name');
  return (
    <ul class="meta">
      {p.attends ? (
        <>
          <li>
            {t('coordination.meeting.when')}: <When at={m.starts_at} /> – {i18n.time(m.ends_at)}{' '}
            <span class="meta">({t('coordination.meeting.damascus')})</span>
          </li>
          <li>
            {t('coordination.meeting.place')}:{' '}
            {m.place_kind === 'online' ? (
              <a href={m.online_url ?? '#'} rel="noopener noreferrer">
                <bdi dir="ltr">{m.online_url}</bdi>
              </a>
            ) : (
              <>
                <Names names={[placeOrg, town].filter(Boolean)} />
                {m.place_detail ? (
                  <>
                    {' — '}
                    <UserText text={m.place_detail} />
                  </>
                ) : null}
              </>
            )}
          </li>
        </>
      ) : p.day ? (
        <li>
          {t('coordination.meeting.heldOn')}: {i18n.date(m.starts_at)}
        </li>
      ) : (
        <li>{t('coordination.meeting.placeForInvitees')}</li>
      )}
      {host ? (
        <li>
          {t('coordination.meeting.host')}: <bdi>{host}</bdi>
        </li>
      ) : null}
    </ul>
  );
}

type AgendaItem = { id: number; position: number; title: string; details: string; duration_minutes: number | null };

/** The agenda; its managers correct, remove (asked twice) and add items. */
export function Agenda(p: { meeting: number; agenda: AgendaItem[]; canManage: boolean; state?: FormState | null }) {
  const { t } = usePage().i18n;
  const base = `/meetings/${p.meeting}/agenda`;
  return (
    <Titled title={t('coordination.agenda.title')}>
      {p.agenda.length ? (
        <ol>
          {p.agenda.map((a) => (
            <li id={`agenda-${a.id}`}>
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
                <EditDelete base={`${base}/${a.id}`} what={a.title} values={a} state={p.state}>
                  <AgendaFields />
                </EditDelete>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Empty text={t('coordination.agenda.empty')} />
      )}
      {p.canManage ? (
        <FoldForm summary={t('coordination.agenda.add')} action={base} submit={t('common.add')} state={p.state}>
          <AgendaFields />
        </FoldForm>
      ) : null}
    </Titled>
  );
}

function AgendaFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <Field name="title" label={t('coordination.field.title')} required maxLength={200} />
      <LongText name="details" label={t('coordination.agenda.details')} max={LIMITS.agendaDetails} rows={2} />
      <Field name="duration_minutes" type="number" min={1} max={600} label={t('coordination.agenda.duration')} />
    </>
  );
}

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

export type Attendance = {
  present: number;
  expected: number;
  presentOrgs: Org[];
  needed: number;
  met: boolean | null;
  taken: boolean;
};

export function AttendanceSummary(p: { a: Attendance }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const a = p.a;
  if (!a.taken) return <Empty text={t('coordination.attendance.notTaken')} />;
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

export type Decision = { id: number; number: number; text: string; review_id: number | null };
type Follow = { id: number; title: string; decision_id: number | null; status: string; overdue: boolean };

/**
 * The decisions, as the minutes record them, each with the action items that follow it; the
 * managers tie a decision to a plan review on the meeting.
 */
export function Decisions(p: {
  meeting: number;
  decisions: Decision[];
  actions: Follow[];
  reviewChoices: { id: number; label: string }[];
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.decisions.length) return <Empty text={t('coordination.decision.none')} />;
  return (
    <ol class="decisions">
      {p.decisions.map((d) => {
        const follows = p.actions.filter((a) => a.decision_id === d.id);
        return (
          <li value={d.number} id={`decision-${d.id}`}>
            <UserText text={d.text} />
            <p class="meta">
              {follows.length ? (
                <>
                  {t('coordination.decision.followedBy', { count: follows.length })}{' '}
                  {follows.map((a) => (
                    <>
                      <a href={`#action-${a.id}`}>
                        <UserText text={a.title} />
                      </a>{' '}
                      <StatusBadge
                        label={t(`coordination.action.status.${a.status as 'open'}`)}
                        tone={a.overdue ? 'warn' : a.status === 'done' ? 'ok' : 'plain'}
                      />{' '}
                    </>
                  ))}
                </>
              ) : (
                t('coordination.decision.noAction')
              )}
            </p>
            {p.reviewChoices.length ? (
              <Form
                action={`/meetings/${p.meeting}/decisions/${d.id}`}
                class="inline-form no-print"
                idPrefix={`decision-${d.id}`}
                values={{ review_id: d.review_id === null ? '' : String(d.review_id) }}
                summary={false}
              >
                <Select
                  name="review_id"
                  label={t('coordination.decision.review')}
                  includeEmpty="—"
                  options={idOptions(p.reviewChoices, (r) => r.label)}
                />{' '}
                <button type="submit" class="secondary">
                  {t('common.save')}
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The fields of an action item (new, or corrected): the meeting's organizations and people may own it. */
export function ActionFields(p: { owners: { value: string; label: string }[]; decisions: Decision[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      <Field name="title" label={t('coordination.action.title')} required maxLength={300} />
      <Field name="details" label={t('coordination.agenda.details')} multiline rows={2} maxLength={2000} />
      <Select name="owner" label={t('coordination.action.owner')} options={p.owners} />
      <Field name="due_on" type="date" label={t('coordination.action.due')} />
      <Select
        name="sharing"
        label={t('coordination.action.sharingLabel')}
        options={choices(['network', 'org'] as const, (s) => t(`coordination.action.sharing.${s}`))}
      />
      {p.decisions.length ? (
        <Select
          name="decision_id"
          label={t('coordination.action.fromDecision')}
          includeEmpty="—"
          options={idOptions(p.decisions, (d) => `${i18n.number(d.number)}. ${d.text.slice(0, 60)}`)}
        />
      ) : null}
    </>
  );
}

/**
 * The meeting's status for its managers: held or scheduled at once; cancelling asks twice (the
 * people it expects are told); removing asks twice too, and only a meeting that holds no record.
 */
export function MeetingStatus(p: {
  m: { id: number; kind: MeetingKind; title: string; status: 'scheduled' | 'held' | 'cancelled' };
  removable: boolean;
}) {
  const { t } = usePage().i18n;
  const base = `/meetings/${p.m.id}`;
  return (
    <Titled title={t('coordination.meeting.statusLabel')} class="no-print">
      <Form action={`${base}/status`} class="inline-form" values={{ status: p.m.status }}>
        <Select
          name="status"
          label={t('coordination.meeting.statusLabel')}
          options={choices(['scheduled', 'held'] as const, (s) => t(`coordination.meeting.status.${s}`))}
        />
        <button type="submit" class="secondary">
          {t('common.save')}
        </button>
      </Form>
      {p.m.status === 'cancelled' ? null : (
        <ConfirmButton
          action={`${base}/status`}
          label={t('coordination.meeting.cancel')}
          question={t('coordination.meeting.cancelQuestion', { title: p.m.title })}
          confirm={t('coordination.meeting.cancelConfirm')}
          hidden={{ status: 'cancelled' }}
        />
      )}
      {p.removable ? (
        <ConfirmButton
          action={`${base}/delete`}
          label={t('common.delete')}
          question={`${t('common.confirmDelete', { name: p.m.title })} ${t('common.cannotUndo')}`}
          confirm={t('common.deleteConfirmButton')}
        />
      ) : (
        <p class="meta">{t('coordination.meeting.keptForHistory')}</p>
      )}
      <p>
        <a href={`/lessons/new?meeting=${p.m.id}`}>{t('coordination.lesson.writeForMeeting')}</a>
      </p>
    </Titled>
  );
}
