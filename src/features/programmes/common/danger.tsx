// The delete (or revoke, remove) block of a record's page: it asks twice without JavaScript
// (ConfirmButton), says plainly what goes with it, and says why when it cannot be done now.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { ConfirmButton, Form, FormErrorSummary, type FormState } from '../../../core/views/forms.js';

export function DangerZone(p: {
  action: string;
  /** the record's name, for "Delete «…» for good?" */
  what: string;
  /** what goes with it */
  explain?: string;
  /** why it cannot be done now: shown instead of the button */
  blocked?: string | null;
  state?: FormState | null;
  title?: string;
  label?: string;
  question?: string;
  confirm?: string;
  /** fields asked at the confirm step (a reason) */
  children?: ComponentChildren;
}) {
  const { t } = usePage().i18n;
  const refused = p.state?.id === p.action ? Object.values(p.state.errors)[0] : null;
  return (
    <section class="danger-zone no-print">
      {p.title ? <h2>{p.title}</h2> : null}
      <FormErrorSummary message={refused} />
      {p.blocked ? (
        <p class="small">{p.blocked}</p>
      ) : (
        <>
          {p.explain ? <p class="small">{p.explain}</p> : null}
          <ConfirmButton
            action={p.action}
            label={p.label ?? t('common.delete')}
            question={p.question ?? `${t('common.confirmDelete', { name: p.what })} ${t('common.cannotUndo')}`}
            confirm={p.confirm ?? t('common.deleteConfirmButton')}
          >
            {p.children}
          </ConfirmButton>
        </>
      )}
    </section>
  );
}

/** A page that asks before an action that cannot be taken back (where a button cannot sit: a table inside a form). */
export function ConfirmPage(p: {
  title: string;
  question: string;
  explain?: string;
  action: string;
  confirm: string;
  back: string;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={p.title}>
      <Form action={p.action} state={p.state}>
        <p role="alert">{p.question}</p>
        {p.explain ? <p class="small">{p.explain}</p> : null}
        <p class="actions">
          <button type="submit" class="danger">
            {p.confirm}
          </button>
          <a href={p.back}>{t('common.cancel')}</a>
        </p>
      </Form>
    </TitledLayout>
  );
}
