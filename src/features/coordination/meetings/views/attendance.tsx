// The pages of a meeting's organizer (the roll call, the minutes) and one's calendar feed.
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { ButtonForm, Checkbox, Field, Form, Select, type FormState } from '../../../../core/views/forms.js';
import { UserText } from '../../../../core/views/components.js';
import { Markdown } from '../../../publishing/views/components.js';
import { CoordNav, When, useLocalized } from '../../components.js';
import { QuorumLine } from './meeting.js';

type Org = { id: number; name_ar: string; name_en: string };
type Person = {
  user_id: number;
  display_name: string;
  org_id: number | null;
  org_name_ar: string | null;
  org_name_en: string | null;
  present: boolean;
};

/** The roll call, built for a phone without JavaScript: one big checkbox per person, grouped by organization. */
export function AttendancePage(p: {
  meeting: { id: number; title: string; starts_at: string };
  people: Person[];
  guests: { id: number; name: string; org_name_ar: string | null; org_name_en: string | null }[];
  orgs: Org[];
  quorum: { presentOrgs: number; needed: number; met: boolean | null };
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const base = `/meetings/${p.meeting.id}`;
  const groups = new Map<string, Person[]>();
  for (const person of p.people) {
    const key = name(person, 'org_name') || t('coordination.attendance.noOrg');
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return (
    <Layout title={t('coordination.attendance.take')}>
      <h1>{t('coordination.attendance.take')}</h1>
      <p>
        <a href={base}>
          <UserText text={p.meeting.title} />
        </a>{' '}
        — <When at={p.meeting.starts_at} />
      </p>
      <QuorumLine present={p.quorum.presentOrgs} needed={p.quorum.needed} met={p.quorum.met} id="quorum" />
      <Form action={`${base}/attendance`} state={p.state}>
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
          <legend>{t('coordination.attendance.guest')}</legend>
          <Field name="guest_name" label={t('coordination.attendance.guestName')} />
          <Select
            name="guest_org"
            label={t('coordination.attendance.guestOrg')}
            includeEmpty="—"
            options={p.orgs.map((o) => ({ value: String(o.id), label: name(o) }))}
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
                {name(g, 'org_name') ? (
                  <>
                    {' — '}
                    <bdi>{name(g, 'org_name')}</bdi>
                  </>
                ) : null}{' '}
                <ButtonForm
                  action={`${base}/attendance/guests/${g.id}/delete`}
                  label={t('common.delete')}
                  class="link-button"
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function MinutesPage(p: {
  meeting: { id: number; title: string; minutes_md: string };
  previewHtml: string;
  state?: FormState | null;
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
      <Form action={`/meetings/${p.meeting.id}/minutes`} state={p.state} values={p.meeting}>
        <Field
          name="minutes_md"
          label={t('coordination.minutes.title')}
          hint={t('coordination.minutes.hint')}
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
      <ButtonForm action="/meetings/calendar/reset" label={t('coordination.calendar.reset')} class="secondary" />
    </Layout>
  );
}
