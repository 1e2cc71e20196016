// Reports as coordinators see them: the dashboard, one report and its verification, a count
// sheet's entries with the conflict screen, and entry from paper.
import { usePage } from '../../../core/views/context.js';
import { DataTable, StatusBadge, UserText } from '../../../core/views/components.js';
import { Field, Form, Radios, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import type { Question } from '../forms/formdef.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import type { Dashboard } from './dashboard.js';

const COUNTS = ['expected', 'received', 'missing', 'unreachable', 'flagged', 'verified'] as const;

export function DashboardPage(p: { e: ElectionHead; d: Dashboard }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const d = p.d;
  const base = `/elections/${p.e.id}`;
  const stateLabel = (s: string) => t(`elections.dashboard.states.${s}` as never);
  const title = (f: { title_ar: string; title_en: string }) => localized(f, 'title', i18n.locale);
  return (
    <ManageLayout e={p.e} title={t('elections.dashboard.title')}>
      <ul class="figures">
        {COUNTS.map((k) => (
          <li>
            <strong>{i18n.number(d.all[k])}</strong> {t(`elections.dashboard.counts.${k}`)}
          </li>
        ))}
      </ul>
      <p class="hint">{t('elections.dashboard.unreachableNote')}</p>
      {d.conflicts.length ? (
        <>
          <h2>{t('elections.dashboard.conflicts')}</h2>
          <ul>
            {d.conflicts.map((c) => (
              <li>
                <a href={`${base}/sheets/${c.id}`}>
                  <bdi dir="ltr">{c.station}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('elections.dashboard.attention')}</h2>
      {d.attention.length === 0 ? <p>{t('elections.dashboard.nothing')}</p> : null}
      <ul>
        {d.attention.map((s) => (
          <li>
            {s.critical ? <StatusBadge label={t('elections.dashboard.critical')} /> : null}{' '}
            <a href={`${base}/submissions/${s.id}`}>
              {title(s)} · <bdi dir="ltr">{s.station}</bdi>
            </a>{' '}
            · {t(`elections.submission.statuses.${s.status}` as never)}
          </li>
        ))}
      </ul>
      <h2>{t('elections.dashboard.byForm')}</h2>
      <DataTable
        rows={d.forms}
        columns={[
          { label: t('elections.forms.name'), rowHeader: true, cell: (f) => title(f) },
          ...COUNTS.map((k) => ({
            label: t(`elections.dashboard.counts.${k}`),
            cell: (f: (typeof d.forms)[number]) => i18n.number(d.totals[f.slug]![k]),
          })),
        ]}
      />
      <h2>{t('elections.dashboard.byStation')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('elections.results.station')}</th>
              {d.forms.map((f) => (
                <th scope="col">{title(f)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr>
                <th scope="row">
                  <bdi dir="ltr">{`${r.station.centre_code} ${r.station.code}`}</bdi>
                </th>
                {r.cells.map((c) => (
                  // A cell's state is an attribute: the dashboard's tests and styles read it.
                  <td data-state={c.state}>
                    {c.sheetId ? (
                      <a href={`${base}/sheets/${c.sheetId}`}>{stateLabel(c.state)}</a>
                    ) : c.latestId ? (
                      <a href={`${base}/submissions/${c.latestId}`}>{stateLabel(c.state)}</a>
                    ) : (
                      stateLabel(c.state)
                    )}
                    {c.count > 1 ? ` (${i18n.number(c.count)})` : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ManageLayout>
  );
}

export type FlagView = { kind: string; question?: string; rule?: string; left?: number; right?: number };

export function FlagList(p: { flags: FlagView[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.flags.length) return null;
  return (
    <ul class="notice--warn">
      {p.flags.map((f) => (
        <li>
          {f.kind === 'rule' ? (
            <>
              {t('elections.flags.rule')}: <bdi dir="ltr">{f.rule}</bdi> ({i18n.number(f.left ?? 0)} /{' '}
              {i18n.number(f.right ?? 0)})
            </>
          ) : f.kind === 'critical' ? (
            <>
              {t('elections.flags.critical')}: <bdi dir="ltr">{f.question}</bdi>
            </>
          ) : (
            t(`elections.flags.${f.kind}` as never)
          )}
        </li>
      ))}
    </ul>
  );
}

export function SubmissionPage(p: {
  e: ElectionHead;
  s: {
    id: number;
    source: string;
    received_at: string;
    status: string;
    verification_comment: string;
    sheet_id: number | null;
  };
  station: string;
  form: { title_ar: string; title_en: string };
  questions: Question[];
  answers: Record<string, string | number>;
  observerCode: string | null;
  flags: FlagView[];
  canChange: boolean;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const answerText = (q: Question, a: string | number) => {
    if (q.type === 'yesno') return a === 'yes' ? t('common.yes') : t('common.no');
    if (q.type === 'choice') {
      const o = q.options?.find((x) => x.value === a);
      return o ? localized(o, 'label', i18n.locale) : String(a);
    }
    if (q.type === 'number') return i18n.number(Number(a));
    return String(a);
  };
  return (
    <ManageLayout e={p.e} title={`${localized(p.form, 'title', i18n.locale)} · ${p.station}`}>
      <p class="meta">
        {t(`elections.submission.sources.${p.s.source}` as never)} · {i18n.dateTime(p.s.received_at)}
        {p.observerCode ? (
          <>
            {' · '}
            <bdi dir="ltr">{p.observerCode}</bdi>
          </>
        ) : null}{' '}
        · {t(`elections.submission.statuses.${p.s.status}` as never)}
      </p>
      <FlagList flags={p.flags} />
      {p.s.sheet_id ? (
        <p>
          <a href={`/elections/${p.e.id}/sheets/${p.s.sheet_id}`}>{t('elections.sheet.open')}</a>
        </p>
      ) : null}
      <dl>
        {p.questions
          .filter((q) => p.answers[q.id] !== undefined)
          .map((q) => (
            <>
              <dt>{localized(q, 'label', i18n.locale)}</dt>
              <dd dir={q.type === 'text' ? 'auto' : undefined}>{answerText(q, p.answers[q.id]!)}</dd>
            </>
          ))}
      </dl>
      {p.s.verification_comment ? (
        <p>
          {t('elections.submission.comment')}: <UserText text={p.s.verification_comment} />
        </p>
      ) : null}
      {p.canChange ? (
        <Form
          action={`/elections/${p.e.id}/submissions/${p.s.id}/verify`}
          state={p.state}
          values={{
            decision: p.s.status === 'received' ? 'verified' : p.s.status,
            comment: p.s.verification_comment,
          }}
        >
          <Select
            name="decision"
            label={t('elections.submission.decision')}
            options={['verified', 'rejected', 'received'].map((x) => ({
              value: x,
              label: t(`elections.submission.statuses.${x}` as never),
            }))}
          />
          <Field name="comment" label={t('elections.submission.comment')} multiline rows={3} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      ) : null}
    </ManageLayout>
  );
}

type SheetEntry = { id: number; source: string; who: string; values: Record<string, number> };

/** For each differing field: the entries' values to choose from, another value, and a reason. */
function DecideForm(p: {
  action: string;
  fields: { id: string; label: string }[];
  entries: SheetEntry[];
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const choices = (f: string) => [
    ...new Set(p.entries.map((en) => en.values[f]).filter((x): x is number => x !== undefined)),
  ];
  // The first entry's value is chosen until someone decides otherwise.
  const values = Object.fromEntries(p.fields.map((f) => [`v_${f.id}`, String(choices(f.id)[0] ?? '')]));
  return (
    <Form action={p.action} state={p.state} values={values}>
      {p.fields.map((f) => (
        <>
          <Radios
            name={`v_${f.id}`}
            legend={f.label}
            options={choices(f.id).map((c) => ({ value: String(c), label: i18n.number(c) }))}
          />
          <Field name={`o_${f.id}`} label={`${t('elections.sheet.other')} (${f.label})`} inputmode="numeric" />
        </>
      ))}
      <Field
        name="note"
        label={t('elections.sheet.note')}
        hint={t('elections.sheet.noteHint')}
        multiline
        rows={3}
        required
      />
      <button type="submit">{t('elections.sheet.decideButton')}</button>
    </Form>
  );
}

export function SheetPage(p: {
  e: ElectionHead;
  station: string;
  sheet: { id: number; status: string; decision_note: string };
  fields: { id: string; label: string }[];
  accepted: Record<string, number> | null;
  entries: SheetEntry[];
  differing: string[];
  flags: FlagView[];
  canChange: boolean;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const conflict = p.sheet.status === 'conflict';
  const value = (v: number | undefined) => (v === undefined ? '—' : i18n.number(v));
  return (
    <ManageLayout e={p.e} title={`${t('elections.sheet.title')} · ${p.station}`}>
      <p class="meta">{t(`elections.sheet.statuses.${p.sheet.status}` as never)}</p>
      <FlagList flags={p.flags} />
      {conflict ? <p class="notice--warn">{t('elections.sheet.conflictNote', { count: p.differing.length })}</p> : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('elections.sheet.field')}</th>
              {p.entries.map((en, i) => (
                <th scope="col">
                  <a href={`/elections/${p.e.id}/submissions/${en.id}`}>{t('elections.sheet.entry', { n: i + 1 })}</a>
                  <br />
                  <span class="meta">
                    {t(`elections.submission.sources.${en.source}` as never)} <bdi>{en.who}</bdi>
                  </span>
                </th>
              ))}
              {p.accepted ? <th scope="col">{t('elections.sheet.accepted')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.fields.map((f) => (
              // Differing fields are marked: the conflict screen's tests and styles read it.
              <tr data-differs={p.differing.includes(f.id) ? '1' : undefined}>
                <th scope="row">{p.differing.includes(f.id) ? <strong>{f.label}</strong> : f.label}</th>
                {p.entries.map((en) => (
                  <td>{value(en.values[f.id])}</td>
                ))}
                {p.accepted ? <td>{value(p.accepted[f.id])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.sheet.decision_note ? (
        <p>
          {t('elections.sheet.note')}: <UserText text={p.sheet.decision_note} />
        </p>
      ) : null}
      {conflict && p.canChange ? (
        <>
          <h2>{t('elections.sheet.decide')}</h2>
          <DecideForm
            action={`/elections/${p.e.id}/sheets/${p.sheet.id}/resolve`}
            fields={p.fields.filter((f) => p.differing.includes(f.id))}
            entries={p.entries}
            state={p.state}
          />
        </>
      ) : null}
    </ManageLayout>
  );
}

export function EntryPage(p: {
  e: ElectionHead;
  forms: { id: number; title_ar: string; title_en: string }[];
  form: { id: number; title_ar: string; title_en: string; questions: Question[] } | null;
  stations: { id: number; label: string }[];
  entryKey: string;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const action = `/elections/${p.e.id}/entry`;
  return (
    <ManageLayout e={p.e} title={t('elections.entry.title')}>
      <p class="hint">{t('elections.entry.hint')}</p>
      <Form action={action} method="get" id="choose-form" values={{ form: p.form ? String(p.form.id) : '' }}>
        <Select
          name="form"
          label={t('elections.forms.name')}
          options={p.forms.map((f) => ({ value: String(f.id), label: localized(f, 'title', i18n.locale) }))}
        />
        <button type="submit" class="secondary">
          {t('common.continue')}
        </button>
      </Form>
      {p.form ? (
        <>
          <h2>{localized(p.form, 'title', i18n.locale)}</h2>
          {/* The posted path has no query string: the scope is named after it. */}
          <Form action={`${action}?form=${p.form.id}`} id={action} state={p.state}>
            <input type="hidden" name="key" value={p.entryKey} />
            <Select
              name="station_id"
              label={t('elections.results.station')}
              options={p.stations.map((s) => ({ value: String(s.id), label: s.label }))}
            />
            {p.form.questions.map((q) => (
              <AnswerField q={q} />
            ))}
            <button type="submit">{t('common.save')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

function AnswerField(p: { q: Question }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const q = p.q;
  const label = `${localized(q, 'label', i18n.locale)}${q.required ? ' *' : ''}`;
  const name = `a_${q.id}`;
  if (q.type === 'yesno' || q.type === 'choice') {
    const options =
      q.type === 'yesno'
        ? [
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]
        : (q.options ?? []).map((o) => ({ value: o.value, label: localized(o, 'label', i18n.locale) }));
    return <Select name={name} label={label} includeEmpty="—" options={options} />;
  }
  return (
    <Field
      name={name}
      label={label}
      type={q.type === 'time' ? 'time' : 'text'}
      inputmode={q.type === 'number' ? 'numeric' : undefined}
      multiline={q.type === 'text'}
      rows={3}
      hint={q.showIf ? t('elections.entry.onlyIf', { question: q.showIf.question, value: q.showIf.equals }) : undefined}
    />
  );
}
