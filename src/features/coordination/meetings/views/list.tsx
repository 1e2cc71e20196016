// The list of meetings a viewer may know about: those they take part in, upcoming and past, with
// when and where; other meetings of the network without either; and meetings that took place
// with a public summary, by their day.
import { usePage } from '../../../../core/views/context.js';
import { StatusBadge } from '../../../../core/views/components.js';
import type { MeetingKind, MeetingVisibility } from '../../tables.js';
import { Cards, CoordPage, When, useLocalized } from '../../components.js';

export type MeetingListRow = {
  id: number;
  kind: MeetingKind;
  title: string;
  starts_at: string;
  ends_at: string;
  status: 'scheduled' | 'held' | 'cancelled';
  place_kind: 'office' | 'town' | 'online';
  host_name_ar: string | null;
  host_name_en: string | null;
  town_name_ar: string | null;
  town_name_en: string | null;
  visibility: MeetingVisibility;
  /** when and where are shown (the viewer takes part) */
  attends: boolean;
};

/** The kind of a meeting and, unless it is still scheduled, its status. */
export function MeetingBadges(props: { kind: MeetingKind; status: 'scheduled' | 'held' | 'cancelled' }) {
  const { t } = usePage().i18n;
  return (
    <>
      <StatusBadge label={t(`coordination.meeting.kind.${props.kind}`)} />
      {props.status !== 'scheduled' ? <StatusBadge label={t(`coordination.meeting.status.${props.status}`)} /> : null}
    </>
  );
}

function MeetingCards(props: { meetings: MeetingListRow[]; empty?: string; day?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const where = (m: MeetingListRow) =>
    !m.attends
      ? ''
      : m.place_kind === 'online'
        ? ` · ${t('coordination.meeting.online')}`
        : name(m, 'town_name')
          ? ` · ${name(m, 'town_name')}`
          : '';
  return (
    <Cards
      items={props.meetings}
      empty={props.empty}
      href={(m) => `/meetings/${m.id}`}
      title={(m) => m.title}
      meta={(m) => (
        <>
          <MeetingBadges kind={m.kind} status={m.status} />
          {m.attends ? <When at={m.starts_at} /> : props.day ? i18n.date(m.starts_at) : null}
          {name(m, 'host_name') ? (
            <>
              {' · '}
              <bdi>{name(m, 'host_name')}</bdi>
            </>
          ) : null}
          {where(m)}
        </>
      )}
    />
  );
}

export function MeetingsPage(p: {
  upcoming: MeetingListRow[];
  past: MeetingListRow[];
  /** meetings of the network the viewer does not take part in */
  others: MeetingListRow[];
  /** meetings that took place, with a public summary */
  summaries: MeetingListRow[];
  canCreate: boolean;
  canLaunchCycle: boolean;
  signedIn: boolean;
}) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.meeting.listTitle')} nav="/meetings">
      {p.canCreate || p.canLaunchCycle || p.signedIn ? (
        <p class="actions">
          {p.canCreate ? (
            <a class="button" href="/meetings/new">
              {t('coordination.meeting.new')}
            </a>
          ) : null}
          {p.canLaunchCycle ? (
            <a class="button secondary" href="/meetings/cycles/new">
              {t('coordination.cycle.launch')}
            </a>
          ) : null}
          {p.signedIn ? (
            <a class="button secondary" href="/meetings/calendar">
              {t('coordination.calendar.title')}
            </a>
          ) : null}
        </p>
      ) : null}
      {p.signedIn ? (
        <>
          <h2>{t('coordination.meeting.upcoming')}</h2>
          <MeetingCards meetings={p.upcoming} empty={t('coordination.meeting.noneUpcoming')} />
          <h2>{t('coordination.meeting.past')}</h2>
          <MeetingCards meetings={p.past} empty={t('coordination.meeting.nonePast')} />
        </>
      ) : null}
      {p.others.length ? (
        <>
          <h2>{t('coordination.meeting.others')}</h2>
          <p class="meta">{t('coordination.meeting.placeForInvitees')}</p>
          <MeetingCards meetings={p.others} />
        </>
      ) : null}
      <h2>{t('coordination.meeting.summaries')}</h2>
      <MeetingCards meetings={p.summaries} empty={t('coordination.meeting.noneSummaries')} day />
    </CoordPage>
  );
}
