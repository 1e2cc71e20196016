// The relay page: the codes of a text report, the box to paste lines into, and the replies.
import { usePage } from '../../../core/views/context.js';
import { StatusBadge } from '../../../core/views/components.js';
import { Field, Form, type FormState } from '../../../core/views/forms.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import type { RelayReply } from './replies.js';

export function RelayPage(p: {
  e: ElectionHead;
  state: FormState | null;
  replies: RelayReply[] | null;
  codes: string[];
  maxLines: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.relay.title')}>
      <p>{t('elections.relay.intro')}</p>
      <pre class="code" dir="ltr">
        {'TB-01 S1 W 98 M 121 RW 260 RM 250 BR 450 BU 226 BS 5 VA 208 IN 11 BL 4 ' +
          p.codes.map((c) => `${c} 0`).join(' ')}
        {'\nTB-01 S1 INC …\nTB-01 S1 NONET'}
      </pre>
      <p class="hint">{t('elections.relay.codes')}</p>
      <p class="hint">{t('elections.relay.limit', { max: p.maxLines })}</p>
      {p.replies ? (
        <div role="status">
          <h2>{t('elections.relay.replies')}</h2>
          <ul>
            {p.replies.map((r) => (
              <li data-ok={r.ok ? '1' : '0'}>
                <StatusBadge label={r.ok ? t('elections.relay.accepted') : t('elections.relay.refused')} />{' '}
                <span lang="ar" dir="rtl">
                  {r.ar}
                </span>
                <br />
                <span lang="en" dir="ltr">
                  {r.en}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form action={`/elections/${p.e.id}/relay`} state={p.state}>
        <Field name="text" label={t('elections.relay.paste')} multiline rows={8} required />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </ManageLayout>
  );
}
