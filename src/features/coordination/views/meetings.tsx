import { Layout } from '../../../core/views/Layout.js';
import { Markdown } from '../../publishing/views/components.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { UserText } from '../../../core/views/components.js';
import type { ActionStatus, MeetingKind, MeetingVisibility } from '../tables.js';
import { dateToDamascusLocal } from '../../../core/time.js';
import { Checkbox, CoordNav, Day, Empty, ErrorText, Hidden, Paragraphs, When, nameOf } from './common.js';

type Org = { id: number; name_ar: string; name_en: string };

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
  summaryOnly: boolean;
};

export function KindBadge(props: { kind: MeetingKind }) {
  const { t } = usePage().i18n;
  return <span class="badge">{t(`coordination.meeting.kind.${props.kind}`)}</span>;
}

function MeetingCard(props: { m: MeetingListRow }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const m = props.m;
  const host = nameOf(m.host_name_ar, m.host_name_en, i18n.locale);
  const town = nameOf(m.town_name_ar, m.town_name_en, i18n.locale);
  return (
    <li class="card">
      <h3>
        <a href={`/meetings/${m.id}`}>
          <UserText text={m.title} />
        </a>
      </h3>
      <p class="meta">
        <KindBadge kind={m.kind} />
        {m.status !== 'scheduled' ? <span class="badge">{t(`coordination.meeting.status.${m.status}`)}</span> : null}
        <When at={m.starts_at} />
        {host ? (
          <>
            {' · '}
            <bdi>{host}</bdi>
          </>
        ) : null}
        {m.place_kind === 'online' ? ` · ${t('coordination.meeting.online')}` : town ? ` · ${town}` : ''}
      </p>
    </li>
  );
}

export function MeetingsPage(p: {
  upcoming: MeetingListRow[];
  past: MeetingListRow[];
  canCreate: boolean;
  canLaunchCycle: boolean;
  signedIn: boolean;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('coordination.meeting.listTitle')}>
      <CoordNav current="/meetings" />
      <h1>{t('coordination.meeting.listTitle')}</h1>
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
      <h2>{t('coordination.meeting.upcoming')}</h2>
      {p.upcoming.length ? (
        <ul class="card-list">
          {p.upcoming.map((m) => (
            <MeetingCard m={m} />
          ))}
        </ul>
      ) : (
        <Empty text={t('coordination.meeting.noneUpcoming')} />
      )}
      <h2>{t('coordination.meeting.past')}</h2>
      {p.past.length ? (
        <ul class="card-list">
          {p.past.map((m) => (
            <MeetingCard m={m} />
          ))}
        </ul>
      ) : (
        <Empty text={t('coordination.meeting.nonePast')} />
      )}
    </Layout>
  );
}

