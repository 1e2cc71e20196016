// Action items: the rows (on the tracker and on a meeting's page), the tracker itself, and the
// page where an item is corrected or removed.
import { usePage } from '../../../../core/views/context.js';
import { Checkbox, DeleteButton, Form, Hidden, Select, type FormState } from '../../../../core/views/forms.js';
import { DataTable, Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import type { ActionStatus } from '../../tables.js';
import { CoordPage, Day, choices, useLocalized } from '../../components.js';
import { ActionFields, type Decision } from './parts.js';

export type ActionRow = {
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
  decision_id: number | null;
  overdue: boolean;
  canUpdate: boolean;
  /** the meeting's managers correct or remove it */
  canEdit?: boolean;
};

const statuses = ['open', 'in_progress', 'done', 'dropped'] as const;

export function ActionRows(props: { actions: ActionRow[]; showMeeting: boolean; back: string }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <DataTable
      rows={props.actions}
      rowId={(a) => `action-${a.id}`}
      columns={[
        {
          label: t('coordination.action.title'),
          cell: (a) => (
            <>
              <UserText text={a.title} />
              {a.sharing === 'org' ? <StatusBadge label={t('coordination.action.sharing.org')} /> : null}
              {a.canEdit ? (
                <>
                  {' '}
                  <a class="no-print" href={`/actions/${a.id}/edit`}>
                    {t('common.edit')}
                  </a>
                </>
              ) : null}
              {props.showMeeting && a.meeting_id && a.meeting_title ? (
                <p class="meta">
                  <a href={`/meetings/${a.meeting_id}`}>
                    <UserText text={a.meeting_title} />
                  </a>
                </p>
              ) : null}
            </>
          ),
        },
        {
          label: t('coordination.action.owner'),
          cell: (a) => (
            <>
              {a.owner_name ? <bdi>{a.owner_name}</bdi> : null}
              {a.owner_name && name(a, 'org_name') ? ' — ' : null}
              <bdi>{name(a, 'org_name')}</bdi>
            </>
          ),
        },
        {
          label: t('coordination.action.due'),
          cell: (a) =>
            a.overdue ? (
              <mark>
                {t('coordination.action.overdue')} · <Day day={a.due_on} />
              </mark>
            ) : (
              <Day day={a.due_on} />
            ),
        },
        {
          label: t('coordination.action.status'),
          cell: (a) =>
            a.canUpdate ? (
              <Form
                action={`/actions/${a.id}/status`}
                class="inline-form"
                idPrefix={`action-${a.id}`}
                values={{ status: a.status }}
                summary={false}
              >
                <Hidden name="back" value={props.back} />
                <Select
                  name="status"
                  label={t('coordination.action.status')}
                  options={choices(statuses, (s) => t(`coordination.action.status.${s}`))}
                />{' '}
                <button type="submit" class="secondary">
                  {t('common.save')}
                </button>
              </Form>
            ) : (
              t(`coordination.action.status.${a.status}`)
            ),
        },
      ]}
    />
  );
}

export function ActionsPage(p: { actions: ActionRow[]; status: string; mine: boolean }) {
  const { t } = usePage().i18n;
  const overdue = p.actions.filter((a) => a.overdue).length;
  return (
    <CoordPage title={t('coordination.action.trackerTitle')} nav="/actions">
      <p class="meta">{t('coordination.action.trackerIntro')}</p>
      <Form action="/actions" method="get" class="form no-print" values={{ status: p.status, mine: p.mine ? '1' : '' }}>
        <Select
          name="status"
          label={t('coordination.action.status')}
          options={choices(['active', ...statuses, 'all'] as const, (s) => t(`coordination.action.filter.${s}`))}
        />
        <Checkbox name="mine" value="1" label={t('coordination.action.mineOnly')} />
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
    </CoordPage>
  );
}

/** Correcting an action item, or removing it (asked twice). */
export function ActionEditPage(p: {
  action: { id: number; title: string; meeting_id: number | null; meeting_title: string | null };
  values: Record<string, unknown>;
  owners: { value: string; label: string }[];
  decisions: Decision[];
  back: string;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const base = `/actions/${p.action.id}`;
  return (
    <CoordPage title={t('coordination.action.edit')} nav="/actions">
      {p.action.meeting_id && p.action.meeting_title ? (
        <p>
          <a href={`/meetings/${p.action.meeting_id}`}>
            <UserText text={p.action.meeting_title} />
          </a>
        </p>
      ) : null}
      <Form action={`${base}/edit`} state={p.state} values={p.values}>
        <ActionFields owners={p.owners} decisions={p.decisions} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <DeleteButton action={`${base}/delete`} what={p.action.title} />
      <p>
        <a href={p.back}>{t('common.back')}</a>
      </p>
    </CoordPage>
  );
}
