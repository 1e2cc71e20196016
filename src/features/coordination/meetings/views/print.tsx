// Printable pages (A4, right to left, no site chrome when printed): the attendance sheet to sign
// by hand — the people the meeting expects, then blank rows for those who come unannounced — and
// the minutes with their decisions and what follows each.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { UserText } from '../../../../core/views/components.js';
import { Markdown } from '../../../publishing/views/components.js';
import { Day, useLocalized } from '../../components.js';
import { AttendanceSummary, WhenAndWhere, type Attendance, type Decision, type Place } from './parts.js';

/** Rows on a sheet: the expected people and at least this many blank ones, this many in all. */
export const SHEET_BLANK_ROWS = 5;
export const SHEET_ROWS = 22;

function PrintPage(p: { title: string; back: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={p.title}>
      <p class="no-print">
        <a href={p.back}>{t('common.back')}</a> · {t('coordination.print.hint')}
      </p>
      <article class="print-sheet">{p.children}</article>
    </Layout>
  );
}

type SheetMeeting = Place & { id: number; title: string; quorum_orgs: number };

export function AttendanceSheet(p: {
  m: SheetMeeting;
  people: { display_name: string; org_name_ar: string | null; org_name_en: string | null }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const blank = Math.max(SHEET_BLANK_ROWS, SHEET_ROWS - p.people.length);
  const n = (i: number) => i18n.number(i + 1);
  return (
    <PrintPage title={t('coordination.attendance.sheetTitle')} back={`/meetings/${p.m.id}/attendance`}>
      <h1>{t('coordination.attendance.sheetTitle')}</h1>
      <p class="sheet-meeting">
        <UserText text={p.m.title} />
      </p>
      <WhenAndWhere m={p.m} attends />
      {p.m.quorum_orgs ? (
        <p class="meta">{t('coordination.attendance.sheetQuorum', { count: p.m.quorum_orgs })}</p>
      ) : null}
      <table class="sheet" id="attendance-sheet">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('coordination.people.name')}</th>
            <th scope="col">{t('coordination.attendance.guestOrg')}</th>
            <th scope="col">{t('coordination.attendance.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {p.people.map((person, i) => (
            <tr>
              <td>{n(i)}</td>
              <td>
                <bdi>{person.display_name}</bdi>
              </td>
              <td>
                <bdi>{name(person, 'org_name')}</bdi>
              </td>
              <td />
            </tr>
          ))}
          {Array.from({ length: blank }, (_, i) => (
            <tr class="sheet-blank">
              <td>{n(p.people.length + i)}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </PrintPage>
  );
}

export function MinutesPrint(p: {
  m: Place & { id: number; title: string; minutes_updated_at: string | null };
  attends: boolean;
  attendance: Attendance;
  minutesHtml: string;
  decisions: Decision[];
  actions: {
    title: string;
    decision_id: number | null;
    due_on: string | null;
    owner_name: string | null;
    org_name_ar: string | null;
    org_name_en: string | null;
  }[];
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <PrintPage title={t('coordination.minutes.title')} back={`/meetings/${p.m.id}`}>
      <h1>
        {t('coordination.minutes.title')}: <UserText text={p.m.title} />
      </h1>
      <WhenAndWhere m={p.m} attends={p.attends} day />
      <h2>{t('coordination.attendance.title')}</h2>
      <AttendanceSummary a={p.attendance} />
      {p.minutesHtml ? <Markdown html={p.minutesHtml} /> : null}
      <h2>{t('coordination.decision.title')}</h2>
      <ol class="decisions">
        {p.decisions.map((d) => (
          <li value={d.number}>
            <UserText text={d.text} />
            <ul>
              {p.actions
                .filter((a) => a.decision_id === d.id)
                .map((a) => (
                  <li>
                    <UserText text={a.title} /> — <bdi>{a.owner_name ?? name(a, 'org_name')}</bdi>
                    {a.due_on ? (
                      <>
                        {' · '}
                        {t('coordination.action.due')}: <Day day={a.due_on} />
                      </>
                    ) : null}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </PrintPage>
  );
}