export function MeetingFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  hostOptions: Org[];
  allowNoHost: boolean;
  orgs: Org[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const invited = new Set(
    (Array.isArray(v.invite_orgs) ? v.invite_orgs : v.invite_orgs ? [v.invite_orgs] : []).map((x) => String(x)),
  );
  const orgOpts = p.orgs.map((o) => ({ value: String(o.id), label: nameOf(o.name_ar, o.name_en, i18n.locale) }));
  return (
    <Layout title={p.isNew ? t('coordination.meeting.new') : t('coordination.meeting.edit')}>
      <CoordNav current="/meetings" />
      <h1>{p.isNew ? t('coordination.meeting.new') : t('coordination.meeting.edit')}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Select
          name="kind"
          label={t('coordination.meeting.kindLabel')}
          value={String(v.kind ?? 'other')}
          error={e.kind}
          options={(['preparatory', 'general', 'consultative', 'board', 'other'] as const).map((k) => ({
            value: k,
            label: t(`coordination.meeting.kind.${k}`),
          }))}
        />
        <Field
          name="title"
          label={t('coordination.field.title')}
          value={String(v.title ?? '')}
          error={e.title}
          required
        />
        <Field
          name="description"
          label={t('coordination.field.description')}
          value={String(v.description ?? '')}
          error={e.description}
          multiline
          rows={3}
        />
        <Select
          name="host_org_id"
          label={t('coordination.meeting.host')}
          value={String(v.host_org_id ?? '')}
          error={e.host_org_id}
          includeEmpty={p.allowNoHost ? t('coordination.meeting.networkHost') : undefined}
          options={p.hostOptions.map((o) => ({
            value: String(o.id),
            label: nameOf(o.name_ar, o.name_en, i18n.locale),
          }))}
        />
        <Field
          name="starts_at"
          type="datetime-local"
          label={t('coordination.meeting.startsAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.starts_at ?? '')}
          error={e.starts_at}
          required
        />
        <Field
          name="ends_at"
          type="datetime-local"
          label={t('coordination.meeting.endsAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.ends_at ?? '')}
          error={e.ends_at}
          required
        />
        <fieldset>
          <legend>{t('coordination.meeting.place')}</legend>
          {(['office', 'town', 'online'] as const).map((k) => (
            <label class="checkbox">
              <input type="radio" name="place_kind" value={k} checked={(v.place_kind ?? 'office') === k} />{' '}
              {t(`coordination.meeting.placeKind.${k}`)}
            </label>
          ))}
          <ErrorText text={e.place_kind} />
          <Select
            name="place_org_id"
            label={t('coordination.meeting.placeOrg')}
            value={String(v.place_org_id ?? '')}
            includeEmpty="—"
            error={e.place_org_id}
            options={orgOpts}
          />
          <Field
            name="town_pcode"
            label={t('coordination.meeting.town')}
            hint={t('coordination.form.pcodeHint')}
            value={String(v.town_pcode ?? '')}
            error={e.town_pcode}
          />
          <Field
            name="place_detail"
            label={t('coordination.meeting.placeDetail')}
            value={String(v.place_detail ?? '')}
            error={e.place_detail}
          />
          <Field
            name="online_url"
            type="url"
            label={t('coordination.meeting.onlineUrl')}
            value={String(v.online_url ?? '')}
            error={e.online_url}
          />
        </fieldset>
        <fieldset>
          <legend>{t('coordination.meeting.inviteOrgs')}</legend>
          {p.orgs.map((o) => (
            <Checkbox
              name="invite_orgs"
              value={String(o.id)}
              label={nameOf(o.name_ar, o.name_en, i18n.locale)}
              checked={invited.has(String(o.id))}
            />
          ))}
          <ErrorText text={e.invite_orgs} />
        </fieldset>
        <Field
          name="invite_users"
          label={t('coordination.meeting.inviteUsers')}
          hint={t('coordination.meeting.inviteUsersHint')}
          value={String(v.invite_users ?? '')}
          error={e.invite_users}
        />
        <Select
          name="visibility"
          label={t('coordination.meeting.visibility')}
          value={String(v.visibility ?? 'invitees')}
          error={e.visibility}
          options={(['invitees', 'network', 'public'] as const).map((k) => ({
            value: k,
            label: t(`coordination.meeting.visibility.${k}`),
          }))}
        />
        <Field
          name="public_summary"
          label={t('coordination.meeting.publicSummary')}
          hint={t('coordination.meeting.publicSummaryHint')}
          value={String(v.public_summary ?? '')}
          error={e.public_summary}
          multiline
          rows={3}
        />
        <Field
          name="quorum_orgs"
          type="number"
          label={t('coordination.meeting.quorumOrgs')}
          hint={t('coordination.meeting.quorumOrgsHint')}
          value={String(v.quorum_orgs ?? '0')}
          error={e.quorum_orgs}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function CycleFormPage(p: { values: Record<string, unknown>; errors?: FieldErrors; orgCount: number }) {
  const { t } = usePage().i18n;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout title={t('coordination.cycle.launch')}>
      <CoordNav current="/meetings" />
      <h1>{t('coordination.cycle.launch')}</h1>
      <p>{t('coordination.cycle.explain', { count: p.orgCount })}</p>
      <FormErrorSummary message={e._form} />
      <Form action="/meetings/cycles/new">
        <Field
          name="title"
          label={t('coordination.cycle.title')}
          value={String(v.title ?? '')}
          error={e.title}
          required
        />
        <Field
          name="preparatory_from"
          type="date"
          label={t('coordination.cycle.preparatoryFrom')}
          hint={t('coordination.cycle.preparatoryHint')}
          value={String(v.preparatory_from ?? '')}
          error={e.preparatory_from}
          required
        />
        <Field
          name="preparatory_time"
          type="time"
          label={t('coordination.cycle.preparatoryTime')}
          value={String(v.preparatory_time ?? '10:00')}
          error={e.preparatory_time}
          required
        />
        <Field
          name="general_at"
          type="datetime-local"
          label={t('coordination.cycle.generalAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.general_at ?? '')}
          error={e.general_at}
          required
        />
        <Field
          name="general_town"
          label={t('coordination.cycle.generalTown')}
          hint={t('coordination.form.pcodeHint')}
          value={String(v.general_town ?? '')}
          error={e.general_town}
          required
        />
        <Field
          name="general_place"
          label={t('coordination.meeting.placeDetail')}
          value={String(v.general_place ?? '')}
          error={e.general_place}
        />
        <Field
          name="consultative_at"
          type="datetime-local"
          label={t('coordination.cycle.consultativeAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.consultative_at ?? '')}
          error={e.consultative_at}
          required
        />
        <Field
          name="consultative_url"
          type="url"
          label={t('coordination.cycle.consultativeUrl')}
          hint={t('coordination.cycle.consultativeUrlHint')}
          value={String(v.consultative_url ?? '')}
          error={e.consultative_url}
        />
        <button type="submit">{t('coordination.cycle.submit')}</button>
      </Form>
    </Layout>
  );
}

type Action = {
  id: number;
  title: string;
  details: string;
  due_on: string | null;
  status: ActionStatus;
  sharing: 'org' | 'network';
  org_name_ar: string | null;
  org_name_en: string | null;
  owner_name: string | null;
  meeting_id: number | null;
  meeting_title: string | null;
  overdue: boolean;
  canUpdate: boolean;
};

export function ActionRows(props: { actions: Action[]; showMeeting: boolean; back: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t('coordination.action.title')}</th>
            <th>{t('coordination.action.owner')}</th>
            <th>{t('coordination.action.due')}</th>
            <th>{t('coordination.action.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.actions.map((a) => (
            <tr id={`action-${a.id}`} class={a.overdue ? 'overdue' : undefined}>
              <td>
                <UserText text={a.title} />
                {a.sharing === 'org' ? <span class="badge">{t('coordination.action.sharing.org')}</span> : null}
                {props.showMeeting && a.meeting_id && a.meeting_title ? (
                  <p class="meta">
                    <a href={`/meetings/${a.meeting_id}`}>
                      <UserText text={a.meeting_title} />
                    </a>
                  </p>
                ) : null}
              </td>
              <td>
                {a.owner_name ? <bdi>{a.owner_name}</bdi> : null}
                {a.owner_name && nameOf(a.org_name_ar, a.org_name_en, i18n.locale) ? ' — ' : null}
                <bdi>{nameOf(a.org_name_ar, a.org_name_en, i18n.locale)}</bdi>
              </td>
              <td>
                {a.overdue ? (
                  <mark>
                    {t('coordination.action.overdue')} · <Day day={a.due_on} />
                  </mark>
                ) : (
                  <Day day={a.due_on} />
                )}
              </td>
              <td>
                {a.canUpdate ? (
                  <Form action={`/actions/${a.id}/status`} class="inline-form">
                    <Hidden name="back" value={props.back} />
                    <label class="checkbox">
                      <span class="meta">{t('coordination.action.status')}</span>{' '}
                      <select name="status">
                        {(['open', 'in_progress', 'done', 'dropped'] as const).map((s) => (
                          <option value={s} selected={a.status === s}>
                            {t(`coordination.action.status.${s}`)}
                          </option>
                        ))}
                      </select>
                    </label>{' '}
                    <button type="submit" class="secondary">
                      {t('common.save')}
                    </button>
                  </Form>
                ) : (
                  t(`coordination.action.status.${a.status}`)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ActionsPage(p: { actions: Action[]; status: string; mine: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const overdue = p.actions.filter((a) => a.overdue).length;
  return (
    <Layout title={t('coordination.action.trackerTitle')}>
      <CoordNav current="/actions" />
      <h1>{t('coordination.action.trackerTitle')}</h1>
      <p class="meta">{t('coordination.action.trackerIntro')}</p>
      <Form action="/actions" method="get" class="form no-print">
        <Select
          name="status"
          label={t('coordination.action.status')}
          value={p.status}
          options={(['active', 'open', 'in_progress', 'done', 'dropped', 'all'] as const).map((s) => ({
            value: s,
            label: t(`coordination.action.filter.${s}`),
          }))}
        />
        <Checkbox name="mine" value="1" label={t('coordination.action.mineOnly')} checked={p.mine} />
        <button type="submit" class="secondary">
          {t('common.filter')}
        </button>
      </Form>
      {overdue ? (
        <p class="notice--warn" role="status">
          {t('coordination.action.overdueCount', { count: overdue })}
        </p>
      ) : null}
      {p.actions.length ? (
        <ActionRows actions={p.actions} showMeeting back="/actions" />
      ) : (
        <Empty text={t('coordination.action.none')} />
      )}
    </Layout>
  );
}

type Person = {
  user_id: number;
  display_name: string;
  org_id: number | null;
  org_name_ar: string | null;
  org_name_en: string | null;
};

export function MeetingPage(p: {
  m: {
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
  summaryOnly: boolean;
  inviteeOrgs: Org[];
  inviteeUsers: { id: number; display_name: string }[];
  agenda: { id: number; position: number; title: string; details: string; duration_minutes: number | null }[];
  myRsvp: string | null;
  rsvpCounts: { yes: number; no: number; maybe: number };
  canRsvp: boolean;
  canManage: boolean;
  attendance: {
    present: number;
    expected: number;
    presentOrgs: Org[];
    needed: number;
    met: boolean | null;
    taken: boolean;
  };
  minutesHtml: string;
  decisions: { id: number; number: number; text: string; review_id: number | null }[];
  actions: Action[];
  reviews: { id: number; plan_title: string; org_name_ar: string; org_name_en: string; status: string }[];
  reviewChoices: { id: number; label: string }[];
  owners: { value: string; label: string }[];
  cycle: {
    id: number;
    title: string;
    meetings: { id: number; title: string; kind: MeetingKind; starts_at: string }[];
  } | null;
  errors?: FieldErrors;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const m = p.m;
  const e = p.errors ?? {};
  const host = nameOf(m.host_name_ar, m.host_name_en, i18n.locale);
  const town = nameOf(m.town_name_ar, m.town_name_en, i18n.locale);
  const placeOrg = nameOf(m.place_name_ar, m.place_name_en, i18n.locale);
  return (
    <Layout title={m.title} description={m.public_summary || undefined}>
      <CoordNav current="/meetings" />
      <p class="meta">
        <KindBadge kind={m.kind} />
        {m.status !== 'scheduled' ? <span class="badge">{t(`coordination.meeting.status.${m.status}`)}</span> : null}
        <span class="badge">{t(`coordination.meeting.visibility.${m.visibility}`)}</span>
      </p>
      <h1>
        <UserText text={m.title} />
      </h1>
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
      {p.summaryOnly ? (
        <>
          {m.public_summary ? <Paragraphs text={m.public_summary} /> : null}
          <p>
            <a href={`/meetings/${m.id}.ics`}>{t('coordination.calendar.addToCalendar')}</a>
          </p>
        </>
      ) : (
        <>
          {m.description ? <Paragraphs text={m.description} /> : null}
          <p class="actions no-print">
            <a class="button secondary" href={`/meetings/${m.id}.ics`}>
              {t('coordination.calendar.addToCalendar')}
            </a>
            {p.canManage ? (
              <>
                <a class="button secondary" href={`/meetings/${m.id}/edit`}>
                  {t('common.edit')}
                </a>
                <a class="button" href={`/meetings/${m.id}/attendance`}>
                  {t('coordination.attendance.take')}
                </a>
                <a class="button secondary" href={`/meetings/${m.id}/minutes`}>
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

          <section>
            <h2>{t('coordination.meeting.invitees')}</h2>
            <p>
              {p.inviteeOrgs.map((o, i) => (
                <>
                  {i ? '، ' : ''}
                  <bdi>{nameOf(o.name_ar, o.name_en, i18n.locale)}</bdi>
                </>
              ))}
              {p.inviteeOrgs.length && p.inviteeUsers.length ? '، ' : ''}
              {p.inviteeUsers.map((u, i) => (
                <>
                  {i ? '، ' : ''}
                  <bdi>{u.display_name}</bdi>
                </>
              ))}
            </p>
            <p class="meta">
              {t('coordination.rsvp.counts', { yes: p.rsvpCounts.yes, no: p.rsvpCounts.no, maybe: p.rsvpCounts.maybe })}
            </p>
            {p.canRsvp && m.status === 'scheduled' ? (
              <Form action={`/meetings/${m.id}/rsvp`} class="inline-form">
                <fieldset>
                  <legend>{t('coordination.rsvp.question')}</legend>
                  {(['yes', 'maybe', 'no'] as const).map((r) => (
                    <label class="checkbox">
                      <input type="radio" name="response" value={r} checked={p.myRsvp === r} />{' '}
                      {t(`coordination.rsvp.${r}`)}
                    </label>
                  ))}
                  <button type="submit">{t('common.send')}</button>
                </fieldset>
              </Form>
            ) : null}
          </section>

          <section>
            <h2>{t('coordination.agenda.title')}</h2>
            {p.agenda.length ? (
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
                      <Form action={`/meetings/${m.id}/agenda/${a.id}/delete`} class="inline-form">
                        <button type="submit" class="link-button">
                          {t('common.delete')}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <Empty text={t('coordination.agenda.empty')} />
            )}
            {p.canManage ? (
              <details open={p.form === 'agenda'}>
                <summary>{t('coordination.agenda.add')}</summary>
                <Form action={`/meetings/${m.id}/agenda`}>
                  <Field
                    name="title"
                    label={t('coordination.field.title')}
                    error={p.form === 'agenda' ? e.title : undefined}
                    required
                  />
                  <Field name="details" label={t('coordination.agenda.details')} multiline rows={2} />
                  <Field
                    name="duration_minutes"
                    type="number"
                    label={t('coordination.agenda.duration')}
                    error={p.form === 'agenda' ? e.duration_minutes : undefined}
                  />
                  <button type="submit">{t('common.add')}</button>
                </Form>
              </details>
            ) : null}
          </section>

          <section>
            <h2>{t('coordination.attendance.title')}</h2>
            {p.attendance.taken ? (
              <>
                <p>
                  {t('coordination.attendance.summary', {
                    present: p.attendance.present,
                    expected: p.attendance.expected,
                  })}
                </p>
                <p>
                  {t('coordination.attendance.orgsPresent', { count: p.attendance.presentOrgs.length })}{' '}
                  {p.attendance.presentOrgs.map((o, i) => (
                    <>
                      {i ? '، ' : ''}
                      <bdi>{nameOf(o.name_ar, o.name_en, i18n.locale)}</bdi>
                    </>
                  ))}
                </p>
                {p.attendance.met !== null ? (
                  <p class={p.attendance.met ? 'flash' : 'notice--warn'}>
                    {p.attendance.met
                      ? t('coordination.quorum.met', {
                          present: p.attendance.presentOrgs.length,
                          needed: p.attendance.needed,
                        })
                      : t('coordination.quorum.notMet', {
                          present: p.attendance.presentOrgs.length,
                          needed: p.attendance.needed,
                        })}
                  </p>
                ) : null}
              </>
            ) : (
              <Empty text={t('coordination.attendance.notTaken')} />
            )}
          </section>

          <section>
            <h2>{t('coordination.minutes.title')}</h2>
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
          </section>

          <section>
            <h2>{t('coordination.decision.title')}</h2>
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
              <details open={p.form === 'decision'}>
                <summary>{t('coordination.decision.add')}</summary>
                <Form action={`/meetings/${m.id}/decisions`}>
                  <Field
                    name="text"
                    label={t('coordination.decision.text')}
                    multiline
                    rows={3}
                    error={p.form === 'decision' ? e.text : undefined}
                    required
                  />
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
          </section>

          <section>
            <h2>{t('coordination.action.listTitle')}</h2>
            {p.actions.length ? (
              <ActionRows actions={p.actions} showMeeting={false} back={`/meetings/${m.id}`} />
            ) : (
              <Empty text={t('coordination.action.none')} />
            )}
            {p.canManage ? (
              <details open={p.form === 'action'}>
                <summary>{t('coordination.action.add')}</summary>
                <FormErrorSummary message={p.form === 'action' ? e._form : undefined} />
                <Form action={`/meetings/${m.id}/actions`}>
                  <Field
                    name="title"
                    label={t('coordination.action.title')}
                    error={p.form === 'action' ? e.title : undefined}
                    required
                  />
                  <Field name="details" label={t('coordination.agenda.details')} multiline rows={2} />
                  <Select
                    name="owner"
                    label={t('coordination.action.owner')}
                    options={p.owners}
                    error={p.form === 'action' ? e.owner : undefined}
                  />
                  <Field
                    name="due_on"
                    type="date"
                    label={t('coordination.action.due')}
                    error={p.form === 'action' ? e.due_on : undefined}
                  />
                  <Select
                    name="sharing"
                    label={t('coordination.action.sharingLabel')}
                    value={m.kind === 'preparatory' ? 'org' : 'network'}
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
            ) : null}
          </section>

          {p.reviews.length ? (
            <section>
              <h2>{t('coordination.review.onMeeting')}</h2>
              <ul>
                {p.reviews.map((r) => (
                  <li>
                    <a href={`/plans/reviews/${r.id}`}>
                      <UserText text={r.plan_title} />
                    </a>{' '}
                    — <bdi>{nameOf(r.org_name_ar, r.org_name_en, i18n.locale)}</bdi>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {p.canManage ? (
            <section class="no-print">
              <h2>{t('coordination.meeting.statusLabel')}</h2>
              <Form action={`/meetings/${m.id}/status`} class="inline-form">
                <Select
                  name="status"
                  label={t('coordination.meeting.statusLabel')}
                  value={m.status}
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
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}

/** The roll call, built for a phone without JavaScript: one big checkbox per person, grouped by organization. */
export function AttendancePage(p: {
  meeting: { id: number; title: string; starts_at: string; quorum_orgs: number };
  people: (Person & { present: boolean })[];
  guests: { id: number; name: string; org_name_ar: string | null; org_name_en: string | null }[];
  orgs: Org[];
  quorum: { presentOrgs: number; needed: number; met: boolean | null };
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const groups = new Map<string, (Person & { present: boolean })[]>();
  for (const person of p.people) {
    const key = nameOf(person.org_name_ar, person.org_name_en, i18n.locale) || t('coordination.attendance.noOrg');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(person);
  }
  return (
    <Layout title={t('coordination.attendance.take')}>
      <h1>{t('coordination.attendance.take')}</h1>
      <p>
        <a href={`/meetings/${p.meeting.id}`}>
          <UserText text={p.meeting.title} />
        </a>{' '}
        — <When at={p.meeting.starts_at} />
      </p>
      {p.quorum.met !== null ? (
        <p class={p.quorum.met ? 'flash' : 'notice--warn'} id="quorum">
          {p.quorum.met
            ? t('coordination.quorum.met', { present: p.quorum.presentOrgs, needed: p.quorum.needed })
            : t('coordination.quorum.notMet', { present: p.quorum.presentOrgs, needed: p.quorum.needed })}
        </p>
      ) : null}
      <FormErrorSummary message={e._form} />
      <Form action={`/meetings/${p.meeting.id}/attendance`}>
        {[...groups].map(([org, people]) => (
          <fieldset>
            <legend>
              <bdi>{org}</bdi>
            </legend>
            {people.map((person) => (
              <label class="checkbox">
                <input type="checkbox" name="present" value={String(person.user_id)} checked={person.present} />{' '}
                <bdi>{person.display_name}</bdi>
              </label>
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('coordination.attendance.guest')}</legend>
          <Field name="guest_name" label={t('coordination.attendance.guestName')} error={e.guest_name} />
          <Select
            name="guest_org"
            label={t('coordination.attendance.guestOrg')}
            includeEmpty="—"
            error={e.guest_org}
            options={p.orgs.map((o) => ({ value: String(o.id), label: nameOf(o.name_ar, o.name_en, i18n.locale) }))}
          />
        </fieldset>
        <button type="submit">{t('coordination.attendance.save')}</button>
      </Form>
      {p.guests.length ? (
        <>
          <h2>{t('coordination.attendance.guests')}</h2>
          <ul>
            {p.guests.map((g) => (
              <li>
                <bdi>{g.name}</bdi>
                {nameOf(g.org_name_ar, g.org_name_en, i18n.locale) ? (
                  <>
                    {' — '}
                    <bdi>{nameOf(g.org_name_ar, g.org_name_en, i18n.locale)}</bdi>
                  </>
                ) : null}{' '}
                <Form action={`/meetings/${p.meeting.id}/attendance/guests/${g.id}/delete`} class="inline-form">
                  <button type="submit" class="link-button">
                    {t('common.delete')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function MinutesPage(p: {
  meeting: { id: number; title: string };
  value: string;
  errors?: FieldErrors;
  previewHtml: string;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('coordination.minutes.edit')}>
      <CoordNav current="/meetings" />
      <h1>{t('coordination.minutes.edit')}</h1>
      <p>
        <a href={`/meetings/${p.meeting.id}`}>
          <UserText text={p.meeting.title} />
        </a>
      </p>
      <Form action={`/meetings/${p.meeting.id}/minutes`}>
        <Field
          name="minutes_md"
          label={t('coordination.minutes.title')}
          hint={t('coordination.minutes.hint')}
          value={p.value}
          error={p.errors?.minutes_md}
          multiline
          rows={20}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
      {p.previewHtml ? (
        <section>
          <h2>{t('coordination.minutes.preview')}</h2>
          <Markdown html={p.previewHtml} />
        </section>
      ) : null}
    </Layout>
  );
}

export function CalendarPage(p: { feedUrl: string }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('coordination.calendar.title')}>
      <CoordNav current="/meetings" />
      <h1>{t('coordination.calendar.title')}</h1>
      <p>{t('coordination.calendar.explain')}</p>
      <p>
        <label for="feed">{t('coordination.calendar.feedUrl')}</label>
        <input id="feed" type="url" readOnly value={p.feedUrl} dir="ltr" />
      </p>
      <p class="hint">{t('coordination.calendar.private')}</p>
      <Form action="/meetings/calendar/reset">
        <button type="submit" class="secondary">
          {t('coordination.calendar.reset')}
        </button>
      </Form>
    </Layout>
  );
}

export function meetingFormValues(
  m: {
    kind: string;
    title: string;
    description: string;
    host_org_id: number | null;
    starts_at: string;
    ends_at: string;
    place_kind: string;
    place_org_id: number | null;
    town_pcode: string | null;
    place_detail: string;
    online_url: string | null;
    visibility: string;
    public_summary: string;
    quorum_orgs: number;
    inviteeOrgIds: number[];
  },
  inviteUsers: string,
): Record<string, unknown> {
  return {
    ...m,
    starts_at: dateToDamascusLocal(m.starts_at),
    ends_at: dateToDamascusLocal(m.ends_at),
    invite_orgs: m.inviteeOrgIds.map(String),
    invite_users: inviteUsers,
  };
}
