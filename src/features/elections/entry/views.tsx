// Reports as coordinators see them: the dashboard with the attention list, one report and its
// verification, and entry from paper. Flags are said in words (forms/words.ts).
import { usePage } from '../../../core/views/context.js';
import { DataTable, Empty, Pagination, StatusBadge, UserText } from '../../../core/views/components.js';
import { Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import type { Question, RuleFlag } from '../forms/formdef.js';
import { conditionWords, flagWords } from '../forms/words.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import type { Attention } from './attention.js';
import type { Dashboard } from './dashboard.js';

const COUNTS = ['expected', 'received', 'missing', 'unreachable', 'flagged', 'verified'] as const;
const STATION_PAGE = 100;

/** What still needs someone (or what was handled): disagreeing count sheets, then reports, critical first. */
function AttentionList(p: { base: string; attention: Attention; show: 'open' | 'handled' }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const a = p.attention;
  const other = p.show === 'open' ? 'handled' : 'open';
  return (
    <section id="attention" data-show={p.show}>
      <h2>{t(p.show === 'open' ? 'elections.dashboard.attention' : 'elections.dashboard.handled')}</h2>
      <p>
        <a href={`${p.base}/dashboard?show=${other}#attention`}>
          {t(other === 'open' ? 'elections.dashboard.showOpen' : 'elections.dashboard.showHandled')}
        </a>
      </p>
      {a.conflicts.length === 0 && a.reports.length === 0 ? (
        <Empty text={t(p.show === 'open' ? 'elections.dashboard.nothing' : 'elections.dashboard.nothingHandled')} />
      ) : null}
      <ul class="attention">
        {a.conflicts.map((c) => (
          <li data-kind="conflict">
            <StatusBadge
              tone={p.show === 'open' ? 'warn' : 'ok'}
              label={t(`elections.sheet.statuses.${c.status}` as never)}
            />{' '}
            <a href={`${p.base}/sheets/${c.id}`}>
              {t('elections.sheet.title')} · <bdi dir="ltr">{c.station}</bdi>
            </a>
          </li>
        ))}
        {a.reports.map((s) => (
          <li data-kind="report">
            {s.critical ? <StatusBadge tone="warn" label={t('elections.dashboard.critical')} /> : null}{' '}
            <a href={`${p.base}/submissions/${s.id}`}>
              {localized(s, 'title', i18n.locale)} · <bdi dir="ltr">{s.station}</bdi>
            </a>{' '}
            · {t(`elections.submission.statuses.${s.status}` as never)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DashboardPage(p: {
  e: ElectionHead;
  d: Dashboard;
  attention: Attention;
  show: 'open' | 'handled';
  page: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const d = p.d;
  const base = `/elections/${p.e.id}`;
  const stateLabel = (s: string) => t(`elections.dashboard.states.${s}` as never);
  const title = (f: { title_ar: string; title_en: string }) => localized(f, 'title', i18n.locale);
  const rows = d.rows.slice((p.page - 1) * STATION_PAGE, p.page * STATION_PAGE);
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
      <AttentionList base={base} attention={p.attention} show={p.show} />
      <h2>{t('elections.dashboard.byForm')}</h2>
      <DataTable
        rows={d.forms}
        columns={[
          { label: t('elections.forms.name'), rowHeader: true, cell: (f) => title(f) },
          ...COUNTS.map((k) => ({
            label: t(`elections.dashboard.counts.${k}`),
            numeric: true,
            cell: (f: (typeof d.forms)[number]) => i18n.number(d.totals[f.slug]![k]),
          })),
        ]}
      />
      <h2>{t('elections.dashboard.byStation')}</h2>
      <DataTable
        rows={rows}
        columns={[
          {
            label: t('elections.results.station'),
            rowHeader: true,
            cell: (r) => <bdi dir="ltr">{`${r.station.centre_code} ${r.station.code}`}</bdi>,
          },
          ...d.forms.map((f, i) => ({
            label: title(f),
            // A cell's state is an attribute: the dashboard's tests and styles read it.
            class: `state-${i}`,
            cell: (r: (typeof rows)[number]) => {
              const c = r.cells[i]!;
              const href = c.sheetId
                ? `${base}/sheets/${c.sheetId}`
                : c.latestId
                  ? `${base}/submissions/${c.latestId}`
                  : null;
              return (
                <span data-state={c.state}>
                  {href ? <a href={href}>{stateLabel(c.state)}</a> : stateLabel(c.state)}
                  {c.count > 1 ? ` (${i18n.number(c.count)})` : ''}
                </span>
              );
            },
          })),
        ]}
      />
      <Pagination
        page={p.page}
        pageCount={Math.max(1, Math.ceil(d.rows.length / STATION_PAGE))}
        hrefFor={(n) => `${base}/dashboard?show=${p.show}&page=${n}`}
      />
    </ManageLayout>
  );
}

export type FlagView =
  ({ kind: 'rule' } & RuleFlag) | { kind: 'critical'; question: string } | { kind: 'late' } | { kind: 'relayed' };

/** Why a report or a sheet was flagged, in words: the rule it breaks with both sides, the critical answer. */
export function FlagList(p: { flags: FlagView[]; questions: Question[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.flags.length) return null;
  const label = (id?: string) => {
    const q = p.questions.find((x) => x.id === id);
    return q ? localized(q, 'label', i18n.locale) : (id ?? '');
  };
  return (
    <ul class="notice--warn">
      {p.flags.map((f) => (
        <li>
          {f.kind === 'rule'
            ? flagWords(f, p.questions, i18n)
            : f.kind === 'critical'
              ? `${t('elections.flags.critical')}: ${label(f.question)}`
              : t(`elections.flags.${f.kind}` as never)}
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
      <FlagList flags={p.flags} questions={p.questions} />
      <p class="hint">{t('elections.submission.frozen')}</p>
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

export function EntryPage(p: {
  e: ElectionHead;
  forms: { id: number; title_ar: string; title_en: string; kind: string }[];
  form: { id: number; title_ar: string; title_en: string; questions: Question[] } | null;
  entryKey: string;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const action = `/elections/${p.e.id}/entry`;
  return (
    <ManageLayout e={p.e} title={t('elections.entry.title')}>
      <p class="hint">{t('elections.entry.hint')}</p>
      {p.forms.some((f) => f.kind === 'count') ? (
        <p>
          <a href={`/elections/${p.e.id}/sheets`}>{t('elections.sheets.importLink')}</a>
        </p>
      ) : null}
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
            <Field
              name="station"
              label={t('elections.results.station')}
              hint={t('elections.entry.stationHint')}
              required
            />
            {p.form.questions.map((q) => (
              <AnswerField q={q} all={p.form!.questions} />
            ))}
            <button type="submit">{t('common.save')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

function AnswerField(p: { q: Question; all: Question[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const q = p.q;
  const label = `${localized(q, 'label', i18n.locale)}${q.required ? ' *' : ''}`;
  const name = `a_${q.id}`;
  const hint = conditionWords(q, p.all, i18n) ?? undefined;
  if (q.type === 'yesno' || q.type === 'choice') {
    const options =
      q.type === 'yesno'
        ? [
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]
        : (q.options ?? []).map((o) => ({ value: o.value, label: localized(o, 'label', i18n.locale) }));
    return <Select name={name} label={label} includeEmpty="—" options={options} hint={hint} />;
  }
  return (
    <Field
      name={name}
      label={label}
      type={q.type === 'time' ? 'time' : 'text'}
      inputmode={q.type === 'number' ? 'numeric' : undefined}
      multiline={q.type === 'text'}
      rows={3}
      hint={hint}
    />
  );
}
