// The pages of a meeting's organizer (the roll call, the minutes) and one's calendar feed.
import { TitledLayout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { Checkbox, ConfirmButton, Field, Form, Select, type FormState } from '../../../../core/views/forms.js';
import { UserText } from '../../../../core/views/components.js';
import { Markdown } from '../../../publishing/views/components.js';
import { CoordPage, EditDelete, LongText, When, idOptions, useLocalized } from '../../components.js';
import { LIMITS } from '../../schemas.js';
import { QuorumLine } from './parts.js';

type Org = { id: number; name_ar: string; name_en: string };
type Person = {
  user_id: number;
  display_name: string;
  org_id: number | null;
  org_name_ar: string | null;
  org_name_en: string | null;
  present: boolean;
};
type Guest = {
  id: number;
  name: string;
  organization_id: number | null;
  org_name_ar: string | null;
  org_name_en: string | null;
};

/** Blank guest rows on the roll call: several guests are written in one save. */
export const GUEST_ROWS = 4;

/** The meeting a page belongs to, linked, with its time. */
function MeetingLine(p: { meeting: { id: number; title: string; starts_at: string } }) {
  return (
    <p>
      <a href={`/meetings/${p.meeting.id}`}>
        <UserText text={p.meeting.title} />
      </a>{' '}
      — <When at={p.meeting.starts_at} />
    </p>
  );
}

function GuestOrg(p: { orgs: Org[]; name: string; id?: string }) {
  const { t } = usePage().i18n;
  const local = useLocalized();
  return (
    <Select
      name={p.name}
      label={t('coordination.attendance.guestOrg')}
      includeEmpty="—"
      options={idOptions(p.orgs, local)}
    />
  );
}

/** The roll call, built for a phone without JavaScript: one big checkbox per person, grouped by organization. */
export function AttendancePage(p: {
  meeting: { id: number; title: string; starts_at: string };
  people: Person[];
  guests: Guest[];
  orgs: Org[];
  quorum: { presentOrgs: number; needed: number; met: boolean | null };
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const base = `/meetings/${p.meeting.id}/attendance`;
  const groups = new Map<string, Person[]>();
  for (const person of p.people) {
    const key = name(person, 'org_name') || t('coordination.attendance.noOrg');
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  // After a refused save the guests typed come back in their rows.
  const typed = p.state?.id === base ? p.state.values : {};
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
  const typedNames = list(typed.guest_name);
  const typedOrgs = list(typed.guest_org);
  return (
    <TitledLayout title={t('coordination.attendance.take')}>
      <MeetingLine meeting={p.meeting} />
      <p class="no-print">
        <a href={`${base}/sheet`}>{t('coordination.attendance.printSheet')}</a>
      </p>
      <QuorumLine present={p.quorum.presentOrgs} needed={p.quorum.needed} met={p.quorum.met} id="quorum" />
      <Form action={base} state={p.state}>
        {[...groups].map(([org, people]) => (
          <fieldset>
            <legend>
              <bdi>{org}</bdi>
            </legend>
            {people.map((person) => (
              <Checkbox
                name="present"
                value={String(person.user_id)}
                label={<bdi>{person.display_name}</bdi>}
                checked={person.present}
              />
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('coordination.attendance.guests')}</legend>
          <p class="hint">{t('coordination.attendance.guestsHint')}</p>
          {Array.from({ length: GUEST_ROWS }, (_, i) => (
            <div class="guest-row">
              <Field
                name="guest_name"
                id={`guest-name-${i}`}
                label={t('coordination.attendance.guestName', { n: i + 1 })}
                value={typedNames[i] ?? ''}
                maxLength={150}
              />
              <div class="field">
                <label for={`guest-org-${i}`}>{t('coordination.attendance.guestOrg')}</label>
                <select id={`guest-org-${i}`} name="guest_org">
                  <option value="">—</option>
                  {p.orgs.map((o) => (
                    <option value={String(o.id)} selected={typedOrgs[i] === String(o.id)}>
                      {name(o)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('coordination.attendance.save')}</button>
      </Form>
      {p.guests.length ? (
        <>
          <h2>{t('coordination.attendance.guestsRecorded')}</h2>
          <ul>
            {p.guests.map((g) => (
              <li id={`guest-${g.id}`}>
                <bdi>{g.name}</bdi>
                {name(g, 'org_name') ? (
                  <>
                    {' — '}
                    <bdi>{name(g, 'org_name')}</bdi>
                  </>
                ) : null}
                <EditDelete
                  base={`${base}/guests/${g.id}`}
                  what={g.name}
                  values={{ name: g.name, org: g.organization_id === null ? '' : String(g.organization_id) }}
                  state={p.state}
                >
                  <Field name="name" label={t('coordination.attendance.guestNameOne')} required maxLength={150} />
                  <GuestOrg orgs={p.orgs} name="org" />
                </EditDelete>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </TitledLayout>
  );
}

export function MinutesPage(p: {
  meeting: { id: number; title: string; starts_at: string; minutes_md: string };
  previewHtml: string;
  decisions: number;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.minutes.edit')} nav="/meetings">
      <MeetingLine meeting={p.meeting} />
      <p class="hint">{t('coordination.minutes.decisionsHint')}</p>
      <Form action={`/meetings/${p.meeting.id}/minutes`} state={p.state} values={p.meeting}>
        <LongText
          name="minutes_md"
          label={t('coordination.minutes.title')}
          hint={t('coordination.minutes.hint')}
          max={LIMITS.minutes}
          rows={20}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
      {p.previewHtml ? (
        <section>
          <h2>{t('coordination.minutes.preview')}</h2>
          <p class="meta">{t('coordination.minutes.decisionsFound', { count: p.decisions })}</p>
          <Markdown html={p.previewHtml} />
        </section>
      ) : null}
    </CoordPage>
  );
}

export function CalendarPage(p: { feedUrl: string }) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.calendar.title')} nav="/meetings">
      <p>{t('coordination.calendar.explain')}</p>
      <p>
        <label for="feed">{t('coordination.calendar.feedUrl')}</label>
        <input id="feed" type="url" readOnly value={p.feedUrl} dir="ltr" />
      </p>
      <p class="hint">{t('coordination.calendar.private')}</p>
      <ConfirmButton
        action="/meetings/calendar/reset"
        label={t('coordination.calendar.reset')}
        question={t('coordination.calendar.resetQuestion')}
        confirm={t('coordination.calendar.resetConfirm')}
      />
    </CoordPage>
  );
}
