// A session, for the running member's staff: attendance on a phone (one form, large targets, no
// JavaScript), its date and topic corrected, and the sheet printed on A4 to fill by hand.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { Empty, UserText } from '../../../../core/views/components.js';
import { Field, Form, type FormState } from '../../../../core/views/forms.js';
import { DangerZone } from '../../common/danger.js';
import { PrintDocument } from '../../common/print.js';
import { DayText } from '../../common/views.js';

type Session = { id: number; cohort_id: number; held_on: string; topic: string; label: string };

/** A session's date, and its topic when it has one. */
export function SessionWhen(p: { session: { held_on: string; topic: string | null } }) {
  const s = p.session;
  return (
    <>
      <DayText value={s.held_on} />
      {s.topic ? (
        <>
          {' — '}
          <UserText text={s.topic} />
        </>
      ) : null}
    </>
  );
}

/** A session's page: the cohort link, the title and the session's date and topic. */
function SessionLayout(p: { session: Session; title: string; children: ComponentChildren }) {
  const s = p.session;
  return (
    <Layout title={p.title}>
      <p class="meta">
        <a href={`/programmes/cohorts/${s.cohort_id}#sessions`}>
          <bdi>{s.label}</bdi>
        </a>
      </p>
      <h1>{p.title}</h1>
      <p>
        <SessionWhen session={s} />
      </p>
      {p.children}
    </Layout>
  );
}

/** One form, one large checkbox per trainee: works on a phone without JavaScript. */
export function AttendancePage(p: {
  session: Session;
  roster: { id: number; name: string }[];
  present: Map<number, boolean>;
  taken: boolean;
  blocked: string | null;
  state: FormState | null;
}) {
  const { t } = usePage().i18n;
  const s = p.session;
  const base = `/programmes/sessions/${s.id}`;
  return (
    <SessionLayout session={s} title={t('programmes.attendance.title')}>
      <p class="small">{p.taken ? t('programmes.attendance.alreadyTaken') : t('programmes.attendance.hint')}</p>
      <p class="actions">
        <a href={`${base}/sheet`}>{t('programmes.sheet.print')}</a>
      </p>
      {p.roster.length === 0 ? (
        <Empty text={t('programmes.cohort.noTrainees')} />
      ) : (
        <Form action={`${base}/attendance`} class="attendance-form" state={p.state}>
          <ul class="attendance-list">
            {p.roster.map((r) => (
              <li>
                <label class="attendance-item">
                  <input type="checkbox" name="present" value={String(r.id)} checked={p.present.get(r.id) ?? false} />
                  <bdi>{r.name}</bdi>
                </label>
              </li>
            ))}
          </ul>
          <button type="submit" class="attendance-submit">
            {t('programmes.attendance.save')}
          </button>
        </Form>
      )}
      {p.taken ? (
        <DangerZone
          action={`${base}/attendance/clear`}
          what=""
          label={t('programmes.attendance.clear')}
          question={t('programmes.attendance.clearQuestion')}
          confirm={t('programmes.attendance.clearConfirm')}
          blocked={p.blocked}
          state={p.state}
        />
      ) : null}
    </SessionLayout>
  );
}

/** Correcting a session's date and topic, or deleting it with its attendance. */
export function SessionPage(p: { session: Session; blocked: string | null; state: FormState | null }) {
  const { t } = usePage().i18n;
  const s = p.session;
  const base = `/programmes/sessions/${s.id}`;
  return (
    <SessionLayout session={s} title={t('programmes.session.edit')}>
      <Form action={`${base}/edit`} state={p.state} values={s}>
        <Field name="held_on" type="date" label={t('programmes.activity.date')} required />
        <Field name="topic" label={t('programmes.session.topic')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <DangerZone
        action={`${base}/delete`}
        what={s.topic || s.held_on}
        explain={t('programmes.session.deleteExplain')}
        blocked={p.blocked}
        state={p.state}
      />
    </SessionLayout>
  );
}

/** Rows left blank on the sheet for people who come without being enrolled. */
export const BLANK_ROWS = 5;

/**
 * The attendance sheet, printed on A4 and filled by hand: the cohort's trainees, then blank rows,
 * each with a box to tick and room to sign. Its own document, right to left in Arabic. A cohort
 * of up to 30 fits one page (programmes.css); a bigger one goes on, and the heading — what the
 * sheet is for, and the columns — sits in the table's head, which the browser repeats on every
 * printed page, so a loose second page still says which session it belongs to.
 */
export function AttendanceSheet(p: {
  session: Session;
  course: string;
  organization: string;
  town: string;
  trainers: string;
  names: string[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const s = p.session;
  const rows = [...p.names, ...Array.from({ length: BLANK_ROWS }, () => '')];
  return (
    <PrintDocument
      title={`${t('programmes.sheet.title')} — ${s.label}`}
      back={`/programmes/sessions/${s.id}/attendance`}
      hint={t('programmes.sheet.printHint')}
      class="sheet-page"
    >
      <article class="sheet" id="sheet">
        <table class="sheet-table">
          <thead>
            <tr class="sheet-head">
              <td colSpan={4}>
                <h1>{t('programmes.sheet.title')}</h1>
                <dl class="sheet-facts">
                  <div>
                    <dt>{t('programmes.cert.course')}</dt>
                    <dd>
                      <bdi>{p.course}</bdi> — <bdi>{s.label}</bdi>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('programmes.activity.date')}</dt>
                    <dd>
                      <DayText value={s.held_on} />
                      {s.topic ? (
                        <>
                          {' — '}
                          <bdi>{s.topic}</bdi>
                        </>
                      ) : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('programmes.cohort.venue')}</dt>
                    <dd>
                      <bdi>{p.town}</bdi> · <bdi>{p.organization}</bdi>
                    </dd>
                  </div>
                  {p.trainers ? (
                    <div>
                      <dt>{t('programmes.cohort.trainers')}</dt>
                      <dd>
                        <bdi>{p.trainers}</bdi>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </td>
            </tr>
            <tr>
              <th scope="col" class="sheet-n">
                #
              </th>
              <th scope="col" class="sheet-name">
                {t('programmes.trainee.name')}
              </th>
              <th scope="col" class="sheet-box">
                {t('programmes.sheet.present')}
              </th>
              <th scope="col" class="sheet-sign">
                {t('programmes.sheet.signature')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((name, i) => (
              <tr class={name ? undefined : 'sheet-blank'}>
                <td class="sheet-n">{i18n.number(i + 1)}</td>
                <td class="sheet-name">{name ? <bdi>{name}</bdi> : null}</td>
                <td class="sheet-box">
                  <span class="sheet-tick" aria-hidden="true"></span>
                </td>
                <td class="sheet-sign"></td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer class="sheet-foot">
          <p>{t('programmes.sheet.trainerSignature')}</p>
          <p>{t('programmes.sheet.footnote')}</p>
        </footer>
      </article>
    </PrintDocument>
  );
}
