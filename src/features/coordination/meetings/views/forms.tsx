// The meeting form (new and edit) and the "launch a meeting cycle" form.
import { usePage } from '../../../../core/views/context.js';
import { Checkboxes, Field, Form, Radios, Select, TownField, type FormState } from '../../../../core/views/forms.js';
import { dateToDamascusLocal } from '../../../../core/time.js';
import { LIMITS, meetingKinds } from '../../schemas.js';
import { CoordPage, DamascusTime, LongText, choices, idOptions, useLocalized } from '../../components.js';
import { townText } from '../../towns.js';

type Org = { id: number; name_ar: string; name_en: string };

export function MeetingFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state?: FormState | null;
  hostOptions: Org[];
  allowNoHost: boolean;
  orgs: Org[];
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const orgOpts = idOptions(p.orgs, name);
  const title = p.isNew ? t('coordination.meeting.new') : t('coordination.meeting.edit');
  const defaults = { kind: 'other', place_kind: 'office', visibility: 'invitees', quorum_orgs: '0' };
  return (
    <CoordPage title={title} nav="/meetings">
      <Form action={p.action} state={p.state} values={{ ...defaults, ...p.values }}>
        <Select
          name="kind"
          label={t('coordination.meeting.kindLabel')}
          options={choices(meetingKinds, (k) => t(`coordination.meeting.kind.${k}`))}
        />
        <Field name="title" label={t('coordination.field.title')} required maxLength={200} />
        <LongText name="description" label={t('coordination.field.description')} max={LIMITS.description} rows={3} />
        <Select
          name="host_org_id"
          label={t('coordination.meeting.host')}
          includeEmpty={p.allowNoHost ? t('coordination.meeting.networkHost') : undefined}
          options={idOptions(p.hostOptions, name)}
        />
        <DamascusTime
          name="starts_at"
          label={t('coordination.meeting.startsAt')}
          hint={t('coordination.meeting.pastHint')}
        />
        <DamascusTime name="ends_at" label={t('coordination.meeting.endsAt')} />
        <Radios
          name="place_kind"
          legend={t('coordination.meeting.place')}
          options={choices(['office', 'town', 'online'] as const, (k) => t(`coordination.meeting.placeKind.${k}`))}
        />
        <Select name="place_org_id" label={t('coordination.meeting.placeOrg')} includeEmpty="—" options={orgOpts} />
        <TownField name="town_pcode" label={t('coordination.meeting.town')} />
        <Field name="place_detail" label={t('coordination.meeting.placeDetail')} />
        <Field name="online_url" type="url" label={t('coordination.meeting.onlineUrl')} />
        <Checkboxes name="invite_orgs" legend={t('coordination.meeting.inviteOrgs')} options={orgOpts} />
        <Field
          name="invite_users"
          label={t('coordination.meeting.inviteUsers')}
          hint={t('coordination.meeting.inviteUsersHint')}
        />
        <Select
          name="visibility"
          label={t('coordination.meeting.visibility')}
          options={choices(['invitees', 'network', 'public'] as const, (k) =>
            t(`coordination.meeting.visibility.${k}`),
          )}
        />
        <Field
          name="public_summary"
          label={t('coordination.meeting.publicSummary')}
          hint={t('coordination.meeting.publicSummaryHint')}
          multiline
          rows={3}
        />
        <Field
          name="quorum_orgs"
          type="number"
          label={t('coordination.meeting.quorumOrgs')}
          hint={t('coordination.meeting.quorumOrgsHint')}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </CoordPage>
  );
}

export function CycleFormPage(p: { state?: FormState | null; orgCount: number }) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.cycle.launch')} nav="/meetings">
      <p>{t('coordination.cycle.explain', { count: p.orgCount })}</p>
      <Form action="/meetings/cycles/new" state={p.state} values={{ preparatory_time: '10:00' }}>
        <Field name="title" label={t('coordination.cycle.title')} required />
        <Field
          name="preparatory_from"
          type="date"
          label={t('coordination.cycle.preparatoryFrom')}
          hint={t('coordination.cycle.preparatoryHint')}
          required
        />
        <Field name="preparatory_time" type="time" label={t('coordination.cycle.preparatoryTime')} required />
        <DamascusTime name="general_at" label={t('coordination.cycle.generalAt')} />
        <TownField name="general_town" label={t('coordination.cycle.generalTown')} required />
        <Field name="general_place" label={t('coordination.meeting.placeDetail')} />
        <DamascusTime name="consultative_at" label={t('coordination.cycle.consultativeAt')} />
        <Field
          name="consultative_url"
          type="url"
          label={t('coordination.cycle.consultativeUrl')}
          hint={t('coordination.cycle.consultativeUrlHint')}
        />
        <button type="submit">{t('coordination.cycle.submit')}</button>
      </Form>
    </CoordPage>
  );
}

/** A saved meeting as the form's values: times in Damascus wall time, invitees as ids and usernames. */
export function meetingFormValues(
  m: {
    starts_at: string;
    ends_at: string;
    inviteeOrgIds: number[];
    town_pcode: string | null;
    town_name_ar: string | null;
    town_name_en: string | null;
  } & Record<string, unknown>,
  inviteUsers: string,
  locale: string,
): Record<string, unknown> {
  return {
    ...m,
    town_pcode: townText(m, m.town_pcode, locale),
    starts_at: dateToDamascusLocal(m.starts_at),
    ends_at: dateToDamascusLocal(m.ends_at),
    invite_orgs: m.inviteeOrgIds.map(String),
    invite_users: inviteUsers,
  };
}
