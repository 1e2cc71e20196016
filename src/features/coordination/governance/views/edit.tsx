// Editing and removing a body, a seat or a term (network admins). Removing asks twice and says
// beforehand whether the record will be deleted or, holding history, archived.
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { Form, type FormState } from '../../../../core/views/forms.js';
import { CoordNav, RemoveRecord } from '../../components.js';
import { BodyFields, SeatFields, TermFields } from './fields.js';

type Org = { id: number; name_ar: string; name_en: string };
export type GovernanceRecord =
  | {
      kind: 'body';
      id: number;
      values: { kind: string; name_ar: string; name_en: string; description_ar: string; description_en: string };
    }
  | { kind: 'seat'; id: number; values: { title_ar: string; title_en: string; is_chair: boolean } }
  | {
      kind: 'term';
      id: number;
      values: { holder_name: string; holder_org_id: number | null; starts_on: string; ends_on: string };
    };

const base = { body: '/governance/bodies', seat: '/governance/seats', term: '/governance/terms' } as const;
const titleKey = {
  body: 'coordination.governance.editBody',
  seat: 'coordination.governance.editSeat',
  term: 'coordination.governance.editTerm',
} as const;

export function GovernanceEditPage(p: {
  record: GovernanceRecord;
  /** removing it archives rather than deletes */
  history: boolean;
  orgs: Org[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const r = p.record;
  const at = `${base[r.kind]}/${r.id}`;
  return (
    <Layout title={t(titleKey[r.kind])}>
      <CoordNav current="/governance" />
      <h1>{t(titleKey[r.kind])}</h1>
      <Form action={`${at}/edit`} state={p.state} values={r.values}>
        {r.kind === 'body' ? <BodyFields /> : r.kind === 'seat' ? <SeatFields /> : <TermFields orgs={p.orgs} />}
        <button type="submit">{t('common.save')}</button>
      </Form>
      <RemoveRecord
        action={`${at}/delete`}
        label={t(`coordination.governance.remove.${r.kind}`)}
        question={t(
          p.history
            ? `coordination.governance.removeArchive.${r.kind}`
            : `coordination.governance.removeDelete.${r.kind}`,
        )}
        history={p.history}
        back={{ href: '/governance', label: t('coordination.governance.back') }}
      />
    </Layout>
  );
}
